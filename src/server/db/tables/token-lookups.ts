import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/**
 * Which workspace a secret belongs to, for the requests that arrive with nothing else: a session cookie, an API or
 * SCIM bearer token, a member's invitation, a portal invitation, sign-in link or session, a contact's unsubscribe
 * link. A reference table (Citus
 * copies it to every node; no foreign key into the tenant tables): the lookup reads it first, then the token's own
 * row by (workspace_id, token_hash), which routes to one shard. Written in the same transaction as the token's row;
 * that row stays the truth (revoked, spent, expired), so a lookup left behind by a re-issued invitation or a deleted
 * contact leads nowhere. Kept as long as the token's row is.
 */
export const tokenLookups = pgTable('token_lookups', {
  tokenHash: text('token_hash').primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  kind: text('kind').notNull(),
  /** When the token stops working, if it does by itself (API and SCIM tokens last until revoked). */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  createdAt: createdAt(),
});
