// Settings → Provisioning: the SCIM tokens (created and revoked by admins, shown once, kept as a hash), the
// group → role mapping, and what the identity provider did lately. Also who a SCIM request comes from.
import type { MemberRole } from '../../../core/people.ts';
import { roleFromGroups } from '../../../core/scim/roles.ts';
import { contextFor, inTransaction, systemActor, type Ctx, type Services } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { hashToken, randomToken } from '../../security/secrets.ts';
import * as repo from './scim.repo.ts';
import { scimBaseUrl, withGroupRoles } from './scim.service.ts';

const TOUCH_EVERY_MS = 60_000;

const presentToken = (row: Awaited<ReturnType<typeof repo.insertToken>>) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/** The context of a SCIM request: the workspace whose token it carries, acting as the "SCIM provisioning" system actor. */
export async function scimContext(services: Services, token: string): Promise<Ctx | undefined> {
  const db = services.database.db;
  const found = await repo.findTokenByHash(db, hashToken(token));
  if (!found || found.revokedAt) return undefined;
  const now = services.now();
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) await repo.touchToken(db, found.workspaceId, found.id, now);
  return contextFor(services, systemActor(found.workspaceId, 'scim'));
}

export async function createScimToken(ctx: Ctx, input: { name: string }) {
  if (ctx.actor.kind !== 'member') throw forbidden('SCIM tokens are created by an admin member, not by an API token.');
  const token = randomToken('lfscim');
  const row = await repo.insertToken(ctx.db, ctx.workspaceId, { name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 12), createdBy: ctx.actor.memberId });
  return { ...presentToken(row), token };
}

export async function revokeScimToken(ctx: Ctx, tokenId: string) {
  if (!(await repo.revokeToken(ctx.db, ctx.workspaceId, tokenId, ctx.services.now()))) throw notFound('SCIM token');
}

/** Replaces the group → role mapping and gives every member in a group the role it now maps to, at once. */
export async function saveRoleMappings(ctx: Ctx, mappings: { groupName: string; role: MemberRole }[]) {
  return inTransaction(ctx, async (tx) => {
    await withGroupRoles(tx, await repo.membersInAnyGroup(tx.db, tx.workspaceId), () =>
      repo.replaceMappings(tx.db, tx.workspaceId, mappings.map((m) => ({ groupName: m.groupName.trim(), role: m.role }))),
    );
    return (await repo.listMappings(tx.db, tx.workspaceId)).map((m) => ({ groupName: m.groupName, role: m.role as MemberRole }));
  });
}

export async function provisioningSettings(ctx: Ctx) {
  const [tokens, mappingRows, groups, deactivated, activity] = [
    await repo.listTokens(ctx.db, ctx.workspaceId),
    await repo.listMappings(ctx.db, ctx.workspaceId),
    await repo.groupsWithCounts(ctx.db, ctx.workspaceId),
    await repo.deactivatedMembers(ctx.db, ctx.workspaceId),
    await repo.latestActivity(ctx.db, ctx.workspaceId, 20),
  ];
  const mappings = mappingRows.map((m) => ({ groupName: m.groupName, role: m.role as MemberRole }));
  return {
    baseUrl: scimBaseUrl(ctx),
    tokens: tokens.map(presentToken),
    mappings,
    groups: groups.map((g) => ({ ...g, role: roleFromGroups([g.displayName], mappings) ?? null })),
    deactivated: deactivated.map((m) => ({ ...m, deactivatedAt: m.deactivatedAt!.toISOString() })),
    activity: activity.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
}

/** Keeps one line of what the identity provider asked and how it went (the last ones show in Settings). */
export async function recordScimActivity(services: Services, workspaceId: string, entry: { method: string; path: string; status: number; summary: string }) {
  await repo.recordActivity(services.database.db, workspaceId, { at: services.now(), ...entry, path: entry.path.slice(0, 300), summary: entry.summary.slice(0, 300) });
}
