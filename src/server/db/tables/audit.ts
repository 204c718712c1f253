import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

/**
 * The audit log: append-only. A row-level trigger (hand SQL in the migration) refuses every UPDATE and DELETE
 * except the retention job's, which says so with `set local landfall.audit_retention = 'on'`.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** member, token, contact, system, or anonymous (a failed sign-in). */
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    /** What happened: sign_in.succeeded, member.role_changed, webhook_endpoint.created, export.downloaded, … */
    kind: text('kind').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ name: 'audit_entries_pkey', columns: [t.workspaceId, t.id] }),
    index('audit_entries_at_idx').on(t.workspaceId, t.at),
    index('audit_entries_kind_idx').on(t.workspaceId, t.kind, t.at),
  ],
);

/** How long a workspace keeps its audit log. */
export const auditSettings = pgTable('audit_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  retentionDays: integer('retention_days').notNull().default(365),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
