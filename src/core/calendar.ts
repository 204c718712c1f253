// Business days of a workspace: working weekdays, holidays and the timezone that decides "today".
// Dates are calendar days ('YYYY-MM-DD'), never instants; only todayInTimeZone touches an instant.

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessCalendar {
  /** IANA timezone of the workspace, e.g. 'Europe/Paris'. */
  timeZone: string;
  workingWeekdays: readonly Weekday[];
  holidays: readonly IsoDate[];
}

export const MONDAY_TO_FRIDAY: readonly Weekday[] = [1, 2, 3, 4, 5];

export class CalendarError extends Error {
  readonly code = 'invalid_calendar';
  override readonly name = 'CalendarError';
}

const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

// ---- calendar days as integers (days since 1970-01-01; no timezone involved) ----

const digitsAt = (s: string, from: number, count: number): number => {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
};

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day number (days since 1970-01-01) of an ISO date; throws RangeError on anything else. */
export function toDayNumber(date: IsoDate): number {
  if (typeof date !== 'string' || date.length !== 10 || date[4] !== '-' || date[7] !== '-') {
    throw new RangeError(`not a date (YYYY-MM-DD): ${String(date)}`);
  }
  const y = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 2);
  const d = digitsAt(date, 8, 2);
  const monthLength = m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  if (y < MIN_YEAR || y > MAX_YEAR || d < 1 || d > monthLength) {
    throw new RangeError(`not a date between ${MIN_YEAR} and ${MAX_YEAR}: ${date}`);
  }
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 23, 2026": a date as people read it in a document (the app's language is English; no time zone involved). */
export function readableDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

export const addCalendarDays = (date: IsoDate, days: number): IsoDate =>
  fromDayNumber(toDayNumber(date) + days);

/** ISO weekday of a day number (day 0, 1970-01-01, was a Thursday). */
export const weekdayOf = (day: number): Weekday => ((((((day + 3) % 7) + 7) % 7) + 1) as Weekday);

// ---- the business-day index ----

/**
 * Business days numbered by integer ordinals, so that adding n business days is `ordinal + n`.
 * Ordinals are counted from a fixed anchor and never change when the window grows, so a
 * scheduler can do all its arithmetic on plain integers and convert at the edges.
 */
export class BusinessDayIndex {
  readonly timeZone: string;
  private readonly workingMask: number;
  private readonly holidays: ReadonlySet<number>;
  private readonly anchor: number;
  private lo = 0;
  private hi = 0;
  /** rank[d - lo] = business days in [anchor, d) — the ordinal of the first business day ≥ d. */
  private rank = new Int32Array(0);
  private firstOrdinal = 0;
  /** days[k - firstOrdinal] = day number of the business day with ordinal k. */
  private days = new Int32Array(0);
  private isoCache: string[] = [];

  constructor(calendar: BusinessCalendar, aroundDay: number) {
    this.timeZone = calendar.timeZone;
    let mask = 0;
    for (const weekday of calendar.workingWeekdays) mask |= 1 << weekday;
    this.workingMask = mask;
    this.holidays = new Set(calendar.holidays.map(toDayNumber));
    this.anchor = aroundDay;
    this.rebuild(aroundDay - 3 * 366, aroundDay + 6 * 366);
  }

  isBusinessDay(day: number): boolean {
    return ((this.workingMask >> weekdayOf(day)) & 1) === 1 && !this.holidays.has(day);
  }

  /** Ordinal of the first business day on or after `day` (= business days before `day`). */
  startOf(day: number): number {
    if (day < this.lo || day > this.hi) this.cover(day);
    return this.rank[day - this.lo]!;
  }

  /** Ordinal just after `day` ends (= business days up to and including `day`). */
  endOf(day: number): number {
    return this.startOf(day + 1);
  }

  /** Day number of the business day with ordinal `k`. */
  dayAt(k: number): number {
    let i = k - this.firstOrdinal;
    while (i < 0 || i >= this.days.length) {
      this.cover(i < 0 ? this.lo - (this.hi - this.lo) : this.hi + (this.hi - this.lo));
      i = k - this.firstOrdinal;
    }
    return this.days[i]!;
  }

  /** ISO date of the business day with ordinal `k` (memoised: output is the hot edge). */
  isoAt(k: number): IsoDate {
    const day = this.dayAt(k);
    const i = k - this.firstOrdinal;
    const cached = this.isoCache[i]!;
    if (cached !== '') return cached;
    const iso = fromDayNumber(day);
    this.isoCache[i] = iso;
    return iso;
  }

  private cover(day: number): void {
    const span = this.hi - this.lo;
    const lo = day < this.lo ? Math.min(day, this.lo - span) : this.lo;
    const hi = day > this.hi ? Math.max(day, this.hi + span) : this.hi;
    this.rebuild(lo, hi);
  }

  private rebuild(lo: number, hi: number): void {
    const rank = new Int32Array(hi - lo + 1);
    const days: number[] = [];
    let count = 0;
    for (let d = lo; d < hi; d++) {
      rank[d - lo] = count;
      if (this.isBusinessDay(d)) {
        days.push(d);
        count++;
      }
    }
    rank[hi - lo] = count;
    const shift = rank[this.anchor - lo]!;
    for (let i = 0; i < rank.length; i++) rank[i]! -= shift;
    this.lo = lo;
    this.hi = hi;
    this.rank = rank;
    this.firstOrdinal = -shift;
    this.days = Int32Array.from(days);
    this.isoCache = new Array<string>(days.length).fill('');
  }
}

const indexes = new WeakMap<BusinessCalendar, BusinessDayIndex>();

/** Validates a calendar and returns its (memoised) business-day index. */
export function businessDayIndex(calendar: BusinessCalendar): BusinessDayIndex {
  const known = indexes.get(calendar);
  if (known) return known;
  if (!isTimeZone(calendar.timeZone)) {
    throw new CalendarError(`unknown timezone: ${calendar.timeZone}`);
  }
  if (!calendar.workingWeekdays.some((w) => Number.isInteger(w) && w >= 1 && w <= 7)) {
    throw new CalendarError('a calendar needs at least one working weekday');
  }
  if (calendar.workingWeekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) {
    throw new CalendarError('working weekdays are 1 (Monday) to 7 (Sunday)');
  }
  let index: BusinessDayIndex;
  try {
    index = new BusinessDayIndex(calendar, toDayNumber('2025-01-01'));
  } catch (error) {
    throw new CalendarError(`invalid holiday: ${(error as Error).message}`);
  }
  indexes.set(calendar, index);
  return index;
}

// ---- the public calendar functions (ISO in, ISO out) ----

export function isBusinessDay(date: IsoDate, calendar: BusinessCalendar): boolean {
  return businessDayIndex(calendar).isBusinessDay(toDayNumber(date));
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate, calendar: BusinessCalendar): IsoDate {
  const index = businessDayIndex(calendar);
  return index.isoAt(index.endOf(toDayNumber(date)));
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: IsoDate, calendar: BusinessCalendar): IsoDate {
  const index = businessDayIndex(calendar);
  return index.isoAt(index.startOf(toDayNumber(date)) - 1);
}

/** `date` itself when it is a business day, else the next one. */
export function businessDayOnOrAfter(date: IsoDate, calendar: BusinessCalendar): IsoDate {
  const index = businessDayIndex(calendar);
  return index.isoAt(index.startOf(toDayNumber(date)));
}

/**
 * Moves n business days (n < 0: backwards). Friday + 1 = Monday, Saturday + 1 = Monday,
 * Monday − 1 = Friday; n = 0 returns `date` unchanged, business day or not.
 */
export function addBusinessDays(date: IsoDate, n: number, calendar: BusinessCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`business days must be a whole number: ${n}`);
  if (n === 0) return date;
  const index = businessDayIndex(calendar);
  const day = toDayNumber(date);
  return index.isoAt(n > 0 ? index.endOf(day) + n - 1 : index.startOf(day) + n);
}

/**
 * Business days in (from, to], negative when `to` is before `from`:
 * Monday → Tuesday = 1, Friday → Monday = 1, Tuesday → Monday = −1.
 * For business days, addBusinessDays(from, businessDaysBetween(from, to)) === to.
 */
export function businessDaysBetween(from: IsoDate, to: IsoDate, calendar: BusinessCalendar): number {
  const index = businessDayIndex(calendar);
  return index.endOf(toDayNumber(to)) - index.endOf(toDayNumber(from));
}

/**
 * Whether `zone` is a time zone the platform knows (an IANA name such as Europe/Paris). The platform's Intl, not a
 * date library: this module is also the web app's, and the pages that only count business days need no more.
 */
function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day it is in `timeZone` at `instant` (a Date, epoch milliseconds or ISO instant). */
export function todayInTimeZone(instant: Date | number | string, timeZone: string): IsoDate {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  let format = dayFormats.get(timeZone);
  if (!format) {
    if (!isTimeZone(timeZone)) throw new CalendarError(`unknown timezone: ${timeZone}`);
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'iso8601', numberingSystem: 'latn' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return `${value('year').padStart(4, '0')}-${value('month')}-${value('day')}` as IsoDate;
}

/** "Today" for a workspace: the calendar day in its timezone at `instant`. */
export const workspaceToday = (instant: Date | number | string, calendar: BusinessCalendar): IsoDate =>
  todayInTimeZone(instant, calendar.timeZone);
