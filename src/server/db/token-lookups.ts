// Secrets that arrive without a workspace (a cookie, a bearer token, a link) are found in two steps: token_lookups,
// a reference table, says which workspace the hash belongs to; then the token's own row is read by
// (workspace_id, token_hash), a query that stays in one workspace (one shard on Citus). See tables/token-lookups.ts.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { tokenLookups } from './tables/token-lookups.ts';

export type TokenKind = 'session' | 'api_token' | 'scim_token' | 'invite' | 'portal_invitation' | 'portal_link' | 'portal_session';

export interface IssuedToken {
  tokenHash: string;
  workspaceId: string;
  expiresAt?: Date | null;
}

/** Records where tokens just issued belong; call it in the transaction that writes their rows. */
export async function recordTokens(db: Db, kind: TokenKind, tokens: IssuedToken[]): Promise<void> {
  if (tokens.length === 0) return;
  await db
    .insert(tokenLookups)
    .values(tokens.map((token) => ({ tokenHash: token.tokenHash, workspaceId: token.workspaceId, kind, expiresAt: token.expiresAt ?? null })))
    .onConflictDoUpdate({
      target: tokenLookups.tokenHash,
      set: { workspaceId: sql`excluded.workspace_id`, kind: sql`excluded.kind`, expiresAt: sql`excluded.expires_at` },
    });
}

/** The workspace a token of this kind belongs to, or undefined for a token nobody issued. */
export async function workspaceOfToken(db: Db, kind: TokenKind, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .select({ workspaceId: tokenLookups.workspaceId })
    .from(tokenLookups)
    .where(and(eq(tokenLookups.tokenHash, tokenHash), eq(tokenLookups.kind, kind)));
  return row?.workspaceId;
}

const routeStatements = new WeakMap<Db, ReturnType<typeof prepareRoutes>>();
const prepareRoutes = (db: Db) =>
  db
    .select({ tokenHash: tokenLookups.tokenHash, workspaceId: tokenLookups.workspaceId })
    .from(tokenLookups)
    .where(and(sql`${tokenLookups.tokenHash} = any(${sql.placeholder('tokenHashes')})`, eq(tokenLookups.kind, sql.placeholder('kind'))))
    .prepare('token_lookups_by_hashes');

/** Many tokens at once (the batched lookups of sessions and API tokens): each hash found, with its workspace. */
export async function workspacesOfTokens(db: Db, kind: TokenKind, tokenHashes: string[]): Promise<{ tokenHash: string; workspaceId: string }[]> {
  let statement = routeStatements.get(db);
  if (!statement) routeStatements.set(db, (statement = prepareRoutes(db)));
  return statement.execute({ tokenHashes, kind });
}

/** `(workspace_id, token_hash) in (the pairs found)`, for the second step of a batched lookup. */
export const workspaceTokenPairs = (workspaceId: unknown, tokenHash: unknown) =>
  sql`(${workspaceId}, ${tokenHash}) in (select * from unnest(${sql.placeholder('workspaceIds')}::uuid[], ${sql.placeholder('tokenHashes')}::text[]))`;
