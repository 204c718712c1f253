import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { contacts } from './contacts.ts';
import { projects } from './projects.ts';
import { workspaces } from './workspaces.ts';

/** Per workspace: the score thresholds of the verdicts, and whether a project waits in Mobilization until ready. */
export const readinessSettings = pgTable('readiness_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  readyThreshold: integer('ready_threshold').notNull().default(70),
  atRiskThreshold: integer('at_risk_threshold').notNull().default(50),
  gateOn: boolean('gate_on').notNull().default(false),
  updatedAt: updatedAt(),
});

/** A readiness questionnaire: the workspace's own, or the built-in one (builtin_key). */
export const readinessQuestionnaires = pgTable(
  'readiness_questionnaires',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    description: text('description'),
    /** The newest version; an assessment keeps the version it was answered with. */
    currentVersion: integer('current_version').notNull().default(1),
    builtinKey: text('builtin_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('readiness_questionnaires_builtin_key').on(t.workspaceId, t.builtinKey),
  ],
);

/** Every saved edit of a questionnaire is a new, immutable version. */
export const readinessQuestionnaireVersions = pgTable(
  'readiness_questionnaire_versions',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    version: integer('version').notNull(),
    questions: jsonb('questions').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('readiness_questionnaire_versions_version_key').on(t.workspaceId, t.questionnaireId, t.version),
    foreignKey({
      columns: [t.workspaceId, t.questionnaireId],
      foreignColumns: [readinessQuestionnaires.workspaceId, readinessQuestionnaires.id],
    }),
  ],
);

/** One readiness assessment of a project: its answers (each with who and when), then its scores once submitted. */
export const readinessAssessments = pgTable(
  'readiness_assessments',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    questionnaireVersionId: uuid('questionnaire_version_id').notNull(),
    /** draft, sent (to a customer contact, through the portal) or submitted. */
    state: text('state').notNull().default('draft'),
    /** { [question key]: { value, by: { side, id, name }, at } } */
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    startedByName: text('started_by_name').notNull(),
    sentToContactId: uuid('sent_to_contact_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentByName: text('sent_by_name'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByName: text('submitted_by_name'),
    overall: integer('overall'),
    verdict: text('verdict'),
    /** The scores at submission: areas, weakest answers, and the thresholds they were judged by. */
    score: jsonb('score'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('readiness_assessments_project_idx').on(t.workspaceId, t.projectId, t.createdAt),
    // One assessment under way per project at a time.
    uniqueIndex('readiness_assessments_open_key').on(t.workspaceId, t.projectId).where(sql`${t.state} <> 'submitted'`),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.questionnaireVersionId],
      foreignColumns: [readinessQuestionnaireVersions.workspaceId, readinessQuestionnaireVersions.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.sentToContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

/** A manager let the project leave Mobilization although readiness does not pass: who, when and why. */
export const readinessGateOverrides = pgTable(
  'readiness_gate_overrides',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    reason: text('reason').notNull(),
    byMemberId: uuid('by_member_id'),
    byName: text('by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('readiness_gate_overrides_project_key').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/** A risk flag on a project (e.g. the customer is not ready): visible until resolved, by a person or by what clears it. */
export const projectRisks = pgTable(
  'project_risks',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedByName: text('raised_by_name').notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByName: text('resolved_by_name'),
    resolution: text('resolution'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('project_risks_project_idx').on(t.workspaceId, t.projectId),
    // One open risk of a kind per project: raising it again updates its reason.
    uniqueIndex('project_risks_open_key').on(t.workspaceId, t.projectId, t.kind).where(sql`${t.resolvedAt} is null`),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);
