import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts, portalAccess, portalLinks, portalSessions, projects, workspaces } from '../../db/schema.ts';

export type AccessRow = typeof portalAccess.$inferSelect;

/** Creates the contact's access to a project, or renews it (new invitation token, access restored). */
export async function upsertAccess(
  db: Db,
  values: { workspaceId: string; projectId: string; contactId: string; inviteTokenHash: string; invitedByName: string; now: Date; expiresAt: Date },
) {
  const [row] = await db
    .insert(portalAccess)
    .values({
      workspaceId: values.workspaceId,
      projectId: values.projectId,
      contactId: values.contactId,
      inviteTokenHash: values.inviteTokenHash,
      invitedByName: values.invitedByName,
      invitedAt: values.now,
      inviteExpiresAt: values.expiresAt,
    })
    .onConflictDoUpdate({
      target: [portalAccess.projectId, portalAccess.contactId],
      set: {
        inviteTokenHash: values.inviteTokenHash,
        invitedByName: values.invitedByName,
        invitedAt: values.now,
        inviteExpiresAt: values.expiresAt,
        revokedAt: null,
      },
    })
    .returning();
  return row!;
}

/** The invitation behind a token, with what its page shows. */
export async function findInvitation(db: Db, inviteTokenHash: string) {
  const [row] = await db
    .select({
      access: portalAccess,
      contactName: contacts.name,
      contactEmail: contacts.email,
      contactLeftOn: contacts.leftOn,
      projectName: projects.name,
      workspaceName: workspaces.name,
    })
    .from(portalAccess)
    .innerJoin(contacts, and(eq(contacts.workspaceId, portalAccess.workspaceId), eq(contacts.id, portalAccess.contactId)))
    .innerJoin(projects, and(eq(projects.workspaceId, portalAccess.workspaceId), eq(projects.id, portalAccess.projectId)))
    .innerJoin(workspaces, eq(workspaces.id, portalAccess.workspaceId))
    .where(eq(portalAccess.inviteTokenHash, inviteTokenHash));
  return row;
}

/** Every live access of the contacts with this email address, in any workspace (for "email me a link"). */
export function accessesByEmail(db: Db, email: string) {
  return db
    .select({ access: portalAccess, contactName: contacts.name, contactEmail: contacts.email, projectName: projects.name })
    .from(portalAccess)
    .innerJoin(contacts, and(eq(contacts.workspaceId, portalAccess.workspaceId), eq(contacts.id, portalAccess.contactId)))
    .innerJoin(projects, and(eq(projects.workspaceId, portalAccess.workspaceId), eq(projects.id, portalAccess.projectId)))
    .where(and(sql`lower(${contacts.email}) = ${email.toLowerCase()}`, isNull(portalAccess.revokedAt), isNull(contacts.leftOn)))
    .orderBy(desc(portalAccess.invitedAt));
}

export async function insertLink(db: Db, values: typeof portalLinks.$inferInsert) {
  const [row] = await db.insert(portalLinks).values(values).returning({ id: portalLinks.id });
  return row!.id;
}

/** Spends a link: one UPDATE, so of any number of simultaneous redemptions exactly one gets the row. */
export async function spendLink(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .update(portalLinks)
    .set({ spentAt: now })
    .where(and(eq(portalLinks.tokenHash, tokenHash), isNull(portalLinks.spentAt), gt(portalLinks.expiresAt, now)))
    .returning();
  return row;
}

export async function findLink(db: Db, tokenHash: string) {
  const [row] = await db.select().from(portalLinks).where(eq(portalLinks.tokenHash, tokenHash));
  return row;
}

/** The newest links still open for a contact (a code is checked against these). */
export function openLinksOf(db: Db, workspaceId: string, contactIds: string[], now: Date) {
  return db
    .select()
    .from(portalLinks)
    .where(
      and(
        eq(portalLinks.workspaceId, workspaceId),
        inArray(portalLinks.contactId, contactIds),
        isNull(portalLinks.spentAt),
        gt(portalLinks.expiresAt, now),
      ),
    )
    .orderBy(desc(portalLinks.createdAt))
    .limit(5);
}

/** Counts a wrong code; the fifth kills the link. */
export async function countWrongCode(db: Db, linkId: string, now: Date) {
  await db
    .update(portalLinks)
    .set({
      codeAttempts: sql`${portalLinks.codeAttempts} + 1`,
      spentAt: sql`case when ${portalLinks.codeAttempts} + 1 >= 5 then ${now.toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(portalLinks.id, linkId), isNull(portalLinks.spentAt)));
}

export async function spendLinkById(db: Db, linkId: string, now: Date) {
  const [row] = await db
    .update(portalLinks)
    .set({ spentAt: now })
    .where(and(eq(portalLinks.id, linkId), isNull(portalLinks.spentAt), gt(portalLinks.expiresAt, now)))
    .returning();
  return row;
}

export async function insertSession(db: Db, values: typeof portalSessions.$inferInsert) {
  const [row] = await db.insert(portalSessions).values(values).returning({ id: portalSessions.id });
  return row!.id;
}

export async function findSession(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ session: portalSessions, contactLeftOn: contacts.leftOn, contactName: contacts.name })
    .from(portalSessions)
    .innerJoin(contacts, and(eq(contacts.workspaceId, portalSessions.workspaceId), eq(contacts.id, portalSessions.contactId)))
    .where(eq(portalSessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, sessionId: string, now: Date) {
  await db.update(portalSessions).set({ lastSeenAt: now }).where(eq(portalSessions.id, sessionId));
}

export async function revokeSession(db: Db, tokenHash: string, now: Date) {
  await db.update(portalSessions).set({ revokedAt: now }).where(and(eq(portalSessions.tokenHash, tokenHash), isNull(portalSessions.revokedAt)));
}

export async function revokeSessionsOfContact(db: Db, workspaceId: string, contactId: string, now: Date) {
  await db
    .update(portalSessions)
    .set({ revokedAt: now })
    .where(and(eq(portalSessions.workspaceId, workspaceId), eq(portalSessions.contactId, contactId), isNull(portalSessions.revokedAt)));
}
