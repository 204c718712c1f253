import type { MemberRole } from '../../../core/people.ts';
import { inTransaction, type Ctx, type Services } from '../../context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../audit/audit.ts';
import { emit } from '../../events/bus.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { hashPassword, hashToken, randomToken } from '../../security/secrets.ts';
import * as repo from './members.repo.ts';

const INVITE_LIFETIME_MS = 7 * 86400_000;

const presentMember = ({ id, name, email, role, createdAt }: { id: string; name: string; email: string; role: string; createdAt: Date }) => ({
  id,
  name,
  email,
  role: role as MemberRole,
  createdAt: createdAt.toISOString(),
});

/** The password hash of a member who has none: no password verifies against it (they sign in through SSO or a link). */
const NO_PASSWORD = 'none';

const presentInvite = (row: { id: string; email: string; role: string; createdAt: Date; expiresAt: Date }) => ({
  ...row,
  role: row.role as MemberRole,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

export async function listMembers(ctx: Ctx) {
  const rows = await repo.listMembers(ctx.db, ctx.workspaceId);
  return rows.map(presentMember);
}

export async function getMember(ctx: Ctx, memberId: string) {
  const row = await repo.findMember(ctx.db, ctx.workspaceId, memberId);
  if (!row) throw notFound('member');
  return presentMember(row);
}

/** The member, or undefined when there is none of that id in the workspace (or they were removed). */
export async function memberOf(ctx: Ctx, memberId: string) {
  const row = await repo.findMember(ctx.db, ctx.workspaceId, memberId);
  return row && presentMember(row);
}

/** These members (those not removed), by id: memberOf for many at once. */
export async function membersByIds(ctx: Ctx, memberIds: string[]) {
  const rows = memberIds.length === 0 ? [] : await repo.findMembers(ctx.db, ctx.workspaceId, memberIds);
  return new Map(rows.map((row) => [row.id, presentMember(row)]));
}

/** The workspace's member who signs in with this email (any case), or undefined. */
export async function memberWithEmail(ctx: Ctx, email: string) {
  const row = await repo.findMemberByEmail(ctx.db, ctx.workspaceId, email);
  return row && presentMember(row);
}

/** Whether someone already signs in to Landfall with this email: an email belongs to one workspace. */
export function isMemberEmail(db: Db, email: string) {
  return repo.activeMemberEmailExists(db, email);
}

/** Adds a member who chose their password already (a workspace's first admin), in the transaction given. */
export async function addMember(db: Db, workspaceId: string, member: { email: string; name: string; role: MemberRole; password: string }) {
  return repo.insertMember(db, workspaceId, {
    email: member.email.toLowerCase(),
    name: member.name,
    role: member.role,
    passwordHash: await hashPassword(member.password),
  });
}

export async function updateMember(ctx: Ctx, memberId: string, patch: { name?: string; role?: MemberRole }) {
  return inTransaction(ctx, async (tx) => {
    const current = await repo.findMember(tx.db, tx.workspaceId, memberId);
    if (!current) throw notFound('member');
    if (patch.role && patch.role !== 'admin' && current.role === 'admin' && (await repo.countAdmins(tx.db, tx.workspaceId)) <= 1) {
      throw conflict('This is the last admin of the workspace: make someone else admin first.', { path: ['body', 'role'] });
    }
    const row = await repo.updateMember(tx.db, tx.workspaceId, memberId, patch);
    const before = { name: current.name, role: current.role };
    const after = { name: row!.name, role: row!.role };
    if (before.name !== after.name || before.role !== after.role) {
      const what = before.role !== after.role ? `Role of ${after.name} changed from ${before.role} to ${after.role}` : `${before.name} renamed to ${after.name}`;
      await recordAudit(tx, { kind: 'member.role_changed', summary: what, subject: { type: 'member', id: memberId }, before, after });
    }
    return presentMember(row!);
  });
}

/** Removes a member; their sessions end at once, in the same transaction (auth reacts to member.removed). */
export async function removeMember(ctx: Ctx, memberId: string) {
  await inTransaction(ctx, async (tx) => {
    const current = await repo.findMember(tx.db, tx.workspaceId, memberId);
    if (!current) throw notFound('member');
    if (tx.actor.kind === 'member' && tx.actor.memberId === memberId) {
      throw forbidden('You cannot remove yourself; ask another admin.');
    }
    if (current.role === 'admin' && (await repo.countAdmins(tx.db, tx.workspaceId)) <= 1) {
      throw conflict('This is the last admin of the workspace and cannot be removed.');
    }
    await repo.markMemberRemoved(tx.db, tx.workspaceId, memberId, tx.services.now());
    await emit(tx, 'member.removed', { memberId, name: current.name, role: current.role });
  });
}

/** What an identity provider (SCIM) may set on a member. */
export interface ProvisionedMember {
  email: string;
  name: string;
  role: MemberRole;
  active: boolean;
}

const emailTaken = (email: string) => conflict(`${email} is already a member of a Landfall workspace.`, { path: ['body', 'email'] });

/** Adds a member sent by the identity provider, without a password, in the caller's transaction. */
export async function provisionMember(ctx: Ctx, member: ProvisionedMember) {
  if (await isMemberEmail(ctx.db, member.email)) throw emailTaken(member.email);
  const row = await repo.insertMember(ctx.db, ctx.workspaceId, {
    email: member.email.toLowerCase(),
    name: member.name,
    role: member.role,
    passwordHash: NO_PASSWORD,
    deactivatedAt: member.active ? null : ctx.services.now(),
  });
  return { ...presentMember(row), active: member.active };
}

/**
 * Applies what the identity provider says of a member, in the caller's transaction. Deactivating ends their sessions
 * and flags their open work (member.deactivated); the last active admin is neither demoted nor deactivated.
 */
export async function applyProvisionedMember(ctx: Ctx, memberId: string, next: Partial<ProvisionedMember>) {
  const current = await repo.findMember(ctx.db, ctx.workspaceId, memberId);
  if (!current) throw notFound('member');
  const email = next.email?.toLowerCase();
  if (email !== undefined && email !== current.email.toLowerCase() && (await isMemberEmail(ctx.db, email))) throw emailTaken(email);
  const wasActive = current.deactivatedAt === null;
  const active = next.active ?? wasActive;
  const role = next.role ?? (current.role as MemberRole);
  if (current.role === 'admin' && wasActive && (role !== 'admin' || !active) && (await repo.countAdmins(ctx.db, ctx.workspaceId)) <= 1) {
    throw conflict(`${current.name} is the last admin of the workspace: make someone else admin first.`);
  }
  const now = ctx.services.now();
  const row = await repo.updateMember(ctx.db, ctx.workspaceId, memberId, {
    ...(email !== undefined ? { email } : {}),
    ...(next.name !== undefined ? { name: next.name } : {}),
    role,
    deactivatedAt: active ? null : (current.deactivatedAt ?? now),
  });
  if (wasActive && !active) await emit(ctx, 'member.deactivated', { memberId });
  return { ...presentMember(row!), active };
}

/** Removes a member the identity provider deleted, in the caller's transaction (their sessions end: member.removed). */
export async function deprovisionMember(ctx: Ctx, memberId: string) {
  const current = await repo.findMember(ctx.db, ctx.workspaceId, memberId);
  if (!current) throw notFound('member');
  if (current.role === 'admin' && current.deactivatedAt === null && (await repo.countAdmins(ctx.db, ctx.workspaceId)) <= 1) {
    throw conflict(`${current.name} is the last admin of the workspace and cannot be removed.`);
  }
  await repo.markMemberRemoved(ctx.db, ctx.workspaceId, memberId, ctx.services.now());
  await emit(ctx, 'member.removed', { memberId, name: current.name, role: current.role });
}

export async function listInvites(ctx: Ctx) {
  const rows = await repo.listPendingInvites(ctx.db, ctx.workspaceId, ctx.services.now());
  return rows.map(presentInvite);
}

export async function inviteMember(ctx: Ctx, input: { email: string; role: MemberRole }) {
  if (ctx.actor.kind !== 'member') throw forbidden('Invitations are sent by a member, not an API token.');
  const invitedBy = ctx.actor.memberId;
  const token = randomToken('lfi');
  const inviteUrl = `${ctx.services.config.publicUrl}/invite/${encodeURIComponent(token)}`;
  return inTransaction(ctx, async (tx) => {
    if (await isMemberEmail(tx.db, input.email)) {
      throw conflict(`${input.email} is already a member of a Landfall workspace.`, { path: ['body', 'email'] });
    }
    const now = tx.services.now();
    const row = await repo.insertInvite(tx.db, tx.workspaceId, {
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy,
      expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS),
    });
    const inviter = await repo.findMember(tx.db, tx.workspaceId, invitedBy);
    await queueMail(tx.db, tx.services, tx.workspaceId, {
      dedupeKey: `invite:${row.id}`,
      to: input.email,
      subject: `${inviter?.name ?? 'A colleague'} invited you to Landfall`,
      text:
        `${inviter?.name ?? 'A colleague'} invited you to join their Landfall workspace.\n\n` +
        `Accept the invitation and choose your password:\n${inviteUrl}\n\n` +
        `The link works for 7 days.`,
      credentials: [{ label: 'invitation link', value: inviteUrl }],
    });
    await recordAudit(tx, { kind: 'member.invited', summary: `Invited ${input.email} as ${input.role}`, subject: { type: 'invite', id: row.id }, after: { email: input.email, role: input.role } });
    return { ...presentInvite(row), inviteUrl };
  });
}

export async function revokeInvite(ctx: Ctx, inviteId: string) {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.revokeInvite(tx.db, tx.workspaceId, inviteId, tx.services.now());
    if (!row) throw notFound('pending invitation');
    await recordAudit(tx, { kind: 'member.invite_revoked', summary: 'Revoked an invitation', subject: { type: 'invite', id: inviteId } });
  });
}

async function usableInvite(services: Services, token: string) {
  const invite = await repo.findInviteByTokenHash(services.database.db, hashToken(token));
  if (!invite || invite.revokedAt) throw notFound('invitation');
  if (invite.acceptedAt) throw conflict('This invitation has already been used. Sign in instead.');
  if (invite.expiresAt <= services.now()) throw conflict('This invitation has expired. Ask your admin for a new one.');
  return invite;
}

export async function previewInvite(services: Services, token: string) {
  const invite = await usableInvite(services, token);
  return {
    email: invite.email,
    role: invite.role as MemberRole,
    workspaceName: invite.workspaceName,
    expiresAt: invite.expiresAt.toISOString(),
  };
}

/** Turns an invitation into a member; a token can be used once, even by two clicks at the same moment. */
export async function acceptInvite(services: Services, token: string, input: { name: string; password: string }) {
  const invite = await usableInvite(services, token);
  const passwordHash = await hashPassword(input.password);
  return services.database.db.transaction(async (tx) => {
    if (!(await repo.claimInvite(tx, invite.workspaceId, invite.id, services.now()))) {
      throw conflict('This invitation has already been used. Sign in instead.');
    }
    if (await isMemberEmail(tx, invite.email)) {
      throw conflict(`${invite.email} is already a member of a Landfall workspace. Sign in instead.`);
    }
    const member = await repo.insertMember(tx, invite.workspaceId, {
      email: invite.email,
      name: input.name,
      role: invite.role,
      passwordHash,
    });
    return { workspaceId: invite.workspaceId, memberId: member.id, role: invite.role as MemberRole, name: input.name };
  });
}

