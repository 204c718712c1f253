import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../core/calendar.ts';
import type { ExecutiveSummary } from './success-plans.api.ts';
import { metricData, timelineData } from './summaryCharts.ts';

type Milestone = ExecutiveSummary['timeline']['milestones'][number];
const milestone = (over: Partial<Milestone>): Milestone => ({
  kind: 'go_live',
  label: 'Go-live',
  baseline: null,
  date: null,
  projected: null,
  actual: null,
  reached: false,
  daysLate: 0,
  owedToCustomer: 0,
  owedToVendor: 0,
  dayNumber: null,
  source: 'plan',
  ...over,
});

describe("the executive summary's chart data", () => {
  it('puts each milestone on its row: planned, projected or reached, the slip between them, today inside the span', () => {
    const data = timelineData(
      [
        milestone({ kind: 'first_engagement', label: 'First engagement', baseline: '2026-01-14', date: '2026-01-13', actual: '2026-01-13', projected: '2026-01-13', reached: true, daysLate: -1 }),
        milestone({ baseline: '2026-03-02', date: '2026-03-09', projected: '2026-03-09', daysLate: 5 }),
      ],
      '2026-02-10',
    )!;
    expect(data.rowLabels).toEqual(['First engagement', 'Go-live']);
    expect(data.planned.map((p) => [p.row, p.date])).toEqual([
      [0, '2026-01-14'],
      [1, '2026-03-02'],
    ]);
    expect(data.reached.map((p) => [p.row, p.date])).toEqual([[0, '2026-01-13']]);
    // A reached milestone is not drawn as projected too.
    expect(data.projected.map((p) => [p.row, p.date])).toEqual([[1, '2026-03-09']]);
    expect(data.slips).toEqual([
      { row: 0, from: toDayNumber('2026-01-14'), to: toDayNumber('2026-01-13'), late: false, label: '1 business day early' },
      { row: 1, from: toDayNumber('2026-03-02'), to: toDayNumber('2026-03-09'), late: true, label: '5 business days late' },
    ]);
    expect(data.domain[0]).toBeLessThan(toDayNumber('2026-01-13'));
    expect(data.domain[1]).toBeGreaterThan(toDayNumber('2026-03-09'));
    expect(data.today).toBe(toDayNumber('2026-02-10'));
    for (const tick of data.ticks) expect(tick >= data.domain[0] && tick <= data.domain[1]).toBe(true);
    expect(data.description).toMatch(/Go-live: planned .*, projected .*, 5 business days late\./);
  });

  it('has no timeline before any milestone has a date', () => {
    expect(timelineData([milestone({})], '2026-02-10')).toBeNull();
  });

  it("draws a metric's actuals in date order on round value ticks that take in the baseline and the target", () => {
    const data = metricData(
      {
        name: 'Tickets a week',
        unit: 'tickets',
        direction: 'decrease',
        baseline: '40 tickets',
        target: '20 tickets',
        targetDate: '2026-06-30',
        owner: null,
        latest: { value: '31 tickets', on: '2026-04-01', note: null, recordedBy: 'Olivia' },
        progressPercent: 45,
        status: 'in_progress',
        series: { baseline: 40, target: 20, actuals: [{ value: 38, on: '2026-03-01' }, { value: 31, on: '2026-04-01' }] },
      },
      '2026-04-02',
    );
    expect(data.points.map((p) => p.value)).toEqual([38, 31]);
    expect(data.valueDomain[0]).toBeLessThanOrEqual(20);
    expect(data.valueDomain[1]).toBeGreaterThanOrEqual(40);
    expect(data.valueTicks.every((tick) => Number.isInteger(tick / 5))).toBe(true);
    expect(data.targetDay).toBeLessThanOrEqual(data.domain[1]);
    expect(data.domain[0]).toBeLessThan(toDayNumber('2026-03-01'));
    expect(data.description).toMatch(/^Tickets a week: baseline 40 tickets, target 20 tickets by .*, latest 31 tickets on .* \(2 measurements: 38 on .*, 31 on .*\)\.$/);
  });
});
