import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { median, ONBOARDING_FACTS, onboardingStateOf, type OnboardingFact } from './state.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

describe('onboarding state', () => {
  it('goes new → onboarding → onboarded, and measures the days from joining', () => {
    const joined = { kind: 'joined' as const, at: NOW - 20 * DAY };
    expect(onboardingStateOf([joined], NOW).state).toBe('new');
    expect(onboardingStateOf([joined, { kind: 'journey_started', at: NOW - 20 * DAY }], NOW).state).toBe('onboarding');
    const done = onboardingStateOf([joined, { kind: 'journey_started', at: NOW - 20 * DAY }, { kind: 'path_completed', at: NOW - 8 * DAY }], NOW);
    expect(done).toMatchObject({ state: 'onboarded', daysToOnboarded: 12 });
  });

  it('lapses when nothing happens for the lapse period, or when the user left; a return keeps what they did', () => {
    const joined = { kind: 'joined' as const, at: NOW - 60 * DAY };
    expect(onboardingStateOf([joined, { kind: 'journey_started', at: NOW - 59 * DAY }], NOW, 30).state).toBe('lapsed');
    expect(onboardingStateOf([joined, { kind: 'path_completed', at: NOW - 40 * DAY }, { kind: 'left', at: NOW - DAY }], NOW).state).toBe('lapsed');
    const back = onboardingStateOf([joined, { kind: 'path_completed', at: NOW - 40 * DAY }, { kind: 'left', at: NOW - 9 * DAY }, { kind: 'joined', at: NOW - DAY }], NOW);
    expect(back).toMatchObject({ state: 'onboarded', daysToOnboarded: 20 });
  });

  it('is a function of the facts, whatever order they were recorded in', () => {
    const fact = fc.record({ kind: fc.constantFrom(...ONBOARDING_FACTS), at: fc.integer({ min: NOW - 90 * DAY, max: NOW }) });
    fc.assert(
      fc.property(
        fc.array(fact, { maxLength: 12 }).chain((facts) => fc.tuple(fc.constant(facts), fc.shuffledSubarray(facts, { minLength: facts.length }))),
        fc.integer({ min: 1, max: 60 }),
        ([facts, shuffled]: [OnboardingFact[], OnboardingFact[]], lapse) => {
        expect(onboardingStateOf(shuffled, NOW, lapse)).toEqual(onboardingStateOf(facts, NOW, lapse));
        expect(onboardingStateOf([...facts].reverse(), NOW, lapse)).toEqual(onboardingStateOf(facts, NOW, lapse));
        },
      ),
    );
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});
