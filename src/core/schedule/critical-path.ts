// Total float by a backward pass against the project end (the latest projected finish of any task, which is the
// last milestone when the playbook ends with one). Critical = unfinished with no float.
import type { TaskNetwork } from './network.ts';
import { NONE, Progress, type ProjectPlan, type Projection } from './plan.ts';

export interface Float {
  /** Business days each task can slip before the project end moves; never negative. */
  readonly slack: Int32Array;
  readonly lateFinish: Int32Array;
  /** Ordinal just after the last business day of the project. */
  readonly projectEnd: number;
}

/**
 * A successor holds its predecessors back only if its start was derived from them: a pinned, started or done
 * task keeps its dates whatever its predecessors do, so it sets no late finish for them (and slack stays ≥ 0).
 */
export function totalFloat(network: TaskNetwork, plan: ProjectPlan, projection: Projection): Float {
  const { size, order, succStart, succTask, succLag } = network;
  const { progress, pin } = plan;
  const { start, end } = projection;

  const NO_DATE = NONE, OPEN = Progress.Open, SKIPPED = Progress.Skipped; // locals for the hot loop

  let projectEnd = NO_DATE;
  for (let i = 0; i < size; i++) if (end[i]! > projectEnd) projectEnd = end[i]!;
  if (projectEnd === NO_DATE) projectEnd = plan.projectStart + 1;

  const lateFinish = new Int32Array(size);
  const slack = new Int32Array(size);
  for (let q = size - 1; q >= 0; q--) {
    const i = order[q]!;
    let lf = projectEnd;
    for (let k = succStart[i]!, last = succStart[i + 1]!; k < last; k++) {
      const j = succTask[k]!;
      const kind = progress[j]!;
      const follows = kind === SKIPPED || (kind === OPEN && pin[j] === NO_DATE);
      if (!follows) continue;
      const latestStart = lateFinish[j]! - (end[j]! - start[j]!) - succLag[k]!;
      if (latestStart < lf) lf = latestStart;
    }
    lateFinish[i] = lf;
    slack[i] = end[i] === NO_DATE ? 0 : lf - end[i]!;
  }
  return { slack, lateFinish, projectEnd };
}
