// The outcome scorecard (shared/DOMAIN.md): success metrics measured over time against baseline and target,
// and when the success plan proves value. Plain functions over plain data.
import type { IsoDate } from '../calendar.ts';

/** How often the people of the success plan's communication cadence meet. */
export const CADENCE_FREQUENCIES = ['weekly', 'every_two_weeks', 'monthly', 'quarterly', 'at_milestones'] as const;
export type CadenceFrequency = (typeof CADENCE_FREQUENCIES)[number];
export const CADENCE_FREQUENCY_LABELS: Record<CadenceFrequency, string> = {
  weekly: 'Weekly',
  every_two_weeks: 'Every two weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  at_milestones: 'At each milestone',
};

export const METRIC_DIRECTIONS = ['increase', 'decrease'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export interface MetricTargets {
  direction: MetricDirection;
  baseline: number;
  target: number;
}

export interface Actual {
  value: number;
  measuredOn: IsoDate;
}

/** met: the latest actual reaches the target; missed: the target date passed without it; no_data: nothing measured yet. */
export type MetricStatus = 'met' | 'in_progress' | 'missed' | 'no_data';
export const METRIC_STATUS_LABELS: Record<MetricStatus, string> = {
  met: 'Target met',
  in_progress: 'In progress',
  missed: 'Target date passed',
  no_data: 'Not measured yet',
};

export interface MetricStanding {
  latest: Actual | null;
  /** How far from baseline to target the latest actual is, in percent (0 at baseline, 100 at target); null without data. */
  progressPercent: number | null;
  status: MetricStatus;
}

/** Why these targets cannot be a success metric, or null: a target must move the way the metric should. */
export function targetProblem({ direction, baseline, target }: MetricTargets): string | null {
  if (direction === 'increase' && !(target > baseline)) return 'must be above the baseline for a metric that should increase';
  if (direction === 'decrease' && !(target < baseline)) return 'must be below the baseline for a metric that should decrease';
  return null;
}

export const reachesTarget = (metric: MetricTargets, value: number): boolean =>
  metric.direction === 'increase' ? value >= metric.target : value <= metric.target;

/** The latest actual: the most recent measurement date; of two on one day, the one given last. */
export function latestActual<A extends Actual>(actuals: readonly A[]): A | null {
  let latest: A | null = null;
  for (const actual of actuals) if (!latest || actual.measuredOn >= latest.measuredOn) latest = actual;
  return latest;
}

export function metricStanding(metric: MetricTargets & { targetDate: IsoDate }, actuals: readonly Actual[], today: IsoDate): MetricStanding {
  const latest = latestActual(actuals);
  if (!latest) return { latest: null, progressPercent: null, status: today > metric.targetDate ? 'missed' : 'no_data' };
  const span = metric.target - metric.baseline;
  const progressPercent = span === 0 ? 100 : Math.round(((latest.value - metric.baseline) / span) * 100);
  const met = reachesTarget(metric, latest.value);
  return { latest, progressPercent, status: met ? 'met' : today > metric.targetDate ? 'missed' : 'in_progress' };
}

/**
 * When the success plan proves value. Verification belongs to the outcome (the customer confirms a business
 * result, with its metrics as evidence), and a metric is verified when its outcome is. So:
 * - first value: at least one outcome is verified;
 * - value achieved ("all success metrics verified"): the plan has at least one metric and every outcome is
 *   verified — an outcome the customer asked for counts even without a metric, so it cannot be left behind.
 */
export function valueProven(outcomes: readonly { verified: boolean; metricCount: number }[]) {
  const verified = outcomes.filter((outcome) => outcome.verified).length;
  const metrics = outcomes.reduce((sum, outcome) => sum + outcome.metricCount, 0);
  return {
    verifiedOutcomes: verified,
    totalOutcomes: outcomes.length,
    firstValue: verified > 0,
    valueAchieved: metrics > 0 && verified === outcomes.length,
  };
}

/** "42 %", "3.5 hours", "1,200 tickets": a measured value as people read it. */
export function formatMeasure(value: number, unit: string): string {
  const number = Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
