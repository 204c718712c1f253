// Many changes to a plan in one request: tasks added, links added, a new order, in one transaction with one re-plan.
// A link that closes a cycle is refused by the re-plan, naming the tasks; nothing of the request is kept.
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import type { BulkTaskChange, BulkTaskResult, BulkTaskUpdate, TaskPatch } from '../../../contract/projects.ts';
import { addBusinessDays } from '../../../core/calendar.ts';
import { encodeMoves } from '../../../core/schedule/moves.ts';
import { calendarOf, newTaskId, reschedule } from './plan.ts';
import { updateTask } from './tasks.service.ts';
import * as repo from './projects.repo.ts';
import { presentTask } from './projects.service.ts';
import { actorOf, recordEvents } from '../history/history.service.ts';

export async function changeTasksInBulk(ctx: Ctx, projectId: string, input: BulkTaskChange): Promise<BulkTaskResult> {
  return inTransaction(ctx, async (tx) => {
    const project = await repo.lockProject(tx.db, tx.workspaceId, projectId);
    if (!project) throw notFound('project');
    if (project.status === 'closed') throw conflict('This project is closed: reopen it to change its plan.');
    const stages = new Set((project.stages as { key: string }[]).map((stage) => stage.key));
    const existing = await repo.planTaskRows(tx.db, tx.workspaceId, projectId);
    const idOf = new Map<string, string>(existing.map((row) => [row.id, row.id]));

    const added = input.add.map((task, index) => {
      if (!stages.has(task.stage)) {
        throw invalid(`add.${index}.stage: is not a stage of this project (${[...stages].join(', ')})`, { path: ['body', 'add', index, 'stage'] });
      }
      if (task.ref !== undefined && idOf.has(task.ref)) {
        throw invalid(`add.${index}.ref: "${task.ref}" is used twice`, { path: ['body', 'add', index, 'ref'] });
      }
      const id: string = newTaskId();
      if (task.ref !== undefined) idOf.set(task.ref, id);
      idOf.set(id, id);
      return { id, ref: task.ref ?? null, task };
    });
    const resolve = (ref: string, path: (string | number)[]) => {
      const id = idOf.get(ref);
      if (!id) throw invalid(`${path.join('.')}: "${ref}" is neither a task of this project nor the ref of a task added here`, { path: ['body', ...path] });
      return id;
    };
    const links = input.link.map((link, index) => {
      const predecessorId = resolve(link.from, ['link', index, 'from']);
      const successorId = resolve(link.to, ['link', index, 'to']);
      if (predecessorId === successorId) throw invalid(`link.${index}: a task cannot follow itself`, { path: ['body', 'link', index] });
      return { workspaceId: tx.workspaceId, projectId, predecessorId, successorId, lagDays: link.lagDays };
    });
    const ordered = input.order.map((ref, index) => resolve(ref, ['order', index]));
    if (new Set(ordered).size !== ordered.length) throw invalid('order: names a task twice', { path: ['body', 'order'] });

    // Added tasks go after the last one; then the ordered tasks take the positions they held between them.
    let last = existing.reduce((max, row) => Math.max(max, row.position), -1);
    const positionOf = new Map(existing.map((row) => [row.id, row.position]));
    for (const { id } of added) positionOf.set(id, ++last);
    const slots = ordered.map((id) => positionOf.get(id)!).sort((a, b) => a - b);
    const positions: { id: string; position: number }[] = [];
    ordered.forEach((id, index) => {
      if (positionOf.get(id) === slots[index]) return;
      positionOf.set(id, slots[index]!);
      positions.push({ id, position: slots[index]! });
    });

    const now = tx.services.now();
    await repo.insertTasks(
      tx.db,
      added.map(({ id, task }) => ({
        id,
        workspaceId: tx.workspaceId,
        projectId,
        key: `custom-${id.slice(0, 8)}`,
        position: positionOf.get(id)!,
        title: task.title,
        description: task.description ?? null,
        stage: task.stage,
        ownerSide: task.owner.side,
        ownerRole: task.owner.role,
        durationDays: task.durationDays,
        startOffsetDays: task.startOffsetDays ?? null,
        milestoneKind: task.milestoneKind ?? null,
        customerVisible: task.customerVisible,
      })),
    );
    const addedIds = new Set(added.map((a) => a.id));
    await repo.savePositions(tx.db, tx.workspaceId, positions.filter((p) => !addedIds.has(p.id)), now);
    await repo.insertDependencies(tx.db, links);
    const who = actorOf(tx);
    await recordEvents(tx, [
      ...added.map(({ id, task }) => ({ workspaceId: tx.workspaceId, projectId, taskId: id, ...who, kind: 'task_added', toValue: task.title, createdAt: now })),
      ...links.map((link) => ({
        workspaceId: tx.workspaceId,
        projectId,
        taskId: link.successorId,
        ...who,
        kind: 'task',
        field: 'dependsOn',
        toValue: JSON.stringify({ taskId: link.predecessorId, lagDays: link.lagDays }),
        reason: input.reason ?? null,
        createdAt: now,
      })),
    ]);
    const why = input.reason || `${added.length} task(s) added, ${links.length} link(s) added, ${positions.length} task(s) re-ordered`;
    const result = await reschedule(tx, project, why);
    // Tasks added after creation have no baseline of their own: their first projection is their plan.
    const rows = addedIds.size ? await repo.projectTaskRows(tx.db, tx.workspaceId, projectId) : [];
    const addedRows = rows.filter((row) => addedIds.has(row.id)).map((row) => ({ ...row, baselineStart: row.projectedStart, baselineFinish: row.projectedFinish }));
    await repo.saveBaselines(tx.db, tx.workspaceId, addedRows);
    const byId = new Map(addedRows.map((row) => [row.id, row]));
    return {
      added: added.map(({ id, ref }) => ({ ref, task: presentTask(byId.get(id)!, new Map(), new Map()) })),
      dependencies: links.map(({ predecessorId, successorId, lagDays }) => ({ predecessorId, successorId, lagDays })),
      positions,
      moved: encodeMoves(project.day0, result.moved.filter((entry) => !addedIds.has(entry.id))),
      delays: result.delays.filter((delay) => delay.days !== 0),
      project: { health: result.health as 'on_track', projectedEnd: result.projectEnd },
    };
  });
}

/**
 * One change to many tasks (the plan's bulk edit): a status, an assignee, or their starts moved by N business days.
 * Each task changes as it would alone (the same guards, history and events), all in one transaction: if one task
 * cannot change, the answer names it and none has changed.
 */
export async function updateTasksInBulk(ctx: Ctx, projectId: string, input: BulkTaskUpdate): Promise<{ updated: number }> {
  return inTransaction(ctx, async (tx) => {
    const project = await repo.lockProject(tx.db, tx.workspaceId, projectId);
    if (!project) throw notFound('project');
    if (project.status === 'closed') throw conflict('This project is closed: reopen it to change its plan.');
    const tasks = new Map((await repo.projectTaskRows(tx.db, tx.workspaceId, projectId)).map((task) => [task.id, task]));
    input.taskIds.forEach((id, index) => {
      if (!tasks.has(id)) throw invalid(`taskIds.${index}: is not a task of this project`, { path: ['body', 'taskIds', index] });
    });
    const calendar = input.set.shiftDays === undefined ? undefined : await calendarOf(tx.db, tx.workspaceId);
    for (const id of input.taskIds) {
      const task = tasks.get(id)!;
      const patch: TaskPatch = {};
      if (input.set.status !== undefined) patch.status = input.set.status;
      if (input.set.assignee !== undefined) patch.assignee = input.set.assignee;
      if (input.set.shiftDays !== undefined && calendar) {
        const from = task.pinnedStart ?? task.projectedStart;
        if (!from) throw conflict(`“${task.title}” has no start date to move.`);
        patch.pinnedStart = addBusinessDays(from, input.set.shiftDays, calendar);
      }
      if (input.reason) patch.reason = input.reason;
      try {
        await updateTask(tx, id, patch);
      } catch (error) {
        if (error instanceof AppError) throw new AppError(error.code, `“${task.title}”: ${error.message} Nothing was changed.`, { errors: error.errors });
        throw error;
      }
    }
    return { updated: input.taskIds.length };
  });
}
