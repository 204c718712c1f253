import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { projects } from './projects.ts';
import { workspaces } from './workspaces.ts';

/** A communication cadence: steps (trigger, timing, sender, content) kept as one JSON document. */
export const cadences = pgTable(
  'cadences',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    description: text('description'),
    touchModels: text('touch_models').array().notNull().default(sql`'{}'::text[]`),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    steps: jsonb('steps').notNull(),
    builtinKey: text('builtin_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Paused: the planner writes nothing for its projects until it is resumed. */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('cadences_builtin_key').on(t.workspaceId, t.builtinKey),
  ],
);

/** The cadence a project follows, and when the planner must look at it next. */
export const projectCadences = pgTable(
  'project_cadences',
  {
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    cadenceId: uuid('cadence_id').notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull(),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  },
  (t) => [
    unique('project_cadences_project_key').on(t.workspaceId, t.projectId),
    index('project_cadences_due_idx').on(t.nextRunAt),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.cadenceId], foreignColumns: [cadences.workspaceId, cadences.id] }),
  ],
);

/** Project events that cadence steps wait for (milestone reached, task completed, contact added). */
export const cadenceEvents = pgTable(
  'cadence_events',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    taskKey: text('task_key'),
    milestone: text('milestone'),
    contactId: uuid('contact_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('cadence_events_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/** Per workspace: when a welcome goes for a deal that arrives after its hour. No row: at once. */
export const cadenceSettings = pgTable('cadence_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  welcomeTiming: text('welcome_timing').notNull().default('at_once'),
  updatedAt: updatedAt(),
});
