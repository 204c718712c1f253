// The executive summary's charts as recharts draws them: dates become day numbers on a numeric axis, milestones
// become rows, and each chart gets the words a screen reader says in its place. The geometry (span, ticks) comes
// from core, the same as the PDF's.
import { fromDayNumber, toDayNumber } from '../../../core/calendar.ts';
import { valueTickLabel } from '../../../core/charts/scales.ts';
import { metricChart, timelineChart, type TimelineRow } from '../../../core/success-plans/summary-charts.ts';
import { formatDate, formatShortDate } from '../../app/format.ts';
import type { ExecutiveSummary } from './success-plans.api.ts';

type Milestone = ExecutiveSummary['timeline']['milestones'][number];
type Metric = ExecutiveSummary['outcomes'][number]['metrics'][number];

export interface TimelinePoint {
  /** The row (0 = first milestone, drawn at the top). */
  row: number;
  day: number;
  date: string;
  label: string;
  kind: 'planned' | 'projected' | 'reached';
}

export interface TimelineData {
  domain: [number, number];
  ticks: number[];
  today: number;
  rowLabels: string[];
  planned: TimelinePoint[];
  projected: TimelinePoint[];
  reached: TimelinePoint[];
  slips: { row: number; from: number; to: number; late: boolean; label: string }[];
  description: string;
}

/** The timeline as recharts series, or null when no milestone has a date yet. */
export function timelineData(milestones: Milestone[], today: string): TimelineData | null {
  const chart = timelineChart(milestones, today);
  if (!chart) return null;
  const rows = chart.rows;
  const points = (kind: TimelinePoint['kind'], pick: (row: TimelineRow) => string | null) =>
    rows.flatMap((row, i) => {
      const date = pick(row);
      return date ? [{ row: i, day: toDayNumber(date), date, label: row.label, kind }] : [];
    });
  return {
    domain: [toDayNumber(chart.start), toDayNumber(chart.end)],
    ticks: chart.ticks.map(toDayNumber),
    today: toDayNumber(today),
    rowLabels: chart.rows.map((row) => row.label),
    planned: points('planned', (row) => row.planned),
    projected: points('projected', (row) => row.projected),
    reached: points('reached', (row) => row.actual),
    slips: chart.rows.flatMap((row, i) =>
      row.slip
        ? [{ row: i, from: toDayNumber(row.slip.from), to: toDayNumber(row.slip.to), late: row.slip.late, label: slipWords(row.slip.daysLate) }]
        : [],
    ),
    description: `Timeline, today ${formatDate(today)}. ` + milestones.map(milestoneWords).join(' '),
  };
}

function slipWords(daysLate: number) {
  if (daysLate > 0) return `${daysLate} business day${daysLate === 1 ? '' : 's'} late`;
  if (daysLate < 0) return `${-daysLate} business day${daysLate === -1 ? '' : 's'} early`;
  return 'on plan';
}

function milestoneWords(m: Milestone): string {
  const planned = m.baseline ? `planned ${formatDate(m.baseline)}` : 'not in the plan';
  const landing = m.actual ? `reached ${formatDate(m.actual)}` : m.projected ? `projected ${formatDate(m.projected)}` : 'no date yet';
  return `${m.label}: ${planned}, ${landing}, ${slipWords(m.daysLate)}.`;
}

export interface MetricData {
  domain: [number, number];
  ticks: number[];
  valueDomain: [number, number];
  valueTicks: number[];
  baseline: number;
  target: number;
  targetDay: number;
  today: number;
  points: { day: number; date: string; value: number }[];
  description: string;
}

/** One metric's chart as recharts series: actuals over time between the baseline and target lines. */
export function metricData(metric: Metric, today: string): MetricData {
  const chart = metricChart(metric, today);
  const latest = metric.latest ? `latest ${metric.latest.value} on ${formatDate(metric.latest.on)}` : 'not measured yet';
  return {
    domain: [toDayNumber(chart.start), toDayNumber(chart.end)],
    ticks: chart.dateTicks.map(toDayNumber),
    valueDomain: chart.valueDomain,
    valueTicks: chart.valueTicks,
    baseline: chart.baseline,
    target: chart.target,
    targetDay: toDayNumber(chart.targetDate),
    today: toDayNumber(today),
    points: chart.points.map((point) => ({ day: toDayNumber(point.on), date: point.on, value: point.value })),
    description:
      `${metric.name}: baseline ${metric.baseline}, target ${metric.target} by ${formatDate(metric.targetDate)}, ${latest}` +
      (chart.points.length > 1 ? ` (${chart.points.length} measurements: ${chart.points.map((p) => `${valueTickLabel(p.value)} on ${formatShortDate(p.on)}`).join(', ')}).` : '.'),
  };
}

/** A day number on an axis as the reader's short date. */
export const dayLabel = (day: number) => formatShortDate(fromDayNumber(day));
