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

/**
 * Open work whose owner can no longer do it (removed, or deactivated by the identity provider): open projects they
 * manage and open tasks of open projects assigned to them. Narrowed to one member when given.
 */
export async function workOfInactiveMembers(db: Db, workspaceId: string, memberId?: string) {
  const one = memberId === undefined ? sql`true` : sql`m.id = ${memberId}`;
  const inactive = sql`(m.removed_at is not null or m.deactivated_at is not null) and ${one}`;
  const open = sql`p.status in ('active', 'paused') and not p.finished`;
  const projectRows = await db.execute(sql`
    select p.id as project_id, p.name as project_name, a.name as account_name, m.id as member_id, m.name as member_name
    from ${projects} p
    join members m on m.workspace_id = p.workspace_id and m.id = p.onboarding_manager_id
    join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
    where p.workspace_id = ${workspaceId} and ${open} and ${inactive}
    order by p.name limit 500`);
  const taskRows = await db.execute(sql`
    select t.id as task_id, t.title, t.projected_finish::text as due, p.id as project_id, p.name as project_name,
      m.id as member_id, m.name as member_name
    from ${projectTasks} t
    join ${projects} p on p.workspace_id = t.workspace_id and p.id = t.project_id
    join members m on m.workspace_id = t.workspace_id and m.id = t.assignee_member_id
    where t.workspace_id = ${workspaceId} and ${open} and t.status not in ('done', 'skipped') and ${inactive}
    order by t.projected_finish nulls last, t.title limit 1000`);
  type ProjectRow = { project_id: string; project_name: string; account_name: string; member_id: string; member_name: string };
  type TaskRow = { task_id: string; title: string; due: string | null; project_id: string; project_name: string; member_id: string; member_name: string };
  return {
    projects: (projectRows as unknown as { rows: ProjectRow[] }).rows,
    tasks: (taskRows as unknown as { rows: TaskRow[] }).rows,
  };
}
