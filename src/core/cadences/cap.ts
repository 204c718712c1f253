// The frequency cap on automated mail to one person (default: at most one a day and three a week, counted
// on the local calendar day and ISO week of the recipient). Higher priority takes the slot; lower waits a few
// business days or is dropped, and every decision says why.
import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../calendar.ts';
import { capWindows, sameTimeBusinessDaysLater } from './timing.ts';
import type { Priority } from './types.ts';

export interface CapRules {
  perDay: number;
  perWeek: number;
}

export const DEFAULT_CAP: CapRules = { perDay: 1, perWeek: 3 };

/** How many business days a message may wait for a free slot before it is dropped. */
export const MAX_WAIT_DAYS: Record<Priority, number> = { high: 5, normal: 3, low: 0 };

const RANK: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

/** A message that keeps its time: sent, being sent, or not automated. */
export interface FixedMessage {
  at: number;
}

/** A message whose time the cap may still choose. */
export interface PendingMessage {
  id: string;
  dueAt: number;
  priority: Priority;
  /** Says what the message is, in the reason of the others ("the welcome email"). */
  label: string;
  /**
   * A reminder or an escalation: it outranks every cadence step and digest (it takes its slot first, moving
   * them), and it is never held, so it never arrives after the due date it reminds of: when the slot is
   * already taken by mail sent, it goes anyway, over the cap, and says so.
   */
  timeCritical?: boolean | undefined;
}

export type CapDecision =
  | { kind: 'send'; at: number; reason: string | null }
  | { kind: 'drop'; reason: string };

const describeDay = (at: number, timeZone: string) => DateTime.fromMillis(at, { zone: timeZone }).toFormat('ccc d LLL');
const describeMoment = (at: number, timeZone: string) => DateTime.fromMillis(at, { zone: timeZone }).toFormat('ccc d LLL HH:mm');

/**
 * Gives each pending message a time: its due time when the caps allow, else the same local time on a later
 * business day (up to its priority's wait), else drop. Higher priority first, then earlier due, so a
 * high-priority message takes a slot ahead of a lower one due the same day.
 */
export function allocateSlots(
  fixed: FixedMessage[],
  pending: PendingMessage[],
  rules: CapRules,
  timeZone: string,
  calendar: BusinessCalendar,
): Map<string, CapDecision> {
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  const take = (at: number) => {
    const { day, week } = capWindows(at, timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  };
  fixed.forEach((message) => take(message.at));
  const capText = `the frequency cap (${rules.perDay} a day, ${rules.perWeek} a week)`;

  const decisions = new Map<string, CapDecision>();
  const critical = (message: PendingMessage) => (message.timeCritical ? 0 : 1);
  const order = [...pending].sort(
    (a, b) => critical(a) - critical(b) || RANK[a.priority] - RANK[b.priority] || a.dueAt - b.dueAt || a.id.localeCompare(b.id),
  );
  for (const message of order) {
    let at = message.dueAt;
    let decided: CapDecision | undefined;
    let firstBlock = '';
    if (message.timeCritical) {
      const { day, week } = capWindows(at, timeZone);
      const full = (perDay.get(day) ?? 0) >= rules.perDay || (perWeek.get(week) ?? 0) >= rules.perWeek;
      take(at);
      decisions.set(message.id, { kind: 'send', at, reason: full ? `Sent over ${capText}: a reminder or escalation is never held past its day.` : null });
      continue;
    }
    for (let waited = 0; waited <= MAX_WAIT_DAYS[message.priority]; waited++) {
      if (waited > 0) at = sameTimeBusinessDaysLater(message.dueAt, waited, timeZone, calendar);
      const { day, week } = capWindows(at, timeZone);
      const dayFull = (perDay.get(day) ?? 0) >= rules.perDay;
      const weekFull = (perWeek.get(week) ?? 0) >= rules.perWeek;
      if (!dayFull && !weekFull) {
        const reason =
          waited === 0 ? null : `Held from ${describeMoment(message.dueAt, timeZone)} to ${describeMoment(at, timeZone)} by ${capText}: ${firstBlock}.`;
        decided = { kind: 'send', at, reason };
        break;
      }
      if (!firstBlock) {
        firstBlock = dayFull
          ? `${describeDay(at, timeZone)} already has ${rules.perDay} automated email${rules.perDay === 1 ? '' : 's'}`
          : `the week of ${describeDay(at, timeZone)} already has ${rules.perWeek}`;
      }
    }
    if (!decided) {
      const waitText = MAX_WAIT_DAYS[message.priority] === 0 ? 'a low-priority message does not wait' : `no free slot within ${MAX_WAIT_DAYS[message.priority]} business days`;
      decided = { kind: 'drop', reason: `Dropped by ${capText}: ${firstBlock}, and ${waitText}.` };
    } else if (decided.kind === 'send') {
      take(decided.at);
    }
    decisions.set(message.id, decided);
  }
  return decisions;
}
