import { sql } from 'drizzle-orm';
import { date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { contacts } from './contacts.ts';
import { members } from './members.ts';
import { projects } from './projects.ts';

/**
 * One per project, co-created with the customer: goals, the executive sponsor (a contact of the account),
 * the agreed communication cadence, and the dates value was proven (kept here too, for playbooks without
 * a first_value / value_achieved milestone task).
 */
export const successPlans = pgTable(
  'success_plans',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    goals: text('goals').array().notNull().default(sql`'{}'::text[]`),
    executiveSponsorContactId: uuid('executive_sponsor_contact_id'),
    /** [{ who, meetsWhom, frequency, channel }]: who meets whom, how often, how. */
    communicationCadence: jsonb('communication_cadence').notNull().default(sql`'[]'::jsonb`),
    firstValueOn: date('first_value_on', { mode: 'string' }),
    valueAchievedOn: date('value_achieved_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('success_plans_project_key').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.executiveSponsorContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

/** A business outcome the customer wants; verified when the customer confirms it (with the evidence at that moment). */
export const successOutcomes = pgTable(
  'success_outcomes',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    statement: text('statement').notNull(),
    position: integer('position').notNull().default(0),
    verificationRequestedAt: timestamp('verification_requested_at', { withTimezone: true }),
    verificationRequestedBy: text('verification_requested_by'),
    verificationRequestNote: text('verification_request_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedOn: date('verified_on', { mode: 'string' }),
    verifiedByContactId: uuid('verified_by_contact_id'),
    verifiedByName: text('verified_by_name'),
    verificationComment: text('verification_comment'),
    verificationEvidence: text('verification_evidence'),
    /** Each metric's latest actual when the customer confirmed: what they saw. */
    verificationSnapshot: jsonb('verification_snapshot'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('success_outcomes_project_idx').on(t.workspaceId, t.projectId, t.position),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.verifiedByContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

/** A measurable success metric of an outcome: from baseline to target by a date, owned by someone. */
export const successMetrics = pgTable(
  'success_metrics',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    outcomeId: uuid('outcome_id').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    ownerMemberId: uuid('owner_member_id'),
    ownerContactId: uuid('owner_contact_id'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('success_metrics_outcome_idx').on(t.workspaceId, t.outcomeId, t.position),
    index('success_metrics_project_idx').on(t.workspaceId, t.projectId),
    // A customer who leaves: the metrics they owned (counted on the turnover risk, handed to the successor).
    index('success_metrics_owner_contact_idx').on(t.workspaceId, t.ownerContactId).where(sql`${t.ownerContactId} is not null`),
    foreignKey({ columns: [t.workspaceId, t.outcomeId], foreignColumns: [successOutcomes.workspaceId, successOutcomes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.ownerMemberId], foreignColumns: [members.workspaceId, members.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

/** A measured value of a metric on a date, recorded by either side. */
export const metricActuals = pgTable(
  'metric_actuals',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    metricId: uuid('metric_id').notNull(),
    value: doublePrecision('value').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBySide: text('recorded_by_side').notNull(),
    recordedByMemberId: uuid('recorded_by_member_id'),
    recordedByContactId: uuid('recorded_by_contact_id'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('metric_actuals_metric_idx').on(t.workspaceId, t.metricId, t.measuredOn),
    foreignKey({ columns: [t.workspaceId, t.metricId], foreignColumns: [successMetrics.workspaceId, successMetrics.id] }).onDelete('cascade'),
  ],
);
