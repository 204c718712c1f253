// Who owes a milestone's move: the customer or the vendor.
//
// The rule. When a milestone moves by Δ business days between two projections, follow its driving chain (each
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
import { businessDayIndex, toDayNumber, type BusinessCalendar, type BusinessDayIndex, type IsoDate } from '../calendar.ts';
import type { ProjectTask, ProjectedTask, ScheduleResult, TaskSide } from './types.ts';

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
