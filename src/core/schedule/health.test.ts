import { describe, expect, it } from 'vitest';
import { after, makeTask, scheduleTasks } from './test-factories.ts';

// Monday 3 March 2025 is day 0. Diamond: setup (1 day) → long (3 days) → join, setup → short (1 day) → join.
const diamond = (fields: { short?: object; long?: object; golive?: object } = {}) => [
  makeTask('setup'),
  makeTask('long', { durationDays: 3, dependsOn: [after('setup')], ...fields.long }),
  makeTask('short', { durationDays: 1, dependsOn: [after('setup')], ...fields.short }),
  makeTask('join', { dependsOn: [after('long'), after('short')] }),
  makeTask('go-live', { durationDays: 0, dependsOn: [after('join')], ...fields.golive }),
];

describe('critical path and slack', () => {
  it('puts the longest chain on the critical path and gives the others their float', () => {
    const plan = scheduleTasks(diamond());
    expect(plan.criticalPath).toEqual(['setup', 'long', 'join', 'go-live']);
    expect(plan.task('short')).toMatchObject({ slack: 2, critical: false });
    expect(plan.task('go-live')).toMatchObject({ finish: '2025-03-07', slack: 0, critical: true });
  });

  it('measures float against the project end, even for a branch that ends on its own', () => {
    const plan = scheduleTasks([...diamond(), makeTask('survey', { durationDays: 2 })]);
    expect(plan.task('survey').slack).toBe(3);
  });

  it('does not count done work as critical', () => {
    const done = (actualStart: string, actualFinish: string) => ({ status: 'done' as const, actualStart, actualFinish });
    const [setup, ...rest] = diamond({ long: done('2025-03-04', '2025-03-06'), short: done('2025-03-04', '2025-03-04') });
    const plan = scheduleTasks([{ ...setup!, ...done('2025-03-03', '2025-03-03') }, ...rest], { today: '2025-03-06' });
    expect(plan.task('long')).toMatchObject({ slack: 0, critical: false });
    expect(plan.criticalPath).not.toContain('long');
  });
});

describe('health', () => {
  it('is on track when the projection meets the baseline', () => {
    const plan = scheduleTasks(diamond({ golive: { baselineFinish: '2025-03-07' } }), { today: '2025-03-03' });
    expect(plan.tasks.every((t) => t.health === 'on_track')).toBe(true);
    expect(plan.health).toBe('on_track');
  });

  it('is at risk when a task slips past its baseline but its slack absorbs it', () => {
    const plan = scheduleTasks(diamond({ short: { baselineFinish: '2025-03-03' } }), { today: '2025-03-03' });
    expect(plan.task('short')).toMatchObject({ finish: '2025-03-04', slack: 2, health: 'at_risk' });
    expect(plan.health).toBe('at_risk');
  });

  it('marks a milestone at risk when it still holds but an unfinished task upstream is slipping', () => {
    const plan = scheduleTasks(
      diamond({ short: { baselineFinish: '2025-03-03' }, golive: { baselineFinish: '2025-03-07' } }),
      { today: '2025-03-03' },
    );
    expect(plan.task('go-live').health).toBe('at_risk');
  });

  it('is late when a slip has no slack left, and so is the milestone it pushes', () => {
    const plan = scheduleTasks(
      diamond({ long: { durationDays: 4, baselineFinish: '2025-03-06' }, golive: { baselineFinish: '2025-03-07' } }),
      { today: '2025-03-03' },
    );
    expect(plan.task('long')).toMatchObject({ finish: '2025-03-07', slack: 0, health: 'late' });
    expect(plan.task('go-live')).toMatchObject({ finish: '2025-03-10', health: 'late' });
    expect(plan.health).toBe('late');
  });

  it('is late when unfinished past its baseline finish, slack or not', () => {
    const plan = scheduleTasks(diamond({ short: { baselineFinish: '2025-03-04' } }), { today: '2025-03-05' });
    expect(plan.task('short').slack).toBeGreaterThan(0);
    expect(plan.task('short').health).toBe('late');
  });

  it('is at risk when stuck, and late when done after the baseline', () => {
    const plan = scheduleTasks(
      [
        makeTask('blocked', { status: 'stuck', actualStart: '2025-03-03', durationDays: 5 }),
        makeTask('finished', { status: 'done', actualStart: '2025-03-03', actualFinish: '2025-03-05', baselineFinish: '2025-03-04' }),
      ],
      { today: '2025-03-05' },
    );
    expect(plan.task('blocked').health).toBe('at_risk');
    expect(plan.task('finished').health).toBe('late');
  });
});

describe('health that never contradicts itself', () => {
  const done = (actualFinish: string) => ({ status: 'done' as const, actualStart: actualFinish, actualFinish });

  it('never calls a reached milestone at risk, whatever is late upstream of it', () => {
    const plan = scheduleTasks(
      [
        makeTask('late-work', { durationDays: 3, baselineFinish: '2025-03-05' }),
        makeTask('first-engagement', { durationDays: 0, milestoneKind: 'first_engagement', baselineFinish: '2025-03-07', dependsOn: [after('late-work')], ...done('2025-03-07') }),
      ],
      { today: '2025-03-07' },
    );
    expect(plan.task('late-work').health).toBe('late');
    expect(plan.task('first-engagement').health).toBe('on_track');
  });

  it('is not late when value is achieved and the project ends on time, though go-live was reached late', () => {
    const tasks = [
      makeTask('build', { durationDays: 2, baselineFinish: '2025-03-04', ...done('2025-03-05') }),
      makeTask('go-live', { durationDays: 0, milestoneKind: 'go_live', baselineFinish: '2025-03-04', dependsOn: [after('build')], ...done('2025-03-05') }),
      makeTask('value', { durationDays: 0, milestoneKind: 'value_achieved', baselineFinish: '2025-03-10', dependsOn: [after('go-live')], ...done('2025-03-07') }),
      makeTask('wrap-up', { durationDays: 1, baselineFinish: '2025-03-11', dependsOn: [after('value')] }),
    ];
    const plan = scheduleTasks(tasks, { today: '2025-03-10' });
    expect(plan.task('go-live').health).toBe('late');
    expect(plan.health).toBe('on_track');
    // Value not yet achieved: the late go-live still makes the project late.
    const notYet = scheduleTasks(tasks.map((t) => (t.id === 'value' ? { ...t, status: 'not_started' as const, actualStart: null, actualFinish: null } : t)), { today: '2025-03-07' });
    expect(notYet.health).toBe('late');
    // Value achieved, but the end is past its baseline: late.
    const overrun = scheduleTasks(tasks.map((t) => (t.id === 'wrap-up' ? { ...t, durationDays: 5 } : t)), { today: '2025-03-10' });
    expect(overrun.health).toBe('late');
  });
});
