// SCIM 2.0 provisioning (RFC 7643/7644) of members, as Okta and Microsoft Entra do it: Users are the workspace's
// members (a provisioned one keeps the resource its identity provider sent), Groups drive roles through the mapping
// set in Settings. Every write is one transaction: a refused request leaves nothing half-written.
import type { MemberRole } from '../../../core/people.ts';
import { ScimError, scimInvalid } from '../../../core/scim/errors.ts';
import { equalitiesOf } from '../../../core/scim/filter.ts';
import { applyPatch, type Resource } from '../../../core/scim/patch.ts';
import { canonicalResource, readGroup, readUser } from '../../../core/scim/resources.ts';
import { roleFromGroups } from '../../../core/scim/roles.ts';
import { ENTERPRISE_SCHEMA, GROUP_ATTRIBUTES, GROUP_SCHEMA, LIST_SCHEMA, PATCH_SCHEMA, USER_ATTRIBUTES, USER_SCHEMA } from '../../../core/scim/schemas.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { applyProvisionedMember, deprovisionMember, provisionMember } from '../members/members.service.ts';
import * as repo from './scim.repo.ts';

/** Provisioned members start with this role until a mapped group gives them another. */
const DEFAULT_ROLE: MemberRole = 'onboarding_manager';
const MAX_PAGE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const scimBaseUrl = (ctx: Ctx) => `${ctx.services.config.publicUrl}/scim/v2`;

const notFound = (what: 'User' | 'Group', id: string) => new ScimError(404, `No ${what} with id "${id.slice(0, 100)}" exists here.`);
const uniqueness = (detail: string) => new ScimError(409, detail, 'uniqueness');

/** A conflict the members module found (an email in use, the last admin) in SCIM's words. */
async function asScim<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') throw new ScimError(409, error.message, error.message.includes('already a member') ? 'uniqueness' : 'mutability');
    if (error instanceof AppError && error.code === 'not_found') throw new ScimError(404, error.message);
    throw error;
  }
}

// --- paging and filters ---

export interface ListQuery {
  filter?: string | undefined;
  startIndex?: string | undefined;
  count?: string | undefined;
  excludedAttributes?: string | undefined;
  attributes?: string | undefined;
}

function integer(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  if (!/^-?\d{1,9}$/.test(text.trim())) throw scimInvalid('invalidValue', `"${name}" must be a whole number.`);
  return Number(text);
}

/** RFC 7644 §3.4.2.4: startIndex below 1 counts as 1, a negative count as 0. */
function page(query: ListQuery) {
  const startIndex = Math.max(1, integer(query.startIndex, 'startIndex', 1));
  const count = Math.min(MAX_PAGE, Math.max(0, integer(query.count, 'count', 100)));
  return { startIndex, count, offset: startIndex - 1 };
}

function conditionsOf<K extends string>(filter: string | undefined, searchable: Record<string, K>, schema: typeof USER_ATTRIBUTES): Partial<Record<K, string>> | 'none' {
  if (filter === undefined || filter.trim() === '') return {};
  const conditions: Partial<Record<K, string>> = {};
  for (const { attribute, value } of equalitiesOf(filter, Object.keys(searchable), schema)) {
    const key = searchable[attribute]!;
    if (conditions[key] !== undefined && conditions[key] !== value) return 'none';
    conditions[key] = value;
  }
  if ('id' in conditions && !UUID.test(String(conditions['id' as K]))) return 'none';
  return conditions;
}

const excluded = (query: ListQuery, name: string) =>
  (query.excludedAttributes ?? '').split(',').some((a) => a.trim().toLowerCase() === name.toLowerCase()) ||
  (query.attributes !== undefined && !query.attributes.split(',').some((a) => a.trim().toLowerCase() === name.toLowerCase()));

const listResponse = (resources: Record<string, unknown>[], total: number, startIndex: number) => ({
  schemas: [LIST_SCHEMA],
  totalResults: total,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});

// --- users ---

function presentUser(ctx: Ctx, row: repo.UserRow, groups: { groupId: string; displayName: string }[]) {
  const resource: Resource = row.resource ?? { displayName: row.name, emails: [{ value: row.email, type: 'work', primary: true }] };
  return {
    schemas: resource[ENTERPRISE_SCHEMA] ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    id: row.memberId,
    ...resource,
    userName: row.userName,
    active: row.deactivatedAt === null,
    groups: groups.map((g) => ({ value: g.groupId, display: g.displayName, $ref: `${scimBaseUrl(ctx)}/Groups/${g.groupId}` })),
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: (row.updatedAt ?? row.createdAt).toISOString(),
      location: `${scimBaseUrl(ctx)}/Users/${row.memberId}`,
    },
  };
}

async function presentUsers(ctx: Ctx, rows: repo.UserRow[]) {
  const groups = await repo.groupsOfMembers(ctx.db, ctx.workspaceId, rows.map((r) => r.memberId));
  return rows.map((row) => presentUser(ctx, row, groups.filter((g) => g.memberId === row.memberId)));
}

async function userById(ctx: Ctx, id: string) {
  const row = UUID.test(id) ? await repo.findUser(ctx.db, ctx.workspaceId, id.toLowerCase()) : undefined;
  if (!row) throw notFound('User', id);
  return row;
}

const USER_SEARCH = { id: 'id', userName: 'userName', externalId: 'externalId', 'emails.value': 'email' } as const;

export async function listUsers(ctx: Ctx, query: ListQuery) {
  const { startIndex, count, offset } = page(query);
  const conditions = conditionsOf(query.filter, USER_SEARCH, USER_ATTRIBUTES);
  if (conditions === 'none') return listResponse([], 0, startIndex);
  const { total, rows } = await repo.listUsers(ctx.db, ctx.workspaceId, conditions, offset, count);
  const users = await presentUsers(ctx, rows);
  return listResponse(excluded(query, 'groups') ? users.map(({ groups: _groups, ...user }) => user) : users, total, startIndex);
}

export async function getUser(ctx: Ctx, id: string) {
  const [user] = await presentUsers(ctx, [await userById(ctx, id)]);
  return user!;
}

/** POST /Users: a new member, without a password; a userName or email already in use is a 409 uniqueness. */
export async function createUser(ctx: Ctx, body: unknown) {
  const resource = canonicalResource(body, USER_ATTRIBUTES);
  const user = readUser(resource);
  const memberId = await inTransaction(ctx, async (tx) => {
    if (await repo.userNameTaken(tx.db, tx.workspaceId, user.userName)) throw uniqueness(`A User with userName "${user.userName}" exists already.`);
    const member = await asScim(() => provisionMember(tx, { email: user.email, name: user.name, role: DEFAULT_ROLE, active: user.active }));
    await repo.saveScimUser(tx.db, tx.workspaceId, member.id, { userName: user.userName, externalId: user.externalId, resource }, tx.services.now());
    return member.id;
  });
  return getUser(ctx, memberId);
}

/** Saves a User's new resource (PUT, or PATCH applied): the member follows it; deactivation ends their sessions. */
async function saveUser(tx: Ctx, memberId: string, resource: Resource) {
  const user = readUser(resource);
  if (await repo.userNameTaken(tx.db, tx.workspaceId, user.userName, memberId)) throw uniqueness(`Another User has userName "${user.userName}".`);
  await asScim(() => applyProvisionedMember(tx, memberId, { email: user.email, name: user.name, active: user.active }));
  await repo.saveScimUser(tx.db, tx.workspaceId, memberId, { userName: user.userName, externalId: user.externalId, resource }, tx.services.now());
}

export async function replaceUser(ctx: Ctx, id: string, body: unknown) {
  const resource = canonicalResource(body, USER_ATTRIBUTES);
  readUser(resource);
  await inTransaction(ctx, async (tx) => saveUser(tx, (await userById(tx, id)).memberId, resource));
  return getUser(ctx, id);
}

export async function patchUser(ctx: Ctx, id: string, body: { schemas?: string[] | undefined; Operations: unknown }) {
  assertPatchSchema(body);
  await inTransaction(ctx, async (tx) => {
    const current = await getUser(tx, id);
    const { id: _id, meta: _meta, schemas: _schemas, groups: _groups, ...resource } = current;
    await saveUser(tx, current.id, applyPatch(resource, body.Operations, USER_ATTRIBUTES));
  });
  return getUser(ctx, id);
}

export async function deleteUser(ctx: Ctx, id: string) {
  await inTransaction(ctx, async (tx) => {
    const row = await userById(tx, id);
    await asScim(() => deprovisionMember(tx, row.memberId));
    await repo.forgetUser(tx.db, tx.workspaceId, row.memberId);
  });
}

function assertPatchSchema(body: { schemas?: string[] | undefined }) {
  if (body.schemas !== undefined && !body.schemas.includes(PATCH_SCHEMA)) throw scimInvalid('invalidSyntax', `A PATCH body's "schemas" must contain ${PATCH_SCHEMA}.`);
}

// --- groups ---

async function presentGroups(ctx: Ctx, rows: repo.GroupRow[], withMembers: boolean) {
  const memberships = withMembers ? await repo.membersOfGroups(ctx.db, ctx.workspaceId, rows.map((r) => r.id)) : [];
  return rows.map((row) => ({
    schemas: [GROUP_SCHEMA],
    id: row.id,
    displayName: row.displayName,
    ...(row.externalId !== null ? { externalId: row.externalId } : {}),
    ...(withMembers
      ? { members: memberships.filter((m) => m.groupId === row.id).map((m) => ({ value: m.memberId, display: m.name, $ref: `${scimBaseUrl(ctx)}/Users/${m.memberId}` })) }
      : {}),
    meta: { resourceType: 'Group', created: row.createdAt.toISOString(), lastModified: row.updatedAt.toISOString(), location: `${scimBaseUrl(ctx)}/Groups/${row.id}` },
  }));
}

async function groupById(ctx: Ctx, id: string, forUpdate = false) {
  const row = UUID.test(id) ? await repo.findGroup(ctx.db, ctx.workspaceId, id.toLowerCase(), forUpdate) : undefined;
  if (!row) throw notFound('Group', id);
  return row;
}

const GROUP_SEARCH = { id: 'id', displayName: 'displayName', externalId: 'externalId' } as const;

export async function listGroups(ctx: Ctx, query: ListQuery) {
  const { startIndex, count, offset } = page(query);
  const conditions = conditionsOf(query.filter, GROUP_SEARCH, GROUP_ATTRIBUTES);
  if (conditions === 'none') return listResponse([], 0, startIndex);
  const { total, rows } = await repo.listGroups(ctx.db, ctx.workspaceId, conditions, offset, count);
  return listResponse(await presentGroups(ctx, rows, !excluded(query, 'members')), total, startIndex);
}

export async function getGroup(ctx: Ctx, id: string, query: ListQuery = {}) {
  const [group] = await presentGroups(ctx, [await groupById(ctx, id)], !excluded(query, 'members'));
  return group!;
}

/** Writes a group and its members, then gives everyone whose groups changed the role the mapping says. */
async function saveGroup(tx: Ctx, groupId: string | undefined, resource: Resource) {
  const group = readGroup(resource);
  if (await repo.groupNameTaken(tx.db, tx.workspaceId, group.displayName, groupId)) throw uniqueness(`A Group named "${group.displayName}" exists already.`);
  const known = await repo.currentMemberIds(tx.db, tx.workspaceId, group.memberIds);
  const unknown = group.memberIds.find((id) => !known.has(id));
  if (unknown) throw scimInvalid('invalidValue', `"members" names "${unknown}", which is not a User here.`);
  const now = tx.services.now();
  const before = groupId ? (await repo.membersOfGroups(tx.db, tx.workspaceId, [groupId])).map((m) => m.memberId) : [];
  return withGroupRoles(tx, [...new Set([...before, ...group.memberIds])], async () => {
    const row = groupId
      ? await repo.updateGroup(tx.db, tx.workspaceId, groupId, { displayName: group.displayName, externalId: group.externalId }, now)
      : await repo.insertGroup(tx.db, tx.workspaceId, { displayName: group.displayName, externalId: group.externalId }, now);
    await repo.replaceGroupMembers(tx.db, tx.workspaceId, row.id, group.memberIds);
    return row.id;
  });
}

export async function createGroup(ctx: Ctx, body: unknown) {
  const resource = canonicalResource(body, GROUP_ATTRIBUTES);
  const id = await inTransaction(ctx, (tx) => saveGroup(tx, undefined, resource));
  return getGroup(ctx, id);
}

export async function replaceGroup(ctx: Ctx, id: string, body: unknown) {
  const resource = canonicalResource(body, GROUP_ATTRIBUTES);
  await inTransaction(ctx, async (tx) => saveGroup(tx, (await groupById(tx, id, true)).id, resource));
  return getGroup(ctx, id);
}

/** PATCH /Groups: members added or removed (Okta, Entra), or renamed; answers 204 as both accept. */
export async function patchGroup(ctx: Ctx, id: string, body: { schemas?: string[] | undefined; Operations: unknown }) {
  assertPatchSchema(body);
  await inTransaction(ctx, async (tx) => {
    const row = await groupById(tx, id, true);
    const [current] = await presentGroups(tx, [row], true);
    const { id: _id, meta: _meta, schemas: _schemas, ...resource } = current!;
    await saveGroup(tx, row.id, applyPatch(resource, body.Operations, GROUP_ATTRIBUTES));
  });
}

export async function deleteGroup(ctx: Ctx, id: string) {
  await inTransaction(ctx, async (tx) => {
    const row = await groupById(tx, id, true);
    const former = (await repo.membersOfGroups(tx.db, tx.workspaceId, [row.id])).map((m) => m.memberId);
    await withGroupRoles(tx, former, () => repo.deleteGroup(tx.db, tx.workspaceId, row.id));
  });
}

/** The role each member's groups map to now (undefined: none of their groups is mapped). */
async function mappedRoles(tx: Ctx, memberIds: string[]) {
  const mapping = (await repo.listMappings(tx.db, tx.workspaceId)).map((m) => ({ groupName: m.groupName, role: m.role as MemberRole }));
  const groups = await repo.groupsOfMembers(tx.db, tx.workspaceId, memberIds);
  return new Map(memberIds.map((id) => [id, roleFromGroups(groups.filter((g) => g.memberId === id).map((g) => g.displayName), mapping)]));
}

/**
 * Makes a change to groups or to the mapping, then gives these members the role their groups now map to. Someone who
 * had a role from a mapped group and is in none any more goes back to the provisioned members' role; someone whose
 * groups never mapped to a role keeps the one given by hand.
 */
export async function withGroupRoles<T>(tx: Ctx, memberIds: string[], change: () => Promise<T>): Promise<T> {
  const before = await mappedRoles(tx, memberIds);
  const result = await change();
  const after = await mappedRoles(tx, memberIds);
  for (const memberId of memberIds) {
    const role = after.get(memberId) ?? (before.get(memberId) ? DEFAULT_ROLE : undefined);
    if (role) await asScim(() => applyProvisionedMember(tx, memberId, { role }));
  }
  return result;
}
