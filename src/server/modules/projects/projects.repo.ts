import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import {
  accounts,
  commentMentions,
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
  // Prepared: planning its eight sub-selects cost PostgreSQL more than running them, on every project and portal page.
  const statement = prepared(db, 'project_summary', (name) =>
    summaries(db)
      .where(and(eq(projects.workspaceId, sql.placeholder('workspaceId')), eq(projects.id, sql.placeholder('projectId'))))
      .prepare(name),
  );
  const [row] = await statement.execute({ workspaceId, projectId });
  return row;
}

/** Locks the project for the rest of the transaction: changes to one project's plan happen one at a time. */
export async function lockProject(db: Db, workspaceId: string, projectId: string) {
  const [row] = await lockProjects(db, workspaceId, [projectId]);
  return row;
}

export function lockProjects(db: Db, workspaceId: string, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), inArray(projects.id, projectIds)))
    .orderBy(asc(projects.id))
    .for('update');
}

/** Locks the project a task belongs to (see lockProject), found from the task in the same statement. */
export async function lockProjectOfTask(db: Db, workspaceId: string, taskId: string) {
  const [row] = await db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.workspaceId, workspaceId),
        eq(
          projects.id,
          db
            .select({ projectId: projectTasks.projectId })
            .from(projectTasks)
            .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, taskId))),
        ),
      ),
    )
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
  return prepared(db, 'project_task_rows', (name) =>
    db
      .select()
      .from(projectTasks)
      .where(and(eq(projectTasks.workspaceId, sql.placeholder('workspaceId')), eq(projectTasks.projectId, sql.placeholder('projectId'))))
      .orderBy(asc(projectTasks.position))
      .prepare(name),
  ).execute({ workspaceId, projectId });
}

/** Which of the given ids are tasks of the project. */
export async function taskIdsAmong(db: Db, workspaceId: string, projectId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: projectTasks.id })
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.projectId, projectId), inArray(projectTasks.id, ids)));
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
export interface PlanTaskRow {
  id: string;
  title: string;
  stage: string;
  ownerSide: string;
  durationDays: number;
  startOffsetDays: number | null;
  milestoneKind: string | null;
  status: string;
  actualStart: string | null;
  actualFinish: string | null;
  pinnedStart: string | null;
  baselineStart: string | null;
  baselineFinish: string | null;
  projectedStart: string | null;
  projectedFinish: string | null;
  slackDays: number;
  critical: boolean;
  health: string;
  startReason: string | null;
  drivenBy: string | null;
  position: number;
}

/**
 * A project's tasks as a re-plan reads them, in plan order. Plain SQL with dates as text: a thousand rows mapped
 * column by column by the query builder cost more than reading them.
 */
export async function planTaskRows(db: Db, workspaceId: string, projectId: string): Promise<PlanTaskRow[]> {
  const result = await db.execute(sql`select id, title, stage, owner_side as "ownerSide", duration_days as "durationDays",
      start_offset_days as "startOffsetDays", milestone_kind as "milestoneKind", status,
      actual_start::text as "actualStart", actual_finish::text as "actualFinish", pinned_start::text as "pinnedStart",
      baseline_start::text as "baselineStart", baseline_finish::text as "baselineFinish",
      projected_start::text as "projectedStart", projected_finish::text as "projectedFinish", slack_days as "slackDays",
      critical, health, start_reason as "startReason", driven_by as "drivenBy", position
    from ${projectTasks} where workspace_id = ${workspaceId} and project_id = ${projectId} order by position`);
  return (result as unknown as { rows: PlanTaskRow[] }).rows;
}

/** A project's links, only what the engine reads. */
export function planDependencyRows(db: Db, workspaceId: string, projectId: string) {
  return db
    .select({ predecessorId: projectDependencies.predecessorId, successorId: projectDependencies.successorId, lagDays: projectDependencies.lagDays })
    .from(projectDependencies)
    .where(and(eq(projectDependencies.workspaceId, workspaceId), eq(projectDependencies.projectId, projectId)));
}

export function projectDependencyRows(db: Db, workspaceId: string, projectId: string) {
  return prepared(db, 'project_dependency_rows', (name) =>
    db
      .select()
      .from(projectDependencies)
      .where(and(eq(projectDependencies.workspaceId, sql.placeholder('workspaceId')), eq(projectDependencies.projectId, sql.placeholder('projectId'))))
      .prepare(name),
  ).execute({ workspaceId, projectId });
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

export async function insertTask(db: Db, row: NewTaskRow) {
  const [inserted] = await db.insert(projectTasks).values(row).returning();
  return inserted!;
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

/** A list bound as one typed array parameter (drizzle would otherwise spread it into one parameter per element). */
const array = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * Writes the new projection of many tasks of one project in one statement, a typed array per column: a slip at the
 * head of a long chain moves a thousand tasks, and a thousand rows of bound parameters (or of JSON to parse) cost more
 * than the update itself.
 */
export async function saveProjections(db: Db, workspaceId: string, projectId: string, updates: ProjectionUpdate[], now: Date) {
  if (updates.length === 0) return;
  await db.execute(sql`update ${projectTasks} as t set
      projected_start = v.ps, projected_finish = v.pf, slack_days = v.slack, critical = v.critical,
      health = v.health, start_reason = v.reason, driven_by = v.driven_by, updated_at = ${now}
    from unnest(${array(updates.map((u) => u.id), 'uuid')}, ${array(updates.map((u) => u.projectedStart), 'date')},
      ${array(updates.map((u) => u.projectedFinish), 'date')}, ${array(updates.map((u) => u.slackDays), 'int')},
      ${array(updates.map((u) => u.critical), 'boolean')}, ${array(updates.map((u) => u.health), 'text')},
      ${array(updates.map((u) => u.startReason), 'text')}, ${array(updates.map((u) => u.drivenBy), 'uuid')})
      as v(id, ps, pf, slack, critical, health, reason, driven_by)
    where t.workspace_id = ${workspaceId} and t.project_id = ${projectId} and t.id = v.id`);
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

/**
 * Makes a project's slip owed per milestone and cause the one computed at this re-plan, in one statement that writes
 * only what changed: new and changed rows upserted, rows no longer owed deleted (the two sets never meet).
 */
export async function replaceMilestoneSlips(db: Db, workspaceId: string, projectId: string, rows: MilestoneSlipRow[]) {
  await db.execute(sql`with owed(milestone_task_id, cause_task_id, side, days) as (
      select * from unnest(${array(rows.map((row) => row.milestoneTaskId), 'uuid')}, ${array(rows.map((row) => row.causeTaskId), 'uuid')},
        ${array(rows.map((row) => row.side), 'text')}, ${array(rows.map((row) => row.days), 'int')})
    ), saved as (
      insert into ${milestoneSlips} as s (workspace_id, project_id, milestone_task_id, cause_task_id, side, days)
      select ${workspaceId}, ${projectId}, milestone_task_id, cause_task_id, side, days from owed
      on conflict (workspace_id, milestone_task_id, cause_task_id) do update set side = excluded.side, days = excluded.days
        where (s.side, s.days) is distinct from (excluded.side, excluded.days)
    )
    delete from ${milestoneSlips} s where s.workspace_id = ${workspaceId} and s.project_id = ${projectId}
      and not exists (select 1 from owed where owed.milestone_task_id = s.milestone_task_id and owed.cause_task_id = s.cause_task_id)`);
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
    .orderBy(desc(delayEvents.createdAt), desc(delayEvents.id));
}

export async function insertComment(db: Db, values: typeof taskComments.$inferInsert) {
  const [row] = await db.insert(taskComments).values(values).returning();
  return row!;
}

/** The workspace's current members, for "@Name" in a comment. */
export function mentionableMembers(db: Db, workspaceId: string) {
  return db
    .select({ id: members.id, name: members.name, email: members.email })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), isNull(members.removedAt)));
}

export async function insertMentions(db: Db, rows: (typeof commentMentions.$inferInsert)[]) {
  if (rows.length) await db.insert(commentMentions).values(rows).onConflictDoNothing();
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

/** An open task: not done, not skipped, in a project that is not closed (a closed project owes nothing more). */
const openTask = () =>
  and(
    notInArray(projectTasks.status, ['done', 'skipped']),
    sql`exists (select 1 from ${projects} p where p.workspace_id = ${projectTasks.workspaceId} and p.id = ${projectTasks.projectId} and p.status <> 'closed')`,
  );

/** Moves a contact's open tasks to another contact, or to nobody; answers the tasks moved. */
export async function reassignOpenContactTasks(db: Db, workspaceId: string, fromContactId: string, toContactId: string | null, now: Date, onlyTaskIds?: readonly string[]) {
  const conditions = [eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.assigneeContactId, fromContactId), openTask()];
  if (onlyTaskIds) {
    if (onlyTaskIds.length === 0) return [];
    conditions.push(inArray(projectTasks.id, [...onlyTaskIds]));
  }
  return db
    .update(projectTasks)
    .set({ assigneeContactId: toContactId, updatedAt: now })
    .where(and(...conditions))
    .returning({ id: projectTasks.id, projectId: projectTasks.projectId, title: projectTasks.title });
}

/** Many contacts' open tasks each to another contact (or nobody), in one statement; answers the tasks moved and whose they were. */
export async function reassignOpenTasksOfMany(db: Db, workspaceId: string, moves: { from: string; to: string | null }[], now: Date) {
  if (moves.length === 0) return [];
  const result = await db.execute(sql`update ${projectTasks} set assignee_contact_id = m.to_id, updated_at = ${now}
    from jsonb_to_recordset(${JSON.stringify(moves.map((m) => ({ from_id: m.from, to_id: m.to })))}::jsonb) as m(from_id uuid, to_id uuid)
    where ${projectTasks.workspaceId} = ${workspaceId} and ${projectTasks.assigneeContactId} = m.from_id and ${openTask()}
    returning ${projectTasks.id} as id, ${projectTasks.projectId} as "projectId", ${projectTasks.title} as title, m.from_id as "fromContactId"`);
  return (result as unknown as { rows: { id: string; projectId: string; title: string; fromContactId: string }[] }).rows;
}

/** The open tasks of these contacts across the workspace's projects. */
export function openTasksOfContacts(db: Db, workspaceId: string, contactIds: string[]) {
  if (contactIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: projectTasks.id, projectId: projectTasks.projectId, title: projectTasks.title, contactId: sql<string>`${projectTasks.assigneeContactId}` })
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), inArray(projectTasks.assigneeContactId, contactIds), openTask()));
}
