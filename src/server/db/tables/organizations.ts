import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from './columns.ts';
import { accounts } from './accounts.ts';

export const organizations = pgTable(
  'organizations',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    /** The organization's id in another system (a CSV import): unique per workspace. */
    externalId: text('external_id'),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('organizations_account_idx').on(t.workspaceId, t.accountId),
    uniqueIndex('organizations_workspace_external_id_key').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
  ],
);
