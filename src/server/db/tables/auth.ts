import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from './columns.ts';
import { members } from './members.ts';

export const sessions = pgTable(
  'sessions',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    memberId: uuid('member_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Found through token_lookups, which says the workspace.
    unique('sessions_workspace_token_hash_key').on(t.workspaceId, t.tokenHash),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
    index('sessions_member_idx').on(t.memberId),
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
