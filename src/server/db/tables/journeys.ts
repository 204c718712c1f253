import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { contacts } from './contacts.ts';
import { workspaces } from './workspaces.ts';

/**
 * A user onboarding journey (issue 16): a cadence whose subject is one person who joined an existing account
 * (or changed role). Steps are cadence steps, kept as one JSON document like a cadence's.
 */
export const journeys = pgTable(
  'journeys',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    description: text('description'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    stallDays: integer('stall_days').notNull().default(10),
    steps: jsonb('steps').notNull(),
    builtinKey: text('builtin_key'),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex('journeys_builtin_key').on(t.workspaceId, t.builtinKey)],
);

/** A person on a journey: when it started and why, when the planner looks next, and how it ended. */
export const contactJourneys = pgTable(
  'contact_journeys',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    accountId: uuid('account_id').notNull(),
    journeyId: uuid('journey_id').notNull(),
    /** joined, or role_changed (the new role's journey). */
    reason: text('reason').notNull(),
    role: text('role').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    /** Every step went (or the role's path was completed). */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Stopped before its end: the person left, or a new role started another journey. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedReason: text('ended_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('contact_journeys_contact_idx').on(t.workspaceId, t.contactId),
    index('contact_journeys_account_idx').on(t.workspaceId, t.accountId),
    index('contact_journeys_due_idx').on(t.nextRunAt),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.journeyId], foreignColumns: [journeys.workspaceId, journeys.id] }),
  ],
);

/** What a journey's event steps wait for: the person's learning path completed, or stalled (once each per journey). */
export const journeyEvents = pgTable(
  'journey_events',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    contactJourneyId: uuid('contact_journey_id').notNull(),
    kind: text('kind').notNull(),
    enrolmentId: uuid('enrolment_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('journey_events_once_key').on(t.workspaceId, t.contactJourneyId, t.kind),
    foreignKey({ columns: [t.workspaceId, t.contactJourneyId], foreignColumns: [contactJourneys.workspaceId, contactJourneys.id] }).onDelete('cascade'),
  ],
);
