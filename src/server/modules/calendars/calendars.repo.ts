import { and, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { academyWebinars, calendarFeeds, contacts, projects, projectTasks } from '../../db/schema.ts';
import type { CalendarTask } from '../../../core/integrations/calendar.ts';

export type FeedRow = typeof calendarFeeds.$inferSelect;

export async function insertFeed(db: Db, row: typeof calendarFeeds.$inferInsert): Promise<FeedRow> {
  const [inserted] = await db.insert(calendarFeeds).values(row).returning();
  return inserted!;
}

/** Revokes the live feeds of a subject (before a new one replaces them). */
export async function revokeFeedsOf(db: Db, workspaceId: string, scope: string, subjectId: string, now: Date) {
  await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.scope, scope), eq(calendarFeeds.subjectId, subjectId), isNull(calendarFeeds.revokedAt)));
}

export async function findFeed(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.id, id), isNull(calendarFeeds.revokedAt)));
  return row;
}

export async function revokeFeed(db: Db, workspaceId: string, id: string, now: Date) {
  await db.update(calendarFeeds).set({ revokedAt: now }).where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.id, id)));
}

export async function findLiveFeedByHash(db: Db, workspaceId: string, tokenHash: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return row;
}

export async function markRead(db: Db, row: FeedRow, now: Date) {
  await db.update(calendarFeeds).set({ lastReadAt: now }).where(and(eq(calendarFeeds.workspaceId, row.workspaceId), eq(calendarFeeds.id, row.id)));
}

/** The member's own feed and every project feed of the workspace (live ones). */
export function feedsFor(db: Db, workspaceId: string, memberId: string) {
  return db
    .select()
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.workspaceId, workspaceId),
        isNull(calendarFeeds.revokedAt),
        or(and(eq(calendarFeeds.scope, 'member'), eq(calendarFeeds.subjectId, memberId)), eq(calendarFeeds.scope, 'project')),
      ),
    )
    .orderBy(desc(calendarFeeds.createdAt));
}

const taskColumns = {
  id: projectTasks.id,
  key: projectTasks.key,
  title: projectTasks.title,
  projectId: projectTasks.projectId,
  projectName: projects.name,
  milestoneKind: projectTasks.milestoneKind,
  status: projectTasks.status,
  projectedStart: projectTasks.projectedStart,
  projectedFinish: projectTasks.projectedFinish,
  actualFinish: projectTasks.actualFinish,
};

/** Tasks of projects still running that are the member's: assigned to them, or of a project they manage. */
export function memberTasks(db: Db, workspaceId: string, memberId: string): Promise<CalendarTask[]> {
  return db
    .select(taskColumns)
    .from(projectTasks)
    .innerJoin(projects, and(eq(projects.workspaceId, projectTasks.workspaceId), eq(projects.id, projectTasks.projectId)))
    .where(
      and(
        eq(projectTasks.workspaceId, workspaceId),
        sql`${projects.status} in ('active', 'paused')`,
        or(eq(projectTasks.assigneeMemberId, memberId), eq(projects.onboardingManagerId, memberId)),
      ),
    );
}

export function projectCalendarTasks(db: Db, workspaceId: string, projectId: string, customerVisibleOnly = false): Promise<CalendarTask[]> {
  return db
    .select(taskColumns)
    .from(projectTasks)
    .innerJoin(projects, and(eq(projects.workspaceId, projectTasks.workspaceId), eq(projects.id, projectTasks.projectId)))
    .where(
      and(
        eq(projectTasks.workspaceId, workspaceId),
        eq(projectTasks.projectId, projectId),
        customerVisibleOnly ? eq(projectTasks.customerVisible, true) : undefined,
      ),
    );
}

export async function calendarTask(db: Db, workspaceId: string, taskId: string): Promise<(CalendarTask & { customerVisible: boolean }) | undefined> {
  const [row] = await db
    .select({ ...taskColumns, customerVisible: projectTasks.customerVisible })
    .from(projectTasks)
    .innerJoin(projects, and(eq(projects.workspaceId, projectTasks.workspaceId), eq(projects.id, projectTasks.projectId)))
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, taskId)));
  return row;
}

export function webinarsSince(db: Db, workspaceId: string, since: Date) {
  return db
    .select()
    .from(academyWebinars)
    .where(and(eq(academyWebinars.workspaceId, workspaceId), gte(academyWebinars.startsAt, since)));
}

export async function projectExists(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db.select({ id: projects.id, accountId: projects.accountId }).from(projects).where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, projectId)));
  return row;
}

export function contactsOfAccount(db: Db, workspaceId: string, accountId: string, ids: string[]) {
  return db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId), inArray(contacts.id, ids), isNull(contacts.leftOn)));
}
