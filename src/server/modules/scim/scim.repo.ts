import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { members, scimActivity, scimGroupMembers, scimGroups, scimRoleMappings, scimTokens, scimUsers } from '../../db/schema.ts';
import { recordTokens, workspaceOfToken } from '../../db/token-lookups.ts';

// --- tokens ---

const tokenColumns = { id: scimTokens.id, name: scimTokens.name, prefix: scimTokens.prefix, createdAt: scimTokens.createdAt, lastUsedAt: scimTokens.lastUsedAt };

/** Looked up by its secret alone: the token is what says which workspace the identity provider provisions. */
export async function findTokenByHash(db: Db, tokenHash: string) {
  const workspaceId = await workspaceOfToken(db, 'scim_token', tokenHash);
  if (!workspaceId) return undefined;
  const [row] = await db
    .select({ id: scimTokens.id, workspaceId: scimTokens.workspaceId, revokedAt: scimTokens.revokedAt, lastUsedAt: scimTokens.lastUsedAt })
    .from(scimTokens)
    .where(and(eq(scimTokens.workspaceId, workspaceId), eq(scimTokens.tokenHash, tokenHash)));
  return row;
}

export async function touchToken(db: Db, workspaceId: string, tokenId: string, now: Date) {
  await db.update(scimTokens).set({ lastUsedAt: now }).where(and(eq(scimTokens.workspaceId, workspaceId), eq(scimTokens.id, tokenId)));
}

export function listTokens(db: Db, workspaceId: string) {
  return db.select(tokenColumns).from(scimTokens).where(and(eq(scimTokens.workspaceId, workspaceId), isNull(scimTokens.revokedAt))).orderBy(desc(scimTokens.createdAt));
}

export async function insertToken(db: Db, workspaceId: string, values: { name: string; tokenHash: string; prefix: string; createdBy: string }) {
  // The lookup first: outside a transaction, a token row never exists without it (a lookup alone leads nowhere).
  await recordTokens(db, 'scim_token', [{ tokenHash: values.tokenHash, workspaceId }]);
  const [row] = await db.insert(scimTokens).values({ ...values, workspaceId }).returning(tokenColumns);
  return row!;
}

export async function revokeToken(db: Db, workspaceId: string, tokenId: string, now: Date) {
  const [row] = await db
    .update(scimTokens)
    .set({ revokedAt: now })
    .where(and(eq(scimTokens.workspaceId, workspaceId), eq(scimTokens.id, tokenId), isNull(scimTokens.revokedAt)))
    .returning({ id: scimTokens.id });
  return row;
}

// --- users: every current member of the workspace is a User; a provisioned one has a scim_users row ---

const userName = sql<string>`coalesce(${scimUsers.userName}, ${members.email})`;
const userColumns = {
  memberId: members.id,
  email: members.email,
  name: members.name,
  role: members.role,
  createdAt: members.createdAt,
  deactivatedAt: members.deactivatedAt,
  userName,
  externalId: scimUsers.externalId,
  resource: scimUsers.resource,
  updatedAt: scimUsers.updatedAt,
};
export type UserRow = { memberId: string; email: string; name: string; role: string; createdAt: Date; deactivatedAt: Date | null; userName: string; externalId: string | null; resource: Record<string, unknown> | null; updatedAt: Date | null };

export interface UserConditions {
  id?: string;
  userName?: string;
  externalId?: string;
  email?: string;
}

function userWhere(workspaceId: string, c: UserConditions, exceptMemberId?: string): SQL {
  return and(
    eq(members.workspaceId, workspaceId),
    isNull(members.removedAt),
    c.id !== undefined ? eq(members.id, c.id) : undefined,
    c.userName !== undefined ? sql`lower(${userName}) = ${c.userName.toLowerCase()}` : undefined,
    c.externalId !== undefined ? eq(scimUsers.externalId, c.externalId) : undefined,
    c.email !== undefined ? sql`lower(${members.email}) = ${c.email.toLowerCase()}` : undefined,
    exceptMemberId !== undefined ? ne(members.id, exceptMemberId) : undefined,
  )!;
}

const joinScim = and(eq(scimUsers.workspaceId, members.workspaceId), eq(scimUsers.memberId, members.id));

export async function listUsers(db: Db, workspaceId: string, c: UserConditions, offset: number, limit: number) {
  const where = userWhere(workspaceId, c);
  const [total] = await db.select({ n: count() }).from(members).leftJoin(scimUsers, joinScim).where(where);
  const rows = limit === 0 ? [] : await db.select(userColumns).from(members).leftJoin(scimUsers, joinScim).where(where).orderBy(asc(members.createdAt), asc(members.id)).offset(offset).limit(limit);
  return { total: Number(total?.n ?? 0), rows: rows as UserRow[] };
}

export async function findUser(db: Db, workspaceId: string, memberId: string) {
  const [row] = await db.select(userColumns).from(members).leftJoin(scimUsers, joinScim).where(userWhere(workspaceId, { id: memberId }));
  return row as UserRow | undefined;
}

/** Whether another current member of the workspace answers to this userName. */
export async function userNameTaken(db: Db, workspaceId: string, name: string, exceptMemberId?: string) {
  const [row] = await db.select({ id: members.id }).from(members).leftJoin(scimUsers, joinScim).where(userWhere(workspaceId, { userName: name }, exceptMemberId)).limit(1);
  return row !== undefined;
}

export async function saveScimUser(db: Db, workspaceId: string, memberId: string, values: { userName: string; externalId: string | null; resource: Record<string, unknown> }, now: Date) {
  await db
    .insert(scimUsers)
    .values({ workspaceId, memberId, ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [scimUsers.workspaceId, scimUsers.memberId], set: { ...values, updatedAt: now } });
}

export async function forgetUser(db: Db, workspaceId: string, memberId: string) {
  await db.delete(scimGroupMembers).where(and(eq(scimGroupMembers.workspaceId, workspaceId), eq(scimGroupMembers.memberId, memberId)));
  await db.delete(scimUsers).where(and(eq(scimUsers.workspaceId, workspaceId), eq(scimUsers.memberId, memberId)));
}

/** The ids among these that are current members of the workspace. */
export async function currentMemberIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.select({ id: members.id }).from(members).where(and(eq(members.workspaceId, workspaceId), inArray(members.id, ids), isNull(members.removedAt)));
  return new Set(rows.map((r) => r.id));
}

// --- groups ---

const groupColumns = { id: scimGroups.id, displayName: scimGroups.displayName, externalId: scimGroups.externalId, createdAt: scimGroups.createdAt, updatedAt: scimGroups.updatedAt };
export type GroupRow = { id: string; displayName: string; externalId: string | null; createdAt: Date; updatedAt: Date };

export interface GroupConditions {
  id?: string;
  displayName?: string;
  externalId?: string;
}

function groupWhere(workspaceId: string, c: GroupConditions, exceptId?: string): SQL {
  return and(
    eq(scimGroups.workspaceId, workspaceId),
    c.id !== undefined ? eq(scimGroups.id, c.id) : undefined,
    c.displayName !== undefined ? sql`lower(${scimGroups.displayName}) = ${c.displayName.toLowerCase()}` : undefined,
    c.externalId !== undefined ? eq(scimGroups.externalId, c.externalId) : undefined,
    exceptId !== undefined ? ne(scimGroups.id, exceptId) : undefined,
  )!;
}

export async function listGroups(db: Db, workspaceId: string, c: GroupConditions, offset: number, limit: number) {
  const where = groupWhere(workspaceId, c);
  const [total] = await db.select({ n: count() }).from(scimGroups).where(where);
  const rows = limit === 0 ? [] : await db.select(groupColumns).from(scimGroups).where(where).orderBy(asc(scimGroups.displayName), asc(scimGroups.id)).offset(offset).limit(limit);
  return { total: Number(total?.n ?? 0), rows };
}

export async function findGroup(db: Db, workspaceId: string, groupId: string, forUpdate = false) {
  const query = db.select(groupColumns).from(scimGroups).where(groupWhere(workspaceId, { id: groupId }));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function groupNameTaken(db: Db, workspaceId: string, displayName: string, exceptId?: string) {
  const [row] = await db.select({ id: scimGroups.id }).from(scimGroups).where(groupWhere(workspaceId, { displayName }, exceptId)).limit(1);
  return row !== undefined;
}

export async function insertGroup(db: Db, workspaceId: string, values: { displayName: string; externalId: string | null }, now: Date) {
  const [row] = await db.insert(scimGroups).values({ workspaceId, ...values, createdAt: now, updatedAt: now }).returning(groupColumns);
  return row!;
}

export async function updateGroup(db: Db, workspaceId: string, groupId: string, values: { displayName: string; externalId: string | null }, now: Date) {
  const [row] = await db.update(scimGroups).set({ ...values, updatedAt: now }).where(groupWhere(workspaceId, { id: groupId })).returning(groupColumns);
  return row!;
}

export async function deleteGroup(db: Db, workspaceId: string, groupId: string) {
  await db.delete(scimGroups).where(groupWhere(workspaceId, { id: groupId }));
}

export async function replaceGroupMembers(db: Db, workspaceId: string, groupId: string, memberIds: string[]) {
  await db.delete(scimGroupMembers).where(and(eq(scimGroupMembers.workspaceId, workspaceId), eq(scimGroupMembers.groupId, groupId)));
  if (memberIds.length) await db.insert(scimGroupMembers).values(memberIds.map((memberId) => ({ workspaceId, groupId, memberId })));
}

/** The members of these groups, with their names (for a Group's members[].display). */
export function membersOfGroups(db: Db, workspaceId: string, groupIds: string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .select({ groupId: scimGroupMembers.groupId, memberId: scimGroupMembers.memberId, name: members.name })
    .from(scimGroupMembers)
    .innerJoin(members, and(eq(members.workspaceId, scimGroupMembers.workspaceId), eq(members.id, scimGroupMembers.memberId)))
    .where(and(eq(scimGroupMembers.workspaceId, workspaceId), inArray(scimGroupMembers.groupId, groupIds)))
    .orderBy(asc(members.name));
}

/** The groups these members are in. */
export function groupsOfMembers(db: Db, workspaceId: string, memberIds: string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .select({ memberId: scimGroupMembers.memberId, groupId: scimGroups.id, displayName: scimGroups.displayName })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, and(eq(scimGroups.workspaceId, scimGroupMembers.workspaceId), eq(scimGroups.id, scimGroupMembers.groupId)))
    .where(and(eq(scimGroupMembers.workspaceId, workspaceId), inArray(scimGroupMembers.memberId, memberIds)));
}

/** Every member who is in at least one group (whose role a new mapping may change). */
export async function membersInAnyGroup(db: Db, workspaceId: string) {
  const rows = await db.selectDistinct({ memberId: scimGroupMembers.memberId }).from(scimGroupMembers).where(eq(scimGroupMembers.workspaceId, workspaceId));
  return rows.map((r) => r.memberId);
}

export async function groupsWithCounts(db: Db, workspaceId: string) {
  return db
    .select({ id: scimGroups.id, displayName: scimGroups.displayName, members: sql<number>`count(${scimGroupMembers.memberId})::int`.mapWith(Number) })
    .from(scimGroups)
    .leftJoin(scimGroupMembers, and(eq(scimGroupMembers.workspaceId, scimGroups.workspaceId), eq(scimGroupMembers.groupId, scimGroups.id)))
    .where(eq(scimGroups.workspaceId, workspaceId))
    .groupBy(scimGroups.id, scimGroups.displayName)
    .orderBy(asc(scimGroups.displayName))
    .limit(500);
}

// --- role mapping ---

export function listMappings(db: Db, workspaceId: string) {
  return db.select({ groupName: scimRoleMappings.groupName, role: scimRoleMappings.role }).from(scimRoleMappings).where(eq(scimRoleMappings.workspaceId, workspaceId)).orderBy(asc(scimRoleMappings.groupName));
}

export async function replaceMappings(db: Db, workspaceId: string, mappings: { groupName: string; role: string }[]) {
  await db.delete(scimRoleMappings).where(eq(scimRoleMappings.workspaceId, workspaceId));
  if (mappings.length) await db.insert(scimRoleMappings).values(mappings.map((m) => ({ workspaceId, ...m })));
}

// --- activity ---

const KEEP_ACTIVITY = 200;

export async function recordActivity(db: Db, workspaceId: string, entry: { at: Date; method: string; path: string; status: number; summary: string }) {
  await db.insert(scimActivity).values({ workspaceId, ...entry });
  await db.execute(sql`delete from ${scimActivity} where workspace_id = ${workspaceId} and id in (
    select id from ${scimActivity} where workspace_id = ${workspaceId} order by at desc offset ${KEEP_ACTIVITY})`);
}

export function latestActivity(db: Db, workspaceId: string, limit: number) {
  return db
    .select({ at: scimActivity.at, method: scimActivity.method, path: scimActivity.path, status: scimActivity.status, summary: scimActivity.summary })
    .from(scimActivity)
    .where(eq(scimActivity.workspaceId, workspaceId))
    .orderBy(desc(scimActivity.at))
    .limit(limit);
}

export function deactivatedMembers(db: Db, workspaceId: string) {
  return db
    .select({ id: members.id, name: members.name, email: members.email, deactivatedAt: members.deactivatedAt })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), isNull(members.removedAt), isNotNull(members.deactivatedAt)))
    .orderBy(desc(members.deactivatedAt))
    .limit(200);
}
