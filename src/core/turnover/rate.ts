// Annual turnover of an account's people.
//
// The rule: over the 365 days ending today (today included, the day 364 days ago the first),
//   turnover rate = leavers / average headcount
// where leavers are the contacts whose left date falls in those 365 days, and the average headcount is the mean,
// over those 365 days, of each day's headcount: the contacts who had joined by that day (no joined date counts as
// "always there") and had not left yet (a contact is gone from their left date on). With no one on the account
// for the whole period the rate is null (nothing to divide by), never 0 or Infinity.
// It depends only on the set of people, not on the order they were recorded.
import { fromDayNumber, toDayNumber, type IsoDate } from '../calendar.ts';

export const TURNOVER_PERIOD_DAYS = 365;

export interface PersonSpan {
  joinedOn: IsoDate | null;
  leftOn: IsoDate | null;
}

export interface TurnoverFigure {
  /** leavers / averageHeadcount, as a fraction (0.13 is 13 % a year); null when nobody was on the account. */
  rate: number | null;
  leavers: number;
  averageHeadcount: number;
  /** The first day of the period; the last is today. */
  from: IsoDate;
  to: IsoDate;
}

export function annualTurnover(people: readonly PersonSpan[], today: IsoDate): TurnoverFigure {
  const last = toDayNumber(today);
  const first = last - TURNOVER_PERIOD_DAYS + 1;
  let leavers = 0;
  let personDays = 0;
  for (const person of people) {
    const joined = person.joinedOn ? toDayNumber(person.joinedOn) : -Infinity;
    const left = person.leftOn ? toDayNumber(person.leftOn) : Infinity;
    if (left >= first && left <= last) leavers++;
    // Days present in the period: from max(first, joined) to min(last, left - 1), both included.
    const start = Math.max(first, joined);
    const end = Math.min(last, left - 1);
    if (end >= start) personDays += end - start + 1;
  }
  const averageHeadcount = personDays / TURNOVER_PERIOD_DAYS;
  const rate = averageHeadcount > 0 ? leavers / averageHeadcount : null;
  return { rate, leavers, averageHeadcount, from: fromDayNumber(first), to: today };
}

/** Current users: joined by today (or no date) and not left by today. */
export const isCurrent = (person: PersonSpan, today: IsoDate): boolean =>
  (!person.joinedOn || person.joinedOn <= today) && (!person.leftOn || person.leftOn > today);
