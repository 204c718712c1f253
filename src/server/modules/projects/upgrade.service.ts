import type { PlaybookDefinition, PlaybookStage } from '../../../core/playbooks/definition.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { newTaskId, reschedule } from './plan.ts';
import * as repo from './projects.repo.ts';
import { getProject } from './projects.service.ts';
import { ownerForNewTask } from './owners.service.ts';
import { actorOf, recordEvents } from '../history/history.service.ts';
import { playbookOf } from '../playbooks/playbooks.service.ts';

type DefinitionTask = PlaybookDefinition['tasks'][number];

const fromDefinition = (task: DefinitionTask) => ({
  title: task.title,
  description: task.description ?? null,
  stage: task.stage,
  ownerSide: task.owner.side,
  ownerRole: task.owner.role,
  durationDays: task.durationDays,
  startOffsetDays: task.startOffsetDays ?? null,
  milestoneKind: task.milestoneKind ?? null,
  deliverable: task.deliverable ?? false,
  needsApproval: task.needsApproval ?? false,
  customerVisible: task.customerVisible ?? true,
  checklist: (task.checklist ?? []).map((text) => ({ text, done: false })),
});

/**
 * Moves a running project onto the newest version of its playbook. Work not started takes the new
 * definition; work started or done stays as it happened; tasks the new version drops go only if not
 * started; tasks added by hand keep their links. New tasks get their first projection as baseline.
 */
export async function upgradeProject(ctx: Ctx, projectId: string) {
  return inTransaction(ctx, async (tx) => {
    const project = await repo.lockProject(tx.db, tx.workspaceId, projectId);
    if (!project) throw notFound('project');
    if (!project.playbookId || !project.playbookVersion) throw conflict('This project follows no playbook (it was started blank).');
    const latest = await playbookOf(tx, project.playbookId);
    if (!latest) throw notFound('playbook');
    if (latest.version <= project.playbookVersion) throw conflict(`The project already follows version ${project.playbookVersion}, the newest.`);
    const { definition } = latest;
    const rows = await repo.projectTaskRows(tx.db, tx.workspaceId, projectId);
    const rowByKey = new Map(rows.map((row) => [row.key, row]));
    const wanted = new Set(definition.tasks.map((task) => task.key));
    const idByKey = new Map<string, string>();
    const now = tx.services.now();

    // After the last one, not at the count: a removed task leaves a gap, and two tasks must never share a position.
    let position = (rows.at(-1)?.position ?? -1) + 1;
    for (const task of definition.tasks) {
      const row = rowByKey.get(task.key);
      if (!row) {
        const id = newTaskId();
        idByKey.set(task.key, id);
        const assignee = await ownerForNewTask(tx, project, task.owner);
        await repo.insertTasks(tx.db, [{ id, workspaceId: tx.workspaceId, projectId, key: task.key, position: position++, ...fromDefinition(task), ...assignee }]);
        continue;
      }
      idByKey.set(task.key, row.id);
      if (row.status === 'not_started') await repo.updateTask(tx.db, tx.workspaceId, row.id, { ...fromDefinition(task), updatedAt: now });
    }
    const removed = rows.filter((row) => !row.key.startsWith('custom-') && !wanted.has(row.key) && row.status === 'not_started');
    for (const row of removed) await repo.deleteTask(tx.db, tx.workspaceId, row.id);
    for (const task of definition.tasks) {
      const successorId = idByKey.get(task.key)!;
      const predecessors = (task.dependsOn ?? [])
        .map((dependency) => ({ taskId: idByKey.get(dependency.task), lagDays: dependency.lagDays ?? 0 }))
        .filter((dependency): dependency is { taskId: string; lagDays: number } => Boolean(dependency.taskId));
      await repo.replaceDependenciesOf(tx.db, tx.workspaceId, projectId, successorId, predecessors);
    }

    const stages: PlaybookStage[] = [...definition.stages];
    for (const row of rows) {
      if (!stages.some((stage) => stage.key === row.stage)) {
        const old = (project.stages as PlaybookStage[]).find((stage) => stage.key === row.stage);
        if (old) stages.push(old);
      }
    }
    await repo.updateProject(tx.db, tx.workspaceId, projectId, { playbookVersion: latest.version, stages, updatedAt: now });
    const actor = actorOf(tx);
    const added = definition.tasks.filter((task) => !rowByKey.has(task.key)).length;
    await recordEvents(tx, [
      {
        workspaceId: tx.workspaceId,
        projectId,
        ...actor,
        kind: 'upgraded',
        field: 'playbook_version',
        fromValue: String(project.playbookVersion),
        toValue: String(latest.version),
        reason: `${added} task(s) added, ${removed.length} removed; work not started follows the new version`,
        createdAt: now,
      },
    ]);
    await reschedule(tx, project, `Moved to version ${latest.version} of "${latest.name}"`);
    for (const task of definition.tasks) {
      if (rowByKey.has(task.key)) continue;
      const fresh = await repo.findTask(tx.db, tx.workspaceId, idByKey.get(task.key)!);
      if (fresh) await repo.updateTask(tx.db, tx.workspaceId, fresh.id, { baselineStart: fresh.projectedStart, baselineFinish: fresh.projectedFinish });
    }
    return getProject(tx, projectId);
  });
}
