import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { projects } from './projects.ts';
import { workspaces } from './workspaces.ts';

/** Per workspace: the escalation ladder (steps as one JSON list). No row: the default ladder, on. */
export const escalationSettings = pgTable('escalation_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  enabled: boolean('enabled').notNull().default(true),
  steps: jsonb('steps').notNull(),
  /** The vendor ladder: a project where no person did anything for this many business days chases its owner. */
  vendorQuietDays: integer('vendor_quiet_days').notNull().default(5),
  updatedAt: updatedAt(),
});

/**
 * An episode of customer silence on a project: from its first overdue customer task to the day none is
 * overdue. Ladder steps fire once per episode; stalled_since is the project's "stalled, waiting on customer" flag.
 */
export const escalationEpisodes = pgTable(
  'escalation_episodes',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    stalledSince: date('stalled_since', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // One open episode per project, however many processes look at it at once.
    uniqueIndex('escalation_episodes_open_key').on(t.workspaceId, t.projectId).where(sql`${t.endedOn} is null`),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/** What reminders and escalation already did, once per key: a task's reminder for a due date, a ladder step in an episode. */
export const escalationActions = pgTable(
  'escalation_actions',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    episodeId: uuid('episode_id'),
    /** The task a reminder was about (no foreign key: the record outlives a removed task). */
    taskId: uuid('task_id'),
    /** due_soon:<task>:<due date>, overdue:<task>:<due date>, or step:<episode>:<days>:<action>. */
    key: text('key').notNull(),
    firedOn: date('fired_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('escalation_actions_key').on(t.workspaceId, t.projectId, t.key),
    index('escalation_actions_episode_idx').on(t.workspaceId, t.episodeId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.episodeId], foreignColumns: [escalationEpisodes.workspaceId, escalationEpisodes.id] }).onDelete(
      'cascade',
    ),
  ],
);
