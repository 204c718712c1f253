import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laerStageOf } from './laer.ts';
import { renewalRisk } from './renewal-risk.ts';
import { DEFAULT_HEALTH_MODEL, HEALTH_MEASURES, MISSING_RULES, scoreHealth, type HealthModel } from './score.ts';

const model = (kind: HealthModel['kind'], measures: HealthModel['measures']): HealthModel => ({ kind, measures });

describe('health score', () => {
  it('adds each measure in proportion to its weight, re-weighting over the measures that have a fact', () => {
    // csat 4 of (red 3, green 5) → 50; champion present → 100; usage missing and ignored → weights 1:3 → 87.5 → 88
    const m = model('weighted', [
      { key: 'csat', weight: 10, green: 5, red: 3, missing: 'ignore' },
      { key: 'champion_present', weight: 30, green: 1, red: 0, missing: 'red' },
      { key: 'usage', weight: 60, green: 80, red: 20, missing: 'ignore' },
    ]);
    const result = scoreHealth(m, { csat: 4, champion_present: 1 });
    expect(result.score).toBe(88);
    expect(result.band).toBe('green');
    const byKey = Object.fromEntries(result.contributions.map((c) => [c.key, c]));
    expect(byKey.csat).toMatchObject({ score: 50, weight: 0.25, points: 12.5 });
    expect(byKey.champion_present).toMatchObject({ score: 100, weight: 0.75, points: 75 });
    expect(byKey.usage).toMatchObject({ score: null, weight: 0, points: 0, missingAs: 'ignore' });
  });

  it('counts a missing fact as red or neutral when its measure says so', () => {
    const measures = (missing: 'red' | 'neutral') =>
      [
        { key: 'csat', weight: 1, green: 5, red: 3, missing: 'ignore' },
        { key: 'usage', weight: 1, green: 80, red: 20, missing },
      ] as HealthModel['measures'];
    expect(scoreHealth(model('weighted', measures('red')), { csat: 5 }).score).toBe(50);
    expect(scoreHealth(model('weighted', measures('neutral')), { csat: 5 }).score).toBe(75);
  });

  it('takes the worst measure in a worst-of model and says which one it was', () => {
    const result = scoreHealth(model('worst_of', DEFAULT_HEALTH_MODEL.measures), { csat: 3.75, champion_present: 1, onboarding_on_time: 0, usage: 70 });
    expect(result.score).toBe(50);
    expect(result.band).toBe('amber');
    expect(result.contributions.filter((c) => c.points > 0).map((c) => c.key)).toEqual(['csat']);
  });

  it('has no score (not NaN) when nothing is known and every missing measure is ignored', () => {
    const m = model('weighted', [{ key: 'csat', weight: 1, green: 5, red: 3, missing: 'ignore' }]);
    expect(scoreHealth(m, {})).toMatchObject({ score: null, band: null });
    expect(scoreHealth(m, { csat: Number.NaN }).score).toBeNull();
  });

  const measureArb = fc.record({
    key: fc.constantFrom(...HEALTH_MEASURES),
    weight: fc.integer({ min: 0, max: 100 }),
    green: fc.integer({ min: 50, max: 100 }),
    red: fc.integer({ min: 0, max: 49 }),
    missing: fc.constantFrom(...MISSING_RULES),
  });
  const modelArb = fc.record({
    kind: fc.constantFrom('weighted' as const, 'worst_of' as const),
    measures: fc.uniqueArray(measureArb, { selector: (m) => m.key, minLength: 1, maxLength: HEALTH_MEASURES.length }),
  });
  const factsArb = fc.dictionary(fc.constantFrom(...HEALTH_MEASURES), fc.option(fc.double({ min: -50, max: 150, noNaN: true }), { nil: null }));

  it('gives the same score for the same facts in any order, and for measures in any order', () => {
    fc.assert(
      fc.property(modelArb, factsArb, (m, facts) => {
        const shuffled = Object.fromEntries(Object.entries(facts).reverse());
        const reversedModel = { ...m, measures: [...m.measures].reverse() };
        expect(scoreHealth(reversedModel, shuffled)).toEqual(scoreHealth(m, facts));
      }),
    );
  });

  it('normalises weights: scaling every weight changes nothing, and the points add up to the score', () => {
    fc.assert(
      fc.property(modelArb, factsArb, fc.integer({ min: 2, max: 9 }), (m, facts, k) => {
        const scaled = { ...m, measures: m.measures.map((x) => ({ ...x, weight: x.weight * k })) };
        const a = scoreHealth(m, facts);
        expect(scoreHealth(scaled, facts)).toEqual(a);
        if (a.score === null) return;
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
        if (m.kind === 'weighted') {
          const weights = a.contributions.reduce((s, c) => s + c.weight, 0);
          expect(weights).toBeCloseTo(1, 2);
          const points = a.contributions.reduce((s, c) => s + c.points, 0);
          expect(Math.abs(points - a.score)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('renewal risk', () => {
  it('is high for an unhealthy account renewing soon that lost its champion', () => {
    // (100-30)/100*60 = 42, + 20 = 62, × 1 → 62
    expect(renewalRisk({ health: 30, daysToRenewal: 45, keyContactsLeft: 1 })).toMatchObject({ level: 'high', points: 62 });
  });
  it('is low for a healthy account far from renewal', () => {
    // 6 × 0.6 = 3.6 → 4
    expect(renewalRisk({ health: 90, daysToRenewal: 300, keyContactsLeft: 0 })).toMatchObject({ level: 'low', points: 4 });
  });
  it('counts a missing health as half unhealthy and says so', () => {
    const risk = renewalRisk({ health: null, daysToRenewal: null, keyContactsLeft: 0 });
    expect(risk.points).toBe(18);
    expect(risk.reasons[0]).toMatch(/No health score/);
  });
});

describe('LAER stage', () => {
  it('follows the documented signals, renewal window first', () => {
    expect(laerStageOf({ live: false, expanded: false, daysToRenewal: null })).toBe('land');
    expect(laerStageOf({ live: true, expanded: false, daysToRenewal: 200 })).toBe('adopt');
    expect(laerStageOf({ live: true, expanded: true, daysToRenewal: 200 })).toBe('expand');
    expect(laerStageOf({ live: false, expanded: false, daysToRenewal: 60 })).toBe('renew');
    expect(laerStageOf({ live: true, expanded: false, daysToRenewal: -40 })).toBe('adopt');
  });
});

describe('journey touchpoints', () => {
  it('weighs by what customers said, falls back to staff, and marks weak spots', async () => {
    const { touchpointScore } = await import('./journey.ts');
    // on time 50 %, CSAT 3 → 50: (50 + 50) / 2 = 50; customers rate it 4.5 → a weak spot
    expect(touchpointScore({ customerImportance: 4.5, defaultWeight: 2, onTimePercent: 50, csat: 3 })).toEqual({ importance: 4.5, importanceFrom: 'customers', performance: 50, verdict: 'weak_spot' });
    expect(touchpointScore({ customerImportance: null, defaultWeight: 5, onTimePercent: 100, csat: null })).toMatchObject({ importanceFrom: 'staff', verdict: 'moment_of_truth' });
    expect(touchpointScore({ customerImportance: null, defaultWeight: null, onTimePercent: null, csat: null })).toEqual({ importance: null, importanceFrom: null, performance: null, verdict: 'unknown' });
  });
});
