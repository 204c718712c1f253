import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import {
  contacts,
  members,
  milestoneRatings,
  portalAccess,
  portalSettings,
  projectEvents,
  projectTasks,
  projects,
  taskComments,
} from '../../db/schema.ts';

/** Which of these contacts have live access to which of these projects, as "projectId:contactId". */
export async function liveAccessPairs(db: Db, workspaceId: string, projectIds: string[], contactIds: string[]) {
  if (projectIds.length === 0 || contactIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ projectId: portalAccess.projectId, contactId: portalAccess.contactId })
    .from(portalAccess)
    .where(and(eq(portalAccess.workspaceId, workspaceId), inArray(portalAccess.projectId, projectIds), inArray(portalAccess.contactId, contactIds), isNull(portalAccess.revokedAt)));
  return new Set(rows.map((row) => `${row.projectId}:${row.contactId}`));
}

export async function findLiveAccess(db: Db, workspaceId: string, projectId: string, contactId: string) {
  const statement = prepared(db, 'portal_live_access', (name) =>
    db
      .select()
      .from(portalAccess)
      .where(
        and(
          eq(portalAccess.workspaceId, sql.placeholder('workspaceId')),
          eq(portalAccess.projectId, sql.placeholder('projectId')),
          eq(portalAccess.contactId, sql.placeholder('contactId')),
          isNull(portalAccess.revokedAt),
        ),
      )
      .prepare(name),
  );
  const [row] = await statement.execute({ workspaceId, projectId, contactId });
  return row;
}

/** The projects a contact may open in the portal. */
export function projectsOfContact(db: Db, workspaceId: string, contactId: string) {
  return db
    .select({ id: projects.id, name: projects.name, status: projects.status })
    .from(portalAccess)
    .innerJoin(projects, and(eq(projects.workspaceId, portalAccess.workspaceId), eq(projects.id, portalAccess.projectId)))
    .where(and(eq(portalAccess.workspaceId, workspaceId), eq(portalAccess.contactId, contactId), isNull(portalAccess.revokedAt)))
    .orderBy(projects.name);
}

export async function recordVisit(db: Db, workspaceId: string, accessId: string, now: Date) {
  await db.update(portalAccess).set({ lastVisitAt: now }).where(and(eq(portalAccess.workspaceId, workspaceId), eq(portalAccess.id, accessId)));
}

export async function saveSettings(
  db: Db,
  workspaceId: string,
  values: Partial<Pick<typeof portalSettings.$inferInsert, 'brandColor' | 'welcomeMessage' | 'allowColleagueInvites' | 'logo' | 'logoType'>>,
  now: Date,
) {
  await db
    .insert(portalSettings)
    .values({ workspaceId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: portalSettings.workspaceId, set: { ...values, updatedAt: now } });
}

export function sharedCommentsOfProject(db: Db, workspaceId: string, projectId: string) {
  return prepared(db, 'portal_shared_comments', (name) =>
    db
      .select()
      .from(taskComments)
      .where(and(eq(taskComments.workspaceId, sql.placeholder('workspaceId')), eq(taskComments.projectId, sql.placeholder('projectId')), eq(taskComments.internal, false)))
      .orderBy(taskComments.createdAt)
      .prepare(name),
  ).execute({ workspaceId, projectId });
}

export function ratingsOfProject(db: Db, workspaceId: string, projectId: string) {
  return prepared(db, 'portal_ratings', (name) =>
    db
      .select({
        taskId: milestoneRatings.taskId,
        milestone: projectTasks.title,
        contactId: milestoneRatings.contactId,
        contactName: contacts.name,
        score: milestoneRatings.score,
        comment: milestoneRatings.comment,
        updatedAt: milestoneRatings.updatedAt,
      })
      .from(milestoneRatings)
      .innerJoin(projectTasks, and(eq(projectTasks.workspaceId, milestoneRatings.workspaceId), eq(projectTasks.id, milestoneRatings.taskId)))
      .innerJoin(contacts, and(eq(contacts.workspaceId, milestoneRatings.workspaceId), eq(contacts.id, milestoneRatings.contactId)))
      .where(and(eq(milestoneRatings.workspaceId, sql.placeholder('workspaceId')), eq(milestoneRatings.projectId, sql.placeholder('projectId'))))
      .orderBy(desc(milestoneRatings.updatedAt))
      .prepare(name),
  ).execute({ workspaceId, projectId });
}

export async function upsertRating(db: Db, values: typeof milestoneRatings.$inferInsert) {
  await db
    .insert(milestoneRatings)
    .values(values)
    .onConflictDoUpdate({
      target: [milestoneRatings.workspaceId, milestoneRatings.taskId, milestoneRatings.contactId],
      set: { score: values.score, comment: values.comment ?? null, updatedAt: values.updatedAt },
    });
}

/** Contacts of the project's account with their portal access (if any). */
export function accessList(db: Db, workspaceId: string, projectId: string, accountId: string) {
  return db
    .select({ contact: contacts, access: portalAccess })
    .from(contacts)
    .leftJoin(
      portalAccess,
      and(eq(portalAccess.workspaceId, contacts.workspaceId), eq(portalAccess.contactId, contacts.id), eq(portalAccess.projectId, projectId)),
    )
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId)))
    .orderBy(contacts.name);
}

export async function revokeAccess(db: Db, workspaceId: string, projectId: string, contactId: string, now: Date) {
  const [row] = await db
    .update(portalAccess)
    .set({ revokedAt: now })
    .where(
      and(
        eq(portalAccess.workspaceId, workspaceId),
        eq(portalAccess.projectId, projectId),
        eq(portalAccess.contactId, contactId),
        isNull(portalAccess.revokedAt),
      ),
    )
    .returning();
  return row;
}

/** What customers did on the project (and the portal steps the vendor took), newest first. */
export function portalActivity(db: Db, workspaceId: string, projectId: string, limit: number) {
  return db
    .select()
    .from(projectEvents)
    .where(
      and(
        eq(projectEvents.workspaceId, workspaceId),
        eq(projectEvents.projectId, projectId),
        or(isNotNull(projectEvents.actorContactId), sql`${projectEvents.kind} like 'portal_%'`),
      ),
    )
    .orderBy(desc(projectEvents.createdAt))
    .limit(limit);
}

/** Vendor people a customer can mention on this project: its onboarding manager and the members assigned to its tasks. */
export function projectMembers(db: Db, workspaceId: string, projectId: string) {
  return prepared(db, 'portal_project_members', (name) =>
    db
      .selectDistinct({ id: members.id, name: members.name, email: members.email })
      .from(members)
      .where(
        and(
          eq(members.workspaceId, sql.placeholder('workspaceId')),
          isNull(members.removedAt),
          or(
            sql`${members.id} = (select ${projects.onboardingManagerId} from ${projects} where ${projects.workspaceId} = ${sql.placeholder('workspaceId')} and ${projects.id} = ${sql.placeholder('projectId')})`,
            sql`${members.id} in (select ${projectTasks.assigneeMemberId} from ${projectTasks} where ${projectTasks.workspaceId} = ${sql.placeholder('workspaceId')} and ${projectTasks.projectId} = ${sql.placeholder('projectId')})`,
          ),
        ),
      )
      .orderBy(members.name)
      .prepare(name),
  ).execute({ workspaceId, projectId });
}

