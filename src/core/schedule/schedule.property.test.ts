import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween, type BusinessCalendar, type IsoDate } from '../calendar.ts';
import { attributeDelays } from './attribution.ts';
import { schedule } from './schedule.ts';
import { DAY_0, weekdays } from './test-factories.ts';
import type { ProjectTask, ProjectedTask, ScheduleInput, TaskStatus } from './types.ts';

const FAR_PAST = '2020-01-01';

interface TaskSpec {
  duration: number;
  offset: number | null;
  preds: { back: number; lag: number }[];
  side: 'customer' | 'vendor';
  status: TaskStatus;
  pinAt: number | null;
}

const taskSpec = fc.record({
  duration: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
  offset: fc.option(fc.integer({ min: -20, max: 30 }), { nil: null }),
  preds: fc.array(fc.record({ back: fc.integer({ min: 1, max: 6 }), lag: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
  side: fc.constantFrom('customer' as const, 'vendor' as const),
  status: fc.constantFrom<TaskStatus>('not_started', 'not_started', 'not_started', 'in_progress', 'done', 'skipped', 'stuck'),
  pinAt: fc.option(fc.integer({ min: -5, max: 40 }), { nil: null }),
});

const holidayDays = fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 8 });

const day = (offset: number): IsoDate => new Date(Date.UTC(2025, 2, 3 + offset)).toISOString().slice(0, 10);

/** A random DAG: task i depends only on tasks before it; listed in a shuffled order. */
function buildTasks(specs: TaskSpec[], order: number[], withProgress: boolean): ProjectTask[] {
  const tasks = specs.map((spec, i): ProjectTask => {
    const seen = new Set<number>();
    const dependsOn = spec.preds
      .map((p) => ({ index: i - p.back, lag: p.lag }))
      .filter((p) => p.index >= 0 && !seen.has(p.index) && seen.add(p.index))
      .map((p) => ({ taskId: `t${p.index}`, lagDays: p.lag }));
    const task: ProjectTask = { id: `t${i}`, side: spec.side, durationDays: spec.duration, startOffsetDays: spec.offset, dependsOn };
    if (!withProgress) return task;
    if (spec.pinAt !== null) task.pinnedStart = day(spec.pinAt);
    task.status = spec.status;
    if (spec.status === 'done' || spec.status === 'in_progress') task.actualStart = day(i % 5);
    if (spec.status === 'done') task.actualFinish = day((i % 5) + spec.duration);
    return task;
  });
  return order.map((k) => tasks[k % tasks.length]!).filter((t, i, all) => all.indexOf(t) === i);
}

const dag = (withProgress: boolean) =>
  fc
    .tuple(fc.array(taskSpec, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 60 }), holidayDays)
    .map(([specs, shuffle, holidays]) => {
      // Every task once, in an order drawn from `shuffle`.
      const order = [...shuffle, ...specs.keys()];
      const tasks = buildTasks(specs, order, withProgress);
      const calendar: BusinessCalendar = weekdays(holidays.map(day));
      const input: ScheduleInput = { tasks, calendar, projectStart: DAY_0, today: withProgress ? day(3) : null };
      return input;
    });

/** Ordinal boundaries: where a task's work begins and where it ends, in business days. */
function boundaries(task: ProjectedTask, zeroLength: boolean, calendar: BusinessCalendar) {
  const end = businessDaysBetween(FAR_PAST, task.finish, calendar);
  const start = zeroLength ? end : businessDaysBetween(FAR_PAST, task.start, calendar) - 1;
  return { start, end };
}

describe('schedule properties', () => {
  it('never starts an unpinned, unstarted task before its predecessors finish plus lag', () => {
    fc.assert(
      fc.property(dag(false), (input) => {
        const result = schedule(input);
        const byId = new Map(result.tasks.map((t) => [t.id, t]));
        const taskById = new Map(input.tasks.map((t) => [t.id, t]));
        for (const task of input.tasks) {
          const own = boundaries(byId.get(task.id)!, task.durationDays === 0, input.calendar);
          for (const dependency of task.dependsOn ?? []) {
            const pred = taskById.get(dependency.taskId)!;
            const theirs = boundaries(byId.get(pred.id)!, pred.durationDays === 0, input.calendar);
            expect(own.start).toBeGreaterThanOrEqual(theirs.end + (dependency.lagDays ?? 0));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same dates twice, and whatever the order of the task list', () => {
    fc.assert(
      fc.property(dag(true), (input) => {
        const once = schedule(input);
        expect(schedule(input)).toEqual(once);
        const reversed = schedule({ ...input, tasks: [...input.tasks].reverse() });
        const dates = (r: typeof once) => Object.fromEntries(r.tasks.map((t) => [t.id, [t.start, t.finish, t.slack]]));
        expect(dates(reversed)).toEqual(dates(once));
      }),
      { numRuns: 200 },
    );
  });

  it('never gives negative slack, with pins, actual dates, skipped and stuck tasks', () => {
    fc.assert(
      fc.property(dag(true), (input) => {
        for (const task of schedule(input).tasks) expect(task.slack).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('attributes exactly the days each milestone moved when one task runs over', () => {
    fc.assert(
      fc.property(dag(false), fc.nat(), fc.integer({ min: 1, max: 8 }), (input, pick, extra) => {
        const previous = schedule(input);
        const slipped = input.tasks[pick % input.tasks.length]!;
        const tasks = input.tasks.map((t) => (t === slipped ? { ...t, durationDays: t.durationDays + extra } : t));
        const next = schedule({ ...input, tasks });
        const events = attributeDelays({ tasks, previous, next, calendar: input.calendar });
        for (const [i, task] of tasks.entries()) {
          if (task.durationDays !== 0) continue;
          const moved = businessDaysBetween(previous.tasks[i]!.finish, next.tasks[i]!.finish, input.calendar);
          const owed = events.filter((e) => e.milestoneId === task.id).reduce((sum, e) => sum + e.days, 0);
          expect(owed).toBe(moved);
          // Only the task that ran over can be the cause.
          for (const event of events) expect(event.causeTaskId).toBe(slipped.id);
        }
      }),
      { numRuns: 200 },
    );
  });
});
