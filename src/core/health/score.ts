// An account's health, scored by the workspace's own model. The rule: each measure turns its fact into 0–100
// (100 at or beyond the green threshold, 0 at or beyond the red one, straight between); a weighted model adds the
// measures' scores in proportion to their weights (normalised over the measures counted), a worst-of model takes
// the lowest. A measure with no fact follows its own rule: ignored (the others re-weighted), counted as red (0) or
// as neutral (50). The score is a pure function of the facts and the model: the order facts arrived in, the order
// measures are listed in and the scale of the weights change nothing.

export const HEALTH_MEASURES = [
  'onboarding_on_time',
  'vendor_slip',
  'csat',
  'outcomes_verified',
  'trained_users',
  'champion_present',
  'portal_engagement',
  'usage',
] as const;
export type HealthMeasureKey = (typeof HEALTH_MEASURES)[number];

/** The usage figures (POST /accounts/:id/usage metrics) the measure "usage" reads: active of licensed users. */
export const USAGE_METRICS = { active: 'active_users', licensed: 'licensed_users' } as const;

export const MISSING_RULES = ['ignore', 'red', 'neutral'] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

export const HEALTH_MODEL_KINDS = ['weighted', 'worst_of'] as const;
export type HealthModelKind = (typeof HEALTH_MODEL_KINDS)[number];

export type HealthBand = 'green' | 'amber' | 'red';

interface MeasureInfo {
  label: string;
  /** What the fact is, in the unit the thresholds use. */
  unit: string;
  /** Whether a higher fact is healthier. */
  higherIsBetter: boolean;
  explain: string;
}

export const MEASURE_INFO: Record<HealthMeasureKey, MeasureInfo> = {
  onboarding_on_time: {
    label: 'Onboarding on time',
    unit: 'days late',
    higherIsBetter: false,
    explain: 'Days the latest projected go-live of the account’s open or finished projects lies beyond its baseline.',
  },
  vendor_slip: {
    label: 'Slip owed to us',
    unit: 'business days',
    higherIsBetter: false,
    explain: 'The most business days any milestone is late because of a vendor task.',
  },
  csat: { label: 'CSAT', unit: 'of 5', higherIsBetter: true, explain: 'Average milestone rating given by the customer’s contacts (1–5).' },
  outcomes_verified: {
    label: 'Outcomes verified',
    unit: '%',
    higherIsBetter: true,
    explain: 'Share of the success plans’ outcomes the customer has confirmed.',
  },
  trained_users: { label: 'Trained users', unit: '%', higherIsBetter: true, explain: 'Share of current contacts who completed a course.' },
  champion_present: {
    label: 'Champion present',
    unit: 'yes = 1',
    higherIsBetter: true,
    explain: 'Whether a current contact holds the champion role.',
  },
  portal_engagement: {
    label: 'Portal engagement',
    unit: 'days since a visit',
    higherIsBetter: false,
    explain: 'Days since any of the account’s contacts last opened the portal.',
  },
  usage: {
    label: 'Product usage',
    unit: '% of seats active',
    higherIsBetter: true,
    explain: 'The latest usage figures posted through the API (POST /accounts/:id/usage, metrics active_users and licensed_users): active of licensed users.',
  },
};

export interface HealthMeasure {
  key: HealthMeasureKey;
  weight: number;
  /** The fact at which the measure is fully healthy (100). */
  green: number;
  /** The fact at which it counts as nothing (0). */
  red: number;
  missing: MissingRule;
}

export interface HealthModel {
  kind: HealthModelKind;
  measures: HealthMeasure[];
}

export type HealthFacts = Partial<Record<HealthMeasureKey, number | null>>;

export interface Contribution {
  key: HealthMeasureKey;
  fact: number | null;
  /** 0–100; null when the fact is missing and the measure is ignored. */
  score: number | null;
  /** The share of the total this measure had (0–1, weights normalised over the measures counted). */
  weight: number;
  /** Points it adds to the score (weighted), or, for worst-of, the score when it is the worst and 0 otherwise. */
  points: number;
  band: HealthBand | null;
  /** How a missing fact was counted, when it was missing. */
  missingAs: MissingRule | null;
}

export interface HealthScore {
  /** 0–100, rounded; null when no measure had a fact and every missing one is ignored. */
  score: number | null;
  band: HealthBand | null;
  contributions: Contribution[];
}

export const bandOf = (score: number): HealthBand => (score >= 70 ? 'green' : score >= 40 ? 'amber' : 'red');

/** 0–100 for one fact: 100 at or beyond green, 0 at or beyond red, straight between. */
export function measureScore(measure: Pick<HealthMeasure, 'green' | 'red'>, fact: number): number {
  const { green, red } = measure;
  if (green === red) return fact === green ? 100 : 0; // the contract refuses this model; kept total anyway
  const t = (fact - red) / (green - red);
  return Math.max(0, Math.min(1, t)) * 100;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreHealth(model: HealthModel, facts: HealthFacts): HealthScore {
  // Sorted by key so that neither the model's order nor the facts' order can change a sum's rounding.
  const measures = [...model.measures].sort((a, b) => a.key.localeCompare(b.key));
  const counted = measures.map((m) => {
    const raw = facts[m.key];
    const fact = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
    if (fact !== null) return { m, fact, score: measureScore(m, fact), missingAs: null };
    if (m.missing === 'ignore') return { m, fact, score: null, missingAs: m.missing };
    return { m, fact, score: m.missing === 'red' ? 0 : 50, missingAs: m.missing };
  });
  const scored = counted.filter((c) => c.score !== null && c.m.weight > 0);
  const totalWeight = scored.reduce((sum, c) => sum + c.m.weight, 0);
  let score: number | null = null;
  let worstKey: HealthMeasureKey | null = null;
  if (scored.length > 0 && totalWeight > 0) {
    if (model.kind === 'weighted') {
      score = scored.reduce((sum, c) => sum + (c.score! * c.m.weight) / totalWeight, 0);
    } else {
      const worst = scored.reduce((lo, c) => (c.score! < lo.score! ? c : lo));
      score = worst.score!;
      worstKey = worst.m.key;
    }
  }
  const rounded = score === null ? null : Math.round(score);
  return {
    score: rounded,
    band: rounded === null ? null : bandOf(rounded),
    contributions: counted.map((c) => {
      const share = c.score !== null && c.m.weight > 0 && totalWeight > 0 ? c.m.weight / totalWeight : 0;
      const points = c.score === null ? 0 : model.kind === 'weighted' ? (c.score * share) : c.m.key === worstKey ? c.score : 0;
      return {
        key: c.m.key,
        fact: c.fact,
        score: c.score === null ? null : round1(c.score),
        weight: Math.round(share * 1000) / 1000,
        points: round1(points),
        band: c.score === null ? null : bandOf(c.score),
        missingAs: c.missingAs,
      };
    }),
  };
}

/** The model a workspace starts with: weighted, every measure, a missing fact neither helps nor hurts. */
export const DEFAULT_HEALTH_MODEL: HealthModel = {
  kind: 'weighted',
  measures: [
    { key: 'onboarding_on_time', weight: 20, green: 0, red: 20, missing: 'ignore' },
    { key: 'vendor_slip', weight: 10, green: 0, red: 10, missing: 'ignore' },
    { key: 'csat', weight: 15, green: 4.5, red: 3, missing: 'ignore' },
    { key: 'outcomes_verified', weight: 15, green: 80, red: 0, missing: 'ignore' },
    { key: 'trained_users', weight: 10, green: 60, red: 0, missing: 'ignore' },
    { key: 'champion_present', weight: 15, green: 1, red: 0, missing: 'red' },
    { key: 'portal_engagement', weight: 5, green: 14, red: 60, missing: 'ignore' },
    { key: 'usage', weight: 10, green: 70, red: 20, missing: 'neutral' },
  ],
};
