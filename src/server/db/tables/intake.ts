import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { updatedAt, tenantId } from './columns.ts';
import { workspaces } from './workspaces.ts';

/** Per workspace: the secrets that sign webhooks from the CRM. */
export const intakeSettings = pgTable('intake_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  webhookSecret: text('webhook_secret').notNull(),
  hubspotClientSecret: text('hubspot_client_secret'),
  salesforceOrganizationId: text('salesforce_organization_id'),
  updatedAt: updatedAt(),
});

/** Every won deal received, once per CRM deal id: the row is the dedupe key and the record of what happened. */
export const intakeDeliveries = pgTable(
  'intake_deliveries',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    source: text('source').notNull(),
    dealId: text('deal_id').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull(),
    error: text('error'),
    accountId: uuid('account_id'),
    projectId: uuid('project_id'),
    attempts: integer('attempts').notNull().default(1),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('intake_deliveries_deal_key').on(t.workspaceId, t.dealId),
    index('intake_deliveries_received_idx').on(t.workspaceId, t.receivedAt),
  ],
);
