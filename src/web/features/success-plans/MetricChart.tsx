import { addCalendarDays, toDayNumber } from '../../../core/calendar.ts';
import { formatMeasure } from '../../../core/success-plans/scorecard.ts';
import { formatDate } from '../../app/format.ts';
import { formatShortDate } from '../projects/dates.ts';
import type { SuccessMetric } from './success-plans.api.ts';

export const CHART = { width: 360, height: 150, left: 44, right: 14, top: 14, bottom: 24 } as const;

/** Where everything of a metric's chart goes: actuals over time against the baseline and target lines, the target date marked. */
export function chartGeometry(metric: Pick<SuccessMetric, 'baseline' | 'target' | 'targetDate' | 'actuals'>, today: string) {
  const dates = metric.actuals.map((actual) => actual.measuredOn);
  const first = [...dates, today].sort()[0]!;
  const start = first < metric.targetDate ? first : addCalendarDays(metric.targetDate, -30);
  const lastActual = dates.length ? [...dates].sort().at(-1)! : start;
  const end = [metric.targetDate, lastActual, today].sort().at(-1)!;
  const values = [metric.baseline, metric.target, ...metric.actuals.map((actual) => actual.value)];
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.12;
  low -= pad;
  high += pad;
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const span = Math.max(toDayNumber(end) - toDayNumber(start), 1);
  const x = (date: string) => CHART.left + ((toDayNumber(date) - toDayNumber(start)) / span) * plotWidth;
  const y = (value: number) => CHART.top + (1 - (value - low) / (high - low)) * plotHeight;
  const points = [...metric.actuals]
    .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.createdAt.localeCompare(b.createdAt))
    .map((actual) => ({ id: actual.id, x: x(actual.measuredOn), y: y(actual.value), actual }));
  return {
    start,
    end,
    baselineY: y(metric.baseline),
    targetY: y(metric.target),
    targetDateX: x(metric.targetDate),
    todayX: x(today),
    points,
    path: points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' '),
  };
}

/** A small line chart, drawn in SVG: readable at a glance, described in words for screen readers. */
export function MetricChart({ metric, today }: { metric: SuccessMetric; today: string }) {
  const g = chartGeometry(metric, today);
  const latest = metric.standing.latest;
  const label =
    `${metric.name}: baseline ${formatMeasure(metric.baseline, metric.unit)}, target ${formatMeasure(metric.target, metric.unit)} by ${formatDate(metric.targetDate)}. ` +
    (latest ? `Latest ${formatMeasure(latest.value, metric.unit)} on ${formatDate(latest.measuredOn)}, ${metric.actuals.length} measurements.` : 'Not measured yet.');
  const right = CHART.width - CHART.right;
  return (
    <svg className="metric-chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={label}>
      <line className="metric-chart-axis" x1={CHART.left} x2={right} y1={CHART.height - CHART.bottom} y2={CHART.height - CHART.bottom} />
      <line className="metric-chart-baseline" x1={CHART.left} x2={right} y1={g.baselineY} y2={g.baselineY} />
      <text className="metric-chart-label" x={CHART.left - 4} y={g.baselineY + 3} textAnchor="end">
        {shortNumber(metric.baseline)}
      </text>
      <line className="metric-chart-target" x1={CHART.left} x2={right} y1={g.targetY} y2={g.targetY} />
      <text className="metric-chart-label metric-chart-label-target" x={CHART.left - 4} y={g.targetY + 3} textAnchor="end">
        {shortNumber(metric.target)}
      </text>
      <line className="metric-chart-target-date" x1={g.targetDateX} x2={g.targetDateX} y1={CHART.top} y2={CHART.height - CHART.bottom} />
      <text className="metric-chart-label" x={Math.min(g.targetDateX, right - 2)} y={CHART.height - 8} textAnchor="end">
        target {formatShortDate(metric.targetDate)}
      </text>
      <text className="metric-chart-label" x={CHART.left} y={CHART.height - 8}>
        {formatShortDate(g.start)}
      </text>
      {g.todayX > CHART.left && g.todayX < right && (
        <line className="metric-chart-today" x1={g.todayX} x2={g.todayX} y1={CHART.top} y2={CHART.height - CHART.bottom} />
      )}
      {g.points.length > 1 && <path className="metric-chart-line" d={g.path} />}
      {g.points.map((point) => (
        <circle key={point.id} className="metric-chart-point" cx={point.x} cy={point.y} r={3.5}>
          <title>
            {formatMeasure(point.actual.value, metric.unit)} on {formatDate(point.actual.measuredOn)} ({point.actual.recordedBy.name})
          </title>
        </circle>
      ))}
    </svg>
  );
}

function shortNumber(value: number): string {
  if (Math.abs(value) >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`;
  if (Math.abs(value) >= 10_000) return `${Math.round(value / 1000)}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
