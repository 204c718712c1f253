// The Gantt chart's arithmetic, kept apart from its drawing so it can be tested: days ↔ pixels at each zoom, the
// range drawn (wide enough at its edges for a month's name), month and week labels that always fit, snapping a
// dragged bar to the working days the engine would use, and which bar or link is under a point.
import { businessDayOnOrAfter, fromDayNumber, nextBusinessDay, previousBusinessDay, toDayNumber, weekdayOf, type BusinessCalendar } from '../../../core/calendar.ts';

/** How wide a day is drawn: fitted to the width, or a fixed scale for days, weeks or months. */
export type GanttZoom = 'fit' | 'days' | 'weeks' | 'months';
export const ZOOM_DAY_WIDTH: Record<Exclude<GanttZoom, 'fit'>, number> = { days: 30, weeks: 12, months: 4 };
export const GANTT_ZOOMS: readonly GanttZoom[] = ['fit', 'days', 'weeks', 'months'];

const DAY_MS = 86_400_000;

/** Pixels per day: a fixed scale when zoomed, else the plan fitted to the width (never unreadably narrow). */
export function dayWidth(zoom: GanttZoom, available: number, spanDays: number, compact = false): number {
  const fitted = available > 0 ? Math.floor(available / Math.max(spanDays, 1)) : 15;
  if (compact) return Math.min(Math.max(fitted, 5), 9);
  return zoom === 'fit' ? Math.min(Math.max(fitted, 7), 22) : ZOOM_DAY_WIDTH[zoom];
}

/** The left edge of a day. */
export const dayToX = (day: number, from: number, dayW: number): number => (day - from) * dayW;
/** The day drawn under a point (its left edge belongs to it). */
export const xToDay = (x: number, from: number, dayW: number): number => from + Math.floor(x / dayW);

/** A dragged distance in whole days (half a day or more counts). */
export const pixelsToDays = (dx: number, dayW: number): number => Math.round(dx / dayW) || 0;

// Rough text widths of the axis labels (12 px semi-bold, 11 px regular): enough to decide what fits.
const MONTH_CHAR_PX = 7.4;
const WEEK_CHAR_PX = 6.2;
const LABEL_PAD = 4;
export const monthLabelWidth = (label: string): number => Math.ceil(label.length * MONTH_CHAR_PX);
export const weekLabelWidth = (label: string): number => Math.ceil(label.length * WEEK_CHAR_PX);

const longMonth = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
// "Jan 2027", not "Jan 27", which reads as a date beside the weeks' "Jan 4".
const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthNames = (day: number) => {
  const date = new Date(day * DAY_MS);
  return { long: longMonth.format(date), short: shortMonth.format(date) };
};
const firstOfMonth = (day: number) => {
  const date = new Date(day * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS);
};
const firstOfNextMonth = (day: number) => {
  const date = new Date(day * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS);
};

/**
 * The days drawn: from the Monday a few days before the first date to ten days after the last, widened at either
 * edge when the month cut there would be too narrow for its (short) name — so no month label is ever clipped.
 */
export function chartRange(first: number, last: number, dayW: number): { from: number; to: number } {
  let from = first - 3;
  from -= (weekdayOf(from) - 1 + 7) % 7;
  let to = last + 10;
  const need = (day: number) => Math.ceil((monthLabelWidth(monthNames(day).short) + 2 * LABEL_PAD) / dayW);
  const leftEnd = firstOfNextMonth(from); // the first day of the second month drawn
  if (leftEnd <= to && leftEnd - from < need(from)) from = Math.max(firstOfMonth(from), leftEnd - need(from));
  const rightStart = firstOfMonth(to);
  if (rightStart > from && to + 1 - rightStart < need(to)) to = rightStart + need(to) - 1;
  return { from, to };
}

export interface AxisLabel {
  day: number;
  x: number;
  label: string;
}

/**
 * A label per month that fits in the part of the month in view (`scrollLeft` and `viewWidth` give the view; the
 * whole chart when not given): its long name, or the short one, or none when even that would be cut. It sits at
 * the left of that part, so the month being looked at is named however far it is scrolled.
 */
export function monthLabels(from: number, to: number, dayW: number, scrollLeft = 0, viewWidth = Number.POSITIVE_INFINITY): AxisLabel[] {
  const labels: AxisLabel[] = [];
  for (let start = from; start <= to; start = firstOfNextMonth(start)) {
    const end = Math.min(firstOfNextMonth(start), to + 1);
    const x0 = Math.max(dayToX(start, from, dayW), scrollLeft);
    const x1 = Math.min(dayToX(end, from, dayW), scrollLeft + viewWidth);
    const names = monthNames(start);
    const label = [names.long, names.short].find((name) => monthLabelWidth(name) + 2 * LABEL_PAD <= x1 - x0);
    if (label) labels.push({ day: start, x: x0 + LABEL_PAD, label });
  }
  return labels;
}

/** The Mondays drawn, each with a week line; `label` set on those that get a date (spaced so none overlap or clip). */
export function weekTicks(from: number, to: number, dayW: number, format: (iso: string) => string): { day: number; x: number; label: string | null }[] {
  const ticks: { day: number; x: number; label: string | null }[] = [];
  let monday = from + ((8 - weekdayOf(from)) % 7);
  const widest = weekLabelWidth('Sep 30') + 8;
  const every = dayW * 7 >= widest ? 1 : dayW * 14 >= widest ? 2 : 4;
  const width = dayToX(to + 1, from, dayW);
  for (let index = 0; monday <= to; monday += 7, index++) {
    const x = dayToX(monday, from, dayW);
    const text = format(fromDayNumber(monday));
    const fits = x + 3 + weekLabelWidth(text) <= width;
    ticks.push({ day: monday, x, label: index % every === 0 && fits ? text : null });
  }
  return ticks;
}

/**
 * Where a task dragged `days` calendar days starts: the first working day on or after the day it was dropped on,
 * as the engine plans a start set by hand. Answers the move in calendar days (0: it does not move).
 */
export function snapMove(start: string, days: number, calendar: BusinessCalendar): { start: string; days: number } {
  const target = businessDayOnOrAfter(fromDayNumber(toDayNumber(start) + days), calendar);
  return { start: target, days: toDayNumber(target) - toDayNumber(start) };
}

/** One working day later (+1) or earlier (−1) than a start already moved by `days`: the keyboard's step. */
export function stepMove(start: string, days: number, direction: 1 | -1, calendar: BusinessCalendar): number {
  const at = fromDayNumber(toDayNumber(start) + days);
  const next = direction > 0 ? nextBusinessDay(at, calendar) : previousBusinessDay(at, calendar);
  return toDayNumber(next) - toDayNumber(start);
}

export interface BarBox {
  id: string;
  x0: number;
  x1: number;
  /** The top of the task's row, and its height. */
  y: number;
  h: number;
}

/** The task whose row and bar are under a point (a little slack around a narrow bar or diamond), or null. */
export function barAt(bars: readonly BarBox[], x: number, y: number, slack = 6): string | null {
  for (const bar of bars) {
    if (y < bar.y || y >= bar.y + bar.h) continue;
    if (x >= bar.x0 - slack && x <= bar.x1 + slack) return bar.id;
  }
  return null;
}

/** The link drawn nearest a point, within `tolerance` pixels of one of its straight segments ("M x,y H x V y …"). */
export function linkAt(paths: readonly { key: string; d: string }[], x: number, y: number, tolerance = 5): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const path of paths) {
    const points = pathPoints(path.d);
    for (let i = 1; i < points.length; i++) {
      const distance = segmentDistance(points[i - 1]!, points[i]!, x, y);
      if (distance <= tolerance && (!best || distance < best.distance)) best = { key: path.key, distance };
    }
  }
  return best?.key ?? null;
}

/** The corners of a path made of M, H and V commands. */
export function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MHV])\s*([-\d.,\s]+)/g)) {
    const numbers = args!.split(/[\s,]+/).filter(Boolean).map(Number);
    if (command === 'M') [x, y] = [numbers[0]!, numbers[1]!];
    else if (command === 'H') x = numbers[0]!;
    else y = numbers[0]!;
    points.push([x, y]);
  }
  return points;
}

function segmentDistance([ax, ay]: [number, number], [bx, by]: [number, number], x: number, y: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / length));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
