import { z } from 'zod';
import { Email, Password, PersonName, Timezone } from './common.ts';

const HolidayCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter country code (US, GB, DE…)' });
const HolidayRegionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,20}$/, { message: 'must be a region code of the country (CA for California…)' });

/** ISO weekdays, Monday = 1 … Sunday = 7. */
const Weekday = z.number().int().min(1, { message: 'must be 1 (Monday) to 7 (Sunday)' }).max(7, { message: 'must be 1 (Monday) to 7 (Sunday)' });

export const Workspace = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  /** The business-day calendar every project of the workspace is scheduled on. */
  workingWeekdays: z.array(z.number().int()),
  holidays: z.array(z.string()),
  /** Public holidays of this country (and region) are days off too, on top of `holidays`; null = none. */
  holidayCountry: z.string().nullable(),
  holidayRegion: z.string().nullable(),
  /** Those public holidays as dates (2020–2045), so the app counts business days as the scheduler does. */
  publicHolidays: z.array(z.string()),
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
    /** The workspace's own days off (a company holiday), on top of the public ones. */
    holidays: z.array(z.iso.date({ message: 'must be dates written YYYY-MM-DD' })).max(500),
    /** ISO 3166 code of the country whose public holidays are days off (GET /holiday-calendars); null: none. */
    holidayCountry: HolidayCountryCode.nullable(),
    /** A region of that country (US state, German Land…) whose own public holidays count too; null: the country's only. */
    holidayRegion: HolidayRegionCode.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'send at least one of name, timezone, workingWeekdays, holidays, holidayCountry, holidayRegion',
  });
export type WorkspacePatch = z.infer<typeof WorkspacePatch>;

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const SetupInput = z.object({
  workspaceName: z.string().trim().min(1, { message: 'is required' }).max(120),
  name: PersonName,
  email: Email,
  password: Password,
  timezone: Timezone.default('UTC'),
  /** Whose public holidays are days off from the start (editable later in the workspace settings). */
  holidayCountry: HolidayCountryCode.nullable().default(null),
  holidayRegion: HolidayRegionCode.nullable().default(null),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const HolidayRegion = z.object({ code: z.string(), name: z.string() });
export const HolidayCountry = HolidayRegion.extend({ regions: z.array(HolidayRegion) });
export type HolidayCountry = z.infer<typeof HolidayCountry>;

export const HolidayCountryParams = z.object({ country: HolidayCountryCode });
export const PublicHolidaysQuery = z.object({
  region: HolidayRegionCode.optional(),
  year: z.coerce.number().int().min(2020).max(2045).optional(),
});
export const PublicHoliday = z.object({ date: z.string(), name: z.string() });
export type PublicHoliday = z.infer<typeof PublicHoliday>;
