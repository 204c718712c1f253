import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from './columns.ts';
import { projects } from './projects.ts';

/** What sales knew at signature, handed to the onboarding team. */
export const handoffs = pgTable(
  'handoffs',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    repMemberId: uuid('rep_member_id'),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('handoffs_project_key').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/** What the onboarding manager asks the rep about the hand-off, and the rep's answer. */
export const handoffQuestions = pgTable(
  'handoff_questions',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    field: text('field'),
    text: text('text').notNull(),
    askedBy: uuid('asked_by'),
    askedByName: text('asked_by_name').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('handoff_questions_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);
