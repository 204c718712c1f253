import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { contacts, members, portalAccess, portalLinks, portalSessions, projects, workspaces } from '../../db/schema.ts';
import { recordTokens, workspaceOfToken } from '../../db/token-lookups.ts';

export type AccessRow = typeof portalAccess.$inferSelect;

/** Creates the contact's access to a project, or renews it (new invitation token, access restored). */
export async function upsertAccess(db: Db, values: AccessValues) {
  const [row] = await upsertAccesses(db, [values]);
  return row!;
}

type AccessValues = { workspaceId: string; projectId: string; contactId: string; inviteTokenHash: string; invitedByName: string; now: Date; expiresAt: Date };

/**
 * upsertAccess for many (project, contact) pairs, each once, in one statement. A renewed invitation's old token keeps
 * its lookup row, which now leads to no invitation.
 */
export async function upsertAccesses(db: Db, values: AccessValues[]) {
  if (values.length === 0) return [];
  await recordTokens(db, 'portal_invitation', values.map((v) => ({ tokenHash: v.inviteTokenHash, workspaceId: v.workspaceId, expiresAt: v.expiresAt })));
  return db
    .insert(portalAccess)
    .values(
      values.map((v) => ({
        workspaceId: v.workspaceId,
        projectId: v.projectId,
        contactId: v.contactId,
        inviteTokenHash: v.inviteTokenHash,
        invitedByName: v.invitedByName,
        invitedAt: v.now,
        inviteExpiresAt: v.expiresAt,
      })),
    )
    .onConflictDoUpdate({
      target: [portalAccess.workspaceId, portalAccess.projectId, portalAccess.contactId],
      set: {
        inviteTokenHash: sql`excluded.invite_token_hash`,
        invitedByName: sql`excluded.invited_by_name`,
        invitedAt: sql`excluded.invited_at`,
        inviteExpiresAt: sql`excluded.invite_expires_at`,
        revokedAt: null,
      },
    })
    .returning();
}

/** The invitation behind a token, with what its page shows. */
export async function findInvitation(db: Db, inviteTokenHash: string) {
  const workspaceId = await workspaceOfToken(db, 'portal_invitation', inviteTokenHash);
  if (!workspaceId) return undefined;
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
    .where(and(eq(portalAccess.workspaceId, workspaceId), eq(portalAccess.inviteTokenHash, inviteTokenHash)));
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
  // The lookup first: outside a transaction, a link never exists without it (a lookup alone leads nowhere).
  await recordTokens(db, 'portal_link', [{ tokenHash: values.tokenHash, workspaceId: values.workspaceId, expiresAt: values.expiresAt }]);
  const [row] = await db.insert(portalLinks).values(values).returning({ id: portalLinks.id });
  return row!.id;
}

/** Spends a link: one UPDATE, so of any number of simultaneous redemptions exactly one gets the row. */
export async function spendLink(db: Db, tokenHash: string, now: Date) {
  const workspaceId = await workspaceOfToken(db, 'portal_link', tokenHash);
  if (!workspaceId) return undefined;
  const [row] = await db
    .update(portalLinks)
    .set({ spentAt: now })
    .where(and(eq(portalLinks.workspaceId, workspaceId), eq(portalLinks.tokenHash, tokenHash), isNull(portalLinks.spentAt), gt(portalLinks.expiresAt, now)))
    .returning();
  return row;
}

export async function findLink(db: Db, tokenHash: string) {
  const workspaceId = await workspaceOfToken(db, 'portal_link', tokenHash);
  if (!workspaceId) return undefined;
  const [row] = await db.select().from(portalLinks).where(and(eq(portalLinks.workspaceId, workspaceId), eq(portalLinks.tokenHash, tokenHash)));
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
export async function countWrongCode(db: Db, workspaceId: string, linkId: string, now: Date) {
  await db
    .update(portalLinks)
    .set({
      codeAttempts: sql`${portalLinks.codeAttempts} + 1`,
      spentAt: sql`case when ${portalLinks.codeAttempts} + 1 >= 5 then ${now.toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(portalLinks.workspaceId, workspaceId), eq(portalLinks.id, linkId), isNull(portalLinks.spentAt)));
}

export async function spendLinkById(db: Db, workspaceId: string, linkId: string, now: Date) {
  const [row] = await db
    .update(portalLinks)
    .set({ spentAt: now })
    .where(and(eq(portalLinks.workspaceId, workspaceId), eq(portalLinks.id, linkId), isNull(portalLinks.spentAt), gt(portalLinks.expiresAt, now)))
    .returning();
  return row;
}

export async function insertSession(db: Db, values: typeof portalSessions.$inferInsert) {
  await recordTokens(db, 'portal_session', [{ tokenHash: values.tokenHash, workspaceId: values.workspaceId, expiresAt: values.expiresAt }]);
  const [row] = await db.insert(portalSessions).values(values).returning({ id: portalSessions.id });
  return row!.id;
}

export async function findSession(db: Db, tokenHash: string) {
  const workspaceId = await workspaceOfToken(db, 'portal_session', tokenHash);
  if (!workspaceId) return undefined;
  const statement = prepared(db, 'portal_session', (name) =>
    db
      .select({ session: portalSessions, contactLeftOn: contacts.leftOn, contactName: contacts.name })
      .from(portalSessions)
      .innerJoin(contacts, and(eq(contacts.workspaceId, portalSessions.workspaceId), eq(contacts.id, portalSessions.contactId)))
      .where(and(eq(portalSessions.workspaceId, sql.placeholder('workspaceId')), eq(portalSessions.tokenHash, sql.placeholder('tokenHash'))))
      .prepare(name),
  );
  const [row] = await statement.execute({ workspaceId, tokenHash });
  return row;
}

export async function touchSession(db: Db, workspaceId: string, sessionId: string, now: Date) {
  await db.update(portalSessions).set({ lastSeenAt: now }).where(and(eq(portalSessions.workspaceId, workspaceId), eq(portalSessions.id, sessionId)));
}

export async function revokeSession(db: Db, tokenHash: string, now: Date) {
  const workspaceId = await workspaceOfToken(db, 'portal_session', tokenHash);
  if (!workspaceId) return;
  await db
    .update(portalSessions)
    .set({ revokedAt: now })
    .where(and(eq(portalSessions.workspaceId, workspaceId), eq(portalSessions.tokenHash, tokenHash), isNull(portalSessions.revokedAt)));
}

export async function revokeSessionsOfContact(db: Db, workspaceId: string, contactId: string, now: Date) {
  await db
    .update(portalSessions)
    .set({ revokedAt: now })
    .where(and(eq(portalSessions.workspaceId, workspaceId), eq(portalSessions.contactId, contactId), isNull(portalSessions.revokedAt)));
}

/**
 * Current contacts with this email who have no portal access, each with their account's latest open project and
 * who manages it: whom to tell that they asked, and whom to ask.
 */
export async function contactsWithoutAccess(db: Db, email: string) {
  const result = await db.execute(sql`
    select c.workspace_id, c.id as contact_id, c.name as contact_name, c.email as contact_email, c.role as contact_role,
           w.name as workspace_name, p.id as project_id, p.name as project_name,
           m.name as manager_name, m.email as manager_email
    from ${contacts} c
    join ${workspaces} w on w.id = c.workspace_id
    join lateral (
      select id, name, onboarding_manager_id from ${projects} p
      where p.workspace_id = c.workspace_id and p.account_id = c.account_id and p.status in ('active', 'paused')
      order by p.day0 desc, p.id limit 1
    ) p on true
    left join ${members} m on m.workspace_id = c.workspace_id and m.id = p.onboarding_manager_id and m.removed_at is null
    where lower(c.email) = ${email.toLowerCase()} and c.left_on is null
      and not exists (select 1 from ${portalAccess} a where a.workspace_id = c.workspace_id and a.contact_id = c.id and a.revoked_at is null)
    limit 5`);
  return (result as unknown as {
    rows: {
      workspace_id: string; contact_id: string; contact_name: string; contact_email: string; contact_role: string;
      workspace_name: string; project_id: string; project_name: string; manager_name: string | null; manager_email: string | null;
    }[];
  }).rows;
}

/** The workspace's admins, told when a contact asks for access to a project nobody manages. */
export async function adminsOf(db: Db, workspaceId: string) {
  const result = await db.execute(sql`select name, email from ${members} where workspace_id = ${workspaceId} and role = 'admin' and removed_at is null order by name`);
  return (result as unknown as { rows: { name: string; email: string }[] }).rows;
}
