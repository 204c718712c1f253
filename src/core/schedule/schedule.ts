// Projected dates of a project's tasks: one forward pass over the dependency graph on integer business-day ordinals.
//
// Time model: an ordinal k is the start of the k-th business day; a task of d days occupies [start, start + d)
// and is shown finishing on the business day before its end. A milestone (d = 0) is the point at the end of its
// day, so it lands on the day its last predecessor finishes and its successors start the next business day.
// Finish-to-start with lag L: successor start ≥ predecessor end + L.
import { businessDayIndex, type BusinessDayIndex } from '../calendar.ts';
import { totalFloat } from './critical-path.ts';
import { projectHealth, taskHealth, HEALTH_NAMES } from './health.ts';
import { buildNetwork, type TaskNetwork } from './network.ts';
import { NONE, Progress, readPlan, type ProjectPlan, type Projection } from './plan.ts';
import type { ProjectTask, ProjectedTask, ScheduleInput, ScheduleResult, StartReason } from './types.ts';

const REASONS: readonly StartReason[] = [
  'predecessor',
  'start_offset',
  'project_start',
  'today',
  'pinned',
  'actual',
  'skipped',
];
const Reason = {
  Predecessor: 0,
  StartOffset: 1,
  ProjectStart: 2,
  Today: 3,
  Pinned: 4,
  Actual: 5,
  Skipped: 6,
} as const;
type Reason = (typeof Reason)[keyof typeof Reason];

/** Earliest dates, in topological order. Each task's start is the latest of its constraints (see the rules below). */
export function forwardPass(network: TaskNetwork, plan: ProjectPlan): Projection {
  const { size, order, predStart, predTask, predLag } = network;
  const { duration, progress, pin, earliest, actualStart, actualFinish, projectStart, today } = plan;
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  const driver = new Int32Array(size);
  const reason = new Uint8Array(size);
  const hasToday = today !== NONE;
  // Locals, not module bindings, in the hot loop (V8 loads imported bindings with a check each time).
  const SKIPPED = Progress.Skipped, STARTED = Progress.Started, DONE = Progress.Done, OPEN = Progress.Open;
  const STARTED_UNDATED = Progress.StartedUndated, NO_DATE = NONE;
  const BY_PREDECESSOR = Reason.Predecessor, BY_OFFSET = Reason.StartOffset, BY_PROJECT_START = Reason.ProjectStart;
  const BY_TODAY = Reason.Today, BY_PIN = Reason.Pinned, BY_ACTUAL = Reason.Actual, BY_SKIP = Reason.Skipped;

  for (let q = 0; q < size; q++) {
    const i = order[q]!;
    // The latest predecessor end + lag; ties go to the predecessor earlier in the task list.
    let bound = NO_DATE;
    let by = -1;
    for (let k = predStart[i]!, last = predStart[i + 1]!; k < last; k++) {
      const p = predTask[k]!;
      const e = end[p]!;
      if (e === NO_DATE) continue;
      const v = e + predLag[k]!;
      if (v > bound || (v === bound && p < by)) {
        bound = v;
        by = p;
      }
    }
    const d = duration[i]!;
    const point = d === 0 ? 1 : 0;
    const kind = progress[i]!;
    let s: number;
    let f: number;
    let why: number;

    if (kind === SKIPPED) {
      // Takes no time: passes its predecessors' finish through.
      s = f = bound;
      why = BY_SKIP;
    } else if (kind === STARTED) {
      s = actualStart[i]!;
      f = s + d;
      why = BY_ACTUAL;
      if (hasToday && f <= today) f = today + 1; // still running: finishes today at the earliest
    } else if (kind === DONE && (actualFinish[i] !== NO_DATE || actualStart[i] !== NO_DATE)) {
      const a = actualStart[i]!;
      f = actualFinish[i] !== NO_DATE ? actualFinish[i]! : a + d;
      s = a !== NO_DATE ? Math.min(a, f) : d === 0 ? f : f - d;
      why = BY_ACTUAL;
    } else {
      // Planned start: a pin wins; otherwise the latest of predecessors and the offset; day 0 when neither.
      if (pin[i] !== NO_DATE) {
        s = pin[i]!;
        why = BY_PIN;
      } else {
        s = bound;
        why = BY_PREDECESSOR;
        if (earliest[i]! > s) {
          s = earliest[i]!;
          why = BY_OFFSET;
        }
        if (s === NO_DATE) {
          s = projectStart + point;
          why = BY_PROJECT_START;
        }
      }
      if (!hasToday) {
        f = s + d;
      } else if (kind === OPEN) {
        if (s < today + point) {
          s = today + point; // not started, so not in the past
          why = BY_TODAY;
        }
        f = s + d;
      } else if (kind === STARTED_UNDATED) {
        if (s > today) {
          s = today; // it has started, so by today at the latest
          why = BY_TODAY;
        }
        f = Math.max(s + d, today + 1);
      } else {
        // Done without dates: as planned, but finished by today.
        f = Math.min(s + d, today + 1);
        s = Math.min(s, d === 0 ? f : f - d);
      }
    }
    start[i] = s;
    end[i] = f;
    reason[i] = why;
    // The driver is named only when it really set the start (a task that started later than allowed drove itself).
    driver[i] = (why === BY_PREDECESSOR || why === BY_SKIP || why === BY_ACTUAL) && s === bound ? by : -1;
  }
  return { start, end, driver, reason };
}

/** The value_achieved milestone is reached and the project end is no later than the latest baseline finish. */
function valueAchievedOnTime(tasks: readonly ProjectTask[], plan: ProjectPlan, projectEnd: number): boolean {
  let reached = false;
  let baselineEnd = NONE;
  for (let i = 0; i < tasks.length; i++) {
    if (tasks[i]!.milestoneKind === 'value_achieved' && plan.progress[i] === Progress.Done) reached = true;
    if (plan.baselineFinish[i]! > baselineEnd) baselineEnd = plan.baselineFinish[i]!;
  }
  return reached && projectEnd <= baselineEnd;
}

/** Projects every task: dates, slack, critical path and health. Throws ScheduleError on cycles and bad input. */
export function schedule(input: ScheduleInput): ScheduleResult {
  const calendar = businessDayIndex(input.calendar);
  const network = buildNetwork(input.tasks);
  const plan = readPlan(input, calendar);
  const projection = forwardPass(network, plan);
  const float = totalFloat(network, plan, projection);
  const health = taskHealth(network, plan, projection, float.slack);
  return present(input.tasks, network, plan, projection, float.slack, float.projectEnd, health, calendar);
}

function present(
  tasks: readonly ProjectTask[],
  network: TaskNetwork,
  plan: ProjectPlan,
  projection: Projection,
  slack: Int32Array,
  projectEnd: number,
  health: Uint8Array,
  calendar: BusinessDayIndex,
): ScheduleResult {
  const { start, end, driver, reason } = projection;
  const { progress, duration } = plan;
  const n = tasks.length;
  const projected = new Array<ProjectedTask>(n);
  for (let i = 0; i < n; i++) {
    const task = tasks[i]!;
    const kind = progress[i]!;
    let s = start[i]!;
    let f = end[i]!;
    if (f === NONE) s = f = plan.projectStart + 1; // a skipped task with nothing before it sits on day 0
    const finish = kind === Progress.Done && task.actualFinish ? task.actualFinish : calendar.isoAt(f - 1);
    const zeroLength = duration[i] === 0 || kind === Progress.Skipped;
    const first = kind === Progress.Done && task.actualStart ? task.actualStart : zeroLength ? finish : calendar.isoAt(s);
    const by = driver[i]!;
    projected[i] = {
      id: task.id,
      start: first,
      finish,
      slack: slack[i]!,
      critical: slack[i] === 0 && kind !== Progress.Done && kind !== Progress.Skipped,
      health: HEALTH_NAMES[health[i]!]!,
      startReason: REASONS[reason[i]!]!,
      drivenBy: by >= 0 ? tasks[by]!.id : null,
    };
  }
  const criticalPath: string[] = [];
  for (let q = 0; q < n; q++) {
    const i = network.order[q]!;
    if (projected[i]!.critical) criticalPath.push(tasks[i]!.id);
  }
  return {
    tasks: projected,
    projectEnd: calendar.isoAt(projectEnd - 1),
    criticalPath,
    health: HEALTH_NAMES[projectHealth(plan, health, slack, valueAchievedOnTime(tasks, plan, projectEnd))]!,
  };
}
