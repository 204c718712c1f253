// Where a project stands, each rule written once so the stage, the milestones and the lists never disagree.
//
// Stage: the stage of the earliest unfinished task (by projected start, then plan order), but never earlier
//   than the stage of a milestone already reached — go-live reached, the project is past Mobilization even if
//   some early task is still open. When every task is finished: the stage of the last milestone reached.
// Finished: the onboarding_complete milestone is reached, or every task is done or skipped. A finished project
//   leaves the active list (it stays under "all").
import type { MilestoneKind, TaskStatus } from './types.ts';

export interface ProgressTask {
  stage: string;
  status: TaskStatus;
  milestoneKind?: MilestoneKind | null;
  durationDays: number;
  projectedStart?: string | null;
}

const finished = (task: ProgressTask) => task.status === 'done' || task.status === 'skipped';
const reachedMilestone = (task: ProgressTask) => task.durationDays === 0 && Boolean(task.milestoneKind) && task.status === 'done';

/** The project's current stage key (null without stages or tasks). `stages` in the playbook's order; tasks in plan order. */
export function currentStage(stages: readonly { key: string }[], tasks: readonly ProgressTask[]): string | null {
  const rank = new Map(stages.map((stage, i) => [stage.key, i]));
  const rankOf = (key: string) => rank.get(key) ?? -1;
  let reached: string | null = null;
  for (const task of tasks) if (reachedMilestone(task) && (reached === null || rankOf(task.stage) > rankOf(reached))) reached = task.stage;
  let open: ProgressTask | undefined;
  for (const task of tasks) {
    if (finished(task)) continue;
    if (!open || (task.projectedStart ?? '\uffff') < (open.projectedStart ?? '\uffff')) open = task;
  }
  if (!open) return reached;
  if (reached !== null && rankOf(reached) > rankOf(open.stage)) return reached;
  return open.stage;
}

/** Onboarding complete reached, or nothing left to do. */
export function projectFinished(tasks: readonly ProgressTask[]): boolean {
  if (tasks.length === 0) return false;
  return tasks.some((task) => task.milestoneKind === 'onboarding_complete' && task.status === 'done') || tasks.every(finished);
}
