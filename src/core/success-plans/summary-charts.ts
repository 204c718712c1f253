// What the executive summary's charts show, worked out once for the page (recharts) and the PDF (pdfkit vectors):
// the timeline (each milestone planned, projected or reached, the slip between, today) and each metric's chart
// (baseline → target, actuals over time, the target date, today). Plain data in, plain data out.
import { addCalendarDays, type IsoDate } from '../calendar.ts';
import { dateDomain, dateTicks, niceTicks } from '../charts/scales.ts';
import type { SummaryMilestone, SummaryMetric } from './summary.ts';

export interface TimelineRow {
  kind: SummaryMilestone['kind'];
  label: string;
  /** The baseline: where the plan put it when it was agreed. */
  planned: IsoDate | null;
  /** Where it is projected now, while it is still ahead. */
  projected: IsoDate | null;
  /** When it was reached. */
  actual: IsoDate | null;
  /** From the planned date to the projected or actual one, when they differ: late (after the plan) or early. */
  slip: { from: IsoDate; to: IsoDate; daysLate: number; late: boolean } | null;
}

export interface TimelineChart {
  start: IsoDate;
  end: IsoDate;
  ticks: IsoDate[];
  today: IsoDate;
  rows: TimelineRow[];
}

/** The timeline chart of the summary, or null when no milestone has a date yet. */
export function timelineChart(milestones: readonly SummaryMilestone[], today: IsoDate, maxTicks = 6): TimelineChart | null {
  const rows: TimelineRow[] = milestones.map((milestone) => {
    const projected = milestone.reached ? null : (milestone.projected ?? milestone.date);
    const landing = milestone.actual ?? projected;
    return {
      kind: milestone.kind,
      label: milestone.label,
      planned: milestone.baseline,
      projected,
      actual: milestone.actual,
      slip:
        milestone.baseline && landing && landing !== milestone.baseline
          ? { from: milestone.baseline, to: landing, daysLate: milestone.daysLate, late: landing > milestone.baseline }
          : null,
    };
  });
  const domain = dateDomain([...rows.flatMap((row) => [row.planned, row.projected, row.actual]), today], 7);
  if (!domain || rows.every((row) => !row.planned && !row.projected && !row.actual)) return null;
  return { start: domain[0], end: domain[1], ticks: dateTicks(domain[0], domain[1], maxTicks), today, rows };
}

export interface MetricChart {
  start: IsoDate;
  end: IsoDate;
  dateTicks: IsoDate[];
  valueDomain: [number, number];
  valueTicks: number[];
  baseline: number;
  target: number;
  targetDate: IsoDate;
  today: IsoDate;
  /** Actuals in date order. */
  points: { on: IsoDate; value: number }[];
}

/**
 * One metric's chart: from its first measurement (or 30 days before the target date when there is none) to past the
 * target date or today, whichever is later; the value axis covers the baseline, the target and every actual.
 */
export function metricChart(metric: Pick<SummaryMetric, 'series' | 'targetDate'>, today: IsoDate, maxTicks = 5): MetricChart {
  const { baseline, target, actuals } = metric.series;
  const points = [...actuals].sort((a, b) => a.on.localeCompare(b.on));
  const dates = [...points.map((point) => point.on), metric.targetDate, today];
  if (points.length === 0) dates.push(addCalendarDays(metric.targetDate, -30));
  const [start, end] = dateDomain(dates, 5)!;
  const values = [baseline, target, ...points.map((point) => point.value)];
  const { domain, ticks } = niceTicks(Math.min(...values), Math.max(...values), 4);
  return { start, end, dateTicks: dateTicks(start, end, maxTicks), valueDomain: domain, valueTicks: ticks, baseline, target, targetDate: metric.targetDate, today, points };
}
