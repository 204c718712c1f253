import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMeetingTask, taskItem, type CalendarTask } from './calendar.ts';

const task = (overrides: Partial<CalendarTask> = {}): CalendarTask => ({
  id: '00000000-0000-4000-8000-000000000001',
  key: 'kickoff_meeting',
  title: 'Kickoff meeting',
  projectId: 'p',
  projectName: 'Acme onboarding',
  milestoneKind: null,
  status: 'not_started',
  projectedStart: '2026-03-04',
  projectedFinish: '2026-03-05',
  actualFinish: null,
  ...overrides,
});

describe('calendar items', () => {
  it('knows meetings from their names, and leaves ordinary work out', () => {
    expect(isMeetingTask({ key: 'discovery_workshops', title: 'Discovery workshops' })).toBe(true);
    expect(isMeetingTask({ key: 'welcome_call', title: 'Welcome call' })).toBe(true);
    expect(isMeetingTask({ key: 'security_questionnaire', title: 'Security questionnaire' })).toBe(false);
    expect(taskItem(task({ key: 'configure_sso', title: 'Configure SSO' }), 'x')).toBeNull();
  });

  it('puts a meeting over its planned days and a milestone on the day it is reached', () => {
    expect(taskItem(task(), 'x')).toMatchObject({ kind: 'day', startDay: '2026-03-04', endDay: '2026-03-06', uid: 'task-00000000-0000-4000-8000-000000000001@landfall' });
    const live = taskItem(task({ key: 'go_live', title: 'Go live', milestoneKind: 'go_live', projectedFinish: '2026-05-01', actualFinish: '2026-04-28', status: 'done' }), 'x');
    expect(live).toMatchObject({ startDay: '2026-04-28', endDay: '2026-04-29', title: 'Milestone: Go live (done) · Acme onboarding' });
  });

  it('always ends after it starts, whatever the dates', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: null }), fc.boolean(), (start, finish, actual, milestone) => {
        const item = taskItem(task({ projectedStart: start, projectedFinish: finish, actualFinish: actual, milestoneKind: milestone ? 'go_live' : null }), 'x');
        expect(item?.kind).toBe('day');
        if (item?.kind === 'day') expect(item.endDay > item.startDay).toBe(true);
      }),
    );
  });
});
