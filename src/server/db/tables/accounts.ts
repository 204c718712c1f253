import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { members } from './members.ts';
import { workspaces } from './workspaces.ts';

export const accounts = pgTable(
  'accounts',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry').notNull(),
    segment: text('segment').notNull(),
    touchModel: text('touch_model').notNull(),
    complexity: text('complexity').notNull(),
    contractValue: bigint('contract_value', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    contractSignedOn: date('contract_signed_on', { mode: 'string' }),
    renewalOn: date('renewal_on', { mode: 'string' }),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    timezone: text('timezone').notNull().default('UTC'),
    laerStage: text('laer_stage').notNull().default('land'),
    /** The account's id in another system (a CRM, a CSV import): unique per workspace. */
    externalId: text('external_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /**
     * Name and domain, lower-cased, as one text (a unit separator between them), kept by PostgreSQL: "contains"
     * searches match it with a plain LIKE through one trigram index — ILIKE over two columns cost ~6× more per row.
     */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(name || chr(31) || coalesce(domain, ''))`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('accounts_workspace_name_idx').on(t.workspaceId, sql`lower(${t.name})`, t.id),
    // One index per sort of the list (accounts.repo.ts sortColumns), so a page is read in order, not sorted:
    // backwards for a descending sort, and a descending index where empty dates stay last both ways. Each carries
    // the filter columns (INCLUDE, hand SQL in migration 0045), so a page's ids come from the index alone.
    index('accounts_workspace_signed_idx').on(t.workspaceId, t.contractSignedOn, t.id),
    index('accounts_workspace_signed_desc_idx').on(t.workspaceId, t.contractSignedOn.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('accounts_workspace_renewal_idx').on(t.workspaceId, t.renewalOn, t.id),
    index('accounts_workspace_renewal_desc_idx').on(t.workspaceId, t.renewalOn.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('accounts_workspace_value_idx').on(t.workspaceId, t.contractValue, t.id),
    index('accounts_workspace_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('accounts_workspace_segment_idx').on(t.workspaceId, t.segment, t.id),
    index('accounts_workspace_industry_idx').on(t.workspaceId, t.industry, t.id),
    // The stage filter's count reads this index alone (its INCLUDE columns, hand SQL in migration 0045).
    index('accounts_workspace_stage_idx').on(t.workspaceId, t.laerStage, t.id),
    uniqueIndex('accounts_workspace_external_id_key').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index('accounts_workspace_domain_idx').on(t.workspaceId, t.domain),
    // "Contains" matches (the list's q, the search) through trigrams: `like '%text%'` without reading every row.
    index('accounts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

// Kept exact by triggers on accounts (migrations 0004_accounts_speed, 0041_row_triggers): the unfiltered list's total.
export const accountCounts = pgTable('account_counts', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  active: integer('active').notNull().default(0),
  archived: integer('archived').notNull().default(0),
});

export const accountOwners = pgTable(
  'account_owners',
  {
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    role: text('role').notNull(),
    memberId: uuid('member_id').notNull(),
  },
  (t) => [
    unique('account_owners_account_role_key').on(t.workspaceId, t.accountId, t.role),
    index('account_owners_member_idx').on(t.workspaceId, t.memberId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
  ],
);
