// The dependency graph as integer arrays (compressed rows), in topological order, or the cycle that prevents one.
import type { PlanTask } from './types.ts';

export type ScheduleErrorCode = 'dependency_cycle' | 'unknown_dependency' | 'duplicate_task' | 'invalid_task';

export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  constructor(
    readonly code: ScheduleErrorCode,
    message: string,
    /** For a cycle: the ids in order, the first repeated at the end. */
    readonly taskIds: readonly string[],
  ) {
    super(message);
  }
}

export interface TaskNetwork {
  readonly size: number;
  readonly indexById: ReadonlyMap<string, number>;
  /** Predecessor edges of task i: positions predStart[i] … predStart[i + 1] − 1. */
  readonly predStart: Int32Array;
  readonly predTask: Int32Array;
  readonly predLag: Int32Array;
  readonly succStart: Int32Array;
  readonly succTask: Int32Array;
  readonly succLag: Int32Array;
  /** Every task after its predecessors; among ready tasks, the input order. */
  readonly order: Int32Array;
}

const label = (task: PlanTask | undefined): string => task?.name ?? task?.id ?? '?';

function invalid(task: PlanTask, what: string): ScheduleError {
  return new ScheduleError('invalid_task', `task ${label(task)}: ${what}`, [task.id]);
}

export function buildNetwork(tasks: readonly PlanTask[]): TaskNetwork {
  const size = tasks.length;
  const indexById = new Map<string, number>();
  const predStart = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) {
    const task = tasks[i]!;
    indexById.set(task.id, i);
    if (indexById.size === i) {
      throw new ScheduleError('duplicate_task', `two tasks share the id ${task.id}`, [task.id]);
    }
    if (!Number.isInteger(task.durationDays) || task.durationDays < 0) {
      throw invalid(task, 'the duration must be a whole number of business days, 0 or more');
    }
    const offset = task.startOffsetDays;
    if (offset != null && !Number.isInteger(offset)) throw invalid(task, 'the start offset must be a whole number of days');
    predStart[i + 1] = predStart[i]! + (task.dependsOn?.length ?? 0);
  }

  const edges = predStart[size]!;
  const predTask = new Int32Array(edges);
  const predLag = new Int32Array(edges);
  const succStart = new Int32Array(size + 1);
  let e = 0;
  for (let i = 0; i < size; i++) {
    const task = tasks[i]!;
    const dependsOn = task.dependsOn;
    const count = dependsOn ? dependsOn.length : 0;
    for (let k = 0; k < count; k++) {
      const dependency = dependsOn![k]!;
      const p = indexById.get(dependency.taskId);
      if (p === undefined) {
        throw new ScheduleError(
          'unknown_dependency',
          `task ${label(task)} depends on a task that does not exist: ${dependency.taskId}`,
          [task.id, dependency.taskId],
        );
      }
      const lag = dependency.lagDays ?? 0;
      if (!Number.isInteger(lag)) throw invalid(task, 'a lag must be a whole number of business days');
      predTask[e] = p;
      predLag[e] = lag;
      succStart[p + 1]!++;
      e++;
    }
  }

  for (let i = 0; i < size; i++) succStart[i + 1]! += succStart[i]!;
  const succTask = new Int32Array(edges);
  const succLag = new Int32Array(edges);
  const cursor = succStart.slice(0, size);
  const waiting = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    waiting[i] = predStart[i + 1]! - predStart[i]!;
    for (let k = predStart[i]!; k < predStart[i + 1]!; k++) {
      const p = predTask[k]!;
      const slot = cursor[p]!++;
      succTask[slot] = i;
      succLag[slot] = predLag[k]!;
    }
  }

  // Kahn: a task is ready when none of its predecessors is waiting.
  const order = new Int32Array(size);
  let tail = 0;
  for (let i = 0; i < size; i++) if (waiting[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const p = order[head]!;
    for (let k = succStart[p]!; k < succStart[p + 1]!; k++) {
      const s = succTask[k]!;
      if (--waiting[s]! === 0) order[tail++] = s;
    }
  }
  if (tail < size) throw cycleError(tasks, predStart, predTask, waiting);

  return { size, indexById, predStart, predTask, predLag, succStart, succTask, succLag, order };
}

/** Tasks still waiting after Kahn's pass all have a waiting predecessor, so walking back must loop. */
function cycleError(
  tasks: readonly PlanTask[],
  predStart: Int32Array,
  predTask: Int32Array,
  waiting: Int32Array,
): ScheduleError {
  const seenAt = new Int32Array(tasks.length).fill(-1);
  const path: number[] = [];
  let current = waiting.findIndex((w) => w > 0);
  while (seenAt[current] === -1) {
    seenAt[current] = path.length;
    path.push(current);
    for (let k = predStart[current]!; k < predStart[current + 1]!; k++) {
      const p = predTask[k]!;
      if (waiting[p]! > 0) {
        current = p;
        break;
      }
    }
  }
  // path walks predecessors; the cycle read forwards is that loop reversed, from its first task in the list.
  const loop = path.slice(seenAt[current]).reverse();
  const first = loop.indexOf(Math.min(...loop));
  const cycle = [...loop.slice(first), ...loop.slice(0, first)];
  cycle.push(cycle[0]!);
  const ids = cycle.map((i) => tasks[i]!.id);
  const names = cycle.map((i) => label(tasks[i]));
  return new ScheduleError('dependency_cycle', `dependency cycle: ${names.join(' → ')}`, ids);
}

/** The tasks of a dependency cycle in order (first repeated at the end), or null when there is none. */
export function findDependencyCycle(tasks: readonly PlanTask[]): string[] | null {
  try {
    buildNetwork(tasks);
    return null;
  } catch (error) {
    if (error instanceof ScheduleError && error.code === 'dependency_cycle') return [...error.taskIds];
    throw error;
  }
}
