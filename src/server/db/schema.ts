import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Every table carries workspace_id; child rows reference their parent through (workspace_id, id)
// so a row can never point into another workspace.

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  createdAt: createdAt(),
});

export const members = pgTable(
  'members',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    unique('members_workspace_id_id_key').on(t.workspaceId, t.id),
    // One sign-in identity per email address among current members.
    uniqueIndex('members_email_active_key').on(sql`lower(${t.email})`).where(sql`${t.removedAt} is null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    memberId: uuid('member_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
    index('sessions_member_idx').on(t.memberId),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.invitedBy], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

// Failed sign-ins, kept in the database so every app process sees the same count.
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: id(),
    key: text('key').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.key, t.failedAt)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
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
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    unique('accounts_workspace_id_id_key').on(t.workspaceId, t.id),
    index('accounts_workspace_name_idx').on(t.workspaceId, sql`lower(${t.name})`, t.id),
    index('accounts_workspace_signed_idx').on(t.workspaceId, t.contractSignedOn),
  ],
);

export const accountOwners = pgTable(
  'account_owners',
  {
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    role: text('role').notNull(),
    memberId: uuid('member_id').notNull(),
  },
  (t) => [
    unique('account_owners_account_role_key').on(t.accountId, t.role),
    index('account_owners_member_idx').on(t.workspaceId, t.memberId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    unique('organizations_workspace_id_id_key').on(t.workspaceId, t.id),
    index('organizations_account_idx').on(t.workspaceId, t.accountId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
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
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('contacts_workspace_id_id_key').on(t.workspaceId, t.id),
    uniqueIndex('contacts_account_email_key').on(t.accountId, sql`lower(${t.email})`),
    index('contacts_account_idx').on(t.workspaceId, t.accountId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
  ],
);

export const outbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    dedupeKey: text('dedupe_key').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    messageId: text('message_id').notNull(),
    state: text('state').notNull().default('scheduled'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('mail_outbox_dedupe_key').on(t.workspaceId, t.dedupeKey),
    index('mail_outbox_due_idx').on(t.state, t.sendAfter),
  ],
);
