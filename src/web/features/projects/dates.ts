// Calendar arithmetic for the project screens: day numbers for drawing, business days for slips.
import { addBusinessDays, businessDayOnOrAfter, businessDaysBetween, fromDayNumber, toDayNumber, type BusinessCalendar } from '../../../core/calendar.ts';
import { useMemo } from 'react';
import { useSession } from '../../app/session.tsx';
import type { Weekday } from '../../../core/calendar.ts';

export { addBusinessDays, businessDayOnOrAfter, businessDaysBetween, toDayNumber };

/** The date `days` calendar days after `date` (before, when negative). */
export const addCalendarDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);

/** The workspace's business calendar (working weekdays, its own and public holidays), as the server schedules with it. */
export function useWorkspaceCalendar(): BusinessCalendar {
  const { workspace } = useSession();
  // One object per workspace: the engine memoises its business-day index by calendar identity.
  return useMemo(
    () => ({
      timeZone: workspace.timezone,
      workingWeekdays: workspace.workingWeekdays as Weekday[],
      holidays: [...workspace.publicHolidays, ...workspace.holidays],
    }),
    [workspace.timezone, workspace.workingWeekdays, workspace.holidays, workspace.publicHolidays],
  );
}

/** Business days from `baseline` to `projected`: positive when it slipped. 0 when either is unknown. */
export function slipDays(baseline: string | null, projected: string | null, calendar: BusinessCalendar): number {
  if (!baseline || !projected || baseline === projected) return 0;
  try {
    return businessDaysBetween(baseline, projected, calendar);
  } catch {
    return 0;
  }
}

const shortFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** "Nov 23" — for dense tables and the chart, where the year is obvious. */
export function formatShortDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return iso;
  return shortFormat.format(new Date(year, month - 1, day));
}

/** "Nov 23 – Dec 4", or one date for a point in time. */
export function formatRange(start: string | null, finish: string | null): string {
  if (!start && !finish) return '—';
  if (!start || start === finish) return formatShortDate(finish);
  return `${formatShortDate(start)} – ${formatShortDate(finish)}`;
}

/** "+5 d" / "−2 d" for a slip in business days. */
export const formatSlip = (days: number): string => (days > 0 ? `+${days} d` : `−${-days} d`);
