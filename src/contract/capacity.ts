import { z } from 'zod';
import { AssignedRole } from './assignment.ts';
import { IsoDate, Timezone } from './common.ts';

const Hours = z.number();
const WeekState = z.enum(['ok', 'nearly_full', 'over']);

export const CapacityQuery = z
  .object({
    /** Who is shown: onboarding and implementation managers by default, or one role. */
    role: z.enum(['onboarding_manager', 'implementation_manager']).optional(),
  })
  .strict();
export type CapacityQuery = z.infer<typeof CapacityQuery>;

const MemberRef = z.object({ id: z.uuid(), name: z.string() });

export const CapacityWarning = z.object({
  memberId: z.uuid(),
  name: z.string(),
  week: IsoDate,
  weekNumber: z.number().int(),
  state: z.enum(['nearly_full', 'over']),
  demand: Hours,
  available: Hours,
  /** The warning in words, for a banner. */
  text: z.string(),
});
export type CapacityWarning = z.infer<typeof CapacityWarning>;

export const CapacityReport = z.object({
  today: IsoDate,
  /** The Monday of each week shown, this week first. */
  weeks: z.array(IsoDate),
  people: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      role: z.string(),
      weeklyHours: Hours,
      /** Days off from this week on, for the table. */
      timeOff: z.array(z.object({ from: IsoDate, to: IsoDate })),
      weeks: z.array(z.object({ week: IsoDate, booked: Hours, coming: Hours, available: Hours, state: WeekState })),
    }),
  ),
  /** Hours of won deals not yet projects, that nobody runs yet, per week. */
  unassigned: z.array(Hours),
  coming: z.array(
    z.object({
      dealId: z.string(),
      company: z.string(),
      closedOn: IsoDate,
      playbook: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      effortHours: Hours,
      /** Who the assignment rules (or, without one, the most room) would give it to. */
      suggested: MemberRef.nullable(),
      reason: z.string(),
    }),
  ),
  warnings: z.array(CapacityWarning),
  method: z.string(),
});
export type CapacityReport = z.infer<typeof CapacityReport>;

export const TimeOff = z.object({ id: z.uuid(), startsOn: IsoDate, endsOn: IsoDate, note: z.string().nullable() });
export type TimeOff = z.infer<typeof TimeOff>;

export const MemberCapacity = z.object({
  member: MemberRef,
  weeklyHours: Hours,
  weeklyDigest: z.boolean(),
  /** The timezone the digest is sent in (null: the workspace's). */
  timeZone: z.string().nullable(),
  timeOff: z.array(TimeOff),
  /** The member's first week over (or nearly at) their hours, when there is one in the next 12 weeks. */
  warning: CapacityWarning.nullable(),
});
export type MemberCapacity = z.infer<typeof MemberCapacity>;

export const MemberCapacityPatch = z
  .object({
    weeklyHours: z.number().min(0, { message: 'must be 0 or more hours' }).max(80, { message: 'must be at most 80 hours a week' }),
    weeklyDigest: z.boolean(),
    timeZone: Timezone.nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change: weeklyHours, weeklyDigest or timeZone' });
export type MemberCapacityPatch = z.infer<typeof MemberCapacityPatch>;

export const TimeOffInput = z
  .object({
    startsOn: IsoDate,
    endsOn: IsoDate,
    note: z.string().trim().max(200).nullable().optional(),
  })
  .strict()
  .refine((input) => input.endsOn >= input.startsOn, { message: 'ends before it starts', path: ['endsOn'] });
export type TimeOffInput = z.infer<typeof TimeOffInput>;

export const TimeOffParams = z.object({ id: z.uuid({ message: 'must be an id (a UUID)' }), timeOffId: z.uuid({ message: 'must be an id (a UUID)' }) });

export const SuggestionQuery = z.object({ role: AssignedRole.default('onboarding_manager') }).strict();

export const AssignmentSuggestions = z.object({
  role: AssignedRole,
  /** What the rules would do now (the first matching rule's choice), or why they find nobody. */
  rule: z.object({ member: MemberRef.nullable(), reason: z.string() }),
  /** Everyone who may take the role, most hours free over the next 4 weeks first. */
  candidates: z.array(MemberRef.extend({ openProjects: z.number().int(), roomHours: Hours, warning: z.string().nullable() })),
});
export type AssignmentSuggestions = z.infer<typeof AssignmentSuggestions>;
