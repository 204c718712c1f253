import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isBusinessDay, MONDAY_TO_FRIDAY, type BusinessCalendar, type IsoDate } from '../calendar.ts';
import { customerDueDates } from './due.ts';
import { DEFAULT_LADDER, ladderProblems, sortLadder, stepKey, type Ladder } from './ladder.ts';
import { planReminders, type ReminderContact, type ReminderInput, type ReminderPlan, type ReminderProject } from './plan.ts';

const calendar: BusinessCalendar = { timeZone: 'Europe/Paris', workingWeekdays: MONDAY_TO_FRIDAY, holidays: ['2026-04-06'] };
// Monday 2 March 2026.
const MONDAY = '2026-03-02';

const contacts: ReminderContact[] = [
  { id: 'ann', name: 'Ann Assignee', role: 'admin', leftOn: null },
  { id: 'carla', name: 'Carla Champion', role: 'champion', leftOn: null },
  { id: 'sam', name: 'Sam Sponsor', role: 'executive_sponsor', leftOn: null },
  { id: 'leo', name: 'Leo Left', role: 'end_user', leftOn: '2026-02-01' },
];

const project = (tasks: ReminderProject['tasks'], episode: ReminderProject['episode'] = null): ReminderProject => ({
  id: 'p1',
  active: true,
  onboardingManagerId: 'morgan',
  episode,
  tasks,
});

const input = (today: IsoDate, projects: ReminderProject[], extra: Partial<ReminderInput> = {}): ReminderInput => ({
  today,
  calendar,
  ladder: DEFAULT_LADDER,
  projects,
  contacts,
  sentTaskReminders: new Set(),
  mailedToday: new Set(),
  ...extra,
});

const task = (id: string, dueOn: IsoDate, assigneeContactId: string | null = 'ann') => ({ id, title: `Task ${id}`, dueOn, assigneeContactId });

describe('reminders', () => {
  it('reminds the assignee the business day before a task is due (Friday for Monday)', () => {
    const plan = planReminders(input('2026-03-06', [project([task('t1', '2026-03-09')])]));
    expect(plan.reminders).toEqual([
      expect.objectContaining({ taskId: 't1', contactId: 'ann', kind: 'due_soon', overdueDays: -1, key: 'due_soon:t1:2026-03-09' }),
    ]);
    expect(plan.steps).toEqual([]);
    expect(plan.episodes).toEqual([]);
  });

  it('does not repeat a reminder already sent, and says nothing about tasks due later', () => {
    const sent = new Set(['due_soon:t1:2026-03-09']);
    const plan = planReminders(input('2026-03-09', [project([task('t1', '2026-03-09'), task('t2', '2026-03-20')])], { sentTaskReminders: sent }));
    expect(plan.reminders).toEqual([]);
  });

  it('reminds once more on the first business day a task is overdue, and opens an episode of silence', () => {
    const plan = planReminders(input('2026-03-10', [project([task('t1', '2026-03-09')])], { sentTaskReminders: new Set(['due_soon:t1:2026-03-09']) }));
    expect(plan.reminders).toEqual([expect.objectContaining({ kind: 'overdue', overdueDays: 1, contactId: 'ann' })]);
    expect(plan.episodes).toEqual([{ projectId: 'p1', kind: 'start', clearsStall: false, reason: null }]);
    expect(plan.episodeDays.get('p1')).toBe(1);
  });

  it('asks the champion to see to a task whose assignee left, or that nobody has', () => {
    const plan = planReminders(input('2026-03-06', [project([task('t1', '2026-03-09', 'leo'), task('t2', '2026-03-09', null)])]));
    expect(plan.reminders.map((r) => [r.taskId, r.contactId, r.unassigned])).toEqual([
      ['t1', 'carla', true],
      ['t2', 'carla', true],
    ]);
  });

  it('sends nothing on a weekend or a holiday: overdue days are business days', () => {
    const saturday = planReminders(input('2026-03-07', [project([task('t1', '2026-03-06')])]));
    expect(saturday).toMatchObject({ reminders: [], steps: [], episodes: [] });
    // Easter Monday is a holiday: a task due the Friday before is 1 business day overdue on Tuesday.
    expect(planReminders(input('2026-04-06', [project([task('t1', '2026-04-03')])])).reminders).toEqual([]);
    expect(planReminders(input('2026-04-07', [project([task('t1', '2026-04-03')])])).episodeDays.get('p1')).toBe(1);
  });

  it('holds what is new for someone already emailed today until the next business day', () => {
    const plan = planReminders(input('2026-03-06', [project([task('t1', '2026-03-09')])], { mailedToday: new Set(['ann']) }));
    expect(plan.reminders).toEqual([]);
  });
});

describe('the escalation ladder', () => {
  it('climbs day 5, 10, 15 and 21 once each, telling the assignee, champion, sponsor and onboarding manager, and flags the project stalled', () => {
    const log = simulate([project([task('t1', MONDAY), task('t2', '2026-03-04')])], MONDAY, 40);
    expect(log.steps).toEqual([
      '2026-03-09 day 5 remind_assignee → ann',
      '2026-03-16 day 10 tell_champion → carla',
      '2026-03-23 day 15 tell_executive_sponsor → sam',
      '2026-03-31 day 21 flag_stalled → nobody',
      '2026-03-31 day 21 tell_onboarding_manager → morgan',
    ]);
    expect(log.stalledSince).toBe('2026-03-31');
  });

  it('ends the episode and clears the stall when no customer task is overdue any more', () => {
    const episode = { startedOn: '2026-03-03', stalledSince: '2026-03-31', firedSteps: new Set(DEFAULT_LADDER.steps.map(stepKey)) };
    const plan = planReminders(input('2026-04-01', [project([task('t2', '2026-04-10')], episode)]));
    expect(plan.episodes).toEqual([{ projectId: 'p1', kind: 'end', clearsStall: true, reason: 'nothing_overdue' }]);
    expect(plan.steps).toEqual([]);
  });

  it('ends the silence of a paused project and sends it nothing', () => {
    const episode = { startedOn: '2026-03-03', stalledSince: null, firedSteps: new Set<string>() };
    const plan = planReminders(input('2026-03-20', [{ ...project([task('t1', MONDAY)], episode), active: false }]));
    expect(plan).toMatchObject({ reminders: [], steps: [], episodes: [{ kind: 'end', reason: 'inactive', clearsStall: false }] });
  });

  it('fires every step a late start missed, in order, on the first run', () => {
    const plan = planReminders(input('2026-03-31', [project([task('t1', MONDAY)])]));
    expect(plan.steps.map((step) => step.key)).toEqual(['5:remind_assignee', '10:tell_champion', '15:tell_executive_sponsor', '21:flag_stalled', '21:tell_onboarding_manager']);
  });

  it('tells the project lead when there is no champion, and nobody (said plainly) when there is no sponsor', () => {
    const people: ReminderContact[] = [{ id: 'pat', name: 'Pat Lead', role: 'project_lead', leftOn: null }];
    const plan = planReminders(input('2026-03-23', [project([task('t1', MONDAY, 'pat')])], { contacts: people }));
    expect(plan.steps.map((step) => [step.key, step.recipients.map((r) => r.id)])).toEqual([
      ['5:remind_assignee', ['pat']],
      ['10:tell_champion', ['pat']],
      ['15:tell_executive_sponsor', []],
    ]);
  });

  it('skips disabled steps, and does nothing at all when the ladder is off', () => {
    const ladder: Ladder = { enabled: true, steps: DEFAULT_LADDER.steps.map((step) => ({ ...step, enabled: step.action !== 'tell_champion' })) };
    const plan = planReminders(input('2026-03-16', [project([task('t1', MONDAY)])], { ladder }));
    expect(plan.steps.map((step) => step.key)).toEqual(['5:remind_assignee']);
    const off = planReminders(input('2026-03-16', [project([task('t1', MONDAY)])], { ladder: { ...DEFAULT_LADDER, enabled: false } }));
    expect(off).toMatchObject({ reminders: [], steps: [], episodes: [] });
  });
});

describe('ladder settings', () => {
  it('refuses a repeated step, a second stall flag and days out of range, naming the step', () => {
    expect(
      ladderProblems([
        { overdueDays: 5, action: 'remind_assignee', enabled: true },
        { overdueDays: 5, action: 'remind_assignee', enabled: true },
        { overdueDays: 21, action: 'flag_stalled', enabled: true },
        { overdueDays: 30, action: 'flag_stalled', enabled: true },
        { overdueDays: 0, action: 'tell_champion', enabled: true },
      ]),
    ).toEqual([
      { index: 1, field: 'action', message: 'repeats step 1 (the same action on day 5)' },
      { index: 3, field: 'action', message: 'the project is already flagged stalled by step 3: keep one such step' },
      { index: 4, field: 'overdueDays', message: 'must be a whole number of business days from 1 to 260' },
    ]);
    expect(ladderProblems(DEFAULT_LADDER.steps)).toEqual([]);
  });

  it('orders steps by day, the stall flag before the manager is told', () => {
    const shuffled = [...DEFAULT_LADDER.steps].reverse();
    expect(sortLadder(shuffled)).toEqual(DEFAULT_LADDER.steps);
  });
});

describe('due dates', () => {
  const vendor = (id: string, fields = {}) => ({ id, side: 'vendor' as const, durationDays: 2, ...fields });
  const customer = (id: string, fields = {}) => ({ id, side: 'customer' as const, durationDays: 3, ...fields });

  it('is not due while it waits for an unfinished task before it', () => {
    const due = customerDueDates([vendor('v'), customer('c', { dependsOn: [{ taskId: 'v' }] })], calendar, MONDAY);
    expect(due.has('c')).toBe(false);
  });

  it('is due after its baseline when the vendor work before it finished late, counted from that finish', () => {
    const tasks = [
      vendor('v', { status: 'done', actualStart: MONDAY, actualFinish: '2026-03-10', baselineFinish: '2026-03-03' }),
      customer('c', { dependsOn: [{ taskId: 'v' }], baselineFinish: '2026-03-06' }),
    ];
    // Three business days after Tuesday 10 March.
    expect(customerDueDates(tasks, calendar, MONDAY).get('c')).toBe('2026-03-13');
  });

  it('keeps the baseline when the work before it finished early', () => {
    const tasks = [
      vendor('v', { status: 'done', actualStart: MONDAY, actualFinish: MONDAY, baselineFinish: '2026-03-03' }),
      customer('c', { dependsOn: [{ taskId: 'v' }], baselineFinish: '2026-03-06' }),
    ];
    expect(customerDueDates(tasks, calendar, MONDAY).get('c')).toBe('2026-03-06');
  });

  it('leaves out vendor tasks, done tasks and milestones', () => {
    const tasks = [vendor('v'), customer('done', { status: 'done', actualFinish: MONDAY, actualStart: MONDAY }), customer('m', { durationDays: 0, milestoneKind: 'go_live' })];
    expect([...customerDueDates(tasks, calendar, MONDAY).keys()]).toEqual([]);
  });
});

// ---- a day-by-day simulation, as the job runs it: apply what the plan decided, then plan the next day ----

interface Log {
  steps: string[];
  stalledSince: IsoDate | null;
  /** recipient → days they were emailed */
  mailed: Map<string, IsoDate[]>;
  plans: { today: IsoDate; plan: ReminderPlan; input: ReminderInput }[];
}

function apply(state: { projects: ReminderProject[]; sent: Set<string> }, plan: ReminderPlan, today: IsoDate) {
  for (const change of plan.episodes) {
    const p = state.projects.find((candidate) => candidate.id === change.projectId)!;
    p.episode = change.kind === 'start' ? { startedOn: today, stalledSince: null, firedSteps: new Set() } : null;
  }
  for (const step of plan.steps) {
    const p = state.projects.find((candidate) => candidate.id === step.projectId)!;
    p.episode = {
      ...p.episode!,
      firedSteps: new Set([...p.episode!.firedSteps, step.key]),
      stalledSince: step.step.action === 'flag_stalled' ? today : p.episode!.stalledSince,
    };
  }
  for (const reminder of plan.reminders) if (reminder.key) state.sent.add(reminder.key);
}

const recipientsOf = (plan: ReminderPlan) =>
  new Set([...plan.reminders.map((r) => r.contactId), ...plan.steps.flatMap((step) => (step.step.action === 'remind_assignee' ? [] : step.recipients.map((r) => r.id)))]);

function simulate(projects: ReminderProject[], from: IsoDate, days: number, options: { ladder?: Ladder; doneOn?: Map<string, IsoDate> } = {}): Log {
  const state = { projects: projects.map((p) => ({ ...p })), sent: new Set<string>() };
  const log: Log = { steps: [], stalledSince: null, mailed: new Map(), plans: [] };
  for (let d = 0; d < days; d++) {
    const today = addCalendarDays(from, d);
    for (const p of state.projects) {
      p.tasks = p.tasks.filter((t) => !options.doneOn?.has(t.id) || options.doneOn.get(t.id)! > today);
    }
    const plannedInput = input(today, state.projects, { ladder: options.ladder ?? DEFAULT_LADDER, sentTaskReminders: new Set(state.sent) });
    const plan = planReminders(plannedInput);
    log.plans.push({ today, plan, input: plannedInput });
    for (const step of plan.steps) {
      log.steps.push(`${today} day ${step.step.overdueDays} ${step.step.action} → ${step.recipients.map((r) => r.id).join(', ') || 'nobody'}`);
      if (step.step.action === 'flag_stalled') log.stalledSince = today;
    }
    for (const id of recipientsOf(plan)) log.mailed.set(id, [...(log.mailed.get(id) ?? []), today]);
    apply(state, plan, today);
  }
  return log;
}

describe('properties of the planner', () => {
  const dueDate = fc.integer({ min: 0, max: 40 }).map((d) => addCalendarDays(MONDAY, d));
  const tasksArb = fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      dueOn: dueDate,
      assignee: fc.constantFrom('ann', 'carla', 'leo', null),
      doneAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    }),
    { selector: (t) => t.id, minLength: 1, maxLength: 5 },
  );
  const ladderArb = fc
    .uniqueArray(
      fc.record({
        overdueDays: fc.integer({ min: 1, max: 30 }),
        action: fc.constantFrom(...DEFAULT_LADDER.steps.map((s) => s.action)),
        enabled: fc.boolean(),
      }),
      { selector: (s) => (s.action === 'flag_stalled' ? 'stall' : stepKey(s)), maxLength: 6 },
    )
    .map((steps): Ladder => ({ enabled: true, steps }));

  it('fires each step at most once per episode, never before its day, never on a non-business day, and emails nobody twice a day', () => {
    fc.assert(
      fc.property(tasksArb, ladderArb, (tasks, ladder) => {
        const doneOn = new Map(tasks.flatMap((t) => (t.doneAfter === undefined ? [] : [[t.id, addCalendarDays(t.dueOn, t.doneAfter)] as const])));
        const log = simulate([project(tasks.map((t) => task(t.id, t.dueOn, t.assignee)))], MONDAY, 90, { ladder, doneOn });
        let firedInEpisode = new Set<string>();
        for (const { today, plan } of log.plans) {
          if (!isBusinessDay(today, calendar)) {
            expect(plan.reminders).toEqual([]);
            expect(plan.steps).toEqual([]);
          }
          if (plan.episodes.some((e) => e.kind === 'end')) firedInEpisode = new Set();
          for (const step of plan.steps) {
            expect(firedInEpisode.has(step.key)).toBe(false);
            firedInEpisode.add(step.key);
            expect(plan.episodeDays.get(step.projectId)).toBeGreaterThanOrEqual(step.step.overdueDays);
            expect(step.step.enabled).toBe(true);
          }
        }
        for (const days of log.mailed.values()) expect(new Set(days).size).toBe(days.length);
      }),
      { numRuns: 150 },
    );
  });

  it('decides nothing new when run again the same day after its decisions were applied (a second run sends nothing)', () => {
    fc.assert(
      fc.property(tasksArb, fc.integer({ min: 0, max: 45 }), (tasks, offset) => {
        const today = addCalendarDays(MONDAY, offset);
        const state = { projects: [project(tasks.map((t) => task(t.id, t.dueOn, t.assignee)))], sent: new Set<string>() };
        const first = planReminders(input(today, state.projects));
        apply(state, first, today);
        const again = planReminders(input(today, state.projects, { sentTaskReminders: state.sent, mailedToday: recipientsOf(first) }));
        expect(again.reminders).toEqual([]);
        expect(again.steps).toEqual([]);
        expect(again.episodes).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('never sends to a contact who left', () => {
    fc.assert(
      fc.property(tasksArb, fc.integer({ min: 0, max: 45 }), (tasks, offset) => {
        const plan = planReminders(input(addCalendarDays(MONDAY, offset), [project(tasks.map((t) => task(t.id, t.dueOn, t.assignee)))]));
        expect(recipientsOf(plan).has('leo')).toBe(false);
      }),
    );
  });
});
