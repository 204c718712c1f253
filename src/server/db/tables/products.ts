import { sql } from 'drizzle-orm';
import { bigint, boolean, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { accounts } from './accounts.ts';
import { contacts } from './contacts.ts';
import { organizations } from './organizations.ts';
import { playbooks } from './playbooks.ts';
import { projects } from './projects.ts';
import { workspaces } from './workspaces.ts';

/**
 * What the workspace sells: a product with its modules, whether it needs an implementation (else its buyers'
 * users are onboarded without a project), the playbook its onboarding follows, its enablement content
 * (learning paths for roles) and its maturity stages (ordered, each with criteria), kept as JSON documents.
 */
export const products = pgTable(
  'products',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    description: text('description'),
    modules: text('modules').array().notNull().default(sql`'{}'::text[]`),
    needsImplementation: boolean('needs_implementation').notNull().default(true),
    playbookId: uuid('playbook_id'),
    /** [{ pathId, roles[] }]: the paths the product's people learn, by role. */
    enablement: jsonb('enablement').notNull().default(sql`'[]'::jsonb`),
    /** [{ key, name, criteria, pathId, cadenceId }], in order: the maturity model of the product. */
    stages: jsonb('stages').notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('products_workspace_name_key').on(t.workspaceId, sql`lower(${t.name})`),
    foreignKey({ columns: [t.workspaceId, t.playbookId], foreignColumns: [playbooks.workspaceId, playbooks.id] }),
  ],
);

/** The workspace's rule for a new organization of an account: a separate implementation from this size or kind. */
export const productSettings = pgTable('product_settings', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id),
  separateFromUsers: integer('separate_from_users').notNull().default(50),
  separateTypes: text('separate_types').array().notNull().default(sql`'{subsidiary}'::text[]`),
  separateComplexities: text('separate_complexities').array().notNull().default(sql`'{high}'::text[]`),
  updatedAt: updatedAt(),
});

/** A product an account has taken (after its first), and how its people are onboarded to it. */
export const accountProducts = pgTable(
  'account_products',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    productId: uuid('product_id').notNull(),
    /** project: an onboarding project from the product's playbook; users_only: journeys and paths only. */
    mode: text('mode').notNull(),
    projectId: uuid('project_id'),
    organizationId: uuid('organization_id'),
    addedOn: date('added_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('account_products_account_product_key').on(t.workspaceId, t.accountId, t.productId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }),
    foreignKey({ columns: [t.workspaceId, t.organizationId], foreignColumns: [organizations.workspaceId, organizations.id] }),
  ],
);

/** How a new organization (department, subsidiary, region) of an account was onboarded. */
export const organizationOnboardings = pgTable(
  'organization_onboardings',
  {
    workspaceId: uuid('workspace_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    accountId: uuid('account_id').notNull(),
    type: text('type').notNull(),
    expectedUsers: integer('expected_users').notNull(),
    mode: text('mode').notNull(),
    /** What the workspace's rule suggested, and why (kept to show when the vendor chose otherwise). */
    suggestedMode: text('suggested_mode').notNull(),
    suggestedBecause: text('suggested_because').notNull(),
    projectId: uuid('project_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.organizationId] }),
    index('organization_onboardings_account_idx').on(t.workspaceId, t.accountId),
    foreignKey({ columns: [t.workspaceId, t.organizationId], foreignColumns: [organizations.workspaceId, organizations.id] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }),
  ],
);

/** A usage figure an integration posted for an account (POST /accounts/:id/usage). */
export const usageFigures = pgTable(
  'usage_figures',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    metric: text('metric').notNull(),
    value: doublePrecision('value').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('usage_figures_account_idx').on(t.workspaceId, t.accountId, t.metric, t.at),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
  ],
);

/** Each time an account (contact_id null) or one of its users moved to a maturity stage of a product. */
export const maturityChanges = pgTable(
  'maturity_changes',
  {
    id: tenantId(),
    /** The order changes were recorded in (several may share a moment). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    contactId: uuid('contact_id'),
    productId: uuid('product_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    why: text('why').notNull(),
    /** The success-plan review task opened in the account's active project (null: none was running). */
    reviewTaskId: uuid('review_task_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('maturity_changes_account_idx').on(t.workspaceId, t.accountId, t.productId, t.at, t.seq),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  ],
);
