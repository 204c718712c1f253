// Who owes a milestone's slip: the customer or the vendor — a function of the project as it stands.
//
// The rule (slip owed, shown and reported). A milestone's slip is how many business days its projected date is
// after its baseline date; none when it is on time or early. It is computed from the plan, the baselines, the
// calendar, today and the actuals alone — never from the path by which the facts arrived — so the same facts give
// the same split, whatever their order and however many re-plans happened between them.
// Walk the milestone's driving chain in the current projection: from each task to its binding predecessor (the
// one whose finish + lag is latest; the engine's `drivenBy` when it set the start). For a task t, against its
// baseline:
//   start slip  = how much later it starts than its baseline start;
//   own         = finish slip − start slip: it ran over, finished late, or its duration changed (may be < 0);
//   explained   = the part of the start slip its binding predecessor accounts for: how far that predecessor's
//                 finish + lag now lands after t's baseline start, at most the predecessor's own finish slip.
// The days reaching t (the milestone's slip, at the top) are handed out: t keeps its own days first, passes at
// most `explained` to its binding predecessor, and keeps the rest — it started later than its predecessors
// allowed: started late while they were done, was pinned later, or is not started today while they are done
// and sat (pushed to today). A task with no predecessor, or whose predecessor has no baseline, keeps what
// reaches it. Slack absorbs: a predecessor's slip only counts for how far it pushed past the successor's
// baseline start, so a slip eaten by slack owes nothing, and a task off the driving chain owes nothing. Of two
// slips in series, the later is owed first and the earlier only for what the slack did not absorb. The days
// owed add up to the milestone's slip. A milestone without a baseline, skipped, or not late owes nothing.
//
// The log of how dates moved (`attributeDelays`, below) is history: each re-plan's delta handed out along the
// chain that explains it. It depends on the order things were recorded, so no figure is read from it.
import { businessDayIndex, toDayNumber, type BusinessCalendar, type BusinessDayIndex, type IsoDate } from '../calendar.ts';
import type { ProjectTask, ProjectedTask, ScheduleResult, TaskSide } from './types.ts';

// The log. When a milestone moves by Δ business days between two projections, follow its driving chain (each
// task's `drivenBy`, the predecessor whose finish set its start) in the projection where the chain explains the
// move — the new one for a delay, the previous one for a gain — down to a task whose start was not set by a
// predecessor. Along the chain every task's finish moved by (its start's move) + (its own change: it finished
// late, ran over, its duration or lag changed); the task at the bottom owns its whole move (it was pinned,
// started late, finished late, or is still not started today). The Δ days are handed out from the milestone
// downwards, each task keeping its own change first and passing the rest to its driver, at most what the
// driver moved. Slack is therefore used up by the earliest slips: of two slips in series, the later one is
// owed first and the earlier one only for what the slack did not absorb; of two slips in parallel, only the
// driving one is owed (customer late 5, vendor late 3 in parallel: 5 to the customer). Every event has the
// milestone's sign, and a milestone's events add up to its move.
export interface DelayEvent {
  milestoneId: string;
  fromDate: IsoDate;
  toDate: IsoDate;
  /** Business days of the milestone's move owed to this cause; negative when the milestone came earlier. */
  days: number;
  causeTaskId: string;
  side: TaskSide;
}

export interface AttributionInput {
  /** The tasks as they are now (sides, durations, statuses). */
  tasks: readonly ProjectTask[];
  previous: ScheduleResult;
  next: ScheduleResult;
  calendar: BusinessCalendar;
}

interface Moves {
  start: number;
  finish: number;
}

/** Delay events for every milestone whose projected date moved, causes listed from the earliest upstream. */
export function attributeDelays({ tasks, previous, next, calendar }: AttributionInput): DelayEvent[] {
  const index = businessDayIndex(calendar);
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const before = new Map(previous.tasks.map((task) => [task.id, task]));
  const after = new Map(next.tasks.map((task) => [task.id, task]));
  const zeroLength = (id: string): boolean => {
    const task = taskById.get(id);
    return task === undefined || task.durationDays === 0 || task.status === 'skipped';
  };
  const known = new Map<string, Moves | undefined>();
  const movesOf = (id: string): Moves | undefined => {
    if (known.has(id)) return known.get(id);
    const was = before.get(id);
    const now = after.get(id);
    let moves: Moves | undefined;
    if (was && now) {
      const zero = zeroLength(id);
      moves = {
        start: startOrdinal(now, zero, index) - startOrdinal(was, zero, index),
        finish: index.endOf(toDayNumber(now.finish)) - index.endOf(toDayNumber(was.finish)),
      };
    }
    known.set(id, moves);
    return moves;
  };

  const events: DelayEvent[] = [];
  for (const task of tasks) {
    if (task.durationDays !== 0 || task.status === 'skipped') continue;
    const milestone = movesOf(task.id);
    if (!milestone || milestone.finish === 0) continue;
    const sign = Math.sign(milestone.finish);
    const chainIn = sign > 0 ? after : before;
    const owed = new Map<string, number>();
    const owe = (id: string, days: number): void => {
      if (days > 0) owed.set(id, (owed.get(id) ?? 0) + days);
    };

    let id = task.id;
    let moves: Moves = milestone;
    let days = sign * milestone.finish;
    for (let steps = 0; days > 0; steps++) {
      const driver = chainIn.get(id)?.drivenBy ?? null;
      const driverMoves = driver === null || steps > tasks.length ? undefined : movesOf(driver);
      if (driver === null || driverMoves === undefined) {
        owe(id, days);
        break;
      }
      const startMove = sign * moves.start;
      const own = sign * moves.finish - startMove;
      const kept = Math.min(Math.max(own, 0), days);
      const passed = Math.min(days - kept, Math.max(0, Math.min(startMove, sign * driverMoves.finish)));
      owe(id, days - passed);
      days = passed;
      id = driver;
      moves = driverMoves;
    }

    const causes = [...owed].reverse();
    for (const [causeTaskId, share] of causes) {
      const cause = taskById.get(causeTaskId);
      events.push({
        milestoneId: task.id,
        fromDate: before.get(task.id)!.finish,
        toDate: after.get(task.id)!.finish,
        days: sign * share,
        causeTaskId,
        side: cause?.side ?? task.side,
      });
    }
  }
  return events;
}

function startOrdinal(task: ProjectedTask, zeroLength: boolean, index: BusinessDayIndex): number {
  return zeroLength ? index.endOf(toDayNumber(task.finish)) : index.startOf(toDayNumber(task.start));
}

/** Business days owed to each side, over a set of events (e.g. one milestone's). */
export function delayBySide(events: readonly DelayEvent[]): Record<TaskSide, number> {
  const total: Record<TaskSide, number> = { customer: 0, vendor: 0 };
  for (const event of events) total[event.side] += event.days;
  return total;
}

/** Business days of one milestone's slip owed to one task (and so to its side). */
export interface SlipCause {
  taskId: string;
  side: TaskSide;
  days: number;
}

/** One milestone's slip against its baseline and who owes it, as the project stands (see the rule at the top). */
export interface MilestoneSlip {
  milestoneId: string;
  /** Business days late against the baseline; 0 when on time or early. */
  days: number;
  customer: number;
  vendor: number;
  /** From the earliest upstream cause to the milestone. */
  causes: SlipCause[];
}

export interface SlipInput {
  /** The tasks as they are now, with their baselines and actuals. */
  tasks: readonly ProjectTask[];
  /** Their projection now (today included): `schedule()` of these tasks. */
  projection: ScheduleResult;
  calendar: BusinessCalendar;
}

/** Every milestone with a baseline (skipped ones left out), with its slip split between the sides. */
export function attributeSlip({ tasks, projection, calendar }: SlipInput): MilestoneSlip[] {
  const index = businessDayIndex(calendar);
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const projected = new Map(projection.tasks.map((task) => [task.id, task]));
  const endOf = (date: IsoDate) => index.endOf(toDayNumber(date));
  // Ordinals: a task occupies [start, end); a point (milestone, skipped) sits at the end of its day.
  const now = (task: ProjectTask, at: ProjectedTask) => {
    const end = endOf(at.finish);
    const point = task.durationDays === 0 || task.status === 'skipped';
    return { start: point ? end : index.startOf(toDayNumber(at.start)), end };
  };
  const baseline = (task: ProjectTask) => {
    if (!task.baselineFinish) return undefined;
    const end = endOf(task.baselineFinish);
    const point = task.durationDays === 0 || !task.baselineStart;
    return { start: point ? end : index.startOf(toDayNumber(task.baselineStart!)), end };
  };
  /** The predecessor that set the start (`drivenBy`), else the one whose finish + lag is latest now; and that bound. */
  const binding = (task: ProjectTask, at: ProjectedTask) => {
    let best: { task: ProjectTask; bound: number } | undefined;
    for (const dependency of task.dependsOn ?? []) {
      const pred = taskById.get(dependency.taskId);
      const predAt = projected.get(dependency.taskId);
      if (!pred || !predAt) continue;
      const candidate = { task: pred, bound: endOf(predAt.finish) + (dependency.lagDays ?? 0) };
      if (at.drivenBy === pred.id) return candidate;
      if (!best || candidate.bound > best.bound) best = candidate;
    }
    return best;
  };

  const slips: MilestoneSlip[] = [];
  for (const milestone of tasks) {
    if (milestone.durationDays !== 0 || milestone.status === 'skipped') continue;
    const planned = baseline(milestone);
    const at = projected.get(milestone.id);
    if (!planned || !at) continue;
    const slip: MilestoneSlip = { milestoneId: milestone.id, days: 0, customer: 0, vendor: 0, causes: [] };
    slips.push(slip);
    let days = now(milestone, at).end - planned.end;
    if (days <= 0) continue;
    slip.days = days;
    const owed = new Map<string, number>();
    const owe = (task: ProjectTask, share: number) => {
      if (share > 0) owed.set(task.id, (owed.get(task.id) ?? 0) + share);
    };

    let task = milestone;
    for (let steps = 0; days > 0; steps++) {
      const dates = now(task, projected.get(task.id)!);
      const base = baseline(task)!;
      const startSlip = dates.start - base.start;
      const finishSlip = dates.end - base.end;
      const kept = Math.min(Math.max(finishSlip - startSlip, 0), days);
      const pred = steps > tasks.length ? undefined : binding(task, projected.get(task.id)!);
      const predBase = pred && baseline(pred.task);
      if (!pred || !predBase) {
        owe(task, days);
        break;
      }
      const predSlip = endOf(projected.get(pred.task.id)!.finish) - predBase.end;
      const explained = Math.max(0, Math.min(startSlip, pred.bound - base.start, predSlip));
      const passed = Math.min(days - kept, explained);
      owe(task, days - passed);
      days = passed;
      task = pred.task;
    }

    for (const [taskId, share] of [...owed].reverse()) {
      const side = taskById.get(taskId)!.side;
      slip.causes.push({ taskId, side, days: share });
      slip[side] += share;
    }
  }
  return slips;
}

/**
 * The slip the project reports: its go-live's, or in a plan without one its last milestone's by baseline (ties: the
 * first in the list). Undefined when that milestone owes nothing to report (skipped, no baseline).
 */
export function reportedSlip(tasks: readonly ProjectTask[], slips: readonly MilestoneSlip[]): MilestoneSlip | undefined {
  const milestones = tasks.filter((task) => task.milestoneKind);
  const chosen =
    milestones.find((task) => task.milestoneKind === 'go_live') ??
    milestones.reduce<ProjectTask | undefined>((last, task) => (!last || (task.baselineFinish ?? '') > (last.baselineFinish ?? '') ? task : last), undefined);
  return chosen && slips.find((slip) => slip.milestoneId === chosen.id);
}
