// The vendor's own escalation ladder, the mirror of the customer's (plan.ts): when the vendor's work is late
// (an open vendor task past its due date) or nothing has happened on a project for a number of business days
// (the workspace's setting), the project's owner is reminded; if it is still so a few business days later,
// the team lead is told. Each step fires once per silence: a silence starts on the first business day after
// the oldest overdue vendor task's due date, or on the day the project went quiet, and a new silence (the
// task done, someone acting on the project) climbs the ladder from the start.
import { addBusinessDays, businessDaysBetween, isBusinessDay, nextBusinessDay, type BusinessCalendar, type IsoDate } from '../calendar.ts';

export const VENDOR_ACTIONS = ['remind_owner', 'tell_team_lead'] as const;
export type VendorAction = (typeof VENDOR_ACTIONS)[number];

/** Business days from the owner's reminder to the team lead being told, when nothing changed. */
export const TELL_LEAD_AFTER_DAYS = 3;
/** The default for "nothing happened for N business days". */
export const DEFAULT_VENDOR_QUIET_DAYS = 5;

export interface VendorTask {
  id: string;
  title: string;
  dueOn: IsoDate;
}

export interface VendorProject {
  id: string;
  /** Paused and closed projects are not chased. */
  active: boolean;
  ownerId: string | null;
  /** The last day a person (a member or a contact) did something on the project. */
  lastActivityOn: IsoDate;
  /** Open vendor tasks the vendor can act on, with their due date. */
  tasks: readonly VendorTask[];
}

export interface VendorLadderInput {
  today: IsoDate;
  calendar: BusinessCalendar;
  quietDays: number;
  teamLeadIds: readonly string[];
  projects: readonly VendorProject[];
  /** Keys of the steps already fired (vendorStepKey). */
  fired: ReadonlySet<string>;
}

export interface VendorStep {
  projectId: string;
  action: VendorAction;
  key: string;
  /** Why: the vendor's late tasks (oldest first), or none when the project is only quiet. */
  overdue: (VendorTask & { overdueDays: number })[];
  /** The last day a person acted on it, when the project is quiet. */
  quietSince: IsoDate | null;
  /** Members told; empty when there is nobody (no owner, no team lead). */
  recipients: string[];
}

export const vendorStepKey = (startedOn: IsoDate, action: VendorAction) => `vendor:${startedOn}:${action}`;

export function planVendorLadder(input: VendorLadderInput): VendorStep[] {
  const { today, calendar } = input;
  if (!isBusinessDay(today, calendar)) return [];
  const steps: VendorStep[] = [];
  for (const project of input.projects) {
    if (!project.active) continue;
    const overdue = project.tasks
      .filter((task) => task.dueOn < today)
      .map((task) => ({ ...task, overdueDays: businessDaysBetween(task.dueOn, today, calendar) }))
      .filter((task) => task.overdueDays >= 1)
      .sort((a, b) => b.overdueDays - a.overdueDays || a.id.localeCompare(b.id));
    const quietFrom = addBusinessDays(project.lastActivityOn, input.quietDays, calendar);
    const quiet = quietFrom <= today;
    if (overdue.length === 0 && !quiet) continue;
    const lateFrom = overdue.length > 0 ? nextBusinessDay(overdue[0]!.dueOn, calendar) : null;
    const startedOn = lateFrom && (!quiet || lateFrom <= quietFrom) ? lateFrom : quietFrom;
    const day = businessDaysBetween(startedOn, today, calendar);
    const ladder: [VendorAction, number, string[]][] = [
      ['remind_owner', 0, project.ownerId ? [project.ownerId] : []],
      ['tell_team_lead', TELL_LEAD_AFTER_DAYS, [...input.teamLeadIds]],
    ];
    for (const [action, atDay, recipients] of ladder) {
      const key = vendorStepKey(startedOn, action);
      if (day < atDay || input.fired.has(key)) continue;
      steps.push({ projectId: project.id, action, key, overdue, quietSince: quiet ? project.lastActivityOn : null, recipients });
    }
  }
  return steps;
}
