import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, markOnWhite, relativeLuminance, textOn } from './contrast.ts';
import { dateDomain, dateScale, dateTicks, linearScale, niceStep, niceTicks } from './scales.ts';

describe('scales', () => {
  it('map a domain onto a range, reversed ranges included (a y axis grows upward)', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
    const x = dateScale('2026-01-01', '2026-01-11', [0, 100]);
    expect(x('2026-01-06')).toBe(50);
  });

  it('choose round steps', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(7, 5)).toBe(2);
    expect(niceStep(0.9, 4)).toBe(0.25);
  });

  it('choose round ticks that cover the values, labelled without float noise', () => {
    expect(niceTicks(12, 88, 5)).toEqual({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceTicks(0.1, 0.3, 2).ticks).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(0.05, 0.95, 4).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(40, 40).ticks.length).toBeGreaterThan(1);
  });

  it('always cover min and max with a handful of ticks (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (a, b) => {
        const { domain, ticks } = niceTicks(a, b, 5);
        expect(domain[0]).toBeLessThanOrEqual(Math.min(a, b));
        expect(domain[1]).toBeGreaterThanOrEqual(Math.max(a, b));
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });

  it('tick dates at Mondays over weeks and at month starts over months, inside the span', () => {
    expect(dateTicks('2026-03-04', '2026-03-20')).toEqual(['2026-03-09', '2026-03-16']);
    expect(dateTicks('2026-01-15', '2026-06-20')).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
    expect(dateTicks('2026-01-15', '2027-06-20', 6)).toEqual(['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01', '2027-04-01']);
    fc.assert(
      fc.property(fc.integer({ min: 19000, max: 22000 }), fc.integer({ min: 0, max: 2000 }), (from, length) => {
        const start = new Date(from * 86_400_000).toISOString().slice(0, 10);
        const end = new Date((from + length) * 86_400_000).toISOString().slice(0, 10);
        const ticks = dateTicks(start, end, 6);
        expect(ticks.length).toBeLessThanOrEqual(12);
        for (const tick of ticks) expect(tick >= start && tick <= end).toBe(true);
      }),
    );
  });

  it('pad a date span around the dates known', () => {
    expect(dateDomain([null, '2026-03-10', '2026-03-01'], 2)).toEqual(['2026-02-27', '2026-03-12']);
    expect(dateDomain([null])).toBeNull();
  });
});

describe('colour contrast', () => {
  it('follows WCAG: black on white is 21:1', () => {
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#FFFFFF')).toBe(21);
  });

  it('writes white on a dark brand colour and dark text on a light one', () => {
    expect(textOn('#1d4ed8')).toMatchObject({ color: LIGHT_TEXT, meetsAA: true });
    expect(textOn('#fde047')).toMatchObject({ color: DARK_TEXT, meetsAA: true });
    // Mid-tones can fall short of AA with either: the better one is still chosen, and said to fall short.
    expect(textOn('#ff4f00').meetsAA).toBe(contrastRatio('#ff4f00', textOn('#ff4f00').color) >= 4.5);
  });

  it('darkens a pale brand colour until it shows as a line on white', () => {
    expect(markOnWhite('#1d4ed8')).toBe('#1d4ed8');
    const pale = markOnWhite('#fde047');
    expect(contrastRatio(pale, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
