import { z } from 'zod';
import { CADENCE_EVENTS, CHANNELS, DAY_KINDS, PRIORITIES, WELCOME_TIMINGS } from '../core/cadences/types.ts';
import { CONTACT_ROLES, TOUCH_MODELS } from '../core/people.ts';
import { AUTOMATED_ACTIONS, MILESTONE_KINDS } from '../core/playbooks/definition.ts';
import { OutboxMessage } from './mail.ts';

const Weekday = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]);
const Day = z.number().int().min(0).max(365);

export const StepTrigger = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('day'), day: Day }),
  z.object({
    kind: z.literal('event'),
    event: z.enum(CADENCE_EVENTS),
    milestone: z.enum(MILESTONE_KINDS).optional(),
    taskKey: z.string().trim().min(1).max(120).optional(),
  }),
  z
    .object({ kind: z.literal('weekly'), weekday: Weekday, fromDay: Day, untilDay: Day })
    .refine((trigger) => trigger.untilDay >= trigger.fromDay, { message: 'cannot end before it starts', path: ['untilDay'] }),
]);

export const Sender = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('onboarding_manager') }),
  z.object({ kind: z.literal('member'), memberId: z.uuid({ message: 'must be a member id' }) }),
  z.object({
    kind: z.literal('persona'),
    name: z.string().trim().min(1).max(120),
    title: z.string().trim().max(120),
    signature: z.string().max(500).optional(),
  }),
]);

const StepFields = {
  name: z.string().trim().min(1).max(200),
  trigger: StepTrigger,
  delayDays: z.number().int().min(0).max(120).default(0),
  dayKind: z.enum(DAY_KINDS).default('business').describe('Whether the day and the delay count business days (holidays and weekends skipped) or calendar days'),
  sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM').default('09:00'),
  channel: z.enum(CHANNELS).default('email'),
  audience: z
    .array(z.enum(CONTACT_ROLES))
    .max(CONTACT_ROLES.length)
    .default([])
    .describe('Contact roles that receive the step; empty: every active contact of the account'),
  action: z.enum(AUTOMATED_ACTIONS).nullable().default(null).describe('The automated action the step performs: playbook tasks bound to it complete when it is sent'),
  sender: Sender,
  priority: z.enum(PRIORITIES).default('normal'),
  goal: z
    .object({ taskKey: z.string().trim().min(1).max(120).optional(), milestone: z.enum(MILESTONE_KINDS).optional() })
    .nullable()
    .optional(),
  subject: z.string().trim().min(1).max(300),
  body: z.string().min(1).max(20_000),
};

export const CadenceStep = z.object({ id: z.string(), ...StepFields });
export const CadenceStepInput = z.object({ id: z.string().trim().min(1).max(80).optional(), ...StepFields });

export const CadenceInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  touchModels: z.array(z.enum(TOUCH_MODELS)).default([]),
  products: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
  steps: z.array(CadenceStepInput).max(100),
});
export type CadenceInput = z.infer<typeof CadenceInput>;

export const Cadence = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  touchModels: z.array(z.enum(TOUCH_MODELS)),
  products: z.array(z.string()),
  builtin: z.boolean(),
  steps: z.array(CadenceStep),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  /** Paused: nothing is planned for its projects until it is resumed. */
  pausedAt: z.iso.datetime().nullable(),
});
export type Cadence = z.infer<typeof Cadence>;

export const PauseInput = z.object({ paused: z.boolean() }).strict();

/**
 * What each step's messages became. Opens and clicks are not tracked (no tracking pixel or link rewriting): null
 * says "not recorded" rather than zero.
 */
export const CadenceStepStats = z.object({
  stepId: z.string(),
  sent: z.number().int(),
  scheduled: z.number().int(),
  bounced: z.number().int(),
  failed: z.number().int(),
  opened: z.number().int().nullable(),
  clicked: z.number().int().nullable(),
});
export const CadenceStats = z.object({ steps: z.array(CadenceStepStats) });
export type CadenceStats = z.infer<typeof CadenceStats>;

export const CadenceSettings = z.object({
  welcomeTiming: z
    .enum(WELCOME_TIMINGS)
    .describe('A welcome whose hour has passed when the deal arrives (an afternoon deal): sent at once, or at its hour on the next business morning'),
});
export type CadenceSettings = z.infer<typeof CadenceSettings>;

export const CadenceListQuery = z.object({ archived: z.enum(['include', 'exclude']).default('exclude') });

export const MessagePreviewInput = z.object({
  step: CadenceStepInput.pick({ subject: true, body: true, sender: true }),
  contactId: z.uuid({ message: 'must be a contact id' }).optional(),
  projectId: z.uuid({ message: 'must be a project id' }).optional(),
});
export type MessagePreviewInput = z.infer<typeof MessagePreviewInput>;

export const MessagePreview = z.object({ subject: z.string(), text: z.string(), html: z.string(), to: z.string(), fromName: z.string() });
export type MessagePreview = z.infer<typeof MessagePreview>;

/** Where a test message went, and what it said. */
export const TestSent = z.object({ to: z.string(), subject: z.string() });
export type TestSent = z.infer<typeof TestSent>;

export const ProjectCadenceInput = z.object({ cadenceId: z.uuid({ message: 'must be a cadence id' }).nullable() });

const Planned = z.object({
  projectId: z.uuid(),
  stepId: z.string(),
  stepName: z.string(),
  contactId: z.uuid(),
  contactName: z.string(),
  to: z.string(),
  dueAt: z.iso.datetime(),
  /** Why it will not be sent, when it will not. */
  skip: z.string().nullable(),
});

export const ProjectCadence = z.object({
  cadence: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  attachedAt: z.iso.datetime().nullable(),
  nextRunAt: z.iso.datetime().nullable(),
  planned: z.array(Planned),
});

export const ContactTimeline = z.object({ messages: z.array(OutboxMessage), planned: z.array(Planned) });
export type ContactTimeline = z.infer<typeof ContactTimeline>;
