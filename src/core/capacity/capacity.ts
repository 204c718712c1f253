// Capacity of the people who run onboardings: the hours of work booked on each of them, week by week, against the
// hours they have. Demand is the effort of their open tasks, spread evenly over the business days the plan gives
// each task (from today: work already past its dates is still owed, so it lands in this week), plus the projects
// coming (won deals not yet projects), spread over the weeks their playbook plans. Supply is their weekly hours,
// per working day of the workspace calendar, less holidays and their time off. Plain data in, plain data out.
import { businessDayIndex, fromDayNumber, toDayNumber, weekdayOf, type BusinessCalendar, type BusinessDayIndex, type IsoDate } from '../calendar.ts';

export const CAPACITY_WEEKS = 12;
/** A week at or above this share of the hours available is "nearly full": the warning comes before the overload. */
export const NEARLY_FULL = 0.9;
export const DEFAULT_WEEKLY_HOURS = 40;

export type TaskKind = 'milestone' | 'deliverable' | 'approval' | 'task';

/**
 * Hours a task takes its owner when nobody estimated it: a milestone is a check (1 h); an ordinary task an hour a
 * business day it runs (1 to 8 h); a task that needs approval adds the review (2 h more); a deliverable is written
 * (4 h, and an hour a day it runs, up to 12 h).
 */
export function defaultEffortHours(task: { durationDays: number; milestoneKind?: string | null; deliverable?: boolean; needsApproval?: boolean }): number {
  const days = Math.max(0, task.durationDays);
  if (task.milestoneKind || days === 0) return 1;
  if (task.deliverable) return Math.min(12, 4 + days);
  const work = Math.min(8, Math.max(1, days));
  return task.needsApproval ? work + 2 : work;
}

export const effortOf = (task: { effortHours?: number | null; durationDays: number; milestoneKind?: string | null; deliverable?: boolean; needsApproval?: boolean }) =>
  task.effortHours ?? defaultEffortHours(task);

export interface BookedTask {
  memberId: string;
  effortHours: number;
  /** The plan's dates for the task (projected start and finish). */
  start: IsoDate;
  finish: IsoDate;
}

export interface ComingProject {
  key: string;
  name: string;
  /** Who will run it, when known (null: nobody yet; it counts in the "not assigned" line). */
  memberId: string | null;
  effortHours: number;
  /** The day work starts (the deal's close date, or today when that has passed). */
  start: IsoDate;
  /** Business days the playbook plans for the manager's work. */
  businessDays: number;
}

export interface Person {
  id: string;
  name: string;
  weeklyHours: number;
  /** Days off, inclusive ranges. */
  timeOff: readonly { from: IsoDate; to: IsoDate }[];
}

export type WeekState = 'ok' | 'nearly_full' | 'over';

export interface WeekLoad {
  week: IsoDate;
  booked: number;
  coming: number;
  available: number;
  state: WeekState;
}

export interface PersonLoad {
  id: string;
  name: string;
  weeks: WeekLoad[];
}

export interface CapacityWarning {
  memberId: string;
  name: string;
  week: IsoDate;
  /** 1 for this week. */
  weekNumber: number;
  state: Exclude<WeekState, 'ok'>;
  demand: number;
  available: number;
}

export interface CapacityView {
  weeks: IsoDate[];
  people: PersonLoad[];
  /** Hours of projects coming that nobody runs yet, per week. */
  unassigned: number[];
  /** The first week each person is over-booked or nearly full, the worst first. */
  warnings: CapacityWarning[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The Monday of the week holding `date`. */
export const weekStart = (date: IsoDate): IsoDate => {
  const day = toDayNumber(date);
  return fromDayNumber(day - (weekdayOf(day) - 1));
};

export function stateOf(demand: number, available: number): WeekState {
  if (demand <= 0) return 'ok';
  if (demand > available + 1e-9) return 'over';
  return demand >= NEARLY_FULL * available ? 'nearly_full' : 'ok';
}

/** `count` weeks from the Monday of today's week; `first` is today (days of this week before it are spent). */
function weekWindow(today: IsoDate, count: number): { weeks: IsoDate[]; first: number; end: number } {
  const monday = toDayNumber(weekStart(today));
  return {
    weeks: Array.from({ length: count }, (_, i) => fromDayNumber(monday + 7 * i)),
    first: Math.max(toDayNumber(today), monday),
    end: monday + 7 * count,
  };
}

/** A task planned years long is bounded: its hours beyond this many days are spread as if it ended there. */
const LONGEST_SPREAD_DAYS = 3660;

/** Spreads `hours` evenly over the business days of [from, to] (the first business day from `from` when none), into weekly buckets. */
function spread(buckets: number[], hours: number, from: number, to: number, monday: number, index: BusinessDayIndex) {
  if (hours <= 0) return;
  const days: number[] = [];
  for (let d = from; d <= Math.min(to, from + LONGEST_SPREAD_DAYS); d++) if (index.isBusinessDay(d)) days.push(d);
  if (days.length === 0) days.push(index.dayAt(index.startOf(from)));
  const perDay = hours / days.length;
  for (const d of days) {
    const i = Math.floor((d - monday) / 7);
    if (i >= 0 && i < buckets.length) buckets[i]! += perDay;
  }
}

export function capacityView(input: {
  calendar: BusinessCalendar;
  today: IsoDate;
  people: readonly Person[];
  booked: readonly BookedTask[];
  coming: readonly ComingProject[];
  weeks?: number;
}): CapacityView {
  const count = input.weeks ?? CAPACITY_WEEKS;
  const index = businessDayIndex(input.calendar);
  const { weeks, first, end } = weekWindow(input.today, count);
  const monday = toDayNumber(weeks[0]!);
  const workdaysPerWeek = Math.max(1, new Set(input.calendar.workingWeekdays).size);

  const bookedBy = new Map<string, number[]>();
  const comingBy = new Map<string | null, number[]>();
  const bucket = (map: Map<string | null, number[]>, key: string | null) => {
    let row = map.get(key);
    if (!row) map.set(key, (row = new Array<number>(count).fill(0)));
    return row;
  };
  for (const task of input.booked) {
    const from = Math.max(toDayNumber(task.start), first);
    const to = Math.max(toDayNumber(task.finish), from);
    spread(bucket(bookedBy as Map<string | null, number[]>, task.memberId), task.effortHours, from, to, monday, index);
  }
  for (const project of input.coming) {
    const from = Math.max(toDayNumber(project.start), first);
    const to = toDayNumber(addBusinessDaysFrom(index, from, Math.max(1, project.businessDays)));
    spread(bucket(comingBy, project.memberId), project.effortHours, from, to, monday, index);
  }

  const people: PersonLoad[] = input.people.map((person) => {
    const off = new Set<number>();
    for (const range of person.timeOff) {
      for (let d = toDayNumber(range.from); d <= toDayNumber(range.to) && d < end; d++) off.add(d);
    }
    const perDay = person.weeklyHours / workdaysPerWeek;
    const booked = bookedBy.get(person.id) ?? new Array<number>(count).fill(0);
    const coming = comingBy.get(person.id) ?? new Array<number>(count).fill(0);
    return {
      id: person.id,
      name: person.name,
      weeks: weeks.map((week, i) => {
        let days = 0;
        for (let d = Math.max(monday + 7 * i, first); d < monday + 7 * (i + 1); d++) if (index.isBusinessDay(d) && !off.has(d)) days++;
        const available = round1(perDay * days);
        const b = round1(booked[i]!);
        const c = round1(coming[i]!);
        return { week, booked: b, coming: c, available, state: stateOf(b + c, available) };
      }),
    };
  });

  const severity = { over: 0, nearly_full: 1 } as const;
  const warnings: CapacityWarning[] = people
    .flatMap((person) => {
      const at = person.weeks.findIndex((w) => w.state === 'over');
      const near = at >= 0 ? at : person.weeks.findIndex((w) => w.state === 'nearly_full');
      if (near < 0) return [];
      const w = person.weeks[near]!;
      return [{ memberId: person.id, name: person.name, week: w.week, weekNumber: near + 1, state: w.state as Exclude<WeekState, 'ok'>, demand: round1(w.booked + w.coming), available: w.available }];
    })
    .sort((a, b) => severity[a.state] - severity[b.state] || a.weekNumber - b.weekNumber || a.name.localeCompare(b.name));

  return { weeks, people, unassigned: (comingBy.get(null) ?? new Array<number>(count).fill(0)).map(round1), warnings };
}

/** The last business day of `n` business days starting on the first business day on or after `from`. */
function addBusinessDaysFrom(index: BusinessDayIndex, from: number, n: number): IsoDate {
  return fromDayNumber(index.dayAt(index.startOf(from) + n - 1));
}

/** Hours a person has free over the first `weeks` weeks of the view (negative when over-booked). */
export function roomOf(person: PersonLoad, weeks: number): number {
  return round1(person.weeks.slice(0, weeks).reduce((sum, w) => sum + w.available - w.booked - w.coming, 0));
}

/** A warning in words: "Maya Chen is over-booked in week 3 (from Dec 21): 46 h of work for 32 h available". */
export function warningText(warning: CapacityWarning, readable: (date: IsoDate) => string): string {
  const when = warning.weekNumber === 1 ? 'this week' : `in week ${warning.weekNumber} (from ${readable(warning.week)})`;
  const what = warning.state === 'over' ? 'is over-booked' : 'is nearly fully booked';
  return `${warning.name} ${what} ${when}: ${warning.demand} h of work for ${warning.available} h available`;
}

