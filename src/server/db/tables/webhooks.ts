import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

/** Where a workspace's outbound webhooks go (Standard Webhooks 1.0), the events it takes, and its signing secrets. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    /** The current signing secret (whsec_…), sealed (security/sealed.ts); shown once, at creation or rotation. */
    secretSealed: text('secret_sealed').notNull(),
    /** The secret before the last rotation: deliveries carry both signatures until previous_secret_until. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true }),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    /** The first failure of the current run of failures; reset by a success. */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'webhook_endpoints_pkey', columns: [t.workspaceId, t.id] })],
);

/** The webhook outbox: one message per event × endpoint, written in the transaction of the change; the job moves it forward. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    endpointId: uuid('endpoint_id').notNull(),
    /** The webhook-id header (msg_…): the same on every attempt and replay, so the receiver can drop duplicates. */
    messageId: text('message_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending (due at next_attempt_at), sending (claimed until claimed_until), delivered, failed (gave up). */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'webhook_deliveries_pkey', columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.endpointId], foreignColumns: [webhookEndpoints.workspaceId, webhookEndpoints.id] }),
    index('webhook_deliveries_due_idx').on(t.state, t.nextAttemptAt),
    index('webhook_deliveries_log_idx').on(t.workspaceId, t.createdAt),
  ],
);

/** Each attempt at a delivery: the delivery log (status, time taken, what went wrong). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    status: integer('status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    /** Who asked for it: the delivery job, or a member replaying it. */
    trigger: text('trigger').notNull(),
  },
  (t) => [
    primaryKey({ name: 'webhook_attempts_pkey', columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.deliveryId], foreignColumns: [webhookDeliveries.workspaceId, webhookDeliveries.id] }),
    index('webhook_attempts_delivery_idx').on(t.workspaceId, t.deliveryId, t.at),
  ],
);
