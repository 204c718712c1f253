// Public holidays by country and region, from the date-holidays library. Resolved here, in the server, into plain
// dates that core's calendar takes like any other holiday: core stays pure and the browser never loads the
// library's data (about 1 MB for 200 countries).
import Holidays from 'date-holidays';
import type { IsoDate } from '../../../core/calendar.ts';
import { invalid } from '../../http/errors.ts';

/**
 * The years resolved. Plans run months, a few years at most; a date outside this range is a working day as far
 * as public holidays go (custom holidays still count). Resolving ~26 years costs ~150 ms once per country.
 */
export const PUBLIC_HOLIDAY_YEARS = { from: 2020, to: 2045 } as const;

/**
 * Only days of type "public" (a day off by law for most workers, and its substitute when it falls on a weekend).
 * Bank holidays, school holidays, observances and optional days (Christmas Eve in the US, Valentine's Day) are
 * not days off for a team, so they are left out.
 */
const DAY_OFF_TYPES = new Set(['public']);

export interface HolidayRegion {
  code: string;
  name: string;
}
export interface HolidayCountry extends HolidayRegion {
  regions: HolidayRegion[];
}

const registry = new Holidays();
let countries: HolidayCountry[] | undefined;

const byName = (a: HolidayRegion, b: HolidayRegion) => a.name.localeCompare(b.name, 'en');

/** Every country date-holidays knows, with its regions (states, provinces, Länder…), names in English. */
export function holidayCountries(): HolidayCountry[] {
  countries ??= Object.entries(registry.getCountries('en'))
    .map(([code, name]) => ({
      code,
      name,
      regions: Object.entries(registry.getStates(code, 'en') ?? {})
        .map(([region, regionName]) => ({ code: region, name: regionName }))
        .sort(byName),
    }))
    .sort(byName);
  return countries;
}

/** Refuses a country or region date-holidays does not know, naming the field (path: where it was sent). */
export function assertHolidayPlace(place: { country: string | null; region: string | null }, path: (string | number)[]) {
  if (place.country === null) {
    if (place.region !== null) throw invalid('holidayRegion: choose a country first', { path: [...path, 'holidayRegion'] });
    return;
  }
  const country = holidayCountries().find((known) => known.code === place.country);
  if (!country) {
    throw invalid(`holidayCountry: ${place.country} is not a country we know public holidays for`, { path: [...path, 'holidayCountry'] });
  }
  if (place.region !== null && !country.regions.some((region) => region.code === place.region)) {
    throw invalid(`holidayRegion: ${place.region} is not a region of ${country.name}`, { path: [...path, 'holidayRegion'] });
  }
}

const resolved = new Map<string, readonly IsoDate[]>();

/**
 * The public holidays (days off) of a country, and of one of its regions when given, over PUBLIC_HOLIDAY_YEARS,
 * sorted. Deterministic, so kept for the life of the process.
 */
export function publicHolidays(country: string, region: string | null): readonly IsoDate[] {
  const key = `${country}/${region ?? ''}`;
  const known = resolved.get(key);
  if (known) return known;
  const calendar = region ? new Holidays(country, region) : new Holidays(country);
  const dates = new Set<IsoDate>();
  for (let year = PUBLIC_HOLIDAY_YEARS.from; year <= PUBLIC_HOLIDAY_YEARS.to; year++) {
    for (const holiday of calendar.getHolidays(year) || []) {
      if (DAY_OFF_TYPES.has(holiday.type)) dates.add(holiday.date.slice(0, 10));
    }
  }
  const list = [...dates].sort();
  resolved.set(key, list);
  return list;
}

/** The public holidays of one year, with their names, for showing what a choice of country means. */
export function publicHolidaysOfYear(country: string, region: string | null, year: number) {
  if (!holidayCountries().some((known) => known.code === country)) {
    throw invalid(`country: ${country} is not a country we know public holidays for`, { path: ['params', 'country'] });
  }
  assertHolidayPlace({ country, region }, ['querystring']);
  const calendar = region ? new Holidays(country, region, { languages: 'en' }) : new Holidays(country, { languages: 'en' });
  return (calendar.getHolidays(year, 'en') || [])
    .filter((holiday) => DAY_OFF_TYPES.has(holiday.type))
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }));
}
