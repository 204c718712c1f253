import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MONDAY_TO_FRIDAY, type BusinessCalendar } from '../calendar.ts';
import { BUILTIN_CADENCES, chooseCadence } from './builtin.ts';
import { allocateSlots, DEFAULT_CAP, type PendingMessage } from './cap.ts';
import { planCadence, type PlanContact, type PlanInput } from './plan.ts';
import { renderMessage, SAMPLE_VARIABLES, templateProblem } from './template.ts';
import { capWindows, dayStepAt, eventStepAt, localInstant, recipientTimeZone, weeklyStepAt } from './timing.ts';
import type { CadenceStep } from './types.ts';

const calendar: BusinessCalendar = { timeZone: 'Europe/Paris', workingWeekdays: MONDAY_TO_FRIDAY, holidays: ['2026-04-06'] };
const local = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat('yyyy-MM-dd HH:mm ccc');

describe('step timing', () => {
  it('sends at 09:00 local on business days counted from day 0, before and after the clocks change', () => {
    // New York moves to summer time on 8 March 2026: 09:00 is 14:00 UTC before, 13:00 UTC after.
    const zone = 'America/New_York';
    const at = (day: number) => dayStepAt('2026-03-02', day, 0, '09:00', zone, calendar);
    expect(local(at(0), zone)).toBe('2026-03-02 09:00 Mon');
    expect(local(at(5), zone)).toBe('2026-03-09 09:00 Mon');
    expect(new Date(at(0)).toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(new Date(at(5)).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // Easter Monday is a workspace holiday: business day 25 skips it.
    expect(local(at(25), zone)).toBe('2026-04-07 09:00 Tue');
  });

  it('moves day 0 on a weekend to the next business day', () => {
    expect(local(dayStepAt('2026-03-07', 0, 0, '10:30', 'Europe/Paris', calendar), 'Europe/Paris')).toBe('2026-03-09 10:30 Mon');
  });

  it('never skips a send time that falls in the hour the clocks jump over', () => {
    const at = localInstant('2026-03-29', '02:30', 'Europe/Paris');
    expect(local(at, 'Europe/Paris')).toBe('2026-03-29 03:30 Sun');
  });

  it('sends an event step at the next send time after the event, on a business day', () => {
    const friday5pm = localInstant('2026-03-06', '17:00', 'Europe/Paris');
    expect(local(eventStepAt(friday5pm, 0, '09:00', 'Europe/Paris', calendar), 'Europe/Paris')).toBe('2026-03-09 09:00 Mon');
    const monday8am = localInstant('2026-03-09', '08:00', 'Europe/Paris');
    expect(local(eventStepAt(monday8am, 0, '09:00', 'Europe/Paris', calendar), 'Europe/Paris')).toBe('2026-03-09 09:00 Mon');
    expect(local(eventStepAt(monday8am, 2, '09:00', 'Europe/Paris', calendar), 'Europe/Paris')).toBe('2026-03-11 09:00 Wed');
  });

  it('repeats a weekly step on its weekday until its last day, a holiday moving it to the next business day', () => {
    const trigger = { weekday: 1, fromDay: 3, untilDay: 30 };
    const dates = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => weeklyStepAt('2026-03-02', trigger, k, '08:00', 'Europe/Paris', calendar));
    expect(dates.filter((at) => at !== undefined).map((at) => local(at!, 'Europe/Paris').slice(0, 16))).toEqual([
      '2026-03-09 08:00',
      '2026-03-16 08:00',
      '2026-03-23 08:00',
      '2026-03-30 08:00',
      '2026-04-07 08:00', // Easter Monday
      '2026-04-13 08:00',
    ]);
  });

  it("uses the contact's timezone, else the account's, else the workspace's", () => {
    expect(recipientTimeZone('Asia/Tokyo', 'Europe/Paris', 'UTC')).toBe('Asia/Tokyo');
    expect(recipientTimeZone(null, 'Europe/Paris', 'UTC')).toBe('Europe/Paris');
    expect(recipientTimeZone(undefined, null, 'America/Chicago')).toBe('America/Chicago');
  });
});

const digital = BUILTIN_CADENCES.find((cadence) => cadence.key === 'digital')!;
const contact = (overrides: Partial<PlanContact> = {}): PlanContact => ({
  id: 'c1',
  role: 'champion',
  timeZone: 'Europe/Paris',
  leftOn: null,
  unsubscribed: false,
  addedAt: Date.parse('2026-03-01T00:00:00Z'),
  ...overrides,
});
const planInput = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  steps: digital.steps,
  day0: '2026-03-02',
  calendar,
  attachedAt: Date.parse('2026-03-02T08:00:00Z'),
  now: Date.parse('2026-03-02T08:00:00Z'),
  projectStatus: 'active',
  contacts: [contact()],
  events: [],
  doneTaskKeys: new Set(),
  reachedMilestones: new Set(),
  existing: new Set(),
  lastActivityAt: Date.parse('2026-03-02T08:00:00Z'),
  ...overrides,
});

describe('cadence plan', () => {
  it('lays the digital drip on business days 0, 1, 3, 5 and 7, then spaced out, and looks again at the next one', () => {
    const plan = planInput({ now: Date.parse('2026-03-02T07:00:00Z') });
    const result = planCadence(plan);
    expect(result.due).toEqual([]);
    const days = result.upcoming.map((message) => local(message.dueAt, 'Europe/Paris').slice(0, 16));
    expect(days.slice(0, 5)).toEqual(['2026-03-02 09:00', '2026-03-03 09:00', '2026-03-05 09:00', '2026-03-09 09:00', '2026-03-11 09:00']);
    expect(result.nextRunAt).toBe(result.upcoming[0]!.dueAt);
  });

  it('skips a step whose goal is met, and everything to a contact who left or unsubscribed, or in a paused project', () => {
    const now = Date.parse('2026-03-03T09:00:00Z');
    const reasons = (overrides: Partial<PlanInput>) =>
      planCadence(planInput({ now, ...overrides })).due.map((message) => `${message.stepId}: ${message.skip}`);
    expect(reasons({})).toEqual(['digital-welcome: null', 'digital-day-1: null']);
    expect(reasons({ doneTaskKeys: new Set(['first_sign_in']) })[1]).toMatch(/goal is met: the task "first_sign_in" is done/);
    expect(reasons({ contacts: [contact({ leftOn: '2026-03-02' })] })[0]).toMatch(/left on 2026-03-02/);
    expect(reasons({ contacts: [contact({ unsubscribed: true })] })[0]).toMatch(/unsubscribed/);
    expect(reasons({ projectStatus: 'paused' })[0]).toMatch(/paused/);
  });

  it('plans nothing twice: what is in the outbox is not due again', () => {
    const now = Date.parse('2026-03-03T09:00:00Z');
    const existing = new Set(['digital-welcome:c1:0']);
    expect(planCadence(planInput({ now, existing })).due.map((message) => message.stepId)).toEqual(['digital-day-1']);
  });

  it('does not send a contact added on day 4 the steps of days 0 to 3, but welcomes them', () => {
    const addedAt = Date.parse('2026-03-06T10:00:00Z');
    const late = contact({ id: 'c2', addedAt });
    const result = planCadence(
      planInput({ now: addedAt, contacts: [late], events: [{ kind: 'contact_added', at: addedAt, contactId: 'c2' }] }),
    );
    const steps = [...result.due, ...result.upcoming].map((message) => message.stepId);
    expect(steps).not.toContain('digital-welcome');
    expect(steps).not.toContain('digital-day-3');
    expect(steps).toContain('digital-new-contact');
    expect(steps).toContain('digital-day-5');
  });

  it('nudges once the project has had no activity for ten business days', () => {
    const lastActivityAt = Date.parse('2026-03-02T10:00:00Z');
    const before = planCadence(planInput({ lastActivityAt, now: Date.parse('2026-03-13T10:00:00Z') }));
    expect([...before.due, ...before.upcoming].some((message) => message.stepId === 'digital-stalled')).toBe(false);
    const after = planCadence(planInput({ lastActivityAt, now: Date.parse('2026-03-17T10:00:00Z') }));
    const nudge = after.due.find((message) => message.stepId === 'digital-stalled');
    expect(local(nudge!.dueAt, 'Europe/Paris')).toBe('2026-03-16 09:00 Mon');
  });
});

describe('frequency cap', () => {
  const zone = 'America/New_York';
  const nine = (date: string) => localInstant(date, '09:00', zone);

  it('lets a high-priority message take the day and holds the normal one to the next business day, saying why', () => {
    const pending: PendingMessage[] = [
      { id: 'tips', dueAt: nine('2026-03-06'), priority: 'normal', label: 'tips' },
      { id: 'nudge', dueAt: nine('2026-03-06'), priority: 'high', label: 'nudge' },
    ];
    const decisions = allocateSlots([], pending, DEFAULT_CAP, zone, calendar);
    expect(decisions.get('nudge')).toEqual({ kind: 'send', at: nine('2026-03-06'), reason: null });
    const held = decisions.get('tips');
    expect(held).toMatchObject({ kind: 'send', at: nine('2026-03-09') });
    expect(held?.kind === 'send' && held.reason).toMatch(/Held from Fri 6 Mar 09:00 to Mon 9 Mar 09:00 by the frequency cap \(1 a day, 3 a week\)/);
  });

  it('lets a reminder outrank high-priority digests, and never holds it past its day', () => {
    // Three projects' weekly digests (high priority) fill Monday to Wednesday; Tuesday's "due tomorrow" reminder takes its day.
    const pending: PendingMessage[] = [
      { id: 'digest-1', dueAt: nine('2026-03-09'), priority: 'high', label: 'digest' },
      { id: 'digest-2', dueAt: nine('2026-03-09'), priority: 'high', label: 'digest' },
      { id: 'digest-3', dueAt: nine('2026-03-09'), priority: 'high', label: 'digest' },
      { id: 'reminder', dueAt: nine('2026-03-10'), priority: 'high', label: 'reminder', timeCritical: true },
    ];
    const decisions = allocateSlots([], pending, DEFAULT_CAP, zone, calendar);
    expect(decisions.get('reminder')).toEqual({ kind: 'send', at: nine('2026-03-10'), reason: null });
    expect([...decisions.values()].filter((decision) => decision.kind === 'send' && decision.at === nine('2026-03-10'))).toHaveLength(1);
    // Mail already sent that day cannot move: the reminder goes anyway, over the cap, and says so.
    const over = allocateSlots([{ at: nine('2026-03-10') }], [pending[3]!], DEFAULT_CAP, zone, calendar);
    expect(over.get('reminder')).toMatchObject({ kind: 'send', at: nine('2026-03-10'), reason: expect.stringMatching(/over the frequency cap/) });
  });

  it('drops a low-priority message whose day is full', () => {
    const decisions = allocateSlots([{ at: nine('2026-03-04') }], [{ id: 'community', dueAt: nine('2026-03-04'), priority: 'low', label: '' }], DEFAULT_CAP, zone, calendar);
    expect(decisions.get('community')).toMatchObject({ kind: 'drop', reason: expect.stringMatching(/Wed 4 Mar already has 1 automated email.*low-priority/) });
  });

  it('never lets more through than the caps allow, and never before a message is due', () => {
    const day = (n: number) => nine('2026-03-02') + n * 86_400_000;
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 20 }), hour: fc.integer({ min: 0, max: 12 }), priority: fc.constantFrom('high', 'normal', 'low') }), { maxLength: 25 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        (wanted, sentDays, perDay, perWeek) => {
          const fixed = sentDays.map((n) => ({ at: day(n) }));
          const pending = wanted.map((w, i) => ({ id: `m${i}`, dueAt: day(w.day) + w.hour * 3600_000, priority: w.priority as 'high', label: '' }));
          const decisions = allocateSlots(fixed, pending, { perDay, perWeek }, zone, calendar);
          const counts = new Map<string, number>();
          const placed = [...decisions.entries()].flatMap(([id, decision]) => (decision.kind === 'send' ? [{ id, at: decision.at }] : []));
          for (const { id, at } of placed) {
            expect(at).toBeGreaterThanOrEqual(pending.find((p) => p.id === id)!.dueAt);
            const { day: d, week } = capWindows(at, zone);
            counts.set(d, (counts.get(d) ?? 0) + 1);
            counts.set(week, (counts.get(week) ?? 0) + 1);
          }
          const fixedCounts = new Map<string, number>();
          for (const { at } of fixed) {
            const { day: d, week } = capWindows(at, zone);
            fixedCounts.set(d, (fixedCounts.get(d) ?? 0) + 1);
            fixedCounts.set(week, (fixedCounts.get(week) ?? 0) + 1);
          }
          for (const [key, count] of counts) {
            const limit = key.includes('W') ? perWeek : perDay;
            expect(count + (fixedCounts.get(key) ?? 0)).toBeLessThanOrEqual(Math.max(limit, fixedCounts.get(key) ?? 0));
          }
          expect(decisions.size).toBe(pending.length);
        },
      ),
    );
  });
});

describe('templates', () => {
  it('renders markdown to HTML and plain text with the variables, and escapes what people typed', () => {
    const variables = { ...SAMPLE_VARIABLES, contact: { ...SAMPLE_VARIABLES.contact, firstName: '<img src=x onerror=alert(1)>' } };
    const message = renderMessage({ subject: 'Hi {{ contact.firstName }}', body: 'Hello **{{ contact.firstName }}**, see [the plan]({{ portalLink }}).' }, variables);
    expect(message.subject).toBe('Hi <img src=x onerror=alert(1)>');
    expect(message.html).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(message.html).not.toContain('<img');
    expect(message.html).toContain('<a href="https://landfall.example/portal">the plan</a>');
    expect(message.text).toContain('Hello <img src=x onerror=alert(1)>, see the plan (https://landfall.example/portal).');
    expect(message.text).toContain('Unsubscribe from these emails: https://landfall.example/api/v1/unsubscribe/example');
  });

  it('shows raw HTML written in a template as text', () => {
    expect(renderMessage({ subject: 's', body: '<script>alert(1)</script>' }, SAMPLE_VARIABLES).html).not.toContain('<script>');
  });

  it('names the problem in a broken template or an unknown variable, and cannot reach anything but the variables', () => {
    expect(templateProblem('Hello {{ contact.firstName }}')).toBeNull();
    expect(templateProblem('Hello {{ contact.nmae }}')).toMatch(/undefined variable: contact.nmae/);
    expect(templateProblem('{% if %}')).toMatch(/./);
    expect(templateProblem('{{ contact.constructor.constructor }}')).toMatch(/undefined variable/);
    expect(renderMessage({ subject: '{{ contact.constructor }}', body: '' }, SAMPLE_VARIABLES).subject).toBe('');
  });

  it('ships built-in templates that all render', () => {
    for (const cadence of BUILTIN_CADENCES) {
      for (const step of cadence.steps) {
        expect(templateProblem(step.subject), `${step.id} subject`).toBeNull();
        expect(templateProblem(step.body), `${step.id} body`).toBeNull();
      }
    }
  });

  it('chooses the cadence by touch model, preferring one written for the product', () => {
    const general = { touchModels: ['digital'], products: [] as string[], name: 'general' };
    const forProduct = { touchModels: ['digital'], products: ['Analytics'], name: 'analytics' };
    const medium = { touchModels: ['medium'], products: [] as string[], name: 'medium' };
    expect(chooseCadence([general, forProduct, medium], { touchModel: 'digital', products: ['Analytics'] }, null)?.name).toBe('analytics');
    expect(chooseCadence([general, forProduct, medium], { touchModel: 'digital', products: ['Core'] }, null)?.name).toBe('general');
    expect(chooseCadence([general, forProduct], { touchModel: 'high', products: [] }, null)).toBeUndefined();
  });
});

export type { CadenceStep };
