import { toDayNumber } from '../../../core/calendar.ts';
import { effortOf } from '../../../core/capacity/capacity.ts';
import type { PlaybookMilestoneKind, PlaybookStage, TaskOwner } from '../../../core/playbooks/definition.ts';
import type { Segment } from '../../../core/people.ts';
import type { FormAnswers, FormField } from '../../../core/portal/forms.ts';
import { contextFor, inTransaction, systemActor, type Ctx, type Services } from '../../context.ts';
import { check } from '../../events/bus.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import { playbookOf } from '../playbooks/playbooks.service.ts';
import { filesOfProject } from './deliverables.repo.ts';
import { calendarOf, engineTasks, reschedule, runSchedule, todayFor } from './plan.ts';
import type { Project, ProjectInput, ProjectListQuery, ProjectPatch, ProjectSummary, ProjectTask } from '../../../contract/projects.ts';
import { blankDraft, draftFromPlaybook, draftFromProject, plantProject } from './project-sources.ts';
import * as repo from './projects.repo.ts';
import { recordEvents, listProjectHistory, type HistoryFilter, type HistoryLine } from '../history/history.service.ts';
import { isOrganizationOfAccount } from '../contacts/contacts.service.ts';

type SummaryRow = NonNullable<Awaited<ReturnType<typeof repo.findProjectSummary>>>;

function presentSummary(row: SummaryRow): ProjectSummary {
  const stages = row.stages as PlaybookStage[];
  return {
    id: row.id,
    name: row.name,
    accountId: row.accountId,
    accountName: row.accountName,
    segment: row.segment as Segment,
    product: row.product,
    day0: row.day0,
    status: row.status as ProjectSummary['status'],
    statusReason: row.statusReason,
    closedOutcome: row.closedOutcome as ProjectSummary['closedOutcome'],
    health: row.health as ProjectSummary['health'],
    stage: row.currentStage,
    stageName: stages.find((stage) => stage.key === row.currentStage)?.name ?? null,
    onboardingManager:
      row.onboardingManagerId && row.onboardingManagerName ? { id: row.onboardingManagerId, name: row.onboardingManagerName } : null,
    baselineGoLive: row.baselineGoLive,
    projectedGoLive: row.projectedGoLive,
    baselineEnd: row.baselineEnd,
    projectedEnd: row.projectedEnd,
    delayDays: { customer: row.delayCustomer, vendor: row.delayVendor },
    tasksDone: row.tasksDone,
    tasksTotal: row.tasksTotal,
    handoff: row.handoffStatus as ProjectSummary['handoff'],
    stalledSince: row.stalledSince,
  };
}

type FileRow = Awaited<ReturnType<typeof filesOfProject>>[number];

/** A project's files by task, from one query per project. */
export async function filesByTask(ctx: Ctx, projectId: string): Promise<Map<string, ProjectTask['files']>> {
  return groupFilesByTask((await filesOfProject(ctx.db, ctx.workspaceId, projectId)) as FileRow[]);
}

function groupFilesByTask(files: readonly FileRow[]): Map<string, ProjectTask['files']> {
  const byTask = new Map<string, ProjectTask['files']>();
  for (const file of files) {
    const list = byTask.get(file.taskId) ?? [];
    list.push({ id: file.id, fileName: file.fileName, size: file.size, uploadedBy: file.uploadedByName, at: file.createdAt.toISOString() });
    byTask.set(file.taskId, list);
  }
  return byTask;
}

export function presentTask(row: repo.TaskRow, names: Map<string, string>, files: Map<string, ProjectTask['files']>): ProjectTask {
  const assigneeId = row.assigneeMemberId ?? row.assigneeContactId;
  return {
    id: row.id,
    key: row.key,
    position: row.position,
    title: row.title,
    description: row.description,
    stage: row.stage,
    owner: { side: row.ownerSide, role: row.ownerRole } as TaskOwner,
    assignee: assigneeId
      ? { kind: row.assigneeMemberId ? 'member' : 'contact', id: assigneeId, name: names.get(assigneeId) ?? 'Unknown' }
      : null,
    durationDays: row.durationDays,
    effortHours: effortOf(row),
    effortEstimated: row.effortHours !== null,
    startOffsetDays: row.startOffsetDays,
    milestoneKind: row.milestoneKind as PlaybookMilestoneKind | null,
    deliverable: row.deliverable,
    needsApproval: row.needsApproval,
    customerVisible: row.customerVisible,
    checklist: row.checklist as { text: string; done: boolean }[],
    status: row.status as ProjectTask['status'],
    stuckReason: row.stuckReason,
    actualStart: row.actualStart,
    actualFinish: row.actualFinish,
    pinnedStart: row.pinnedStart,
    baselineStart: row.baselineStart,
    baselineFinish: row.baselineFinish,
    projectedStart: row.projectedStart,
    projectedFinish: row.projectedFinish,
    slackDays: row.slackDays,
    critical: row.critical,
    health: row.health as ProjectTask['health'],
    form: (row.form as FormField[] | null) ?? null,
    formAnswers: (row.formAnswers as FormAnswers | null) ?? null,
    formAnsweredBy: row.formAnsweredBy,
    formAnsweredAt: row.formAnsweredAt?.toISOString() ?? null,
    files: files.get(row.id) ?? [],
  };
}

export async function listProjects(ctx: Ctx, query: ProjectListQuery) {
  return (await repo.listProjects(ctx.db, ctx.workspaceId, query)).map(presentSummary);
}

export async function getProject(ctx: Ctx, projectId: string): Promise<Project> {
  return (await projectWithRows(ctx, projectId)).project;
}

/**
 * The project as its page shows it, with the task rows and file rows it was built from, for a reader (the portal)
 * that needs more of each row than the page does without reading them again.
 */
export async function projectWithRows(ctx: Ctx, projectId: string) {
  const summary = await repo.findProjectSummary(ctx.db, ctx.workspaceId, projectId);
  if (!summary) throw notFound('project');
  // One after the other: inside a transaction they share one connection.
  const rows = await repo.projectTaskRows(ctx.db, ctx.workspaceId, projectId);
  const dependencies = await repo.projectDependencyRows(ctx.db, ctx.workspaceId, projectId);
  const playbook = summary.playbookId ? await playbookOf(ctx, summary.playbookId, summary.playbookVersion ?? undefined) : undefined;
  const calendar = await calendarOf(ctx.db, ctx.workspaceId);
  const names = await repo.assigneeNames(
    ctx.db,
    ctx.workspaceId,
    rows.flatMap((row) => (row.assigneeMemberId ? [row.assigneeMemberId] : [])),
    rows.flatMap((row) => (row.assigneeContactId ? [row.assigneeContactId] : [])),
  );
  const fileRows = (await filesOfProject(ctx.db, ctx.workspaceId, projectId)) as FileRow[];
  const files = groupFilesByTask(fileRows);
  const tasks = rows.map((row) => presentTask(row, names, files));
  const day0 = toDayNumber(summary.day0);
  const milestones = tasks
    .filter((task) => task.milestoneKind)
    .map((task) => {
      const reached = task.actualFinish ?? task.projectedFinish;
      return {
        taskId: task.id,
        kind: task.milestoneKind!,
        title: task.title,
        baseline: task.baselineFinish,
        projected: task.projectedFinish,
        actual: task.status === 'done' ? task.actualFinish : null,
        health: task.health,
        daysFromDay0: reached ? toDayNumber(reached) - day0 : null,
      };
    });
  const criticalPath = tasks
    .filter((task) => task.critical)
    .sort((a, b) => (a.projectedStart ?? '').localeCompare(b.projectedStart ?? '') || a.position - b.position)
    .map((task) => task.id);
  const project: Project = {
    ...presentSummary(summary),
    organizationId: summary.organizationId,
    playbook:
      summary.playbookId && summary.playbookVersion
        ? {
            id: summary.playbookId,
            name: playbook?.name ?? '',
            version: summary.playbookVersion,
            latestVersion: playbook?.currentVersion ?? summary.playbookVersion,
          }
        : null,
    stages: summary.stages as PlaybookStage[],
    today: todayFor(ctx, calendar),
    milestones,
    criticalPath,
    tasks,
    dependencies: dependencies.map((d) => ({ predecessorId: d.predecessorId, successorId: d.successorId, lagDays: d.lagDays })),
  };
  return { project, rows, files: fileRows };
}

/**
 * Starts an account's onboarding project from a playbook, from nothing (a go-live milestone to build on) or as a copy
 * of another project of the workspace. Day 0 is the account's contract signed date unless one is given.
 */
export async function createProject(ctx: Ctx, input: ProjectCreation) {
  const projectId = await inTransaction(ctx, async (tx) => {
    const account = await getAccount(tx, input.accountId);
    const day0 = input.day0 ?? account.contractSignedOn;
    if (!day0) {
      throw invalid(`${account.name} has no contract signed date: set it on the account, or give this project its own day 0.`, {
        path: ['body', 'day0'],
      });
    }
    if (input.organizationId && !(await isOrganizationOfAccount(tx, account.id, input.organizationId))) {
      throw invalid('organizationId: is not an organization of this account', { path: ['body', 'organizationId'] });
    }
    await check(tx, 'products.naming', { products: [input.product ?? null], path: ['body', 'product'] });
    const source = input.source ?? 'playbook';
    const draft =
      source === 'blank'
        ? blankDraft()
        : source === 'project'
          ? await draftFromProject(tx, input.sourceProjectId!)
          : await draftFromPlaybook(tx, account.id, input.playbookId);
    return plantProject(tx, account, input, day0, draft);
  });
  return getProject(ctx, projectId);
}

type ProjectCreation = Omit<ProjectInput, 'source'> & { source?: ProjectInput['source'] | undefined };

/**
 * Renames a project or gives it a new day 0. A new day 0 re-plans it: work not started moves with it, and so does
 * its baseline (a new day 0 is a new commitment, not a delay owed to anyone); work started or done keeps its dates.
 */
export async function updateProject(ctx: Ctx, projectId: string, patch: ProjectPatch) {
  await inTransaction(ctx, async (tx) => {
    const project = await repo.lockProject(tx.db, tx.workspaceId, projectId);
    if (!project) throw notFound('project');
    const now = tx.services.now();
    const lines: HistoryLine[] = [];
    if (patch.name !== undefined && patch.name !== project.name) {
      lines.push({ projectId, kind: 'renamed', field: 'name', fromValue: project.name, toValue: patch.name, reason: 'Renamed' });
    }
    const day0Moved = patch.day0 !== undefined && patch.day0 !== project.day0;
    if (day0Moved) {
      lines.push({ projectId, kind: 'day0_changed', field: 'day0', fromValue: project.day0, toValue: patch.day0!, reason: 'Day 0 changed: work not started moves with it' });
    }
    if (lines.length === 0) return;
    await repo.updateProject(tx.db, tx.workspaceId, projectId, { ...patch, updatedAt: now });
    await recordEvents(tx, lines);
    if (!day0Moved) return;
    const moved = { ...project, day0: patch.day0! };
    await rebaselineWorkNotStarted(tx, moved);
    await reschedule(tx, moved, `Day 0 moved from ${project.day0} to ${patch.day0}`);
  });
  return getProject(ctx, projectId);
}

/** The baseline of work not started, laid out again from the project's (new) day 0 as of today. */
async function rebaselineWorkNotStarted(ctx: Ctx, project: { id: string; day0: string }) {
  const rows = await repo.projectTaskRows(ctx.db, ctx.workspaceId, project.id);
  const dependencies = await repo.projectDependencyRows(ctx.db, ctx.workspaceId, project.id);
  const calendar = await calendarOf(ctx.db, ctx.workspaceId);
  const plan = runSchedule(engineTasks(rows, dependencies), calendar, project.day0, todayFor(ctx, calendar));
  await repo.saveBaselines(
    ctx.db,
    ctx.workspaceId,
    rows.flatMap((row, i) =>
      row.status === 'not_started' ? [{ id: row.id, baselineStart: plan.tasks[i]!.start, baselineFinish: plan.tasks[i]!.finish }] : [],
    ),
  );
}

export async function projectHistory(ctx: Ctx, projectId: string, filter: HistoryFilter = {}) {
  if (!(await repo.findProjectSummary(ctx.db, ctx.workspaceId, projectId))) throw notFound('project');
  return listProjectHistory(ctx, projectId, filter);
}

export async function projectDelays(ctx: Ctx, projectId: string) {
  if (!(await repo.findProjectSummary(ctx.db, ctx.workspaceId, projectId))) throw notFound('project');
  const delays = await repo.listDelays(ctx.db, ctx.workspaceId, projectId);
  const tasks = await repo.projectTaskRows(ctx.db, ctx.workspaceId, projectId);
  const titles = new Map(tasks.map((task) => [task.id, task.title]));
  return delays.map((delay) => ({
    id: delay.id,
    milestoneTaskId: delay.milestoneTaskId,
    milestoneTitle: titles.get(delay.milestoneTaskId) ?? 'A removed task',
    causeTaskId: delay.causeTaskId,
    causeTaskTitle: titles.get(delay.causeTaskId) ?? 'A removed task',
    side: delay.side as 'customer' | 'vendor',
    days: delay.days,
    fromDate: delay.fromDate,
    toDate: delay.toDate,
    createdAt: delay.createdAt.toISOString(),
  }));
}


/**
 * Re-plans active projects not re-planned since their workspace's day began, so "today" moves on in every
 * projection: work not started by today slips, owed to whoever owns it. Runs when a process starts and every
 * minute after, so a restart or a new day in the workspace's timezone is caught at once. Safe with several
 * processes: each project is locked and checked again.
 */
export async function replanStaleProjects(services: Services) {
  const stale = await repo.staleProjects(services.database.db, services.now(), 200);
  for (const { id, workspaceId, startOfToday } of stale) {
    const ctx = contextFor(services, systemActor(workspaceId, 'replan'));
    await inTransaction(ctx, async (tx) => {
      const project = await repo.lockProject(tx.db, workspaceId, id);
      if (!project || project.updatedAt.getTime() >= Number(startOfToday)) return;
      await reschedule(tx, project, 'Re-planned: another day has passed');
    });
  }
  return stale.length;
}

/** Re-plans every active project of the workspace (after its calendar changed). */
export async function replanProjectsOf(ctx: Ctx, why: string) {
  const active = await repo.listProjects(ctx.db, ctx.workspaceId, { status: 'active' });
  for (const { id } of active) {
    await inTransaction(ctx, async (tx) => {
      const project = await repo.lockProject(tx.db, tx.workspaceId, id);
      if (project) await reschedule(tx, project, why);
    });
  }
}

// ---- What other modules may read of a project (always scoped to the caller's workspace) ----

export type TaskRow = repo.TaskRow;

/** A project's headline row (account, day 0, status, milestones), or undefined when it is not the workspace's. */
export const projectHeadline = (ctx: Ctx, projectId: string) => repo.findProjectSummary(ctx.db, ctx.workspaceId, projectId);

/** Locks a project's row for the rest of the transaction (a change that must not race another); undefined when not found. */
export const lockProjectRow = (ctx: Ctx, projectId: string) => repo.lockProject(ctx.db, ctx.workspaceId, projectId);

/** lockProjectRow for many projects at once (in id order); answers those that exist. */
export const lockProjectRows = (ctx: Ctx, projectIds: string[]) => repo.lockProjects(ctx.db, ctx.workspaceId, projectIds);

/** A project's tasks, as stored, in plan order. */
export const projectTaskRows = (ctx: Ctx, projectId: string) => repo.projectTaskRows(ctx.db, ctx.workspaceId, projectId);

/** A project's task dependencies, as stored. */
export const projectDependencyRows = (ctx: Ctx, projectId: string) => repo.projectDependencyRows(ctx.db, ctx.workspaceId, projectId);

/** The slip each milestone owes, per cause and side, as the project stood at its last re-plan. */
export const milestoneSlipRows = (ctx: Ctx, projectId: string) => repo.listMilestoneSlips(ctx.db, ctx.workspaceId, projectId);

/** Display names of the members and contacts given, by id. */
export const namesOf = (ctx: Ctx, memberIds: string[], contactIds: string[]) => repo.assigneeNames(ctx.db, ctx.workspaceId, memberIds, contactIds);
