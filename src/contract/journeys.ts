import { z } from 'zod';
import { CHANNELS, DAY_KINDS, JOURNEY_EVENTS, PRIORITIES } from '../core/cadences/types.ts';
import { ONBOARDING_STATES } from '../core/journeys/state.ts';
import { CONTACT_ROLES } from '../core/people.ts';
import { Sender } from './cadences.ts';
import { patchOf } from './common.ts';

/*
 * User onboarding journeys (issue 16): when a person joins an account that is already a customer (or their role
 * changes), a journey chosen by their role (and the account's products) welcomes them from the account's CSM,
 * gives them portal access, shows their role's learning path, introduces their guide (a super-user) and checks in
 * when the path is done or stalls. A journey's steps are cadence steps: a day after the journey started (day 0),
 * or an event of the person's own (path_completed, path_stalled). A step's sender 'onboarding_manager' is the
 * account's CSM (its onboarding manager when it has no CSM).
 */

const Day = z.number().int().min(0).max(365);

export const JourneyTrigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('day'), day: Day }),
  z.strictObject({ kind: z.literal('event'), event: z.enum(JOURNEY_EVENTS) }),
]);

const StepFields = {
  name: z.string().trim().min(1).max(200),
  trigger: JourneyTrigger,
  delayDays: z.number().int().min(0).max(120).default(0),
  dayKind: z.enum(DAY_KINDS).default('business'),
  sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM').default('09:00'),
  channel: z.enum(CHANNELS).default('email'),
  audience: z.array(z.enum(CONTACT_ROLES)).max(CONTACT_ROLES.length).default([]).describe('Roles that get this step; empty: whoever is on the journey'),
  sender: Sender,
  priority: z.enum(PRIORITIES).default('normal'),
  subject: z.string().trim().min(1).max(300),
  body: z.string().min(1).max(20_000),
};

export const JourneyStep = z.object({ id: z.string(), ...StepFields });
export const JourneyStepInput = z.strictObject({ id: z.string().trim().min(1).max(80).optional(), ...StepFields });

const JourneyFields = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().default(null),
  roles: z.array(z.enum(CONTACT_ROLES)).max(CONTACT_ROLES.length).default([]).describe('Roles it is for; empty: any role'),
  products: z.array(z.string().trim().min(1).max(120)).max(50).default([]).describe('Products it is written for; empty: any'),
  stallDays: z.number().int().min(1).max(180).default(10).describe('Days without progress in the learning path before the stall check-in'),
  steps: z.array(JourneyStepInput).max(50),
  paused: z.boolean().default(false).describe('A paused journey sends nothing until resumed'),
  archived: z.boolean().default(false),
});
export const JourneyInput = JourneyFields.strict();
export type JourneyInput = z.infer<typeof JourneyInput>;
export const JourneyPatch = patchOf(JourneyFields).refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' });
export type JourneyPatch = z.infer<typeof JourneyPatch>;

export const Journey = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  roles: z.array(z.enum(CONTACT_ROLES)),
  products: z.array(z.string()),
  stallDays: z.number().int(),
  builtin: z.boolean(),
  paused: z.boolean(),
  archived: z.boolean(),
  steps: z.array(JourneyStep),
  running: z.number().int().describe('People on it now'),
  updatedAt: z.iso.datetime(),
});
export type Journey = z.infer<typeof Journey>;

export const JourneyListQuery = z.strictObject({ archived: z.enum(['include', 'exclude']).default('exclude') });

/** One person's journey: where they are in it and what comes next. */
export const JourneyProgress = z.object({
  id: z.uuid(),
  journeyId: z.uuid(),
  journeyName: z.string(),
  reason: z.enum(['joined', 'role_changed']),
  role: z.string(),
  startedAt: z.iso.datetime(),
  paused: z.boolean(),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  nextStep: z.object({ name: z.string(), dueAt: z.iso.datetime() }).nullable(),
  waitingFor: z.array(z.string()).describe('Check-ins that wait for an event (the path done, or stalled)'),
  completedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  endedReason: z.string().nullable(),
});
export type JourneyProgress = z.infer<typeof JourneyProgress>;

export const ContactJourneys = z.object({ current: JourneyProgress.nullable(), history: z.array(JourneyProgress) });
export type ContactJourneys = z.infer<typeof ContactJourneys>;

const PersonRef = z.object({ contactId: z.uuid(), name: z.string() });

export const OnboardingPerson = z.object({
  contactId: z.uuid(),
  name: z.string(),
  role: z.string(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  state: z.enum(ONBOARDING_STATES),
  daysToOnboarded: z.number().int().nullable(),
  guide: PersonRef.nullable(),
  learningPath: z.object({ title: z.string(), status: z.string(), completedAt: z.iso.datetime().nullable() }).nullable(),
  journey: JourneyProgress.nullable(),
});

export const SuperUser = z.object({
  contactId: z.uuid(),
  name: z.string(),
  role: z.string(),
  certified: z.boolean(),
  certificateExpiresOn: z.string().nullable(),
  trainees: z.array(PersonRef),
});

export const AccountOnboarding = z.object({
  accountId: z.uuid(),
  counts: z.object({
    currentUsers: z.number().int(),
    onboarded: z.number().int(),
    notOnboarded: z.number().int(),
    byState: z.object({ new: z.number().int(), onboarding: z.number().int(), onboarded: z.number().int(), lapsed: z.number().int() }),
  }),
  medianDaysToOnboarded: z.number().nullable(),
  people: z.array(OnboardingPerson),
  superUsers: z.array(SuperUser),
  coverage: z.object({
    superUsers: z.number().int(),
    usersPerSuperUser: z.number().nullable(),
    flagged: z.boolean(),
    message: z.string(),
  }),
});
export type AccountOnboarding = z.infer<typeof AccountOnboarding>;
