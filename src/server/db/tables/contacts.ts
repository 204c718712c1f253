import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { accounts } from './accounts.ts';
import { organizations } from './organizations.ts';

export const contacts = pgTable(
  'contacts',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    organizationId: uuid('organization_id'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    title: text('title'),
    role: text('role').notNull(),
    timezone: text('timezone'),
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    /** The product modules this person uses (release news and delta courses go to them). */
    modules: text('modules').array().notNull().default(sql`'{}'::text[]`),
    /** The super-user who guides this person through their first weeks (issue 16, train-the-trainer). */
    guideContactId: uuid('guide_contact_id'),
    /** The person's id in another system (a CRM, a CSV import): unique per workspace. */
    externalId: text('external_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Name and email, lower-cased, as one text for "contains" searches (as accounts.search_text). */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(name || chr(31) || email)`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('contacts_account_email_key').on(t.workspaceId, t.accountId, sql`lower(${t.email})`),
    index('contacts_account_idx').on(t.workspaceId, t.accountId),
    uniqueIndex('contacts_workspace_external_id_key').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index('contacts_modules_idx').using('gin', t.modules),
    index('contacts_guide_idx').on(t.workspaceId, t.guideContactId),
    index('contacts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
  ],
);
