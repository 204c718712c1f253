// Durations with projects still open: the Kaplan–Meier estimator.
//
// A project that has not reached its milestone yet is not dropped (that would leave only the fast ones and make
// the median look better than it is) nor counted as done today (that would make it look worse): it says "at least
// N days so far" — a censored observation. Kaplan–Meier keeps it in the at-risk set up to N days and no further.
// S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ / nᵢ): dᵢ projects reached it on day tᵢ, nᵢ were still waiting then
// (a project censored on the same day as an event counts as waiting on that day, the usual convention).
// The p-th percentile is the first event time at which S(t) ≤ 1 − p. When the curve never falls that low (too
// many projects still open), the percentile is not known yet: null, with the longest wait seen as "at least".

export interface Observation {
  /** Days from day 0 to the milestone (event) or to today / the close (censored). */
  days: number;
  /** true: the milestone was reached after `days`; false: still waiting after `days` (censored). */
  event: boolean;
}

export interface SurvivalStep {
  days: number;
  /** The share of projects still waiting after this day. */
  survival: number;
  atRisk: number;
  events: number;
}

/** The Kaplan–Meier curve: one step per day on which at least one project reached the milestone. */
export function kaplanMeier(observations: readonly Observation[]): SurvivalStep[] {
  const sorted = observations.filter((o) => Number.isFinite(o.days)).sort((a, b) => a.days - b.days);
  const steps: SurvivalStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  for (let i = 0; i < sorted.length; ) {
    const day = sorted[i]!.days;
    let events = 0;
    let leaving = 0;
    for (; i < sorted.length && sorted[i]!.days === day; i++) {
      leaving++;
      if (sorted[i]!.event) events++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      steps.push({ days: day, survival, atRisk, events });
    }
    atRisk -= leaving;
  }
  return steps;
}

export interface KmPercentile {
  /** Days, or null when too many projects are still open to know it. */
  days: number | null;
  /** When unknown: every project waited at least this long (the longest observation), else null. */
  atLeast: number | null;
}

/** The p-th percentile (0 < p < 1) of the time to the milestone, open projects counted as censored. */
export function kmPercentile(observations: readonly Observation[], p: number): KmPercentile {
  return kmPercentiles(observations, [p])[0]!;
}

/** Several percentiles off one Kaplan–Meier curve (the curve is the costly part: a sort of every observation). */
export function kmPercentiles(observations: readonly Observation[], ps: readonly number[]): KmPercentile[] {
  const curve = kaplanMeier(observations);
  let longest: number | null | undefined;
  return ps.map((p) => {
    // A tolerance so that 1 − 6/12 = 0.5 counts as reaching the median despite floating point.
    const step = curve.find((s) => s.survival <= 1 - p + 1e-9);
    if (step) return { days: step.days, atLeast: null };
    longest ??= observations.reduce<number | null>((max, o) => (max === null || o.days > max ? o.days : max), null);
    return { days: null, atLeast: longest };
  });
}

/**
 * Linear interpolation between closest ranks, as PostgreSQL's percentile_cont does: the figure over finished
 * projects only. Null for an empty list.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export interface Bucket {
  /** Inclusive lower bound in days. */
  from: number;
  /** Exclusive upper bound in days; null for the last, open-ended bucket. */
  to: number | null;
  done: number;
  open: number;
}

/** Bucket edges for a histogram of durations: weeks up to 8 weeks, then months up to a year, then the rest. */
export const BUCKET_EDGES = [0, 7, 14, 21, 28, 42, 56, 90, 120, 180, 270, 365] as const;

/** The distribution: finished projects by their duration, open ones by how long they have waited so far. */
export function histogram(observations: readonly Observation[], edges: readonly number[] = BUCKET_EDGES): Bucket[] {
  const buckets: Bucket[] = edges.map((from, i) => ({ from, to: edges[i + 1] ?? null, done: 0, open: 0 }));
  for (const o of observations) {
    const bucket = buckets.findLast((b) => o.days >= b.from) ?? buckets[0]!;
    if (o.event) bucket.done++;
    else bucket.open++;
  }
  return buckets;
}
