import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { MemberRole } from '../../../core/people.ts';
import { batchedLookup } from '../../db/batch.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens, dataVersions, members, sessions, signInFailures } from '../../db/schema.ts';
import { ownerOfSignInEmail } from '../../db/sign-in-emails.ts';
import { recordTokens, workspaceOfToken, workspacesOfTokens, workspaceTokenPairs, type TokenKind } from '../../db/token-lookups.ts';

/** The workspace's data version, read in the same statement as who is asking (null before its first write). */
// Qualified by hand: drizzle writes a one-table select's columns unqualified, which inside this subquery would
// name data_versions' own workspace_id.
const dataVersionOf = (table: 'sessions' | 'api_tokens') =>
  sql<number | null>`(select dv.version from ${dataVersions} dv where dv.workspace_id = ${sql.identifier(table)}.workspace_id)`.mapWith(
    Number,
  );

/**
 * Tokens arriving together are looked up as one batch, in two steps: token_lookups says which workspace each hash
 * belongs to, then `rowsOf` reads their rows by (workspace_id, token_hash), which stays in those workspaces.
 */
const lookupInTwoSteps = <Row>(db: Db, kind: TokenKind, rowsOf: (found: { workspaceIds: string[]; tokenHashes: string[] }) => Promise<Row[]>) =>
  async (tokenHashes: string[]): Promise<Row[]> => {
    const found = await workspacesOfTokens(db, kind, tokenHashes);
    if (found.length === 0) return [];
    return rowsOf({ workspaceIds: found.map((f) => f.workspaceId), tokenHashes: found.map((f) => f.tokenHash) });
  };

// Every request signed in by cookie looks its session up: the lookups of requests arriving together go as one batch
// (named prepared statements, parsed and planned once per connection).
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();
const prepareSessionLookup = (db: Db) => {
  const statement = db
    .select({
      tokenHash: sessions.tokenHash,
      sessionId: sessions.id,
      workspaceId: sessions.workspaceId,
      memberId: sessions.memberId,
      role: members.role,
      memberName: members.name,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      memberRemovedAt: members.removedAt,
      memberDeactivatedAt: members.deactivatedAt,
      dataVersion: dataVersionOf('sessions'),
    })
    .from(sessions)
    .innerJoin(members, and(eq(members.id, sessions.memberId), eq(members.workspaceId, sessions.workspaceId)))
    .where(workspaceTokenPairs(sessions.workspaceId, sessions.tokenHash))
    .prepare('sessions_by_workspace_token_hashes');
  return batchedLookup(lookupInTwoSteps(db, 'session', (found) => statement.execute(found)), (row) => row.tokenHash);
};

export async function findSessionByTokenHash(db: Db, tokenHash: string) {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = prepareSessionLookup(db)));
  const row = await lookup(tokenHash);
  return row ? { ...row, role: row.role as MemberRole } : undefined;
}

export async function insertSession(
  db: Db,
  session: { workspaceId: string; memberId: string; tokenHash: string; expiresAt: Date; userAgent: string | undefined; now: Date },
) {
  // The lookup first: outside a transaction, a session never exists without it (a lookup alone leads nowhere).
  await recordTokens(db, 'session', [{ tokenHash: session.tokenHash, workspaceId: session.workspaceId, expiresAt: session.expiresAt }]);
  const [row] = await db.insert(sessions).values({
    workspaceId: session.workspaceId,
    memberId: session.memberId,
    tokenHash: session.tokenHash,
    expiresAt: session.expiresAt,
    userAgent: session.userAgent ?? null,
    createdAt: session.now,
    lastSeenAt: session.now,
  }).returning({ id: sessions.id });
  return row!.id;
}

export async function revokeSessionByTokenHash(db: Db, tokenHash: string, now: Date) {
  const workspaceId = await workspaceOfToken(db, 'session', tokenHash);
  if (!workspaceId) return;
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

export async function revokeSessionsOfMember(db: Db, workspaceId: string, memberId: string, now: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.memberId, memberId), isNull(sessions.revokedAt)));
}

export async function touchSession(db: Db, workspaceId: string, sessionId: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.id, sessionId)));
}

/** The member who signs in with this email: member_sign_in_emails says whose it is, then their row in that workspace. */
export async function findActiveMemberByEmail(db: Db, email: string) {
  const owner = await ownerOfSignInEmail(db, email);
  if (!owner) return undefined;
  const [row] = await db
    .select()
    .from(members)
    // A member the identity provider deactivated cannot sign in until reactivated.
    .where(and(eq(members.workspaceId, owner.workspaceId), eq(members.id, owner.memberId), isNull(members.removedAt), isNull(members.deactivatedAt)));
  return row;
}

export async function countFailuresSince(db: Db, key: string, since: Date): Promise<{ failures: number; oldest: Date | null }> {
  const [row] = await db
    .select({ failures: count(), oldest: sql<string | null>`min(${signInFailures.failedAt})` })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.failedAt, since)));
  return { failures: row?.failures ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function recordFailures(db: Db, keys: string[], now: Date) {
  await db.insert(signInFailures).values(keys.map((key) => ({ key, failedAt: now })));
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}

// Every API call looks its token up, with the workspace's data version so a cached answer is checked without a
// second round trip. The lookups of requests arriving together go as one query (a named prepared statement).
const apiTokenLookups = new WeakMap<Db, ReturnType<typeof prepareApiTokenLookup>>();
const prepareApiTokenLookup = (db: Db) => {
  const statement = db
    .select({
      tokenHash: apiTokens.tokenHash,
      tokenId: apiTokens.id,
      workspaceId: apiTokens.workspaceId,
      role: apiTokens.role,
      tokenName: apiTokens.name,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      dataVersion: dataVersionOf('api_tokens'),
    })
    .from(apiTokens)
    .where(workspaceTokenPairs(apiTokens.workspaceId, apiTokens.tokenHash))
    .prepare('api_tokens_by_workspace_hashes');
  return batchedLookup(lookupInTwoSteps(db, 'api_token', (found) => statement.execute(found)), (row) => row.tokenHash);
};

export async function findApiTokenByHash(db: Db, tokenHash: string) {
  let lookup = apiTokenLookups.get(db);
  if (!lookup) apiTokenLookups.set(db, (lookup = prepareApiTokenLookup(db)));
  const row = await lookup(tokenHash);
  return row ? { ...row, role: row.role as MemberRole } : undefined;
}

export async function touchApiToken(db: Db, workspaceId: string, tokenId: string, now: Date) {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, tokenId)));
}
