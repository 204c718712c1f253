import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONDAY_TO_FRIDAY, type BusinessCalendar } from '../calendar.ts';
import { capacityView, defaultEffortHours, effortOf, roomOf, stateOf, warningText, weekStart } from './capacity.ts';

const calendar: BusinessCalendar = { timeZone: 'Europe/Paris', workingWeekdays: MONDAY_TO_FRIDAY, holidays: ['2027-01-01'] };
// A Wednesday: this week has Wed, Thu, Fri left.
const today = '2026-12-09';
const maya = { id: 'maya', name: 'Maya Chen', weeklyHours: 40, timeOff: [] };
const omar = { id: 'omar', name: 'Omar Haddad', weeklyHours: 30, timeOff: [{ from: '2026-12-14', to: '2026-12-18' }] };

describe('default effort', () => {
  it('gives a milestone an hour, a task an hour a day (1–8), a deliverable more, an approval its review', () => {
    expect(defaultEffortHours({ durationDays: 0, milestoneKind: 'go_live' })).toBe(1);
    expect(defaultEffortHours({ durationDays: 3 })).toBe(3);
    expect(defaultEffortHours({ durationDays: 30 })).toBe(8);
    expect(defaultEffortHours({ durationDays: 3, deliverable: true })).toBe(7);
    expect(defaultEffortHours({ durationDays: 3, needsApproval: true })).toBe(5);
    expect(effortOf({ durationDays: 3, effortHours: 0.5 })).toBe(0.5);
  });
});

describe('capacity view', () => {
  it('counts this week from today, holidays and time off out of the hours available', () => {
    const view = capacityView({ calendar, today, people: [maya, omar], booked: [], coming: [] });
    expect(view.weeks).toHaveLength(12);
    expect(view.weeks[0]).toBe('2026-12-07');
    const [m, o] = view.people;
    expect(m!.weeks[0]!.available).toBe(24); // Wed–Fri at 8 h
    expect(m!.weeks[1]!.available).toBe(40);
    expect(o!.weeks[1]!.available).toBe(0); // a week off
    expect(m!.weeks[3]!.available).toBe(32); // Jan 1 is a holiday
    expect(view.warnings).toEqual([]);
  });

  it('spreads a task evenly over its business days and warns of the first week over the hours available', () => {
    const view = capacityView({
      calendar,
      today,
      people: [maya],
      booked: [
        { memberId: 'maya', effortHours: 10, start: '2026-12-14', finish: '2026-12-18' },
        { memberId: 'maya', effortHours: 45, start: '2026-12-21', finish: '2026-12-25' },
      ],
      coming: [],
    });
    expect(view.people[0]!.weeks[1]!.booked).toBe(10);
    expect(view.people[0]!.weeks[2]!.booked).toBe(45);
    expect(view.warnings).toEqual([{ memberId: 'maya', name: 'Maya Chen', week: '2026-12-21', weekNumber: 3, state: 'over', demand: 45, available: 40 }]);
    expect(warningText(view.warnings[0]!, (d) => d)).toBe('Maya Chen is over-booked in week 3 (from 2026-12-21): 45 h of work for 40 h available');
  });

  it('puts work past its dates into this week, still owed', () => {
    const view = capacityView({ calendar, today, people: [maya], booked: [{ memberId: 'maya', effortHours: 6, start: '2026-11-02', finish: '2026-11-04' }], coming: [] });
    expect(view.people[0]!.weeks[0]!.booked).toBe(6);
  });

  it('counts projects coming on their manager, or as not assigned', () => {
    const view = capacityView({
      calendar,
      today,
      people: [maya],
      booked: [],
      coming: [
        { key: 'a', name: 'Acme', memberId: 'maya', effortHours: 20, start: '2026-12-14', businessDays: 10 },
        { key: 'b', name: 'Beta', memberId: null, effortHours: 5, start: '2026-12-14', businessDays: 5 },
      ],
    });
    expect(view.people[0]!.weeks.map((w) => w.coming).slice(0, 4)).toEqual([0, 10, 10, 0]);
    expect(view.unassigned.slice(0, 3)).toEqual([0, 5, 0]);
    expect(roomOf(view.people[0]!, 3)).toBe(24 + 40 + 40 - 20);
  });

  it('says nearly full before over-booked', () => {
    expect(stateOf(36, 40)).toBe('nearly_full');
    expect(stateOf(40, 40)).toBe('nearly_full');
    expect(stateOf(40.5, 40)).toBe('over');
    expect(stateOf(0, 0)).toBe('ok');
    expect(stateOf(1, 0)).toBe('over');
  });
});

describe('capacity view (properties)', () => {
  const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const task = fc.record({ memberId: fc.constantFrom('maya', 'omar', 'nobody'), effortHours: fc.double({ min: 0, max: 80, noNaN: true }), start: day, span: fc.integer({ min: 0, max: 30 }) });

  it('never loses or invents hours: every hour of work that falls inside the weeks shown is on someone, or on a later week', () => {
    fc.assert(
      fc.property(fc.array(task, { maxLength: 30 }), day, (tasks, now) => {
        const booked = tasks.map((t) => ({ memberId: t.memberId, effortHours: t.effortHours, start: t.start, finish: new Date(Date.parse(t.start) + t.span * 86_400_000).toISOString().slice(0, 10) }));
        const view = capacityView({ calendar, today: now, people: [maya, omar], booked, coming: [], weeks: 40 });
        const shown = view.people.reduce((sum, p) => sum + p.weeks.reduce((s, w) => s + w.booked, 0), 0);
        const owed = booked.filter((t) => t.memberId !== 'nobody').reduce((sum, t) => sum + t.effortHours, 0);
        // 40 weeks cover every task of the 4 months generated; rounding is to a tenth per week and person.
        expect(Math.abs(shown - owed)).toBeLessThanOrEqual(0.05 * 40 * 2 + 1e-6);
      }),
    );
  });

  it('has hours available only on working days: never negative, never more than the weekly hours, zero on a week off', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (now, hours) => {
        const view = capacityView({ calendar, today: now, people: [{ ...maya, weeklyHours: hours, timeOff: [{ from: weekStart(now), to: now }] }], booked: [], coming: [] });
        for (const w of view.people[0]!.weeks) {
          expect(w.available).toBeGreaterThanOrEqual(0);
          expect(w.available).toBeLessThanOrEqual(hours + 1e-9);
        }
        expect(view.people[0]!.weeks[0]!.available).toBeLessThanOrEqual(hours);
      }),
    );
  });

  it('warns of a person exactly when one of their weeks is over or nearly full', () => {
    fc.assert(
      fc.property(fc.array(task, { maxLength: 20 }), (tasks) => {
        const booked = tasks.map((t) => ({ memberId: t.memberId, effortHours: t.effortHours, start: t.start, finish: t.start }));
        const view = capacityView({ calendar, today, people: [maya, omar], booked, coming: [] });
        for (const person of view.people) {
          const warned = view.warnings.some((w) => w.memberId === person.id);
          expect(warned).toBe(person.weeks.some((w) => w.state !== 'ok'));
        }
      }),
    );
  });
});
