// Scales and ticks for the charts that are drawn twice (recharts in the page, pdfkit vectors in the PDF), so both
// put a date or a value at the same place and label the same ticks. Plain numbers and ISO dates in and out.
import { addCalendarDays, fromDayNumber, toDayNumber, type IsoDate } from '../calendar.ts';

/** Maps a domain linearly onto a range; a domain of one value maps to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value: number) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** Dates along a range: the day number of each date mapped linearly. */
export function dateScale(start: IsoDate, end: IsoDate, range: readonly [number, number]) {
  const scale = linearScale([toDayNumber(start), toDayNumber(end)], range);
  return (date: IsoDate) => scale(toDayNumber(date));
}

/** The "nice" step (1, 2, 2.5 or 5 × 10^k) that cuts a span into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks for a value axis: round numbers from at or below `min` to at or above `max`, about `count` of them. The
 * domain is widened to the outer ticks so every tick lies on the axis. A flat series (min = max) gets room around it.
 */
export function niceTicks(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[] } {
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  // A span too small to cut into round steps (or none at all) is drawn as a flat series with room around it.
  if (high - low < 1e-9 * Math.max(1, Math.abs(low), Math.abs(high))) {
    const room = Math.abs(low) > 1e-9 ? Math.abs(low) * 0.1 : 1;
    low -= room;
    high += room;
  }
  const step = niceStep(high - low, count);
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 does not label an axis "0.30000000000000004".
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let value = first; value <= last + step / 2; value += step) ticks.push(Number(value.toFixed(digits)));
  // Rounding can leave a value a hair outside the outer ticks: one more step covers it.
  if (ticks[0]! > low) ticks.unshift(Number((ticks[0]! - step).toFixed(digits)));
  if (ticks.at(-1)! < high) ticks.push(Number((ticks.at(-1)! + step).toFixed(digits)));
  return { domain: [ticks[0]!, ticks.at(-1)!], ticks };
}

const MONTH_STEPS = [1, 2, 3, 6, 12] as const;

/**
 * Ticks for a date axis from `start` to `end`, at most `maxTicks`: Mondays a week or two apart over a short span,
 * else first days of months (1, 2, 3, 6 or 12 months apart). Every tick lies within [start, end].
 */
export function dateTicks(start: IsoDate, end: IsoDate, maxTicks = 6): IsoDate[] {
  const from = toDayNumber(start);
  const to = toDayNumber(end);
  if (to < from) return [];
  const spanDays = to - from;
  if (spanDays <= 7 * maxTicks * 2) {
    const weeks = spanDays <= 7 * maxTicks ? 1 : 2;
    // The first Monday on or after the start (day 0, 1970-01-01, was a Thursday: Monday is day 4 mod 7).
    const firstMonday = from + ((4 - (from % 7) + 7) % 7);
    const ticks: IsoDate[] = [];
    for (let day = firstMonday; day <= to; day += 7 * weeks) ticks.push(fromDayNumber(day));
    return ticks.length > 0 ? ticks : [start];
  }
  const months = MONTH_STEPS.find((step) => monthStarts(start, end, step).length <= maxTicks) ?? 12;
  return monthStarts(start, end, months);
}

function monthStarts(start: IsoDate, end: IsoDate, every: number): IsoDate[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  let year = y;
  let month = m; // 1-based; the first month start on or after the start
  if (!start.endsWith('-01')) month += 1;
  // Aligned to the step (quarters start in January, April…), so ticks fall where a reader expects them.
  while ((month - 1) % every !== 0) month += 1;
  const ticks: IsoDate[] = [];
  for (;;) {
    while (month > 12) {
      month -= 12;
      year += 1;
    }
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (date > end) break;
    ticks.push(date);
    month += every;
  }
  return ticks;
}

/** The date span a chart shows: every date given, padded a few days each side so no mark sits on the edge. */
export function dateDomain(dates: readonly (IsoDate | null | undefined)[], padDays = 5): [IsoDate, IsoDate] | null {
  const known = dates.filter((date): date is IsoDate => Boolean(date)).sort();
  if (known.length === 0) return null;
  return [addCalendarDays(known[0]!, -padDays), addCalendarDays(known.at(-1)!, padDays)];
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date tick's label in a document: "Mar 9" for weekly ticks; "Mar" for monthly ones, "Jan 2027" where a year starts or the axis does. */
export function dateTickLabel(date: IsoDate, ticks: readonly IsoDate[]): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthly = ticks.every((tick) => tick.endsWith('-01')) && ticks.length > 1;
  if (!monthly) return `${MONTH_NAMES[month - 1]} ${day}`;
  return month === 1 || date === ticks[0] ? `${MONTH_NAMES[month - 1]} ${year}` : MONTH_NAMES[month - 1]!;
}

/** A value tick's label: 12k, 1.5M, 0.25, 40. */
export function valueTickLabel(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${Number((value / 1_000_000).toFixed(1))}M`;
  if (abs >= 10_000) return `${Number((value / 1000).toFixed(1))}k`;
  return String(Number(value.toFixed(2)));
}
