import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, type IsoDate } from '../calendar.ts';
import { attributeSlip } from './attribution.ts';
import { schedule } from './schedule.ts';
import { DAY_0, weekdays, withBaselines } from './test-factories.ts';
import type { ProjectTask } from './types.ts';

const calendar = weekdays();
const bd = (n: number): IsoDate => addBusinessDays(DAY_0, n, calendar);

/** A random plan: task i depends only on tasks before it; about one in four is a milestone; laid out on day 0. */
const plan = fc
  .array(
    fc.record({
      duration: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      preds: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
      lag: fc.integer({ min: 0, max: 2 }),
      side: fc.constantFrom('customer' as const, 'vendor' as const),
    }),
    { minLength: 2, maxLength: 20 },
  )
  .map((specs) =>
    withBaselines(
      specs.map((spec, i): ProjectTask => ({
        id: `t${i}`,
        side: spec.side,
        durationDays: spec.duration,
        dependsOn: spec.preds.filter((back) => back <= i).map((back) => ({ taskId: `t${i - back}`, lagDays: spec.lag })),
      })),
    ),
  );

/** What happened to a task: started, finished (late or early), or skipped; `on` is when it happened. */
interface Fact {
  taskId: string;
  fields: Partial<ProjectTask>;
  on: number;
}

/** Facts for some tasks, in dependency order, each happening no earlier than its predecessors' facts. */
const facts = (tasks: ProjectTask[]) =>
  fc.array(fc.record({ kind: fc.constantFrom('done', 'done', 'started', 'skipped', 'none'), late: fc.integer({ min: -2, max: 6 }) }), {
    minLength: tasks.length,
    maxLength: tasks.length,
  }).map((drawn) => {
    const out: Fact[] = [];
    const finishedBy = new Map<string, number>();
    tasks.forEach((task, i) => {
      const { kind, late } = drawn[i]!;
      const ready = Math.max(0, ...(task.dependsOn ?? []).map((d) => finishedBy.get(d.taskId) ?? Infinity));
      if (kind === 'none' || !Number.isFinite(ready)) return;
      const start = ready + Math.max(0, late - 2);
      const finish = start + Math.max(0, task.durationDays - 1 + late);
      if (kind === 'skipped') out.push({ taskId: task.id, fields: { status: 'skipped' }, on: start });
      else if (kind === 'started' && task.durationDays > 0) out.push({ taskId: task.id, fields: { status: 'in_progress', actualStart: bd(start) }, on: start });
      else if (kind === 'done') {
        const fields: Partial<ProjectTask> = task.durationDays === 0 ? { status: 'done', actualFinish: bd(finish) } : { status: 'done', actualStart: bd(start), actualFinish: bd(finish) };
        out.push({ taskId: task.id, fields, on: finish });
        finishedBy.set(task.id, finish + 1);
      }
    });
    return out;
  });

const apply = (tasks: ProjectTask[], fact: Fact) => tasks.map((task) => (task.id === fact.taskId ? { ...task, ...fact.fields } : task));
const split = (tasks: ProjectTask[], today: IsoDate) =>
  attributeSlip({ tasks, projection: schedule({ tasks, calendar, projectStart: DAY_0, today }), calendar });

describe('slip owed, properties', () => {
  it('gives the same split for the same facts, recorded in any order, with any re-plans between them as days pass', () => {
    fc.assert(
      fc.property(
        plan.chain((tasks) => fc.tuple(fc.constant(tasks), facts(tasks))),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
        ([tasks, happened], shuffle, replanDays) => {
          const lastDay = Math.max(0, ...happened.map((fact) => fact.on)) + 1;
          // All at once, on the last day.
          const expected = split(happened.reduce(apply, tasks), bd(lastDay));
          // One at a time in a shuffled order, each recorded some day after it happened, with extra re-plans.
          const order = [...happened];
          shuffle.forEach((k, i) => {
            const j = k % Math.max(order.length, 1);
            if (order.length > 1) [order[i % order.length], order[j]] = [order[j]!, order[i % order.length]!];
          });
          let state = tasks;
          let today = 0;
          for (const [i, fact] of order.entries()) {
            today = Math.min(lastDay, Math.max(today, fact.on, replanDays[i] ?? 0));
            split(state, bd(today)); // a re-plan as days pass, whose answer is forgotten
            state = apply(state, fact);
            split(state, bd(today));
          }
          expect(split(state, bd(lastDay))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('splits exactly the days each milestone slipped, to tasks upstream of it, and owes nothing when it did not slip', () => {
    fc.assert(
      fc.property(
        plan.chain((tasks) => fc.tuple(fc.constant(tasks), facts(tasks))),
        fc.integer({ min: 0, max: 40 }),
        ([tasks, happened], todayAt) => {
          const state = happened.reduce(apply, tasks);
          const today = bd(Math.max(todayAt, ...happened.map((fact) => fact.on)));
          const projection = schedule({ tasks: state, calendar, projectStart: DAY_0, today });
          const byId = new Map(state.map((task) => [task.id, task]));
          const upstreamOf = (id: string, seen = new Set<string>()): Set<string> => {
            seen.add(id);
            for (const d of byId.get(id)!.dependsOn ?? []) if (!seen.has(d.taskId)) upstreamOf(d.taskId, seen);
            return seen;
          };
          for (const slip of attributeSlip({ tasks: state, projection, calendar })) {
            const milestone = projection.tasks.find((t) => t.id === slip.milestoneId)!;
            const late = businessDaysBetween(byId.get(slip.milestoneId)!.baselineFinish!, milestone.finish, calendar);
            expect(slip.days).toBe(Math.max(late, 0));
            expect(slip.customer + slip.vendor).toBe(slip.days);
            expect(slip.causes.reduce((sum, cause) => sum + cause.days, 0)).toBe(slip.days);
            const upstream = upstreamOf(slip.milestoneId);
            for (const cause of slip.causes) {
              expect(cause.days).toBeGreaterThan(0);
              expect(upstream.has(cause.taskId)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('owes nothing for a slip its slack absorbs', () => {
    fc.assert(
      fc.property(plan, fc.nat(), fc.integer({ min: 1, max: 10 }), (planned, pick, late) => {
        // A milestone after everything: the project end, whose date only a slip beyond slack moves.
        const tasks: ProjectTask[] = [
          ...planned,
          { id: 'end', side: 'vendor', durationDays: 0, dependsOn: planned.map((task) => ({ taskId: task.id })) },
        ];
        const laidOut = withBaselines(tasks);
        const baseline = schedule({ tasks: laidOut, calendar, projectStart: DAY_0, today: DAY_0 });
        const candidates = laidOut.filter((task, i) => task.durationDays > 0 && baseline.tasks[i]!.slack > 0);
        if (candidates.length === 0) return;
        const slipped = candidates[pick % candidates.length]!;
        const slack = baseline.tasks.find((t) => t.id === slipped.id)!.slack;
        const state = laidOut.map((task) =>
          task.id === slipped.id ? { ...task, durationDays: task.durationDays + Math.min(late, slack) } : task,
        );
        const end = split(state, DAY_0).find((slip) => slip.milestoneId === 'end')!;
        expect(end).toEqual({ milestoneId: 'end', days: 0, customer: 0, vendor: 0, causes: [] });
        // Past its slack, the end slips by the excess, owed to that task alone.
        const beyond = laidOut.map((task) => (task.id === slipped.id ? { ...task, durationDays: task.durationDays + slack + late } : task));
        const moved = split(beyond, DAY_0).find((slip) => slip.milestoneId === 'end')!;
        expect(moved.causes).toEqual([{ taskId: slipped.id, side: slipped.side, days: late }]);
      }),
      { numRuns: 200 },
    );
  });
});
