// What kind of change a line of a project's history is, for the filters people use to read it: dates, status,
// customer actions, mail, escalation, or anything else. Pure; the server filters with it and the web app labels with it.

export const HISTORY_CATEGORIES = ['dates', 'status', 'customer', 'mail', 'escalation', 'other'] as const;
export type HistoryCategory = (typeof HISTORY_CATEGORIES)[number];

export const HISTORY_CATEGORY_LABELS: Record<HistoryCategory, string> = {
  dates: 'Dates',
  status: 'Status',
  customer: 'Customer actions',
  mail: 'Mail',
  escalation: 'Escalation',
  other: 'Other changes',
};

export interface CategorisedLine {
  kind: string;
  field: string | null;
  actorName: string;
  /** Set when a customer contact made the change (in the portal). */
  actorContactId: string | null;
}

const DATE_FIELDS = new Set(['pinnedStart', 'durationDays', 'actualStart', 'actualFinish', 'dependsOn', 'projected_finish', 'day0']);
const MAIL_KINDS = new Set(['portal_invited', 'portal_access_asked', 'message_sent', 'mail']);
const ESCALATION_KINDS = new Set(['escalation', 'alert', 'overdue', 'reminder']);
const CUSTOMER_KINDS = new Set(['form_answered', 'file_uploaded', 'approval', 'milestone_rated', 'portal_visit', 'sign_off']);

/**
 * A customer's own action wins (what the customer did is what a manager filters for most), then the escalation
 * ladder and mail (by what wrote the line), then what changed: dates (the engine's moves, durations, pins, actual
 * dates) or a status.
 */
export function historyCategory(line: CategorisedLine): HistoryCategory {
  if (line.actorContactId !== null || CUSTOMER_KINDS.has(line.kind)) return 'customer';
  if (ESCALATION_KINDS.has(line.kind) || line.actorName === 'Escalation ladder') return 'escalation';
  if (MAIL_KINDS.has(line.kind) || line.actorName === 'Cadences') return 'mail';
  if (line.kind === 'projected' || (line.field !== null && DATE_FIELDS.has(line.field))) return 'dates';
  if (line.kind === 'status' || line.field === 'status' || line.kind === 'created') return 'status';
  return 'other';
}
