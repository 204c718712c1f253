import { toDayNumber } from '../../../core/calendar.ts';
import { mentionedIn } from '../../../core/my-work/mentions.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { check, emit } from '../../events/bus.ts';
import type { AppError} from '../../http/errors.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { calendarOf, newTaskId, projectionOf, reschedule, todayFor } from './plan.ts';
import type { NewTask, TaskAdded, TaskChange, TaskPatch } from '../../../contract/projects.ts';
import { encodeMoves } from '../../../core/schedule/moves.ts';
import { linkRefusal } from '../../../core/schedule/links.ts';
import * as repo from './projects.repo.ts';
import { filesByTask, getProject, presentTask } from './projects.service.ts';
import { ownerForNewTask } from './owners.service.ts';
import { actorOf, recordEvents, type EventRow } from '../history/history.service.ts';
import { contactOf } from '../contacts/contacts.service.ts';
import { memberOf } from '../members/members.service.ts';
import { playbookOf } from '../playbooks/playbooks.service.ts';

const STATUS_WORDS: Record<string, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  stuck: 'stuck',
  done: 'done',
  skipped: 'skipped',
};

function dateError(field: string, message: string): AppError {
  return invalid(`${field}: ${message}`, { path: ['body', field] });
}

/** What a status change implies for the actual dates, as people expect: done today unless told otherwise. */
function applyStatus(task: repo.TaskRow, patch: TaskPatch, today: string): Partial<repo.NewTaskRow> {
  const next: Partial<repo.NewTaskRow> = {};
  const status = patch.status ?? task.status;
  if (patch.status && patch.status !== task.status) next.status = patch.status;
  if (status === 'done') {
    const finish = patch.actualFinish ?? task.actualFinish ?? today;
    // Without a recorded start, the start it really had is the one planned for it: its projection, unless the
    // re-plan only pushed that to "today" because it had not been started — then its baseline, never today.
    const planned = task.startReason === 'today' ? (task.baselineStart ?? task.projectedStart) : task.projectedStart;
    const plannedStart = planned && planned <= finish ? planned : finish;
    next.actualFinish = finish;
    next.actualStart = patch.actualStart ?? task.actualStart ?? plannedStart;
  } else if (status === 'in_progress' || status === 'stuck') {
    next.actualStart = patch.actualStart !== undefined ? patch.actualStart : (task.actualStart ?? (status === 'in_progress' ? today : null));
    next.actualFinish = null;
  } else {
    next.actualStart = null;
    next.actualFinish = null;
  }
  if (status === 'stuck') {
    const reason = patch.stuckReason ?? task.stuckReason;
    if (!reason) throw invalid('stuckReason: say what the task is stuck on', { path: ['body', 'stuckReason'] });
    next.stuckReason = reason;
  } else {
    next.stuckReason = null;
  }
  const start = next.actualStart ?? null;
  const finish = next.actualFinish ?? null;
  if (start && start > today) throw dateError('actualStart', 'cannot be in the future');
  if (finish && finish > today) throw dateError('actualFinish', 'cannot be in the future');
  if (start && finish && finish < start) throw dateError('actualFinish', 'cannot be before the actual start');
  return next;
}

function describe(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Changes a task (status, dates, pin, assignee, duration, links…), recomputes every date that depends on it
 * and records who changed what, from what, to what and why. Returns what moved, so a screen can update at once.
 * `byValueProof`: the success plan completes a value milestone because the customer confirmed its outcomes.
 */
export async function updateTask(ctx: Ctx, taskId: string, patch: TaskPatch, options: { byValueProof?: boolean } = {}) {
  return inTransaction(ctx, async (tx) => {
    const project = await repo.lockProjectOfTask(tx.db, tx.workspaceId, taskId);
    if (!project) throw notFound('task');
    if (project.status === 'closed') throw conflict('This project is closed: reopen it to change its plan.');
    const task = await repo.findTask(tx.db, tx.workspaceId, taskId);
    if (!task) throw notFound('task'); // removed before the lock was ours
    const calendar = await calendarOf(tx.db, tx.workspaceId);
    const today = todayFor(tx, calendar);

    await check(tx, 'task.status_changing', { project, task, nextStatus: patch.status, byValueProof: options.byValueProof ?? false });

    const changes: Partial<repo.NewTaskRow> = {};
    if (patch.status !== undefined || patch.actualStart !== undefined || patch.actualFinish !== undefined || patch.stuckReason !== undefined) {
      Object.assign(changes, applyStatus(task, patch, today));
    }
    if (patch.pinnedStart !== undefined) {
      if (patch.pinnedStart && toDayNumber(patch.pinnedStart) < toDayNumber(project.day0) - 365) {
        throw dateError('pinnedStart', 'is more than a year before day 0');
      }
      changes.pinnedStart = patch.pinnedStart;
    }
    if (patch.assignee !== undefined) {
      changes.assigneeMemberId = null;
      changes.assigneeContactId = null;
      if (patch.assignee?.kind === 'member') {
        if (!(await memberOf(tx, patch.assignee.id))) {
          throw invalid('assignee: is not a member of this workspace', { path: ['body', 'assignee', 'id'] });
        }
        changes.assigneeMemberId = patch.assignee.id;
      } else if (patch.assignee?.kind === 'contact') {
        const contact = await contactOf(tx, patch.assignee.id);
        if (!contact || contact.accountId !== project.accountId) {
          throw invalid('assignee: is not a contact of this account', { path: ['body', 'assignee', 'id'] });
        }
        changes.assigneeContactId = patch.assignee.id;
      }
    }
    for (const field of ['durationDays', 'effortHours', 'title', 'description', 'checklist', 'customerVisible'] as const) {
      if (patch[field] !== undefined) Object.assign(changes, { [field]: patch[field] });
    }

    const who_ = actorOf(tx);
    const now = tx.services.now();
    const events: EventRow[] = [];
    for (const [field, value] of Object.entries(changes)) {
      const before = task[field as keyof repo.TaskRow];
      if (describe(before) === describe(value)) continue;
      events.push({
        workspaceId: tx.workspaceId,
        projectId: project.id,
        taskId,
        ...who_,
        kind: 'task',
        field,
        fromValue: describe(before),
        toValue: describe(value),
        reason: patch.reason ?? null,
        createdAt: now,
      });
    }

    if (patch.dependsOn !== undefined) {
      const titles = new Map((await repo.projectTaskRows(tx.db, tx.workspaceId, project.id)).map((row) => [row.id, row.title]));
      const links = await repo.planDependencyRows(tx.db, tx.workspaceId, project.id);
      // The links that stay: every one but this task's own predecessors, which the patch replaces.
      const others = links.filter((link) => link.successorId !== taskId);
      const name = (id: string) => titles.get(id) ?? 'a task';
      patch.dependsOn.forEach((dependency, index) => {
        const path = ['body', 'dependsOn', index, 'taskId'];
        if (!titles.has(dependency.taskId) || dependency.taskId === taskId) {
          throw invalid(`dependsOn.${index}: is not another task of this project`, { path });
        }
        if (patch.dependsOn!.findIndex((other) => other.taskId === dependency.taskId) !== index) {
          throw invalid(`dependsOn.${index}: ${name(dependency.taskId)} is listed twice`, { path });
        }
        // A loop refused before the engine sees it, naming the tasks as the user knows them.
        const refusal = linkRefusal(others, dependency.taskId, taskId, name);
        if (refusal) throw invalid(refusal, { path });
      });
      await repo.replaceDependenciesOf(tx.db, tx.workspaceId, project.id, taskId, patch.dependsOn);
      const namesOf = (ids: string[]) => ids.map(name).join(', ');
      events.push({
        workspaceId: tx.workspaceId,
        projectId: project.id,
        taskId,
        ...who_,
        kind: 'task',
        field: 'dependsOn',
        // Read by people in the history: the tasks it waited for, and waits for now, by name.
        fromValue: namesOf(links.filter((link) => link.successorId === taskId).map((link) => link.predecessorId)),
        toValue: namesOf(patch.dependsOn.map((dependency) => dependency.taskId)),
        reason: patch.reason ?? null,
        createdAt: now,
      });
    }

    await repo.updateTask(tx.db, tx.workspaceId, taskId, { ...changes, updatedAt: now });
    const why = patch.reason || describeChange(task, changes, today);
    const result = await reschedule(tx, project, why, { calendar, lines: events });
    if (changes.status === 'done' && task.status !== 'done') {
      await emit(tx, 'task.completed', { projectId: project.id, taskId, taskKey: task.key, ownerSide: task.ownerSide, milestoneKind: task.milestoneKind });
      if (task.milestoneKind) await emit(tx, 'milestone.reached', { projectId: project.id, taskId, taskKey: task.key, milestoneKind: task.milestoneKind });
    }
    await emit(tx, 'task.changed', { projectId: project.id, taskId, fields: [...Object.keys(changes), ...(patch.dependsOn ? ['dependsOn'] : [])] });
    // The task as written: its change, and its new projection if the re-plan moved it (not read back).
    const projection = result.moved.find((entry) => entry.id === taskId);
    const updated: repo.TaskRow = {
      ...task,
      ...(changes as Partial<repo.TaskRow>),
      ...(projection && projectionOf(projection)),
      updatedAt: now,
    };
    const names = await repo.assigneeNames(
      tx.db,
      tx.workspaceId,
      updated.assigneeMemberId ? [updated.assigneeMemberId] : [],
      updated.assigneeContactId ? [updated.assigneeContactId] : [],
    );
    return {
      task: presentTask(updated, names, await filesByTask(tx, project.id)),
      moved: result.moved,
      day0: project.day0,
      delays: result.delays.filter((delay) => delay.days !== 0),
      project: { health: result.health as 'on_track', projectedEnd: result.projectEnd },
      delayDays: result.delayDays,
    };
  });
}

/**
 * Work Landfall did itself (the cadence sent the welcome email): the open tasks its playbook binds to that action
 * are done, started and finished on the day it happened, so no one is waited on or blamed for it.
 */
export async function completeAutomatedWork(ctx: Ctx, projectId: string, action: string, on: string, what: string) {
  const project = await repo.findProjectSummary(ctx.db, ctx.workspaceId, projectId);
  // A project planned by hand or copied follows no playbook, so nothing in it is bound to an action.
  if (!project || project.status !== 'active' || !project.playbookId) return;
  const playbook = await playbookOf(ctx, project.playbookId, project.playbookVersion ?? undefined);
  const bound = new Set((playbook?.definition.tasks ?? []).filter((task) => task.completesOn === action).map((task) => task.key));
  if (bound.size === 0) return;
  const open = (await repo.projectTaskRows(ctx.db, ctx.workspaceId, projectId)).filter(
    (task) => bound.has(task.key) && task.status !== 'done' && task.status !== 'skipped',
  );
  for (const task of open) {
    await updateTask(ctx, task.id, { status: 'done', actualStart: task.actualStart && task.actualStart <= on ? task.actualStart : on, actualFinish: on, reason: `Done by itself: ${what} on ${on}.` });
  }
}

/**
 * A task change as answered over HTTP: what moved in its compact form (a slip at the head of a long chain moves a
 * thousand tasks; naming each by its id and dates would answer 150 KB).
 */
export function presentTaskChange(change: Awaited<ReturnType<typeof updateTask>>): TaskChange {
  const { day0, moved, ...rest } = change;
  return { ...rest, moved: encodeMoves(day0, moved) };
}

function describeChange(task: repo.TaskRow, changes: Partial<repo.NewTaskRow>, today: string): string {
  const side = task.ownerSide === 'customer' ? 'customer' : 'vendor';
  if (changes.status === 'done' && task.baselineFinish && changes.actualFinish && changes.actualFinish > task.baselineFinish) {
    return `${task.title} (${side}) was done on ${changes.actualFinish}, after its planned ${task.baselineFinish}`;
  }
  if (changes.status) return `${task.title} (${side}) is now ${STATUS_WORDS[changes.status] ?? changes.status}`;
  if (changes.pinnedStart !== undefined) {
    return changes.pinnedStart ? `${task.title} (${side}) was moved by hand to start on ${changes.pinnedStart}` : `${task.title}: date set by hand removed`;
  }
  if (changes.durationDays !== undefined) return `${task.title} (${side}) now takes ${changes.durationDays} business days`;
  return `${task.title} (${side}) changed on ${today}`;
}

/** Adds a task to a running project; answers the task and what its arrival moved, not the whole plan. */
export async function addTask(ctx: Ctx, projectId: string, input: NewTask) {
  return inTransaction(ctx, async (tx) => {
    const project = await repo.lockProject(tx.db, tx.workspaceId, projectId);
    if (!project) throw notFound('project');
    const stages = project.stages as { key: string }[];
    if (!stages.some((stage) => stage.key === input.stage)) {
      throw invalid(`stage: is not a stage of this project (${stages.map((s) => s.key).join(', ')})`, { path: ['body', 'stage'] });
    }
    const ids = new Set(await repo.taskIdsAmong(tx.db, tx.workspaceId, projectId, input.dependsOn.map((d) => d.taskId)));
    input.dependsOn.forEach((dependency, index) => {
      if (!ids.has(dependency.taskId)) {
        throw invalid(`dependsOn.${index}: is not a task of this project`, { path: ['body', 'dependsOn', index, 'taskId'] });
      }
    });
    const id = newTaskId();
    const assignee = await ownerForNewTask(tx, project, input.owner);
    const inserted = await repo.insertTask(tx.db, 
      {
        id,
        workspaceId: tx.workspaceId,
        projectId,
        key: `custom-${id.slice(0, 8)}`,
        // After the last one, not at the count: a removed task leaves a gap, and positions name tasks in answers.
        position: (await repo.lastPosition(tx.db, tx.workspaceId, projectId)) + 1,
        title: input.title,
        description: input.description ?? null,
        stage: input.stage,
        ownerSide: input.owner.side,
        ownerRole: input.owner.role,
        durationDays: input.durationDays,
        effortHours: input.effortHours ?? null,
        startOffsetDays: input.startOffsetDays ?? null,
        milestoneKind: input.milestoneKind ?? null,
        customerVisible: input.customerVisible,
        ...assignee,
      });
    await repo.insertDependencies(
      tx.db,
      input.dependsOn.map((d) => ({ workspaceId: tx.workspaceId, projectId, predecessorId: d.taskId, successorId: id, lagDays: d.lagDays })),
    );
    const who_ = actorOf(tx);
    const result = await reschedule(tx, project, `${input.title} was added`, {
      lines: [{ workspaceId: tx.workspaceId, projectId, taskId: id, ...who_, kind: 'task_added', toValue: input.title, createdAt: tx.services.now() }],
    });
    // A task added after creation has no baseline of its own: its first projection (the re-plan moved it from
    // nothing) is its plan.
    const projection = result.moved.find((entry) => entry.id === id)!;
    const task: repo.TaskRow = {
      ...inserted,
      ...projectionOf(projection),
      baselineStart: projection.projectedStart,
      baselineFinish: projection.projectedFinish,
    };
    await repo.updateTask(tx.db, tx.workspaceId, id, { baselineStart: task.baselineStart, baselineFinish: task.baselineFinish });
    return {
      task: presentTask(task, await repo.assigneeNames(tx.db, tx.workspaceId, assignee.assigneeMemberId ? [assignee.assigneeMemberId] : [], assignee.assigneeContactId ? [assignee.assigneeContactId] : []), new Map()),
      dependencies: input.dependsOn.map((d) => ({ predecessorId: d.taskId, successorId: id, lagDays: d.lagDays })),
      moved: result.moved.filter((entry) => entry.id !== id),
      day0: project.day0,
      delays: result.delays.filter((delay) => delay.days !== 0),
      project: { health: result.health as 'on_track', projectedEnd: result.projectEnd },
      delayDays: result.delayDays,
    };
  });
}

/** A task added, as answered over HTTP: the task, its links, and what moved in its compact form. */
export function presentTaskAdded(added: Awaited<ReturnType<typeof addTask>>): TaskAdded {
  const { day0, moved, ...rest } = added;
  return { ...rest, moved: encodeMoves(day0, moved) };
}

export async function deleteTask(ctx: Ctx, taskId: string) {
  return inTransaction(ctx, async (tx) => {
    const task = await repo.findTask(tx.db, tx.workspaceId, taskId);
    if (!task) throw notFound('task');
    const project = (await repo.lockProject(tx.db, tx.workspaceId, task.projectId))!;
    const who_ = actorOf(tx);
    await repo.deleteTask(tx.db, tx.workspaceId, taskId);
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId: project.id, ...who_, kind: 'task_removed', fromValue: task.title, createdAt: tx.services.now() },
    ]);
    await reschedule(tx, project, `${task.title} was removed`);
    return getProject(tx, project.id);
  });
}

/** A comment on a task; an internal one is a vendor-only note the customer never sees. */
export async function addComment(ctx: Ctx, taskId: string, body: string, { internal = false }: { internal?: boolean } = {}) {
  if (internal && ctx.actor.kind === 'contact') throw forbidden('Internal notes are for the vendor team only.');
  const task = await repo.findTask(ctx.db, ctx.workspaceId, taskId);
  if (!task) throw notFound('task');
  const who_ = actorOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertComment(tx.db, {
      workspaceId: tx.workspaceId,
      projectId: task.projectId,
      taskId,
      authorMemberId: who_.actorMemberId,
      authorContactId: who_.actorContactId ?? null,
      authorName: who_.actorName,
      body,
      internal,
      createdAt: tx.services.now(),
    });
    // "@Name" of a member puts the comment on their My work page (not their own mention of themselves).
    const mentioned = mentionedIn(body, await repo.mentionableMembers(tx.db, tx.workspaceId)).filter((m) => m.id !== who_.actorMemberId);
    await repo.insertMentions(
      tx.db,
      mentioned.map((m) => ({ workspaceId: tx.workspaceId, commentId: row.id, memberId: m.id, projectId: task.projectId, taskId, createdAt: row.createdAt })),
    );
    return presentComment(row);
  });
}

export async function listComments(ctx: Ctx, taskId: string) {
  const task = await repo.findTask(ctx.db, ctx.workspaceId, taskId);
  if (!task) throw notFound('task');
  const rows = await repo.listComments(ctx.db, ctx.workspaceId, taskId);
  return rows.map(presentComment);
}

function presentComment(row: repo.CommentRow) {
  return { id: row.id, taskId: row.taskId, authorName: row.authorName, body: row.body, internal: row.internal, createdAt: row.createdAt.toISOString() };
}

/**
 * Someone at the customer left (or their successor was named): their open tasks, in every project of the workspace,
 * go to `toContactId` at once, or to nobody when the account has no one current to take them (the CSM is told by
 * the caller). Each project's history says who had them, who has them now and why. Returns the tasks moved.
 */
export async function reassignOpenTasksOf(ctx: Ctx, fromContactId: string, toContactId: string | null, why: string, onlyTaskIds?: readonly string[]) {
  const moved = await repo.reassignOpenContactTasks(ctx.db, ctx.workspaceId, fromContactId, toContactId, ctx.services.now(), onlyTaskIds);
  if (moved.length === 0) return moved;
  const names = await repo.assigneeNames(ctx.db, ctx.workspaceId, [], [fromContactId, ...(toContactId ? [toContactId] : [])]);
  const from = names.get(fromContactId) ?? 'someone who left';
  const to = toContactId ? (names.get(toContactId) ?? 'their successor') : 'nobody yet';
  await recordEvents(
    ctx,
    moved.map((task) => ({ projectId: task.projectId, taskId: task.id, kind: 'task', field: 'assignee', fromValue: from, toValue: to, reason: why })),
  );
  return moved;
}

/**
 * The set-based form of reassignOpenTasksOf for many leavers at once (a CSV import's batch): one statement moves every
 * open task, one writes their history lines. Same tasks moved and same lines as reassignOpenTasksOf once per move.
 */
export async function reassignOpenTasksOfMany(ctx: Ctx, moves: { from: string; to: string | null; why: string }[]) {
  const moved = await repo.reassignOpenTasksOfMany(ctx.db, ctx.workspaceId, moves, ctx.services.now());
  if (moved.length === 0) return moved;
  const byLeaver = new Map(moves.map((move) => [move.from, move]));
  const names = await repo.assigneeNames(ctx.db, ctx.workspaceId, [], [...new Set(moves.flatMap((m) => (m.to ? [m.from, m.to] : [m.from])))]);
  await recordEvents(
    ctx,
    moved.map((task) => {
      const move = byLeaver.get(task.fromContactId)!;
      const to = move.to ? (names.get(move.to) ?? 'their successor') : 'nobody yet';
      return { projectId: task.projectId, taskId: task.id, kind: 'task', field: 'assignee', fromValue: names.get(move.from) ?? 'someone who left', toValue: to, reason: move.why };
    }),
  );
  return moved;
}

/** Contacts' open tasks (not done or skipped, in a project not closed) across the workspace's projects: what they owned when they left. */
export const openTasksOfContacts = (ctx: Ctx, contactIds: string[]) => repo.openTasksOfContacts(ctx.db, ctx.workspaceId, contactIds);
