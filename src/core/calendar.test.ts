import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  MONDAY_TO_FRIDAY,
  addBusinessDays,
  businessDayOnOrAfter,
  businessDaysBetween,
  fromDayNumber,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
  readableDate,
  toDayNumber,
  todayInTimeZone,
  type BusinessCalendar,
} from './calendar.ts';

const paris: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  workingWeekdays: MONDAY_TO_FRIDAY,
  holidays: ['2025-05-01', '2025-05-08', '2025-12-25'],
};

describe('business days', () => {
  it('knows weekends and holidays', () => {
    expect(isBusinessDay('2025-04-30', paris)).toBe(true);
    expect(isBusinessDay('2025-05-01', paris)).toBe(false); // Labour Day, a Thursday
    expect(isBusinessDay('2025-05-03', paris)).toBe(false); // Saturday
  });

  it('moves across weekends and holidays in both directions', () => {
    expect(addBusinessDays('2025-04-30', 1, paris)).toBe('2025-05-02');
    expect(addBusinessDays('2025-05-02', 1, paris)).toBe('2025-05-05');
    expect(addBusinessDays('2025-05-03', 1, paris)).toBe('2025-05-05');
    expect(addBusinessDays('2025-05-05', -1, paris)).toBe('2025-05-02');
    expect(addBusinessDays('2025-05-04', -1, paris)).toBe('2025-05-02');
    expect(addBusinessDays('2025-05-02', -2, paris)).toBe('2025-04-29');
    expect(addBusinessDays('2025-05-03', 0, paris)).toBe('2025-05-03');
    expect(nextBusinessDay('2025-04-30', paris)).toBe('2025-05-02');
    expect(previousBusinessDay('2025-05-02', paris)).toBe('2025-04-30');
    expect(businessDayOnOrAfter('2025-05-01', paris)).toBe('2025-05-02');
    expect(businessDayOnOrAfter('2025-05-02', paris)).toBe('2025-05-02');
  });

  it('counts business days between two dates, signed', () => {
    expect(businessDaysBetween('2025-04-28', '2025-05-05', paris)).toBe(4);
    expect(businessDaysBetween('2025-05-05', '2025-04-28', paris)).toBe(-4);
    expect(businessDaysBetween('2025-05-02', '2025-05-02', paris)).toBe(0);
  });

  it('supports other working weeks (Sunday to Thursday)', () => {
    const dubai: BusinessCalendar = { timeZone: 'Asia/Dubai', workingWeekdays: [7, 1, 2, 3, 4], holidays: [] };
    expect(addBusinessDays('2025-03-06', 1, dubai)).toBe('2025-03-09'); // Thursday → Sunday
  });

  it('reaches far beyond its first window, years away in both directions', () => {
    expect(addBusinessDays('2025-01-01', 5000, paris)).toBe(addBusinessDays(addBusinessDays('2025-01-01', 2500, paris), 2500, paris));
    expect(addBusinessDays('2060-06-02', -10000, paris) < '2025-01-01').toBe(true);
    expect(isBusinessDay('1950-01-02', paris)).toBe(true);
  });

  it('rejects what is not a date or not a calendar', () => {
    expect(() => toDayNumber('2025-02-29')).toThrow(RangeError);
    expect(() => toDayNumber('2025-2-3')).toThrow(RangeError);
    expect(() => isBusinessDay('2025-01-01', { ...paris, timeZone: 'Mars/Olympus' })).toThrow(CalendarError);
    expect(() => isBusinessDay('2025-01-01', { ...paris, workingWeekdays: [] })).toThrow(CalendarError);
  });

  it('agrees with day-by-day counting (property)', () => {
    const calendar = { ...paris };
    fc.assert(
      fc.property(fc.integer({ min: 19000, max: 22000 }), fc.integer({ min: -300, max: 300 }), (day, n) => {
        const from = fromDayNumber(day);
        const to = addBusinessDays(from, n, calendar);
        if (n !== 0) expect(isBusinessDay(to, calendar)).toBe(true);
        // Walk one day at a time and count the business days passed.
        let steps = 0;
        let d = day;
        const target = toDayNumber(to);
        while (d !== target) {
          d += target > d ? 1 : -1;
          if (isBusinessDay(fromDayNumber(d), calendar)) steps++;
        }
        expect(steps).toBe(Math.abs(n));
        if (isBusinessDay(from, calendar)) expect(businessDaysBetween(from, to, calendar)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('today in the workspace timezone', () => {
  it('follows the spring-forward switch in New York', () => {
    // 2024-03-10 02:00 EST → 03:00 EDT.
    expect(todayInTimeZone('2024-03-10T04:59:00Z', 'America/New_York')).toBe('2024-03-09'); // 23:59 EST
    expect(todayInTimeZone('2024-03-10T05:00:00Z', 'America/New_York')).toBe('2024-03-10'); // 00:00 EST
    expect(todayInTimeZone('2024-03-11T03:59:00Z', 'America/New_York')).toBe('2024-03-10'); // 23:59 EDT
    expect(todayInTimeZone('2024-03-11T04:00:00Z', 'America/New_York')).toBe('2024-03-11'); // 00:00 EDT
  });

  it('follows the fall-back switch in Paris, where midnight moves by an hour', () => {
    // 2024-10-27 03:00 CEST → 02:00 CET: the day before ends at 22:00Z, the day after begins at 23:00Z.
    expect(todayInTimeZone('2024-10-26T21:59:00Z', 'Europe/Paris')).toBe('2024-10-26');
    expect(todayInTimeZone('2024-10-26T22:00:00Z', 'Europe/Paris')).toBe('2024-10-27');
    expect(todayInTimeZone('2024-10-27T22:59:00Z', 'Europe/Paris')).toBe('2024-10-27');
    expect(todayInTimeZone(Date.UTC(2024, 9, 27, 23, 0), 'Europe/Paris')).toBe('2024-10-28');
  });

  it('differs from UTC when the workspace is far from it', () => {
    const instant = new Date('2025-03-03T20:00:00Z');
    expect(todayInTimeZone(instant, 'Pacific/Auckland')).toBe('2025-03-04');
    expect(todayInTimeZone(instant, 'America/Los_Angeles')).toBe('2025-03-03');
  });
});

describe('readableDate', () => {
  it('writes a date as people read it in a document', () => {
    expect(readableDate('2026-11-23')).toBe('Nov 23, 2026');
    expect(readableDate('2027-01-05')).toBe('Jan 5, 2027');
  });
});
