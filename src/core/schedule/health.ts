// Health: on_track, at_risk or late, for each task, each milestone and the project.
//
// Task (duration > 0), against its baseline finish; "slip" = projected finish later than baseline finish:
//   late     — unfinished and today is after its baseline finish, or it slipped and has no slack left
//              (it now moves the project end); done tasks: finished after their baseline finish;
//   at_risk  — it slipped but its slack still absorbs the slip, or it is stuck;
//   on_track — otherwise, and always when there is no baseline (unless stuck) or the task is skipped.
// Milestone (duration 0): late when its projected (or reached) date is after its baseline date; at_risk when on
//   time, not reached, and an unfinished task upstream is at risk or late; otherwise on_track. A reached
//   milestone is never at risk: nothing ahead of it can move it.
// Project: late when a milestone is late, or an unfinished critical task is late (it moves the end);
//   at_risk when any task or milestone is at risk or late; otherwise on_track. But a project whose value is
//   achieved (its value_achieved milestone reached) and whose end is on time (no later than its latest baseline
//   finish) is not late: what was late is behind it; it is at_risk while unfinished work is at risk or late.
import type { TaskNetwork } from './network.ts';
import { NONE, Progress, type ProjectPlan, type Projection } from './plan.ts';

export const HEALTH_NAMES = ['on_track', 'at_risk', 'late'] as const;
const ON_TRACK = 0;
const AT_RISK = 1;
const LATE = 2;

export function taskHealth(network: TaskNetwork, plan: ProjectPlan, projection: Projection, slack: Int32Array): Uint8Array {
  const { size, order, predStart, predTask } = network;
  const { duration, progress, stuck, baselineFinish, baselineFinishDay, todayDay } = plan;
  const { end } = projection;
  const NO_DATE = NONE, DONE = Progress.Done, SKIPPED = Progress.Skipped; // locals for the hot loop
  const health = new Uint8Array(size);
  // An unfinished task upstream (or further up) is at risk or late.
  const troubled = new Uint8Array(size);

  for (let q = 0; q < size; q++) {
    const i = order[q]!;
    let upstream = 0;
    for (let k = predStart[i]!, last = predStart[i + 1]!; k < last; k++) {
      const p = predTask[k]!;
      const open = progress[p] !== DONE && progress[p] !== SKIPPED;
      if (troubled[p] === 1 || (open && health[p] !== ON_TRACK)) {
        upstream = 1;
        break;
      }
    }
    troubled[i] = upstream;

    const kind = progress[i]!;
    const baseline = baselineFinish[i]!;
    let h: number = ON_TRACK;
    if (kind === SKIPPED) {
      h = ON_TRACK;
    } else if (duration[i] === 0) {
      if (baseline !== NO_DATE && end[i]! > baseline) h = LATE;
      else if (upstream === 1 && kind !== DONE) h = AT_RISK;
    } else if (kind === DONE) {
      if (baseline !== NO_DATE && end[i]! > baseline) h = LATE;
    } else {
      const slipped = baseline !== NO_DATE && end[i]! > baseline;
      const overdue = baseline !== NO_DATE && todayDay !== NO_DATE && todayDay > baselineFinishDay[i]!;
      if (overdue || (slipped && slack[i] === 0)) h = LATE;
      else if (slipped || stuck[i] === 1) h = AT_RISK;
    }
    health[i] = h;
  }
  return health;
}

/** `valueAchievedOnTime`: the value_achieved milestone is reached and the project end is on time (see the rule). */
export function projectHealth(plan: ProjectPlan, health: Uint8Array, slack: Int32Array, valueAchievedOnTime = false): number {
  const { progress } = plan;
  let worst: number = ON_TRACK;
  for (let i = 0; i < health.length; i++) {
    const h = health[i]!;
    if (h === ON_TRACK) continue;
    const open = progress[i] !== Progress.Done && progress[i] !== Progress.Skipped;
    if (valueAchievedOnTime && !open) continue;
    worst = AT_RISK;
    if (valueAchievedOnTime) continue;
    if (h === LATE && (plan.duration[i] === 0 || (open && slack[i] === 0))) return LATE;
  }
  return worst;
}
