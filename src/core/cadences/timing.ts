// When a step is sent: a local time of day in the recipient's timezone, on business days, DST-correct.
import { DateTime, IANAZone } from 'luxon';
import {
  addBusinessDays,
  addCalendarDays,
  businessDayOnOrAfter,
  isBusinessDay,
  todayInTimeZone,
  type BusinessCalendar,
  type IsoDate,
} from '../calendar.ts';
import type { DayKind, WelcomeTiming } from './types.ts';

/** The recipient's timezone: the contact's, else the account's, else the workspace's. */
export function recipientTimeZone(contact: string | null | undefined, account: string | null | undefined, workspace: string): string {
  for (const zone of [contact, account]) if (zone && IANAZone.isValidZone(zone)) return zone;
  return workspace;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isTimeOfDay = (value: string) => TIME.test(value);

/**
 * The instant of a local wall-clock time on a date in a timezone. A time that does not exist that day
 * (the hour skipped when clocks go forward) moves forward by the gap, as people expect ("09:00" never skips).
 */
export function localInstant(date: IsoDate, time: string, timeZone: string): number {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${time}`);
  const local = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`invalid local time ${date} ${time} in ${timeZone}`);
  return local.toMillis();
}

/** The date of the n-th business day after day 0 (day 0 itself moves to the next business day when it is not one). */
export function businessDayFrom(day0: IsoDate, n: number, calendar: BusinessCalendar): IsoDate {
  return addBusinessDays(businessDayOnOrAfter(day0, calendar), n, calendar);
}

/**
 * The date of a day-offset step: business day `n` from day 0, or calendar day `n` (moved to the next business
 * day when it is a weekend or a holiday: automated mail goes on working days).
 */
export function stepDate(day0: IsoDate, n: number, dayKind: DayKind, calendar: BusinessCalendar): IsoDate {
  return dayKind === 'calendar' ? businessDayOnOrAfter(addCalendarDays(day0, n), calendar) : businessDayFrom(day0, n, calendar);
}

/** A day-offset step: day `day + delay` from day 0 (business or calendar), at `sendAt` in the recipient's timezone. */
export function dayStepAt(day0: IsoDate, day: number, delayDays: number, sendAt: string, timeZone: string, calendar: BusinessCalendar, dayKind: DayKind = 'business') {
  return localInstant(stepDate(day0, day + delayDays, dayKind, calendar), sendAt, timeZone);
}

/**
 * A day-0 step (the welcome) whose moment passed before the deal arrived: at once (the moment it arrived), or
 * at `sendAt` on the next business day in the recipient's timezone.
 */
export function lateWelcomeAt(arrivedAt: number, sendAt: string, timeZone: string, calendar: BusinessCalendar, timing: WelcomeTiming): number {
  if (timing === 'at_once') return arrivedAt;
  let date = businessDayOnOrAfter(todayInTimeZone(arrivedAt, timeZone), calendar);
  let at = localInstant(date, sendAt, timeZone);
  while (at < arrivedAt) {
    date = addBusinessDays(date, 1, calendar);
    at = localInstant(date, sendAt, timeZone);
  }
  return at;
}

/**
 * An event step: `delayDays` business days after the local day the event happened, at `sendAt`; when that
 * moment is already past (same day, later hour), the next business day's.
 */
export function eventStepAt(eventAt: number, delayDays: number, sendAt: string, timeZone: string, calendar: BusinessCalendar) {
  const eventDay = todayInTimeZone(eventAt, timeZone);
  let date = addBusinessDays(businessDayOnOrAfter(eventDay, calendar), delayDays, calendar);
  let at = localInstant(date, sendAt, timeZone);
  while (at < eventAt) {
    date = addBusinessDays(date, 1, calendar);
    at = localInstant(date, sendAt, timeZone);
  }
  return at;
}

/** Occurrence k of a weekly step: the k-th `weekday` on or after business day `fromDay`, a holiday moving to the next business day. */
export function weeklyStepAt(
  day0: IsoDate,
  trigger: { weekday: number; fromDay: number; untilDay: number },
  k: number,
  sendAt: string,
  timeZone: string,
  calendar: BusinessCalendar,
): number | undefined {
  const start = businessDayFrom(day0, trigger.fromDay, calendar);
  const until = businessDayFrom(day0, trigger.untilDay, calendar);
  const startWeekday = DateTime.fromISO(start, { zone: 'UTC' }).weekday;
  const first = addCalendarDays(start, (trigger.weekday - startWeekday + 7) % 7);
  const date = addCalendarDays(first, 7 * k);
  if (date > until) return undefined;
  const sendDate = isBusinessDay(date, calendar) ? date : businessDayOnOrAfter(date, calendar);
  return localInstant(sendDate, sendAt, timeZone);
}

/** The same local time of day, `n` business days later, in the recipient's timezone (for a message held by the cap). */
export function sameTimeBusinessDaysLater(at: number, n: number, timeZone: string, calendar: BusinessCalendar): number {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  const date = addBusinessDays(local.toISODate()!, n, calendar);
  return localInstant(date, local.toFormat('HH:mm'), timeZone);
}

/** The local calendar day and ISO week of an instant in a timezone: the frequency cap's windows. */
export function capWindows(at: number, timeZone: string): { day: string; week: string } {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  return { day: local.toISODate()!, week: `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}` };
}
