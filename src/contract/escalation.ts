import { z } from 'zod';
import { ESCALATION_ACTIONS, MAX_OVERDUE_DAYS, MAX_STEPS } from '../core/escalation/ladder.ts';

export const EscalationAction = z.enum(ESCALATION_ACTIONS);

export const LadderStep = z.object({
  overdueDays: z
    .number({ message: 'must be a number of business days' })
    .int({ message: 'must be a whole number of business days' })
    .min(1, { message: 'must be at least 1 business day' })
    .max(MAX_OVERDUE_DAYS, { message: `must be at most ${MAX_OVERDUE_DAYS} business days` }),
  action: EscalationAction,
  enabled: z.boolean().default(true),
});
export type LadderStep = z.infer<typeof LadderStep>;

export const EscalationSettingsInput = z.object({
  /** Off: no reminders and no escalation in this workspace. */
  enabled: z.boolean(),
  steps: z.array(LadderStep).max(MAX_STEPS, { message: `at most ${MAX_STEPS} steps` }),
  vendorQuietDays: z
    .number()
    .int({ message: 'must be a whole number of business days' })
    .min(1)
    .max(60)
    .default(5)
    .describe('The vendor ladder: a project where nobody did anything for this many business days reminds its owner, then the team lead'),
});
export type EscalationSettingsInput = z.infer<typeof EscalationSettingsInput>;

export const EscalationSettings = z.object({
  enabled: z.boolean(),
  /** In the order they fire: by day. */
  steps: z.array(LadderStep),
  /** The default ladder, to go back to. */
  defaults: z.array(LadderStep),
  vendorQuietDays: z.number().int(),
});
export type EscalationSettings = z.infer<typeof EscalationSettings>;

export const CustomerTask = z.object({
  taskId: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  /** Business days past due: 0 due today, negative before. */
  overdueDays: z.number().int(),
  assigneeName: z.string().nullable(),
});
export type CustomerTask = z.infer<typeof CustomerTask>;

export const ProjectEscalation = z.object({
  enabled: z.boolean(),
  today: z.string(),
  /** The project's "stalled, waiting on customer" flag: the day it was set, or null. */
  stalledSince: z.string().nullable(),
  /** The current episode of customer silence (from the first overdue customer task until none is overdue). */
  episode: z
    .object({
      startedOn: z.string(),
      overdueDays: z.number().int(),
      steps: z.array(LadderStep.extend({ label: z.string(), firedOn: z.string().nullable() })),
    })
    .nullable(),
  lastEpisode: z.object({ startedOn: z.string(), endedOn: z.string(), endReason: z.string().nullable() }).nullable(),
  overdueTasks: z.array(CustomerTask),
  dueSoon: z.array(CustomerTask),
  describe: z.string().nullable(),
});
export type ProjectEscalation = z.infer<typeof ProjectEscalation>;
