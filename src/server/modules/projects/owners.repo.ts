import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projects, projectTasks } from '../../db/schema.ts';

/** Open projects (active or paused, not finished) per member who manages one or owns a task in one. */
export async function openProjectCounts(db: Db, workspaceId: string) {
  const result = await db.execute(sql`
    select member_id, count(distinct project_id)::int as open from (
      select p.onboarding_manager_id as member_id, p.id as project_id from ${projects} p
        where p.workspace_id = ${workspaceId} and p.status in ('active', 'paused') and not p.finished and p.onboarding_manager_id is not null
      union all
      select t.assignee_member_id, t.project_id from ${projectTasks} t
        join ${projects} p on p.workspace_id = t.workspace_id and p.id = t.project_id
        where t.workspace_id = ${workspaceId} and p.status in ('active', 'paused') and not p.finished and t.assignee_member_id is not null
    ) owned group by member_id`);
  const { rows } = result as unknown as { rows: { member_id: string; open: number | string }[] };
  return new Map(rows.map((row) => [row.member_id, Number(row.open)]));
}

export async function setOnboardingManager(db: Db, workspaceId: string, projectId: string, memberId: string | null) {
  await db.update(projects).set({ onboardingManagerId: memberId }).where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, projectId)));
}

/** Gives the member every task of this vendor role in the project that nobody owns yet; answers how many. */
export async function assignUnownedTasks(db: Db, workspaceId: string, projectId: string, role: string, memberId: string) {
  const updated = await db
    .update(projectTasks)
    .set({ assigneeMemberId: memberId })
    .where(
      and(
        eq(projectTasks.workspaceId, workspaceId),
        eq(projectTasks.projectId, projectId),
        eq(projectTasks.ownerSide, 'vendor'),
        eq(projectTasks.ownerRole, role),
        isNull(projectTasks.assigneeMemberId),
      ),
    )
    .returning({ id: projectTasks.id });
  return updated.length;
}

/** Who owns the project's tasks of this side and role now, most tasks first (a task added later follows them). */
export async function ownersOfRole(db: Db, workspaceId: string, projectId: string, side: string, role: string) {
  const column = side === 'vendor' ? projectTasks.assigneeMemberId : projectTasks.assigneeContactId;
  const rows = await db
    .select({ id: column, tasks: sql<number>`count(*)::int` })
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.projectId, projectId), eq(projectTasks.ownerSide, side), eq(projectTasks.ownerRole, role), sql`${column} is not null`))
    .groupBy(column)
    .orderBy(sql`count(*) desc`, column);
  return rows.map((row) => row.id!);
}
