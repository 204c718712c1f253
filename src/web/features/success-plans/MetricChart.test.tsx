// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CHART, chartGeometry, MetricChart } from './MetricChart.tsx';
import type { SuccessMetric } from './success-plans.api.ts';

afterEach(cleanup);

const actual = (id: string, value: number, measuredOn: string) => ({
  id,
  value,
  measuredOn,
  note: null,
  recordedBy: { side: 'vendor' as const, name: 'Olivia' },
  createdAt: `${measuredOn}T10:00:00Z`,
});

const metric: SuccessMetric = {
  id: 'm',
  outcomeId: 'o',
  name: 'Tickets a week',
  unit: 'tickets',
  direction: 'decrease',
  baseline: 40,
  target: 20,
  targetDate: '2026-06-30',
  owner: null,
  actuals: [actual('b', 31, '2026-04-01'), actual('a', 38, '2026-03-01')],
  standing: { latest: { value: 31, measuredOn: '2026-04-01' }, progressPercent: 45, status: 'in_progress' },
};

describe('the metric chart', () => {
  it('plots actuals in date order between the baseline and the target, with the target date at the right', () => {
    const g = chartGeometry(metric, '2026-04-02');
    expect(g.points.map((point) => point.actual.value)).toEqual([38, 31]);
    expect(g.points[0]!.x).toBe(CHART.left);
    expect(g.targetDateX).toBe(CHART.width - CHART.right);
    // Lower is better here: the target line sits below the baseline line, and the actuals between them.
    expect(g.targetY).toBeGreaterThan(g.baselineY);
    for (const point of g.points) expect(point.y > g.baselineY && point.y < g.targetY).toBe(true);
  });

  it('says what it shows in words, for screen readers', () => {
    const { container } = render(<MetricChart metric={metric} today="2026-04-02" />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/Tickets a week: baseline 40 tickets, target 20 tickets by .*Latest 31 tickets on .*2 measurements/);
    expect(container.querySelectorAll('.metric-chart-point')).toHaveLength(2);
  });

  it('draws the baseline and target alone before anything is measured', () => {
    const g = chartGeometry({ ...metric, actuals: [] }, '2026-04-02');
    expect(g.points).toEqual([]);
    expect(g.start).toBe('2026-04-02');
  });
});
