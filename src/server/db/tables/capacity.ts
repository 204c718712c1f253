import { boolean, date, foreignKey, index, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { members } from './members.ts';

/**
 * Per member: the hours they work in a week (their supply in the capacity view; 40 without a row), and whether they
 * want the dashboard's weekly digest by email, sent on Monday morning in their timezone (the workspace's when null).
 */
export const memberSettings = pgTable(
  'member_settings',
  {
    workspaceId: uuid('workspace_id').notNull(),
    memberId: uuid('member_id').notNull(),
    weeklyHours: real('weekly_hours').notNull().default(40),
    weeklyDigest: boolean('weekly_digest').notNull().default(false),
    timeZone: text('time_zone'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId] }),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

/** Days a member is away (holiday, leave, training): inclusive, out of their hours available. */
export const memberTimeOff = pgTable(
  'member_time_off',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    memberId: uuid('member_id').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('member_time_off_member_idx').on(t.workspaceId, t.memberId, t.endsOn),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
  ],
);
