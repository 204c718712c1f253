import { describe, expect, it } from 'vitest';
import { attributeSlip, reportedSlip } from './attribution.ts';
import { schedule } from './schedule.ts';
import { after, makeTask, weekdays, withBaselines } from './test-factories.ts';
import type { ProjectTask } from './types.ts';

const calendar = weekdays();
const DAY_0 = '2026-03-02'; // a Monday

/** The enterprise-like plan: the customer's SSO metadata drives go-live; configuration has 3 days of slack. */
const ssoPlan = () =>
  withBaselines(
    [
      makeTask('sso-metadata', { side: 'customer', durationDays: 5 }),
      makeTask('test-sso', { side: 'vendor', durationDays: 3, dependsOn: [after('sso-metadata')] }),
      makeTask('configure', { side: 'vendor', durationDays: 5 }),
      makeTask('go-live', { durationDays: 0, milestoneKind: 'go_live', dependsOn: [after('test-sso'), after('configure')] }),
    ],
    DAY_0,
    calendar,
  );

type Fact = [taskId: string, fields: Partial<ProjectTask>];
const customerLate: Fact = ['sso-metadata', { status: 'done', actualStart: '2026-03-02', actualFinish: '2026-03-16' }]; // 6 bd late
const vendorLate: Fact = ['configure', { status: 'done', actualStart: '2026-03-02', actualFinish: '2026-03-10' }]; // 2 bd late

const record = (tasks: ProjectTask[], [taskId, fields]: Fact) => tasks.map((task) => (task.id === taskId ? { ...task, ...fields } : task));

/** What the project reports after a re-plan on `today`. */
function goLiveSlip(tasks: ProjectTask[], today: string) {
  const projection = schedule({ tasks, calendar, projectStart: DAY_0, today });
  const slip = reportedSlip(tasks, attributeSlip({ tasks, projection, calendar }))!;
  return { days: slip.days, customer: slip.customer, vendor: slip.vendor };
}

/** Records the facts one re-plan at a time, each on its day, re-planning on the extra days too; the last answer. */
function replay(steps: { on: string; facts: Fact[] }[]) {
  let tasks = ssoPlan();
  let last = goLiveSlip(tasks, DAY_0);
  for (const step of steps) {
    for (const fact of step.facts) {
      tasks = record(tasks, fact);
      last = goLiveSlip(tasks, step.on);
    }
    if (step.facts.length === 0) last = goLiveSlip(tasks, step.on);
  }
  return last;
}

describe('slip owed, from the project as it stands', () => {
  const owed = { days: 6, customer: 6, vendor: 0 };

  it('owes go-live to the customer when their SSO metadata is 6 days late, recorded on the day each happened', () => {
    expect(replay([{ on: '2026-03-10', facts: [vendorLate] }, { on: '2026-03-16', facts: [customerLate] }])).toEqual(owed);
  });

  it('gives the same split when both are recorded afterwards on Mar 16, the customer first or the vendor first', () => {
    expect(replay([{ on: '2026-03-16', facts: [customerLate, vendorLate] }])).toEqual(owed);
    expect(replay([{ on: '2026-03-16', facts: [vendorLate, customerLate] }])).toEqual(owed);
  });

  it('gives the same split with an extra re-plan on Mar 9 before anything is recorded', () => {
    expect(replay([{ on: '2026-03-09', facts: [] }, { on: '2026-03-16', facts: [customerLate, vendorLate] }])).toEqual(owed);
    expect(replay([{ on: '2026-03-09', facts: [] }, { on: '2026-03-16', facts: [vendorLate, customerLate] }])).toEqual(owed);
  });

  it('owes the vendor while its configuration is not recorded: it sat, nothing blocking it, and now drives go-live', () => {
    // Mar 16, only the customer's task recorded: configuration starts today, 5 days, past the SSO path.
    const tasks = record(ssoPlan(), customerLate);
    expect(goLiveSlip(tasks, '2026-03-16')).toEqual({ days: 7, customer: 0, vendor: 7 });
  });

  it('splits a slip between two late tasks in series, the later owed first', () => {
    const plan = withBaselines([
      makeTask('a', { side: 'customer', durationDays: 2 }),
      makeTask('b', { side: 'vendor', durationDays: 2, dependsOn: [after('a')] }),
      makeTask('m', { durationDays: 0, dependsOn: [after('b')] }),
    ]);
    const tasks = record(
      record(plan, ['a', { status: 'done', actualStart: '2025-03-03', actualFinish: '2025-03-06' }]), // 2 late
      ['b', { status: 'done', actualStart: '2025-03-07', actualFinish: '2025-03-12' }], // 2 over
    );
    const [slip] = attributeSlip({ tasks, projection: schedule({ tasks, calendar, projectStart: '2025-03-03', today: '2025-03-12' }), calendar });
    expect(slip).toEqual({
      milestoneId: 'm',
      days: 4,
      customer: 2,
      vendor: 2,
      causes: [
        { taskId: 'a', side: 'customer', days: 2 },
        { taskId: 'b', side: 'vendor', days: 2 },
      ],
    });
  });

  it('owes a successor that started late while its predecessor was done, beyond what the predecessor explains', () => {
    const plan = withBaselines([
      makeTask('a', { side: 'customer', durationDays: 2 }),
      makeTask('b', { side: 'vendor', durationDays: 2, dependsOn: [after('a')] }),
      makeTask('m', { durationDays: 0, dependsOn: [after('b')] }),
    ]);
    const tasks = record(
      record(plan, ['a', { status: 'done', actualStart: '2025-03-03', actualFinish: '2025-03-05' }]), // 1 late
      ['b', { status: 'done', actualStart: '2025-03-10', actualFinish: '2025-03-11' }], // started 2 days after it could
    );
    const [slip] = attributeSlip({ tasks, projection: schedule({ tasks, calendar, projectStart: '2025-03-03', today: '2025-03-11' }), calendar });
    expect(slip).toMatchObject({ days: 3, customer: 1, vendor: 2 });
  });

  it('owes nothing for a milestone on time or early, or a milestone without a baseline', () => {
    const plan = withBaselines([makeTask('a', { durationDays: 3 }), makeTask('m', { durationDays: 0, dependsOn: [after('a')] })]);
    const early = record(plan, ['a', { status: 'done', actualStart: '2025-03-03', actualFinish: '2025-03-03' }]);
    const slips = attributeSlip({ tasks: early, projection: schedule({ tasks: early, calendar, projectStart: '2025-03-03', today: '2025-03-04' }), calendar });
    expect(slips).toEqual([{ milestoneId: 'm', days: 0, customer: 0, vendor: 0, causes: [] }]);
    const unplanned = [makeTask('m', { durationDays: 0 })];
    expect(attributeSlip({ tasks: unplanned, projection: schedule({ tasks: unplanned, calendar, projectStart: '2025-03-03' }), calendar })).toEqual([]);
  });
});
