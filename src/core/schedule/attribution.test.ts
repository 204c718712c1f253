import { describe, expect, it } from 'vitest';
import { attributeDelays, delayBySide } from './attribution.ts';
import { after, makeTask, scheduleTasks, weekdays } from './test-factories.ts';
import type { ProjectTask } from './types.ts';

// Monday 3 March 2025 is day 0; Mon 10 and Mon 17 March follow.
const done = (actualStart: string, actualFinish: string): Partial<ProjectTask> => ({ status: 'done', actualStart, actualFinish });

function attribute(plan: ProjectTask[], now: ProjectTask[], today: string) {
  const previous = scheduleTasks(plan, { today: '2025-03-03' });
  const next = scheduleTasks(now, { today });
  return attributeDelays({ tasks: now, previous, next, calendar: weekdays() });
}

describe('delay attribution', () => {
  it('owes the whole move to the customer when their late task drives go-live over a vendor task late in parallel', () => {
    const plan = [
      makeTask('customer-data', { side: 'customer', durationDays: 3 }),
      makeTask('vendor-setup', { side: 'vendor', durationDays: 3 }),
      makeTask('go-live', { durationDays: 0, dependsOn: [after('vendor-setup'), after('customer-data')] }),
    ];
    const now = [
      { ...plan[0]!, ...done('2025-03-03', '2025-03-12') }, // 5 business days late
      { ...plan[1]!, ...done('2025-03-03', '2025-03-10') }, // 3 business days late
      plan[2]!,
    ];
    expect(attribute(plan, now, '2025-03-12')).toEqual([
      {
        milestoneId: 'go-live',
        fromDate: '2025-03-05',
        toDate: '2025-03-12',
        days: 5,
        causeTaskId: 'customer-data',
        side: 'customer',
      },
    ]);
  });

  it('splits a move between two late tasks in series', () => {
    const plan = [
      makeTask('a', { side: 'customer', durationDays: 2 }),
      makeTask('b', { side: 'vendor', durationDays: 2, dependsOn: [after('a')] }),
      makeTask('go-live', { durationDays: 0, dependsOn: [after('b')] }),
    ];
    const now = [
      { ...plan[0]!, ...done('2025-03-03', '2025-03-06') }, // 2 late
      { ...plan[1]!, ...done('2025-03-07', '2025-03-12') }, // started on time after a, 2 late
      plan[2]!,
    ];
    const events = attribute(plan, now, '2025-03-12');
    expect(events.map((e) => [e.causeTaskId, e.days])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    expect(delayBySide(events)).toEqual({ customer: 2, vendor: 2 });
  });

  it('lets slack absorb the earlier slip first', () => {
    // b cannot start before day 4 (Fri 7), so a has 2 days of slack.
    const plan = [
      makeTask('a', { side: 'customer', durationDays: 2 }),
      makeTask('b', { side: 'vendor', durationDays: 2, startOffsetDays: 4, dependsOn: [after('a')] }),
      makeTask('go-live', { durationDays: 0, dependsOn: [after('b')] }),
    ];
    const now = [
      { ...plan[0]!, ...done('2025-03-03', '2025-03-10') }, // 4 late: 2 eaten by slack
      { ...plan[1]!, ...done('2025-03-11', '2025-03-17') }, // 3 late
      plan[2]!,
    ];
    const events = attribute(plan, now, '2025-03-17');
    expect(events[0]).toMatchObject({ fromDate: '2025-03-10', toDate: '2025-03-17' });
    expect(events.map((e) => [e.causeTaskId, e.side, e.days])).toEqual([
      ['a', 'customer', 2],
      ['b', 'vendor', 3],
    ]);
  });

  it('credits a gain, with a negative sign, to the task that finished early', () => {
    const plan = [
      makeTask('config', { side: 'vendor', durationDays: 5 }),
      makeTask('training', { side: 'customer', durationDays: 2 }),
      makeTask('go-live', { durationDays: 0, dependsOn: [after('config'), after('training')] }),
    ];
    const now = [{ ...plan[0]!, ...done('2025-03-03', '2025-03-05') }, { ...plan[1]!, ...done('2025-03-03', '2025-03-04') }, plan[2]!];
    expect(attribute(plan, now, '2025-03-05')).toEqual([
      expect.objectContaining({ days: -2, causeTaskId: 'config', side: 'vendor', toDate: '2025-03-05' }),
    ]);
  });

  it('owes a pinned slip to the side that owns the pinned task, through every milestone it moves', () => {
    const plan = [
      makeTask('workshop', { side: 'customer', durationDays: 1 }),
      makeTask('first-engagement', { durationDays: 0, dependsOn: [after('workshop')] }),
      makeTask('design', { durationDays: 2, dependsOn: [after('first-engagement')] }),
      makeTask('go-live', { durationDays: 0, dependsOn: [after('design')] }),
    ];
    const now = [{ ...plan[0]!, pinnedStart: '2025-03-10' }, ...plan.slice(1)];
    const events = attribute(plan, now, '2025-03-03');
    expect(events.map((e) => [e.milestoneId, e.causeTaskId, e.side, e.days])).toEqual([
      ['first-engagement', 'workshop', 'customer', 5],
      ['go-live', 'workshop', 'customer', 5],
    ]);
  });

  it('says nothing when no milestone moved', () => {
    const plan = [makeTask('a', { durationDays: 2 }), makeTask('m', { durationDays: 0, dependsOn: [after('a')] })];
    expect(attribute(plan, plan, '2025-03-03')).toEqual([]);
  });
});
