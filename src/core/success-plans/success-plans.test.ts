import { describe, expect, it } from 'vitest';
import { MONDAY_TO_FRIDAY } from '../calendar.ts';
import { formatMeasure, metricStanding, targetProblem, valueProven } from './scorecard.ts';
import { executiveSummary, type SummaryInput } from './summary.ts';

const onboardingTime = { direction: 'decrease' as const, baseline: 20, target: 5, targetDate: '2026-06-30' };

describe('the outcome scorecard', () => {
  it('refuses a target that does not move the way the metric should', () => {
    expect(targetProblem({ direction: 'increase', baseline: 10, target: 10 })).toMatch(/above the baseline/);
    expect(targetProblem({ direction: 'decrease', baseline: 10, target: 12 })).toMatch(/below the baseline/);
    expect(targetProblem({ direction: 'decrease', baseline: 10, target: 4 })).toBeNull();
  });

  it('reads the latest actual against baseline and target, in the direction that counts', () => {
    const actuals = [
      { value: 14, measuredOn: '2026-04-01' },
      { value: 11, measuredOn: '2026-05-01' },
    ];
    expect(metricStanding(onboardingTime, actuals, '2026-05-02')).toEqual({
      latest: { value: 11, measuredOn: '2026-05-01' },
      progressPercent: 60,
      status: 'in_progress',
    });
    expect(metricStanding(onboardingTime, [...actuals, { value: 5, measuredOn: '2026-06-01' }], '2026-06-02').status).toBe('met');
    expect(metricStanding(onboardingTime, actuals, '2026-07-01').status).toBe('missed');
    expect(metricStanding(onboardingTime, [], '2026-05-02')).toEqual({ latest: null, progressPercent: null, status: 'no_data' });
  });

  it('proves first value with one verified outcome, and value only when every outcome is verified', () => {
    expect(valueProven([{ verified: false, metricCount: 1 }])).toMatchObject({ firstValue: false, valueAchieved: false });
    expect(valueProven([{ verified: true, metricCount: 1 }, { verified: false, metricCount: 0 }])).toMatchObject({
      firstValue: true,
      valueAchieved: false,
    });
    expect(valueProven([{ verified: true, metricCount: 2 }, { verified: true, metricCount: 0 }])).toMatchObject({ valueAchieved: true });
    // Nothing measurable: confirming a statement alone is not "all success metrics verified".
    expect(valueProven([{ verified: true, metricCount: 0 }])).toMatchObject({ firstValue: true, valueAchieved: false });
    expect(valueProven([])).toMatchObject({ firstValue: false, valueAchieved: false });
  });

  it('writes measures as people read them', () => {
    expect(formatMeasure(42, '%')).toBe('42%');
    expect(formatMeasure(1200, 'tickets')).toBe('1,200 tickets');
    expect(formatMeasure(3.456, 'hours')).toBe('3.46 hours');
  });
});

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    today: '2026-05-04',
    calendar: { timeZone: 'UTC', workingWeekdays: [...MONDAY_TO_FRIDAY], holidays: [] },
    project: { name: 'Acme onboarding', accountName: 'Acme', day0: '2026-03-02', status: 'active', onboardingManagerName: 'Olivia', playbookName: 'Mid-market' },
    milestones: [
      { taskId: 'gl', kind: 'go_live', baseline: '2026-04-01', projected: '2026-04-08', actual: '2026-04-08' },
      { taskId: 'fv', kind: 'first_value', baseline: '2026-05-01', projected: '2026-05-06', actual: null },
    ],
    delays: [
      { milestoneTaskId: 'gl', side: 'customer', days: 3 },
      { milestoneTaskId: 'gl', side: 'vendor', days: 2 },
      { milestoneTaskId: 'fv', side: 'customer', days: 3 },
    ],
    plan: { goals: ['Faster onboarding'], executiveSponsor: { name: 'Grace', title: 'COO' }, communicationCadence: [], firstValueOn: null, valueAchievedOn: null },
    outcomes: [
      {
        statement: 'New hires productive in a week',
        verificationRequestedAt: null,
        verification: null,
        metrics: [{ ...onboardingTime, name: 'Days to productivity', unit: 'days', ownerName: 'Grace', actuals: [{ value: 11, measuredOn: '2026-05-01', note: null, recordedByName: 'Olivia' }] }],
      },
    ],
    customerTasks: [
      { status: 'done', baselineFinish: '2026-03-10', actualFinish: '2026-03-10' },
      { status: 'done', baselineFinish: '2026-03-10', actualFinish: '2026-03-13' },
      { status: 'not_started', baselineFinish: '2026-04-30', actualFinish: null },
    ],
    contacts: { current: 4, engagedNames: ['Grace'] },
    ...overrides,
  };
}

describe('the executive summary', () => {
  it('sets each milestone against its baseline, with the days late and who they were owed to', () => {
    const summary = executiveSummary(input());
    expect(summary.timeline.milestones.map((m) => [m.kind, m.date, m.reached, m.daysLate, m.owedToCustomer, m.owedToVendor])).toEqual([
      ['go_live', '2026-04-08', true, 5, 3, 2],
      ['first_value', '2026-05-06', false, 3, 3, 0],
    ]);
    expect(summary.timeline).toMatchObject({ owedToCustomer: 3, owedToVendor: 2 });
    expect(summary.headline).toBe('No outcome confirmed yet (1 outcome in the success plan). Live since Apr 8, 2026, 5 business days after the plan.');
    expect(summary.executiveSponsor).toBe('Grace, COO');
  });

  it('shows the date value was proven even when the playbook has no such milestone', () => {
    const summary = executiveSummary(input({ milestones: [], plan: { ...input().plan, firstValueOn: '2026-05-01' } }));
    expect(summary.timeline.milestones).toEqual([expect.objectContaining({ kind: 'first_value', date: '2026-05-01', reached: true, source: 'success_plan' })]);
  });

  it('gives each metric its latest actual against target, and counts adoption honestly', () => {
    const summary = executiveSummary(input());
    expect(summary.outcomes[0]!.metrics[0]).toMatchObject({
      baseline: '20 days',
      target: '5 days',
      latest: { value: '11 days', on: '2026-05-01' },
      progressPercent: 60,
      status: 'in_progress',
    });
    expect(summary.adoption).toMatchObject({ customerTasksDone: 2, onTime: 1, late: 1, overdueOpen: 1, contactsEngaged: 1, contactsCurrent: 4 });
    expect(summary.adoption.explanation).toMatch(/Product usage is not measured/);
  });
});
