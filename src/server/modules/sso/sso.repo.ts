import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ssoAssertions, ssoConnections, ssoRequests, ssoSignInNames, workspaces } from '../../db/schema.ts';

export type SsoConnectionRow = typeof ssoConnections.$inferSelect;
export type SsoConnectionValues = Omit<typeof ssoConnections.$inferInsert, 'workspaceId' | 'createdAt'>;

export async function findConnection(db: Db, workspaceId: string) {
  const [row] = await db.select().from(ssoConnections).where(eq(ssoConnections.workspaceId, workspaceId));
  return row;
}

/** The connection with its workspace's name, or undefined when the workspace has none (or does not exist). */
export async function findConnectionWithWorkspace(db: Db, workspaceId: string) {
  const [row] = await db
    .select({ connection: ssoConnections, workspaceName: workspaces.name })
    .from(ssoConnections)
    .innerJoin(workspaces, eq(workspaces.id, ssoConnections.workspaceId))
    .where(eq(ssoConnections.workspaceId, workspaceId));
  return row;
}

export async function saveConnection(db: Db, workspaceId: string, values: SsoConnectionValues) {
  const [row] = await db
    .insert(ssoConnections)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: ssoConnections.workspaceId, set: values })
    .returning();
  return row!;
}

/** The workspace a sign-in name (email domain or slug) belongs to. */
export async function workspaceOfName(db: Db, name: string) {
  const [row] = await db.select({ workspaceId: ssoSignInNames.workspaceId }).from(ssoSignInNames).where(eq(ssoSignInNames.name, name));
  return row?.workspaceId;
}

/** Replaces the workspace's sign-in names; a name another workspace holds is left to it and returned. */
export async function replaceSignInNames(db: Db, workspaceId: string, names: string[]) {
  await db.delete(ssoSignInNames).where(eq(ssoSignInNames.workspaceId, workspaceId));
  if (names.length === 0) return [];
  const inserted = await db
    .insert(ssoSignInNames)
    .values(names.map((name) => ({ name, workspaceId })))
    .onConflictDoNothing()
    .returning({ name: ssoSignInNames.name });
  const mine = new Set(inserted.map((row) => row.name));
  return names.filter((name) => !mine.has(name));
}

export async function insertRequest(
  db: Db,
  workspaceId: string,
  request: { key: string; protocol: string; nonce?: string; codeVerifier?: string; createdAt: Date; expiresAt: Date },
) {
  await db.delete(ssoRequests).where(and(eq(ssoRequests.workspaceId, workspaceId), lt(ssoRequests.expiresAt, request.createdAt)));
  await db.insert(ssoRequests).values({ workspaceId, ...request });
}

export async function findRequest(db: Db, workspaceId: string, key: string, protocol: string) {
  const [row] = await db
    .select()
    .from(ssoRequests)
    .where(and(eq(ssoRequests.workspaceId, workspaceId), eq(ssoRequests.key, key), eq(ssoRequests.protocol, protocol)));
  return row;
}

/** Uses a pending sign-in up: the row for the one caller that took it, undefined when it was already gone. */
export async function takeRequest(db: Db, workspaceId: string, key: string, protocol: string) {
  const [row] = await db
    .delete(ssoRequests)
    .where(and(eq(ssoRequests.workspaceId, workspaceId), eq(ssoRequests.key, key), eq(ssoRequests.protocol, protocol)))
    .returning();
  return row;
}

/** Remembers an assertion as used; false when it already was (a replay), on any process. */
export async function rememberAssertion(db: Db, workspaceId: string, assertionId: string, expiresAt: Date, now: Date) {
  await db.delete(ssoAssertions).where(and(eq(ssoAssertions.workspaceId, workspaceId), lt(ssoAssertions.expiresAt, now)));
  const rows = await db
    .insert(ssoAssertions)
    .values({ workspaceId, assertionId, expiresAt })
    .onConflictDoNothing()
    .returning({ id: ssoAssertions.assertionId });
  return rows.length > 0;
}
