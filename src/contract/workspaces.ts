import { z } from 'zod';
import { Email, Password, PersonName, Timezone } from './common.ts';

/** ISO weekdays, Monday = 1 … Sunday = 7. */
const Weekday = z.number().int().min(1, { message: 'must be 1 (Monday) to 7 (Sunday)' }).max(7, { message: 'must be 1 (Monday) to 7 (Sunday)' });

export const Workspace = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  /** The business-day calendar every project of the workspace is scheduled on. */
  workingWeekdays: z.array(z.number().int()),
  holidays: z.array(z.string()),
});
export type Workspace = z.infer<typeof Workspace>;

export const WorkspacePatch = z
  .object({
    name: z.string().trim().min(1, { message: 'is required' }).max(120),
    timezone: Timezone,
    workingWeekdays: z
      .array(Weekday)
      .min(1, { message: 'needs at least one working day' })
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: 'lists a day twice' }),
    holidays: z.array(z.iso.date({ message: 'must be dates written YYYY-MM-DD' })).max(500),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one of name, timezone, workingWeekdays, holidays' });
export type WorkspacePatch = z.infer<typeof WorkspacePatch>;

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const SetupInput = z.object({
  workspaceName: z.string().trim().min(1, { message: 'is required' }).max(120),
  name: PersonName,
  email: Email,
  password: Password,
  timezone: Timezone.default('UTC'),
});
export type SetupInput = z.infer<typeof SetupInput>;
