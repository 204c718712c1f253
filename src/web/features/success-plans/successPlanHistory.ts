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

/** A line of the project's history for a change to its success plan. */
export function describeSuccessPlanEvent(event: Pick<ProjectEvent, 'field' | 'fromValue' | 'toValue'>): string {
  const what = WHAT[event.field ?? ''] ?? 'Success plan';
  if (event.fromValue && event.toValue) return `${what}: ${short(event.fromValue)} → ${short(event.toValue)}`;
  if (event.toValue) return `${what}: ${short(event.toValue)}`;
  if (event.fromValue) return `${what} removed: ${short(event.fromValue)}`;
  return `${what} cleared`;
}
