// The scheduling input as integer arrays: dates become business-day ordinals, statuses small integers.
import { toDayNumber, type BusinessDayIndex } from '../calendar.ts';
import type { ProjectTask, ScheduleInput } from './types.ts';

/** "No date" / "no constraint": below any real ordinal, and safe to add lags to. */
export const NONE = -0x40000000;

/** Where a task stands, as a small integer for the arrays. */
export const Progress = {
  Open: 0,
  /** In progress or stuck, with an actual start. */
  Started: 1,
  /** In progress or stuck, start not recorded. */
  StartedUndated: 2,
  Done: 3,
  Skipped: 4,
} as const;
export type Progress = (typeof Progress)[keyof typeof Progress];

/** The input as integer arrays, dates as ordinals (NONE when absent). */
export interface ProjectPlan {
  readonly duration: Int32Array;
  readonly progress: Uint8Array;
  readonly stuck: Uint8Array;
  readonly pin: Int32Array;
  readonly earliest: Int32Array;
  readonly actualStart: Int32Array;
  readonly actualFinish: Int32Array;
  readonly baselineFinish: Int32Array;
  /** Day numbers, for "unfinished past its baseline finish". */
  readonly baselineFinishDay: Int32Array;
  readonly projectStart: number;
  readonly today: number;
  readonly todayDay: number;
}

export interface Projection {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly driver: Int32Array;
  readonly reason: Uint8Array;
}

function progressOf(task: ProjectTask): Progress {
  switch (task.status) {
    case 'done':
      return Progress.Done;
    case 'skipped':
      return Progress.Skipped;
    case 'in_progress':
    case 'stuck':
      // A milestone is reached or not; "in progress" means nothing for it.
      if (task.durationDays === 0) return Progress.Open;
      return task.actualStart ? Progress.Started : Progress.StartedUndated;
    default:
      return Progress.Open;
  }
}

export function readPlan(input: ScheduleInput, calendar: BusinessDayIndex): ProjectPlan {
  const { tasks } = input;
  const n = tasks.length;
  const plan = {
    duration: new Int32Array(n),
    progress: new Uint8Array(n),
    stuck: new Uint8Array(n),
    pin: new Int32Array(n).fill(NONE),
    earliest: new Int32Array(n).fill(NONE),
    actualStart: new Int32Array(n).fill(NONE),
    actualFinish: new Int32Array(n).fill(NONE),
    baselineFinish: new Int32Array(n).fill(NONE),
    baselineFinishDay: new Int32Array(n).fill(NONE),
    projectStart: NONE,
    today: NONE,
    todayDay: NONE,
  };
  const day0 = toDayNumber(input.projectStart);
  plan.projectStart = calendar.startOf(day0);
  if (input.today) {
    plan.todayDay = toDayNumber(input.today);
    plan.today = calendar.startOf(plan.todayDay);
  }
  for (let i = 0; i < n; i++) {
    const task = tasks[i]!;
    const point = task.durationDays === 0 ? 1 : 0;
    plan.duration[i] = task.durationDays;
    plan.progress[i] = progressOf(task);
    if (task.status === 'stuck') plan.stuck[i] = 1;
    if (task.startOffsetDays != null) plan.earliest[i] = calendar.startOf(day0 + task.startOffsetDays) + point;
    if (task.pinnedStart) plan.pin[i] = calendar.startOf(toDayNumber(task.pinnedStart)) + point;
    if (task.actualStart) plan.actualStart[i] = calendar.startOf(toDayNumber(task.actualStart)) + point;
    if (task.actualFinish) plan.actualFinish[i] = calendar.endOf(toDayNumber(task.actualFinish));
    if (task.baselineFinish) {
      plan.baselineFinishDay[i] = toDayNumber(task.baselineFinish);
      plan.baselineFinish[i] = calendar.endOf(plan.baselineFinishDay[i]!);
    }
  }
  return plan;
}
