import { sql } from 'drizzle-orm';
import { foreignKey, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from './columns.ts';
import { workspaces } from './workspaces.ts';

export const members = pgTable(
  'members',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /** Set when the identity provider deactivates them (SCIM active=false): they cannot sign in until reactivated. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // One current member per email address in a workspace; across workspaces, member_sign_in_emails' key says so.
    uniqueIndex('members_workspace_email_active_key').on(t.workspaceId, sql`lower(${t.email})`).where(sql`${t.removedAt} is null`),
  ],
);

/**
 * Which workspace and member a sign-in email belongs to: the password sign-in arrives with an email alone. One email
 * signs in to one workspace, and this table's key is what enforces it (a tenant table's unique keys include
 * workspace_id, so they cannot). A reference table (Citus copies it to every node; no foreign key into members):
 * sign-in reads it first, then the member by (workspace_id, id). One row per member not removed (deactivated ones
 * keep theirs: the email is still theirs), written, moved and deleted in the transaction that changes the member
 * (members.repo.ts, demo.repo.ts).
 */
export const memberSignInEmails = pgTable(
  'member_sign_in_emails',
  {
    /** lower(members.email). */
    email: text('email').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: uuid('member_id').notNull(),
  },
  (t) => [unique('member_sign_in_emails_member_key').on(t.workspaceId, t.memberId)],
);

export const invites = pgTable(
  'invites',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Found through token_lookups, which says the workspace.
    unique('invites_workspace_token_hash_key').on(t.workspaceId, t.tokenHash),
    foreignKey({ columns: [t.workspaceId, t.invitedBy], foreignColumns: [members.workspaceId, members.id] }),
  ],
);
