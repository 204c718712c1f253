import { and, asc, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { invites, members, workspaces } from '../../db/schema.ts';
import { claimSignInEmails, moveSignInEmail, ownerOfSignInEmail, releaseSignInEmail } from '../../db/sign-in-emails.ts';
import { recordTokens, workspaceOfToken } from '../../db/token-lookups.ts';

const memberColumns = {
  id: members.id,
  name: members.name,
  email: members.email,
  role: members.role,
  createdAt: members.createdAt,
  deactivatedAt: members.deactivatedAt,
};

export function listMembers(db: Db, workspaceId: string) {
  return db
    .select(memberColumns)
    .from(members)
    // A deactivated member is not offered as an owner or assignee; Settings → Provisioning lists them.
    .where(and(eq(members.workspaceId, workspaceId), isNull(members.removedAt), isNull(members.deactivatedAt)))
    .orderBy(asc(members.name));
}

export async function findMember(db: Db, workspaceId: string, memberId: string) {
  const [row] = await findMembers(db, workspaceId, [memberId]);
  return row;
}

export function findMembers(db: Db, workspaceId: string, memberIds: string[]) {
  return db
    .select(memberColumns)
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, memberIds), isNull(members.removedAt)));
}

/** Whether an active member of any workspace has this email: one email signs in to one workspace. */
export async function activeMemberEmailExists(db: Db, email: string) {
  return (await ownerOfSignInEmail(db, email)) !== undefined;
}

// A member and their sign-in email (db/sign-in-emails.ts) change together: in the caller's transaction, or in one of
// their own (a savepoint inside the caller's).
const together = <T>(db: Db, work: (tx: Db) => Promise<T>) => db.transaction((tx) => work(tx as unknown as Db));

export async function findMemberByEmail(db: Db, workspaceId: string, email: string) {
  const [row] = await db
    .select(memberColumns)
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), sql`lower(${members.email}) = ${email.toLowerCase()}`, isNull(members.removedAt)));
  return row;
}

export async function insertMember(
  db: Db,
  workspaceId: string,
  member: { email: string; name: string; role: string; passwordHash: string; deactivatedAt?: Date | null },
) {
  return together(db, async (tx) => {
    const [row] = await tx
      .insert(members)
      .values({ workspaceId, ...member })
      .returning(memberColumns);
    await claimSignInEmails(tx, [{ email: row!.email, workspaceId, memberId: row!.id }]);
    return row!;
  });
}

export async function updateMember(
  db: Db,
  workspaceId: string,
  memberId: string,
  patch: { name?: string; role?: string; email?: string; deactivatedAt?: Date | null },
) {
  const update = (tx: Db) =>
    tx
      .update(members)
      .set(patch)
      .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId), isNull(members.removedAt)))
      .returning(memberColumns);
  if (patch.email === undefined) return (await update(db))[0];
  return together(db, async (tx) => {
    const [row] = await update(tx);
    if (row) await moveSignInEmail(tx, workspaceId, memberId, row.email);
    return row;
  });
}

export async function markMemberRemoved(db: Db, workspaceId: string, memberId: string, now: Date) {
  await together(db, async (tx) => {
    await tx
      .update(members)
      .set({ removedAt: now })
      .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId)));
    await releaseSignInEmail(tx, workspaceId, memberId);
  });
}

export async function countAdmins(db: Db, workspaceId: string) {
  const [row] = await db
    .select({ admins: count() })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'admin'), isNull(members.removedAt), isNull(members.deactivatedAt)));
  return row?.admins ?? 0;
}

const inviteColumns = {
  id: invites.id,
  email: invites.email,
  role: invites.role,
  createdAt: invites.createdAt,
  expiresAt: invites.expiresAt,
};

export function listPendingInvites(db: Db, workspaceId: string, now: Date) {
  return db
    .select(inviteColumns)
    .from(invites)
    .where(
      and(eq(invites.workspaceId, workspaceId), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now)),
    )
    .orderBy(asc(invites.createdAt));
}

export async function insertInvite(
  db: Db,
  workspaceId: string,
  invite: { email: string; role: string; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  await recordTokens(db, 'invite', [{ tokenHash: invite.tokenHash, workspaceId, expiresAt: invite.expiresAt }]);
  const [row] = await db
    .insert(invites)
    .values({ workspaceId, ...invite })
    .returning(inviteColumns);
  return row!;
}

export async function revokeInvite(db: Db, workspaceId: string, inviteId: string, now: Date) {
  const [row] = await db
    .update(invites)
    .set({ revokedAt: now })
    .where(and(eq(invites.workspaceId, workspaceId), eq(invites.id, inviteId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  return row;
}

/** Looked up by its secret alone: the token is what proves which workspace it belongs to. */
export async function findInviteByTokenHash(db: Db, tokenHash: string) {
  const workspaceId = await workspaceOfToken(db, 'invite', tokenHash);
  if (!workspaceId) return undefined;
  const [row] = await db
    .select({
      id: invites.id,
      workspaceId: invites.workspaceId,
      workspaceName: workspaces.name,
      email: invites.email,
      role: invites.role,
      expiresAt: invites.expiresAt,
      acceptedAt: invites.acceptedAt,
      revokedAt: invites.revokedAt,
    })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(and(eq(invites.workspaceId, workspaceId), eq(invites.tokenHash, tokenHash)));
  return row;
}

/** Marks the invite used; returns undefined when someone else used it first. */
export async function claimInvite(db: Db, workspaceId: string, inviteId: string, now: Date) {
  const [row] = await db
    .update(invites)
    .set({ acceptedAt: now })
    .where(and(eq(invites.workspaceId, workspaceId), eq(invites.id, inviteId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  return row;
}
