import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay, MONDAY_TO_FRIDAY, type BusinessCalendar } from '../../../core/calendar.ts';
import { assertHolidayPlace, holidayCountries, publicHolidays, publicHolidaysOfYear } from './public-holidays.ts';

const usCalendar = (): BusinessCalendar => ({ timeZone: 'America/New_York', workingWeekdays: MONDAY_TO_FRIDAY, holidays: publicHolidays('US', null) });

describe('public holidays by country', () => {
  it('gives the US federal days off, Christmas Day and MLK Day among them, and not Christmas Eve (an optional day)', () => {
    const days = publicHolidays('US', null);
    expect(days).toEqual(expect.arrayContaining(['2026-12-25', '2027-01-18', '2026-11-26', '2027-01-01']));
    expect(days).not.toContain('2026-12-24');
    // Independence Day 2026 is a Saturday: the Friday before is the day off.
    expect(days).toContain('2026-07-03');
    expect(days).toEqual([...days].sort());
    expect(publicHolidaysOfYear('US', null, 2027)).toEqual(expect.arrayContaining([{ date: '2027-01-18', name: 'Martin Luther King Jr. Day' }]));
  });

  it("adds a region's own days to its country's", () => {
    const germany = publicHolidays('DE', null);
    const bavaria = publicHolidays('DE', 'BY');
    expect(germany).not.toContain('2026-01-06');
    expect(bavaria).toContain('2026-01-06'); // Epiphany, in Bavaria only
    expect(bavaria).toEqual(expect.arrayContaining([...germany]));
  });

  it('makes the calendar skip them: a day of work on Christmas Eve 2026 is followed by one on Dec 28', () => {
    const calendar = usCalendar();
    expect(isBusinessDay('2026-12-25', calendar)).toBe(false);
    expect(isBusinessDay('2027-01-18', calendar)).toBe(false);
    expect(addBusinessDays('2026-12-24', 1, calendar)).toBe('2026-12-28');
  });

  it('lists countries with their regions, and refuses an unknown country or a region of another country, naming the field', () => {
    const us = holidayCountries().find((country) => country.code === 'US')!;
    expect(us.name).toBe('United States of America');
    expect(us.regions).toEqual(expect.arrayContaining([{ code: 'CA', name: 'California' }]));
    expect(() => assertHolidayPlace({ country: 'ZZ', region: null }, ['body'])).toThrow(/ZZ is not a country/);
    expect(() => assertHolidayPlace({ country: 'US', region: 'BY' }, ['body'])).toThrow(/BY is not a region of United States/);
    expect(() => assertHolidayPlace({ country: null, region: 'CA' }, ['body'])).toThrow(/choose a country first/);
    expect(() => assertHolidayPlace({ country: 'US', region: 'CA' }, ['body'])).not.toThrow();
  });
});
