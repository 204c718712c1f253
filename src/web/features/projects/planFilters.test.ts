import { describe, expect, it } from 'vitest';
import { matchesPlanFilter, todayHere } from './planFilters.ts';
import type { ProjectTask } from './projects.api.ts';

const task = (over: Partial<ProjectTask>) => ({ status: 'not_started', projectedFinish: '2026-03-10', baselineFinish: null, owner: { side: 'vendor', role: 'onboarding_manager' }, assignee: null, ...over }) as ProjectTask;
const context = { memberId: 'me', today: '2026-03-09' };

describe('plan filters', () => {
  it('mine is what is assigned to me; the customer’s is what the customer owns', () => {
    expect(matchesPlanFilter(task({ assignee: { kind: 'member', id: 'me', name: 'Me' } }), 'mine', context)).toBe(true);
    expect(matchesPlanFilter(task({ assignee: { kind: 'contact', id: 'me', name: 'A contact' } }), 'mine', context)).toBe(false);
    expect(matchesPlanFilter(task({ owner: { side: 'customer', role: 'champion' } } as Partial<ProjectTask>), 'customer', context)).toBe(true);
  });

  it('overdue is open work whose promised (baseline) finish has passed; this week is open work due in the next 7 days', () => {
    expect(matchesPlanFilter(task({ projectedFinish: '2026-03-06' }), 'overdue', context)).toBe(true);
    expect(matchesPlanFilter(task({ projectedFinish: '2026-03-06', status: 'done' }), 'overdue', context)).toBe(false);
    expect(matchesPlanFilter(task({ baselineFinish: '2026-03-02', projectedFinish: '2026-03-10' }), 'overdue', context)).toBe(true); // promised last week, moved on by the engine
    expect(matchesPlanFilter(task({ projectedFinish: '2026-03-15' }), 'week', context)).toBe(true);
    expect(matchesPlanFilter(task({ projectedFinish: '2026-03-16' }), 'week', context)).toBe(false);
    expect(matchesPlanFilter(task({ projectedFinish: '2026-03-08' }), 'week', context)).toBe(false);
  });

  it('reads today in the local calendar', () => {
    expect(todayHere(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
