// A user's onboarding state in an existing account (issue 16): new → onboarding → onboarded → lapsed, from the
// facts recorded about them. A pure function of the set of facts: the order they were recorded in never matters.

export const ONBOARDING_STATES = ['new', 'onboarding', 'onboarded', 'lapsed'] as const;
export type OnboardingState = (typeof ONBOARDING_STATES)[number];

export const ONBOARDING_FACTS = ['joined', 'left', 'journey_started', 'path_completed', 'journey_done', 'activity'] as const;
export type OnboardingFactKind = (typeof ONBOARDING_FACTS)[number];

export interface OnboardingFact {
  kind: OnboardingFactKind;
  at: number;
}

/** Days without any activity after which a user who is not onboarded yet has lapsed. */
export const LAPSE_AFTER_DAYS = 30;

export interface OnboardingStanding {
  state: OnboardingState;
  joinedAt: number | null;
  onboardedAt: number | null;
  /** Whole days from joining to onboarded (0 when onboarded before the join was recorded). */
  daysToOnboarded: number | null;
  lastActivityAt: number | null;
}

const DAY_MS = 86_400_000;
const minOf = (values: number[]) => (values.length === 0 ? null : Math.min(...values));
const maxOf = (values: number[]) => (values.length === 0 ? null : Math.max(...values));

/**
 * - lapsed: the last membership fact is a leave (a leave and a join at the same instant: the leave), or the user
 *   is not onboarded and nothing happened for `lapseAfterDays`;
 * - onboarded: their role's path was completed or their journey ran to its end (kept when they leave and come back);
 * - onboarding: a journey started;
 * - new: joined, nothing started yet.
 */
export function onboardingStateOf(facts: readonly OnboardingFact[], now: number, lapseAfterDays = LAPSE_AFTER_DAYS): OnboardingStanding {
  const at = (...kinds: OnboardingFactKind[]) => facts.filter((fact) => kinds.includes(fact.kind)).map((fact) => fact.at);
  const joinedAt = minOf(at('joined'));
  const lastJoin = maxOf(at('joined'));
  const lastLeave = maxOf(at('left'));
  const onboardedAt = minOf(at('path_completed', 'journey_done'));
  const lastActivityAt = maxOf(at('joined', 'journey_started', 'path_completed', 'journey_done', 'activity'));
  const daysToOnboarded = onboardedAt === null || joinedAt === null ? null : Math.max(0, Math.floor((onboardedAt - joinedAt) / DAY_MS));
  const standing = { joinedAt, onboardedAt, daysToOnboarded, lastActivityAt };
  if (lastLeave !== null && (lastJoin === null || lastLeave >= lastJoin)) return { state: 'lapsed', ...standing };
  if (onboardedAt !== null) return { state: 'onboarded', ...standing };
  if (lastActivityAt !== null && now - lastActivityAt > lapseAfterDays * DAY_MS) return { state: 'lapsed', ...standing };
  return { state: at('journey_started').length > 0 ? 'onboarding' : 'new', ...standing };
}

/** The median of some figures (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
