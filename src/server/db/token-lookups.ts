// Secrets that arrive without a workspace (a cookie, a bearer token, a link) are found in two steps: token_lookups,
// a reference table, says which workspace the hash belongs to; then the token's own row is read by
// (workspace_id, token_hash), a query that stays in one workspace (one shard on Citus). See tables/token-lookups.ts.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { tokenLookups } from './tables/token-lookups.ts';

export type TokenKind = 'session' | 'api_token' | 'scim_token' | 'invite' | 'portal_invitation' | 'portal_link' | 'portal_session' | 'unsubscribe';

export interface IssuedToken {
  tokenHash: string;
  workspaceId: string;
  expiresAt?: Date | null;
}

/**
 * Where tokens already seen belong, per database: a token's hash names one workspace for its whole life (whether it
 * is still good is for its own row to say), so the reference table is asked once per token and process, and a
 * request signed with a known token reads its own row alone. Bounded; the oldest forgotten first.
 */
const KNOWN_ROUTES = 10_000;
const knownRoutes = new WeakMap<Db, Map<string, string>>();

function remember(db: Db, kind: TokenKind, found: { tokenHash: string; workspaceId: string }[]) {
  let known = knownRoutes.get(db);
  if (!known) knownRoutes.set(db, (known = new Map()));
  for (const { tokenHash, workspaceId } of found) {
    if (known.size >= KNOWN_ROUTES) known.delete(known.keys().next().value!);
    known.set(`${kind}:${tokenHash}`, workspaceId);
  }
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
  const known = knownRoutes.get(db)?.get(`${kind}:${tokenHash}`);
  if (known) return known;
  const [row] = await db
    .select({ workspaceId: tokenLookups.workspaceId })
    .from(tokenLookups)
    .where(and(eq(tokenLookups.tokenHash, tokenHash), eq(tokenLookups.kind, kind)));
  if (row) remember(db, kind, [{ tokenHash, workspaceId: row.workspaceId }]);
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
  const known = knownRoutes.get(db);
  const found: { tokenHash: string; workspaceId: string }[] = [];
  const unknown: string[] = [];
  for (const tokenHash of tokenHashes) {
    const workspaceId = known?.get(`${kind}:${tokenHash}`);
    if (workspaceId) found.push({ tokenHash, workspaceId });
    else unknown.push(tokenHash);
  }
  if (unknown.length === 0) return found;
  let statement = routeStatements.get(db);
  if (!statement) routeStatements.set(db, (statement = prepareRoutes(db)));
  const routes = await statement.execute({ tokenHashes: unknown, kind });
  remember(db, kind, routes);
  return [...found, ...routes];
}

/** `(workspace_id, token_hash) in (the pairs found)`, for the second step of a batched lookup. */
export const workspaceTokenPairs = (workspaceId: unknown, tokenHash: unknown) =>
  sql`(${workspaceId}, ${tokenHash}) in (select * from unnest(${sql.placeholder('workspaceIds')}::uuid[], ${sql.placeholder('tokenHashes')}::text[]))`;
