import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, createdAt } from './columns.ts';
import { accounts } from './accounts.ts';

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
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
    unique('organizations_workspace_id_id_key').on(t.workspaceId, t.id),
    index('organizations_account_idx').on(t.workspaceId, t.accountId),
    uniqueIndex('organizations_workspace_external_id_key').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
  ],
);
