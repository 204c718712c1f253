// Calendar items written as iCalendar (RFC 5545) by the `ics` package: whole days as DATE values, timed events in UTC.
import { createEvents, type EventAttributes } from 'ics';
import type { CalendarItem } from '../../../core/integrations/calendar.ts';

const dayParts = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
};

export interface Invitation {
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

function attributes(item: CalendarItem, invitation?: Invitation): EventAttributes {
  const common = {
    uid: item.uid,
    title: item.title,
    description: item.description,
    url: item.url,
    productId: 'landfall/calendar',
    ...(invitation
      ? {
          organizer: invitation.organizer,
          attendees: invitation.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: true, partstat: 'NEEDS-ACTION' as const, role: 'REQ-PARTICIPANT' as const })),
          status: 'CONFIRMED' as const,
        }
      : {}),
  };
  if (item.kind === 'day') return { ...common, start: dayParts(item.startDay), end: dayParts(item.endDay) };
  const at = item.startsAt;
  return {
    ...common,
    start: [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()],
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: item.durationMinutes },
  };
}

/** A calendar of items (a feed, a download); METHOD:REQUEST with organizer and attendees for an emailed invitation. */
export function calendarFile(items: CalendarItem[], options: { name: string; invitation?: Invitation }): string {
  const { error, value } = createEvents(
    items.map((item) => attributes(item, options.invitation)),
    { calName: options.name, productId: 'landfall/calendar', method: options.invitation ? 'REQUEST' : 'PUBLISH' },
  );
  if (error || value === undefined || value === null) throw new Error(`could not write the calendar: ${String(error)}`);
  return value;
}
