import { describe, expect, it } from 'vitest';
import { addCalendarDays, businessDayOnOrAfter, MONDAY_TO_FRIDAY, toDayNumber, type BusinessCalendar, type IsoDate } from '../calendar.ts';
import { schedule } from '../schedule/index.ts';
import { BUILTIN_PLAYBOOKS } from './builtin.ts';
import { DEFAULT_STAGES, type PlaybookDefinition, type PlaybookMilestoneKind } from './definition.ts';
import { playbookPlanTasks, validatePlaybook } from './validate.ts';

const weekdays: BusinessCalendar = { timeZone: 'Europe/Paris', workingWeekdays: MONDAY_TO_FRIDAY, holidays: [] };
/** Monday 3 March 2025. */
const DAY_0: IsoDate = '2025-03-03';

/** Calendar days from day 0 to each milestone, scheduled by the real engine. */
function milestoneDays(playbook: PlaybookDefinition, day0: IsoDate = DAY_0): Partial<Record<PlaybookMilestoneKind, number>> {
  const result = schedule({ tasks: playbookPlanTasks(playbook), calendar: weekdays, projectStart: day0 });
  const days: Partial<Record<PlaybookMilestoneKind, number>> = {};
  playbook.tasks.forEach((task, i) => {
    if (task.milestoneKind) days[task.milestoneKind] = toDayNumber(result.tasks[i]!.finish) - toDayNumber(day0);
  });
  return days;
}

const byName = (name: string): PlaybookDefinition => {
  const found = BUILTIN_PLAYBOOKS.find((p) => p.name === name);
  if (!found) throw new Error(`no built-in playbook ${name}`);
  return found;
};

describe.each(BUILTIN_PLAYBOOKS.map((playbook) => [playbook.name, playbook] as const))('%s', (_name, playbook) => {
  it('validates clean', () => {
    expect(validatePlaybook(playbook)).toEqual([]);
  });

  it('completes onboarding by the day it claims (its target), and not more than a week early, whatever weekday the contract is signed', () => {
    for (let weekday = 0; weekday < 7; weekday++) {
      const complete = milestoneDays(playbook, addCalendarDays(DAY_0, weekday)).onboarding_complete;
      expect(complete, `signed on weekday ${weekday}`).toBeDefined();
      // The target is in calendar days: a weekend on it moves completion to the Monday after at most.
      const target = businessDayOnOrAfter(addCalendarDays(addCalendarDays(DAY_0, weekday), playbook.targetDays), weekdays);
      const latest = toDayNumber(target) - toDayNumber(addCalendarDays(DAY_0, weekday));
      expect(complete!, `signed on weekday ${weekday}`).toBeLessThanOrEqual(latest);
      expect(complete!, `signed on weekday ${weekday}`).toBeGreaterThanOrEqual(playbook.targetDays - 7);
    }
  });

  it('records every lifecycle milestone, in lifecycle order', () => {
    const days = milestoneDays(playbook);
    const order = ['first_engagement', 'go_live', 'first_value', 'value_achieved', 'onboarding_complete'] as const;
    for (const kind of [...order, 'kickoff' as const]) expect(days[kind], kind).toBeDefined();
    const dates = order.map((kind) => days[kind]!);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(days.first_engagement!).toBeLessThanOrEqual(days.kickoff!);
    expect(days.kickoff!).toBeLessThan(days.go_live!);
  });

  it('uses the default stages, and keeps internal work out of the customer portal', () => {
    expect(playbook.stages).toEqual(DEFAULT_STAGES.map((s) => ({ ...s })));
    for (const key of ['sales_handoff', 'customer_research', 'internal_kickoff', 'journey_enrolment']) {
      const task = playbook.tasks.find((t) => t.key === key);
      if (task) expect(task.customerVisible, key).toBe(false);
    }
    expect(playbook.tasks.find((t) => t.key === 'sales_handoff')?.owner).toEqual({ side: 'vendor', role: 'sales' });
  });

  it('has a success plan the customer sees and approves, and work owned by the customer', () => {
    const plan = playbook.tasks.find((t) => t.key === 'mutual_success_plan' || t.key === 'starter_success_plan');
    expect(plan).toMatchObject({ deliverable: true, needsApproval: true, customerVisible: true });
    expect(playbook.tasks.filter((t) => t.owner.side === 'customer').length).toBeGreaterThanOrEqual(4);
    expect(playbook.tasks.filter((t) => t.owner.side === 'customer').every((t) => t.customerVisible)).toBe(true);
  });

  it('says what done means for every task', () => {
    for (const task of playbook.tasks) expect(task.description?.length ?? 0, task.key).toBeGreaterThan(20);
  });
});

describe('the built-in playbooks', () => {
  it('cover every segment, each with the touch model it calls for', () => {
    const touchBySegment = BUILTIN_PLAYBOOKS.map((p) => [p.selection.segments.join(), p.touchModel]);
    expect(new Set(touchBySegment.map((pair) => pair.join(':')))).toEqual(
      new Set(['enterprise:high', 'mid_market:medium', 'smb:digital']),
    );
  });

  it('start enterprise readiness work two weeks before signature, and hand off from sales by day 0', () => {
    const enterprise = byName('Enterprise: high complexity');
    const result = schedule({ tasks: playbookPlanTasks(enterprise), calendar: weekdays, projectStart: DAY_0 });
    const dateOf = (key: string) => result.tasks[enterprise.tasks.findIndex((t) => t.key === key)]!;
    expect(dateOf('readiness_questionnaire').start).toBe('2025-02-17');
    expect(dateOf('sales_handoff').finish <= DAY_0).toBe(true);
  });

  it('give high complexity a security review and train-the-trainer, and more time, than moderate', () => {
    const high = byName('Enterprise: high complexity');
    const moderate = byName('Enterprise: moderate complexity');
    const keys = (p: PlaybookDefinition) => p.tasks.map((t) => t.key);
    expect(keys(high)).toEqual(expect.arrayContaining(['security_review', 'train_the_trainer']));
    expect(keys(moderate)).not.toContain('security_review');
    const days = (p: PlaybookDefinition, key: string) => p.tasks.find((t) => t.key === key)!.durationDays;
    for (const key of ['integration', 'data_migration', 'uat']) expect(days(high, key)).toBeGreaterThan(days(moderate, key));
    expect(milestoneDays(high).go_live!).toBeGreaterThan(milestoneDays(moderate).go_live!);
  });

  it('complete SMB digital onboarding on day 60 for a deal closed on a Friday before a holiday weekend', () => {
    // The seed's story: closed Friday 2027-01-15 in Denver; Martin Luther King Day and Presidents' Day are off.
    const usHolidays: BusinessCalendar = { timeZone: 'America/Denver', workingWeekdays: MONDAY_TO_FRIDAY, holidays: ['2027-01-18', '2027-02-15'] };
    const smb = byName('SMB: digital touch');
    const result = schedule({ tasks: playbookPlanTasks(smb), calendar: usHolidays, projectStart: '2027-01-15' });
    const finish = (key: string) => result.tasks[smb.tasks.findIndex((t) => t.key === key)]!.finish;
    expect(toDayNumber(finish('onboarding_complete')) - toDayNumber('2027-01-15')).toBe(60);
    expect(finish('value_achieved') <= finish('onboarding_complete')).toBe(true);
  });

  it('leave SMB mostly to the customer', () => {
    const smb = byName('SMB: digital touch');
    const work = smb.tasks.filter((t) => t.durationDays > 0);
    const customerOwned = work.filter((t) => t.owner.side === 'customer').map((t) => t.title);
    expect(customerOwned.length * 2).toBeGreaterThan(work.length);
    expect(customerOwned).toEqual(
      expect.arrayContaining(['Complete the setup checklist', 'Invite your team', 'Finish the admin course']),
    );
  });

  it('are not shared by reference between playbooks', () => {
    const [first, second] = BUILTIN_PLAYBOOKS;
    expect(first!.stages).not.toBe(second!.stages);
    const handoff = (p: PlaybookDefinition) => p.tasks.find((t) => t.key === 'sales_handoff')!;
    expect(handoff(first!).checklist).not.toBe(handoff(second!).checklist);
  });
});
