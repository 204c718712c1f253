import { describe, expect, it } from 'vitest';
import { ScheduleError, findDependencyCycle } from './network.ts';
import { schedule } from './schedule.ts';
import { DAY_0, after, makeTask, scheduleTasks, weekdays } from './test-factories.ts';

// March 2025: Mon 3, Fri 7, Mon 10, Fri 14, Mon 17.

describe('projected dates', () => {
  it('lays a chain end to end, a milestone on the day its last task finishes', () => {
    const plan = scheduleTasks([
      makeTask('kickoff', { durationDays: 3 }),
      makeTask('design', { durationDays: 2, dependsOn: [after('kickoff')] }),
      makeTask('go-live', { durationDays: 0, dependsOn: [after('design')] }),
      makeTask('training', { durationDays: 1, dependsOn: [after('go-live')] }),
    ]);
    expect(plan.task('kickoff')).toMatchObject({ start: '2025-03-03', finish: '2025-03-05' });
    expect(plan.task('design')).toMatchObject({ start: '2025-03-06', finish: '2025-03-07', drivenBy: 'kickoff' });
    expect(plan.task('go-live')).toMatchObject({ start: '2025-03-07', finish: '2025-03-07', drivenBy: 'design' });
    expect(plan.task('training')).toMatchObject({ start: '2025-03-10', finish: '2025-03-10' });
    expect(plan.projectEnd).toBe('2025-03-10');
  });

  it('skips weekends and holidays', () => {
    const plan = scheduleTasks(
      [makeTask('a', { durationDays: 4 }), makeTask('b', { durationDays: 2, dependsOn: [after('a')] })],
      { calendar: weekdays(['2025-03-04', '2025-03-10']) },
    );
    expect(plan.task('a')).toMatchObject({ start: '2025-03-03', finish: '2025-03-07' });
    expect(plan.task('b')).toMatchObject({ start: '2025-03-11', finish: '2025-03-12' });
  });

  it('waits the lag in business days after the predecessor finishes', () => {
    const plan = scheduleTasks([
      makeTask('contract', { durationDays: 1 }),
      makeTask('kickoff', { dependsOn: [after('contract', 2)] }),
      makeTask('signed-off', { durationDays: 0, dependsOn: [after('contract', 2)] }),
    ]);
    expect(plan.task('kickoff').start).toBe('2025-03-06');
    expect(plan.task('signed-off').finish).toBe('2025-03-05');
  });

  it('starts a diamond join after the longer branch, and gives the shorter branch slack', () => {
    const plan = scheduleTasks([
      makeTask('a'),
      makeTask('long', { durationDays: 3, dependsOn: [after('a')] }),
      makeTask('short', { durationDays: 1, dependsOn: [after('a')] }),
      makeTask('join', { dependsOn: [after('short'), after('long')] }),
    ]);
    expect(plan.task('join')).toMatchObject({ start: '2025-03-07', drivenBy: 'long' });
    expect(plan.task('short').slack).toBe(2);
    expect(plan.criticalPath).toEqual(['a', 'long', 'join']);
  });

  it('breaks a tie between predecessors in favour of the earlier task in the list', () => {
    const plan = scheduleTasks([
      makeTask('customer-data'),
      makeTask('vendor-setup'),
      makeTask('import', { dependsOn: [after('vendor-setup'), after('customer-data')] }),
    ]);
    expect(plan.task('import').drivenBy).toBe('customer-data');
  });

  it('places readiness work before day 0 with a negative offset, rolled to a business day', () => {
    const plan = scheduleTasks([
      makeTask('readiness', { durationDays: 2, startOffsetDays: -60 }),
      makeTask('discovery', { startOffsetDays: -30, dependsOn: [after('readiness')] }),
      makeTask('welcome', { durationDays: 0 }),
    ]);
    expect(plan.task('readiness')).toMatchObject({ start: '2025-01-02', finish: '2025-01-03', startReason: 'start_offset' });
    // Day −30 is Saturday 1 February: the offset wins over the predecessor and rolls to Monday.
    expect(plan.task('discovery')).toMatchObject({ start: '2025-02-03', startReason: 'start_offset' });
    expect(plan.task('welcome')).toMatchObject({ finish: '2025-03-03', startReason: 'project_start' });
  });

  it('starts a pinned task on its pin, and its successors follow', () => {
    const plan = scheduleTasks([
      makeTask('a', { durationDays: 5 }),
      makeTask('workshop', { durationDays: 2, pinnedStart: '2025-03-05', dependsOn: [after('a')] }),
      makeTask('review', { dependsOn: [after('workshop')] }),
    ]);
    expect(plan.task('workshop')).toMatchObject({ start: '2025-03-05', finish: '2025-03-06', startReason: 'pinned' });
    expect(plan.task('review').start).toBe('2025-03-07');
    expect(plan.task('a').slack).toBeGreaterThanOrEqual(0);
  });

  it('uses actual dates for done tasks, and a late finish moves everything after it', () => {
    const plan = scheduleTasks(
      [
        makeTask('a', { durationDays: 2, status: 'done', actualStart: '2025-03-03', actualFinish: '2025-03-11' }),
        makeTask('b', { durationDays: 2, dependsOn: [after('a')] }),
      ],
      { today: '2025-03-11' },
    );
    expect(plan.task('a')).toMatchObject({ start: '2025-03-03', finish: '2025-03-11', startReason: 'actual' });
    expect(plan.task('b')).toMatchObject({ start: '2025-03-12', finish: '2025-03-13', drivenBy: 'a' });
  });

  it('never projects unfinished work in the past', () => {
    const plan = scheduleTasks(
      [
        makeTask('overdue', { durationDays: 2 }),
        makeTask('running', { durationDays: 2, status: 'in_progress', actualStart: '2025-03-03' }),
        makeTask('next', { dependsOn: [after('running')] }),
      ],
      { today: '2025-03-08' }, // a Saturday
    );
    expect(plan.task('overdue')).toMatchObject({ start: '2025-03-10', finish: '2025-03-11', startReason: 'today' });
    expect(plan.task('running')).toMatchObject({ start: '2025-03-03', finish: '2025-03-10' });
    expect(plan.task('next').start).toBe('2025-03-11');
  });

  it('lets a skipped task take no time and pass its predecessor through', () => {
    const plan = scheduleTasks([
      makeTask('a', { durationDays: 2 }),
      makeTask('optional', { durationDays: 10, status: 'skipped', dependsOn: [after('a')] }),
      makeTask('b', { dependsOn: [after('optional')] }),
    ]);
    expect(plan.task('optional')).toMatchObject({ start: '2025-03-04', finish: '2025-03-04', critical: false });
    expect(plan.task('b')).toMatchObject({ start: '2025-03-05', drivenBy: 'optional' });
  });

  it('returns the same plan for the same input', () => {
    const tasks = [makeTask('a', { durationDays: 3 }), makeTask('b', { dependsOn: [after('a', 1)] })];
    const input = { tasks, calendar: weekdays(), projectStart: DAY_0, today: '2025-03-04' };
    expect(schedule(input)).toEqual(schedule(input));
  });
});

describe('dependency problems', () => {
  it('names the tasks of a cycle in order', () => {
    const tasks = [
      makeTask('k', { name: 'Kickoff', dependsOn: [after('d')] }),
      makeTask('d', { name: 'Design', dependsOn: [after('k')] }),
      makeTask('x', { name: 'Other' }),
    ];
    expect(() => scheduleTasks(tasks)).toThrow('dependency cycle: Kickoff → Design → Kickoff');
    expect(findDependencyCycle(tasks)).toEqual(['k', 'd', 'k']);
  });

  it('finds a longer cycle behind tasks that are fine, and a task depending on itself', () => {
    const tasks = [
      makeTask('ok'),
      makeTask('a', { dependsOn: [after('ok'), after('c')] }),
      makeTask('b', { dependsOn: [after('a')] }),
      makeTask('c', { dependsOn: [after('b')] }),
      makeTask('tail', { dependsOn: [after('c')] }),
    ];
    expect(findDependencyCycle(tasks)).toEqual(['a', 'b', 'c', 'a']);
    expect(findDependencyCycle([makeTask('self', { dependsOn: [after('self')] })])).toEqual(['self', 'self']);
    expect(findDependencyCycle(tasks.slice(0, 1))).toBeNull();
  });

  it('rejects unknown dependencies, duplicate ids and bad durations with typed errors', () => {
    const codeOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        return error instanceof ScheduleError ? error.code : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => scheduleTasks([makeTask('a', { dependsOn: [after('ghost')] })]))).toBe('unknown_dependency');
    expect(codeOf(() => scheduleTasks([makeTask('a'), makeTask('a')]))).toBe('duplicate_task');
    expect(codeOf(() => scheduleTasks([makeTask('a', { durationDays: -1 })]))).toBe('invalid_task');
    expect(codeOf(() => scheduleTasks([makeTask('a', { durationDays: 1.5 })]))).toBe('invalid_task');
  });
});
