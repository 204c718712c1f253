import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  contacts,
  delayEvents,
  escalationEpisodes,
  handoffs,
  members,
  milestoneSlips,
  projectDependencies,
  projects,
  projectTasks,
  taskComments,
  workspaces,
} from '../../db/schema.ts';
import type { ProjectListQuery } from '../../../contract/projects.ts';

export type TaskRow = typeof projectTasks.$inferSelect;
export type DependencyRow = typeof projectDependencies.$inferSelect;
export type NewTaskRow = typeof projectTasks.$inferInsert;
export type CommentRow = typeof taskComments.$inferSelect;
export type DelayRow = typeof delayEvents.$inferInsert;

export async function workspaceCalendar(db: Db, workspaceId: string) {
  const [row] = await db
    .select({ timezone: workspaces.timezone, workingWeekdays: workspaces.workingWeekdays, holidays: workspaces.holidays })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row;
}

// Slip owed to each side as the project stands (milestone_slips, replaced on every re-plan), read off one
// milestone so a slip is not counted once per milestone: go-live, or the last milestone of a plan without one
// (the same choice as core's reportedSlip).
const delaySum = (side: 'customer' | 'vendor') => sql<number>`coalesce((select sum(s.days)::int from ${milestoneSlips} s
  where s.workspace_id = projects.workspace_id and s.project_id = projects.id and s.side = ${side}
    and s.milestone_task_id = (select t.id from ${projectTasks} t
      where t.workspace_id = projects.workspace_id and t.project_id = projects.id and t.milestone_kind is not null
      order by (t.milestone_kind = 'go_live') desc, t.baseline_finish desc nulls last, t.position limit 1)), 0)`;

const milestoneDate = (kind: string, column: 'baseline_finish' | 'projected_finish') =>
  sql<string | null>`(select t.${sql.raw(column)}::text from ${projectTasks} t
  where t.workspace_id = projects.workspace_id and t.project_id = projects.id and t.milestone_kind = ${kind}
  order by t.position limit 1)`;

export const summaryColumns = {
  id: projects.id,
  name: projects.name,
  accountId: projects.accountId,
  accountName: accounts.name,
  segment: accounts.segment,
  product: projects.product,
  day0: projects.day0,
  status: projects.status,
  statusReason: projects.statusReason,
  closedOutcome: projects.closedOutcome,
  health: projects.health,
  stages: projects.stages,
  onboardingManagerId: projects.onboardingManagerId,
  onboardingManagerName: members.name,
  baselineEnd: projects.baselineEnd,
  projectedEnd: projects.projectedEnd,
  baselineGoLive: milestoneDate('go_live', 'baseline_finish'),
  projectedGoLive: milestoneDate('go_live', 'projected_finish'),
  delayCustomer: delaySum('customer'),
  delayVendor: delaySum('vendor'),
  // Core's progress rule as stored at the last re-plan; before the first, the earliest unfinished task's stage.
  currentStage: sql<string | null>`coalesce(${projects.currentStage}, (select t.stage from ${projectTasks} t
    where t.workspace_id = projects.workspace_id and t.project_id = projects.id and t.status not in ('done', 'skipped')
    order by t.projected_start nulls last, t.position limit 1))`,
  tasksDone: sql<number>`(select count(*)::int from ${projectTasks} t
    where t.workspace_id = projects.workspace_id and t.project_id = projects.id and t.status in ('done', 'skipped'))`,
  tasksTotal: sql<number>`(select count(*)::int from ${projectTasks} t
    where t.workspace_id = projects.workspace_id and t.project_id = projects.id)`,
  handoffStatus: sql<string | null>`(select h.status from ${handoffs} h where h.workspace_id = projects.workspace_id and h.project_id = projects.id)`,
  stalledSince: sql<string | null>`(select e.stalled_since::text from ${escalationEpisodes} e
    where e.workspace_id = projects.workspace_id and e.project_id = projects.id and e.ended_on is null)`,
  organizationId: projects.organizationId,
  playbookId: projects.playbookId,
  playbookVersion: projects.playbookVersion,
};

function summaries(db: Db) {
  return db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(accounts, and(eq(accounts.workspaceId, projects.workspaceId), eq(accounts.id, projects.accountId)))
    .leftJoin(members, and(eq(members.workspaceId, projects.workspaceId), eq(members.id, projects.onboardingManagerId)));
}

export function listProjects(db: Db, workspaceId: string, query: ProjectListQuery) {
  return summaries(db)
    .where(
      and(
        eq(projects.workspaceId, workspaceId),
        query.status === 'all' ? undefined : eq(projects.status, query.status),
        // A finished project (core's projectFinished, stored at re-plan) leaves the active list; "all" still shows it.
        query.status === 'active' ? eq(projects.finished, false) : undefined,
        query.owner === 'none' ? isNull(projects.onboardingManagerId) : query.owner ? eq(projects.onboardingManagerId, query.owner) : undefined,
        query.segment?.length ? inArray(accounts.segment, query.segment) : undefined,
        query.health?.length ? inArray(projects.health, query.health) : undefined,
        query.accountId ? eq(projects.accountId, query.accountId) : undefined,
      ),
    )
    .orderBy(asc(projects.day0), asc(projects.id))
    .limit(1000);
}

export async function findProjectSummary(db: Db, workspaceId: string, projectId: string) {
  const [row] = await summaries(db).where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, projectId)));
  return row;
}

/** Locks the project for the rest of the transaction: changes to one project's plan happen one at a time. */
export async function lockProject(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, projectId)))
    .for('update');
  return row;
}

export async function findTask(db: Db, workspaceId: string, taskId: string) {
  const [row] = await db
    .select()
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, taskId)));
  return row;
}

export function projectTaskRows(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.projectId, projectId)))
    .orderBy(asc(projectTasks.position));
}

export async function projectTaskIds(db: Db, workspaceId: string, projectId: string) {
  const rows = await db
    .select({ id: projectTasks.id })
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.projectId, projectId)));
  return rows.map((row) => row.id);
}

/** The highest position in a project's plan (-1 for an empty plan). */
export async function lastPosition(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${projectTasks.position}), -1)::int` })
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.projectId, projectId)));
  return Number(row?.last ?? -1);
}

/** What a re-plan reads of each task: the engine's input and the saved projection, none of the text. */
export function planTaskRows(db: Db, workspaceId: string, projectId: string) {
  return db
    .select({
      id: projectTasks.id,
      title: projectTasks.title,
      stage: projectTasks.stage,
      ownerSide: projectTasks.ownerSide,
      durationDays: projectTasks.durationDays,
      startOffsetDays: projectTasks.startOffsetDays,
      milestoneKind: projectTasks.milestoneKind,
      status: projectTasks.status,
      actualStart: projectTasks.actualStart,
      actualFinish: projectTasks.actualFinish,
      pinnedStart: projectTasks.pinnedStart,
      baselineStart: projectTasks.baselineStart,
      baselineFinish: projectTasks.baselineFinish,
      projectedStart: projectTasks.projectedStart,
      projectedFinish: projectTasks.projectedFinish,
      slackDays: projectTasks.slackDays,
      critical: projectTasks.critical,
      health: projectTasks.health,
      startReason: projectTasks.startReason,
      drivenBy: projectTasks.drivenBy,
      position: projectTasks.position,
    })
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.projectId, projectId)))
    .orderBy(asc(projectTasks.position));
}
export type PlanTaskRow = Awaited<ReturnType<typeof planTaskRows>>[number];

/** A project's links, only what the engine reads. */
export function planDependencyRows(db: Db, workspaceId: string, projectId: string) {
  return db
    .select({ predecessorId: projectDependencies.predecessorId, successorId: projectDependencies.successorId, lagDays: projectDependencies.lagDays })
    .from(projectDependencies)
    .where(and(eq(projectDependencies.workspaceId, workspaceId), eq(projectDependencies.projectId, projectId)));
}

export function projectDependencyRows(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(projectDependencies)
    .where(and(eq(projectDependencies.workspaceId, workspaceId), eq(projectDependencies.projectId, projectId)));
}

export async function assigneeNames(db: Db, workspaceId: string, memberIds: string[], contactIds: string[]) {
  const memberRows = memberIds.length
    ? await db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.workspaceId, workspaceId), inArray(members.id, memberIds)))
    : [];
  const contactRows = contactIds.length
    ? await db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds)))
    : [];
  return new Map([...memberRows, ...contactRows].map((row) => [row.id, row.name]));
}

export async function insertProject(db: Db, values: typeof projects.$inferInsert) {
  const [row] = await db.insert(projects).values(values).returning({ id: projects.id });
  return row!.id;
}

export async function insertTasks(db: Db, rows: NewTaskRow[]) {
  if (rows.length === 0) return [];
  return db.insert(projectTasks).values(rows).returning({ id: projectTasks.id, key: projectTasks.key });
}

export async function insertDependencies(db: Db, rows: (typeof projectDependencies.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(projectDependencies).values(rows);
}

export async function replaceDependenciesOf(
  db: Db,
  workspaceId: string,
  projectId: string,
  successorId: string,
  predecessors: { taskId: string; lagDays: number }[],
) {
  await db
    .delete(projectDependencies)
    .where(and(eq(projectDependencies.workspaceId, workspaceId), eq(projectDependencies.successorId, successorId)));
  await insertDependencies(
    db,
    predecessors.map((p) => ({ workspaceId, projectId, successorId, predecessorId: p.taskId, lagDays: p.lagDays })),
  );
}

export async function updateTask(db: Db, workspaceId: string, taskId: string, values: Partial<NewTaskRow>) {
  await db
    .update(projectTasks)
    .set(values)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, taskId)));
}

export async function deleteTask(db: Db, workspaceId: string, taskId: string) {
  await db.delete(projectTasks).where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, taskId)));
}

export interface ProjectionUpdate {
  id: string;
  projectedStart: string;
  projectedFinish: string;
  slackDays: number;
  critical: boolean;
  health: string;
  startReason: string;
  drivenBy: string | null;
}

/**
 * Writes the new projection of many tasks in one statement with one parameter: a slip at the head of a long chain
 * moves a thousand tasks, and a thousand rows of bound parameters cost more to build and parse than the update.
 */
export async function saveProjections(db: Db, workspaceId: string, updates: ProjectionUpdate[], now: Date) {
  if (updates.length === 0) return;
  const rows = updates.map((u) => ({
    id: u.id,
    ps: u.projectedStart,
    pf: u.projectedFinish,
    slack: u.slackDays,
    critical: u.critical,
    health: u.health,
    reason: u.startReason,
    driven_by: u.drivenBy,
  }));
  await db.execute(sql`update ${projectTasks} as t set
      projected_start = v.ps, projected_finish = v.pf, slack_days = v.slack, critical = v.critical,
      health = v.health, start_reason = v.reason, driven_by = v.driven_by, updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, ps date, pf date, slack int, critical boolean, health text, reason text, driven_by uuid)
    where t.workspace_id = ${workspaceId} and t.id = v.id`);
}

/** New positions of many tasks, in one statement. */
export async function savePositions(db: Db, workspaceId: string, positions: { id: string; position: number }[], now: Date) {
  if (positions.length === 0) return;
  await db.execute(sql`update ${projectTasks} as t set position = v.position, updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(positions)}::jsonb) as v(id uuid, position int)
    where t.workspace_id = ${workspaceId} and t.id = v.id`);
}

/** The baseline of tasks added to a running plan (their first projection), in one statement. */
export async function saveBaselines(db: Db, workspaceId: string, rows: { id: string; baselineStart: string | null; baselineFinish: string | null }[]) {
  if (rows.length === 0) return;
  const values = rows.map((row) => ({ id: row.id, bs: row.baselineStart, bf: row.baselineFinish }));
  await db.execute(sql`update ${projectTasks} as t set baseline_start = v.bs, baseline_finish = v.bf
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, bs date, bf date)
    where t.workspace_id = ${workspaceId} and t.id = v.id`);
}

export async function updateProject(db: Db, workspaceId: string, projectId: string, values: Partial<typeof projects.$inferInsert>) {
  await db
    .update(projects)
    .set(values)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, projectId)));
}

export async function insertDelays(db: Db, rows: DelayRow[]) {
  if (rows.length === 0) return;
  await db.insert(delayEvents).values(rows);
}

export type MilestoneSlipRow = typeof milestoneSlips.$inferInsert;

/** Replaces a project's slip owed per milestone and cause with the one computed at this re-plan. */
export async function replaceMilestoneSlips(db: Db, workspaceId: string, projectId: string, rows: MilestoneSlipRow[]) {
  await db.delete(milestoneSlips).where(and(eq(milestoneSlips.workspaceId, workspaceId), eq(milestoneSlips.projectId, projectId)));
  if (rows.length > 0) await db.insert(milestoneSlips).values(rows);
}

export function listMilestoneSlips(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(milestoneSlips)
    .where(and(eq(milestoneSlips.workspaceId, workspaceId), eq(milestoneSlips.projectId, projectId)));
}

export function listDelays(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(delayEvents)
    .where(and(eq(delayEvents.workspaceId, workspaceId), eq(delayEvents.projectId, projectId)))
    .orderBy(asc(delayEvents.createdAt));
}

export async function insertComment(db: Db, values: typeof taskComments.$inferInsert) {
  const [row] = await db.insert(taskComments).values(values).returning();
  return row!;
}

export function listComments(db: Db, workspaceId: string, taskId: string) {
  return db
    .select()
    .from(taskComments)
    .where(and(eq(taskComments.workspaceId, workspaceId), eq(taskComments.taskId, taskId)))
    .orderBy(asc(taskComments.createdAt));
}

/**
 * Active projects of every workspace not re-planned since the start of their workspace's today (in its timezone),
 * as of `now` (for the worker; not a request path).
 */
export function staleProjects(db: Db, now: Date, limit: number) {
  const startOfToday = sql`((${now.toISOString()}::timestamptz at time zone ${workspaces.timezone})::date::timestamp at time zone ${workspaces.timezone})`;
  return db
    .select({ id: projects.id, workspaceId: projects.workspaceId, startOfToday: sql<number>`(extract(epoch from ${startOfToday}) * 1000)::float8` })
    .from(projects)
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .where(and(eq(projects.status, 'active'), sql`${projects.updatedAt} < ${startOfToday}`))
    .orderBy(asc(projects.updatedAt))
    .limit(limit);
}
