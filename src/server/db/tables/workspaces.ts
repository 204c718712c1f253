import { sql } from 'drizzle-orm';
import { date, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { id, createdAt } from './columns.ts';

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  /** ISO weekdays that are working days (Monday = 1). */
  workingWeekdays: integer('working_weekdays').array().notNull().default(sql`'{1,2,3,4,5}'::int[]`),
  holidays: date('holidays', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
  /** Public holidays of this country (ISO 3166 code, date-holidays' list) are non-working days too; null = none. */
  holidayCountry: text('holiday_country'),
  /** A region of that country (a US state, a German Land…) whose own public holidays count as well. */
  holidayRegion: text('holiday_region'),
  /** The sales hand-off answers this workspace cannot start without. */
  handoffRequiredFields: text('handoff_required_fields')
    .array()
    .notNull()
    .default(sql`'{why_they_bought,definition_of_success,stakeholders,risks}'::text[]`),
  createdAt: createdAt(),
});
