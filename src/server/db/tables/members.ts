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
    // One sign-in identity per email address among current members.
    uniqueIndex('members_email_active_key').on(sql`lower(${t.email})`).where(sql`${t.removedAt} is null`),
  ],
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
