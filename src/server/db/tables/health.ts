import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from './columns.ts';
import { accounts } from './accounts.ts';
import { contacts } from './contacts.ts';
import { playbooks } from './playbooks.ts';
import { projectTasks } from './projects.ts';
import { workspaces } from './workspaces.ts';

/** The workspace's health model: weighted or worst-of, and its measures (key, weight, green, red, missing rule). */
export const healthModels = pgTable('health_models', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id),
  kind: text('kind').notNull(),
  measures: jsonb('measures').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Each account's latest score, the facts it came from and each measure's contribution; renewal risk beside it. */
export const accountHealth = pgTable(
  'account_health',
  {
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    score: integer('score'),
    band: text('band'),
    contributions: jsonb('contributions').notNull(),
    renewalRisk: text('renewal_risk').notNull(),
    renewalRiskPoints: integer('renewal_risk_points').notNull(),
    renewalRiskReasons: jsonb('renewal_risk_reasons').notNull(),
    keyContactsLeft: integer('key_contacts_left').notNull().default(0),
    /** The LAER stage the signals said at the last scoring: the stage moves when this does, so a stage set by hand stays until the signals change. */
    laerSignal: text('laer_signal'),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.accountId] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete('cascade'),
  ],
);

/** A row per re-score that changed the score (or band): the trend. */
export const accountHealthHistory = pgTable(
  'account_health_history',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    score: integer('score'),
    band: text('band'),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('account_health_history_account_idx').on(t.workspaceId, t.accountId, t.scoredAt),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete('cascade'),
  ],
);

/** Each change of an account's LAER stage: the history, and time in stage. */
export const accountLaerChanges = pgTable(
  'account_laer_changes',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('account_laer_changes_account_idx').on(t.workspaceId, t.accountId, t.changedAt),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete('cascade'),
  ],
);

/** How valuable a touchpoint (a task of their project) was to a customer contact: 1–5, one per contact and task. */
export const touchpointRatings = pgTable(
  'touchpoint_ratings',
  {
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.taskId, t.contactId] }),
    index('touchpoint_ratings_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

/** Staff's default importance (1–5) of a playbook's touchpoint, used until customers have rated it. */
export const touchpointWeights = pgTable(
  'touchpoint_weights',
  {
    workspaceId: uuid('workspace_id').notNull(),
    playbookId: uuid('playbook_id').notNull(),
    taskKey: text('task_key').notNull(),
    weight: integer('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.playbookId, t.taskKey] }),
    foreignKey({ columns: [t.workspaceId, t.playbookId], foreignColumns: [playbooks.workspaceId, playbooks.id] }).onDelete('cascade'),
  ],
);
