import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram, kaplanMeier, kmPercentile, kmPercentiles, percentileCont, type Observation } from './survival.ts';

// Twelve finished projects: 10, 20, …, 120 days.
const done: Observation[] = Array.from({ length: 12 }, (_, i) => ({ days: (i + 1) * 10, event: true }));
// Three still open, waiting 30, 50 and 200 days so far.
const open: Observation[] = [30, 50, 200].map((days) => ({ days, event: false }));

describe('time to a milestone, open projects censored', () => {
  it('finished projects only: percentile_cont by hand (median 65, P75 92.5, P90 109)', () => {
    const days = done.map((o) => o.days);
    expect(percentileCont(days, 0.5)).toBe(65);
    expect(percentileCont(days, 0.75)).toBe(92.5);
    expect(percentileCont(days, 0.9)).toBeCloseTo(109);
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([42], 0.9)).toBe(42);
  });

  it('without open projects Kaplan–Meier is the empirical step: median 60, P90 110', () => {
    expect(kmPercentile(done, 0.5)).toEqual({ days: 60, atLeast: null });
    expect(kmPercentile(done, 0.9)).toEqual({ days: 110, atLeast: null });
  });

  it('with three open projects (30, 50, 200 days so far), by hand: median 70, P75 100, P90 120', () => {
    const all = [...done, ...open];
    // S(30) = 14/15 · 13/14 · 12/13 = 0.8; the one censored at 30 still counts as waiting on day 30.
    expect(kaplanMeier(all).find((s) => s.days === 30)!.survival).toBeCloseTo(0.8);
    expect(kmPercentile(all, 0.5).days).toBe(70);
    expect(kmPercentile(all, 0.75).days).toBe(100);
    expect(kmPercentile(all, 0.9).days).toBe(120);
  });

  it('when most are still open the median is not known yet: "at least" the longest wait', () => {
    const mostlyOpen: Observation[] = [{ days: 10, event: true }, { days: 40, event: false }, { days: 55, event: false }];
    expect(kmPercentile(mostlyOpen, 0.5)).toEqual({ days: null, atLeast: 55 });
    expect(kmPercentile([], 0.5)).toEqual({ days: null, atLeast: null });
  });

  it('the histogram puts finished projects by duration and open ones by their wait so far', () => {
    const buckets = histogram([...done, ...open]);
    expect(buckets.reduce((n, b) => n + b.done, 0)).toBe(12);
    expect(buckets.reduce((n, b) => n + b.open, 0)).toBe(3);
    expect(buckets.find((b) => b.from === 180)!.open).toBe(1);
  });

  it('is a function of the observations, not of their order', () => {
    const observation = fc.record({ days: fc.integer({ min: 0, max: 400 }), event: fc.boolean() });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 40 }), fc.integer(), (list, seed) => {
        const shuffled = list.toSorted((a, b) => ((a.days * 31 + seed) % 17) - ((b.days * 31 + seed) % 17));
        for (const p of [0.5, 0.75, 0.9]) expect(kmPercentile(shuffled, p)).toEqual(kmPercentile(list, p));
      }),
    );
  });

  it('gives several percentiles off one curve as one at a time would, and leaves the observations as they were', () => {
    const observation = fc.record({ days: fc.integer({ min: 0, max: 400 }), event: fc.boolean() });
    const share = fc.double({ min: 0.01, max: 0.99, noNaN: true });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 40 }), fc.array(share, { maxLength: 5 }), (list, ps) => {
        const before = structuredClone(list);
        expect(kmPercentiles(list, ps)).toEqual(ps.map((p) => kmPercentile(list, p)));
        expect(list).toEqual(before);
      }),
    );
  });
});
