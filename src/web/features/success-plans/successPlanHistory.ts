import { formatShortDate } from '../projects/dates.ts';
import type { ProjectEvent } from '../projects/projects.api.ts';

const WHAT: Record<string, string> = {
  goals: 'Success plan goals',
  executive_sponsor: 'Executive sponsor',
  communication_cadence: 'Communication cadence',
  outcome: 'Outcome',
  metric: 'Success metric',
  metric_owner: 'Success metric owner',
  actual: 'Actual',
  verification_request: 'Verification requested',
  verification: 'Outcome verified by the customer',
  first_value: 'First value reached',
  value_achieved: 'Value achieved',
};

const short = (value: string | null) => (value && value.length > 80 ? `${value.slice(0, 80)}…` : value);
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A line of the project's history for a change to its success plan. */
export function describeSuccessPlanEvent(event: Pick<ProjectEvent, 'field' | 'fromValue' | 'toValue'>): string {
  const what = WHAT[event.field ?? ''] ?? 'Success plan';
  if (isDay(event.toValue)) return `${what} on ${formatShortDate(event.toValue)}${isDay(event.fromValue) ? ` (was ${formatShortDate(event.fromValue)})` : ''}`;
  if (event.fromValue && event.toValue) return `${what}: ${short(event.fromValue)} → ${short(event.toValue)}`;
  if (event.toValue) return `${what}: ${short(event.toValue)}`;
  if (event.fromValue) return `${what} removed: ${short(event.fromValue)}`;
  return `${what} cleared`;
}
