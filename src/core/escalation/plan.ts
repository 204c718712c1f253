// Reminders and the escalation ladder, decided for one customer account on one day: which customer tasks
// earn their assignee a reminder, which ladder steps are due, when a project's silence begins and ends.
// Plain data in, plain data out; the server renders the emails, writes them and the history.
//
// Days overdue are business days of the workspace calendar, not calendar days: the plan's durations are
// business days, the customer is not silent over a weekend or a public holiday, and nothing is sent on
// those days anyway. So "day 5" is a working week after the due date, "day 21" a bit over four.
//
// Escalation steps fire once per episode of silence, not once per task: an episode starts when a project's
// first customer task becomes overdue and ends when none is overdue any more (done, skipped, or given a
// later date). Its day is the age of its oldest overdue task. The champion and the sponsor then hear about
// the project once ("3 tasks, the oldest 10 business days overdue"), not once for each task that slips in
// the same silence; the stalled flag is a state of the project, cleared when the episode ends; a later
// silence is a new episode and climbs the ladder from the start.
import { businessDaysBetween, isBusinessDay, nextBusinessDay, type BusinessCalendar, type IsoDate } from '../calendar.ts';
import type { ContactRole } from '../people.ts';
import { sortLadder, stepKey, type Ladder, type LadderStep } from './ladder.ts';

export interface ReminderTask {
  id: string;
  title: string;
  /** See due.ts: the later of the baseline finish and the finish as things happened. */
  dueOn: IsoDate;
  assigneeContactId: string | null;
}

export interface ReminderContact {
  id: string;
  name: string;
  role: ContactRole;
  leftOn: IsoDate | null;
}

export interface OpenEpisode {
  startedOn: IsoDate;
  stalledSince: IsoDate | null;
  /** stepKey of the steps already fired in this episode. */
  firedSteps: ReadonlySet<string>;
}

export interface ReminderProject {
  id: string;
  /** Paused and closed projects send nothing, and their silence ends. */
  active: boolean;
  onboardingManagerId: string | null;
  episode: OpenEpisode | null;
  /** Open customer-owned tasks the customer can act on, with their due date. */
  tasks: readonly ReminderTask[];
}

export interface ReminderInput {
  today: IsoDate;
  calendar: BusinessCalendar;
  ladder: Ladder;
  projects: readonly ReminderProject[];
  /** Every contact of the account, leavers included (they are skipped). */
  contacts: readonly ReminderContact[];
  /** taskReminderKey of the reminders already sent. */
  sentTaskReminders: ReadonlySet<string>;
  /**
   * Contacts and members who already had their reminder email today. One a day: what is new for them
   * today waits for the next business day (and so does everything after it on the ladder).
   */
  mailedToday: ReadonlySet<string>;
}

export type ReminderKind = 'due_soon' | 'overdue' | 'ladder';

export interface TaskReminder {
  projectId: string;
  taskId: string;
  title: string;
  dueOn: IsoDate;
  /** Business days past due: 0 due today, -1 due on the next business day. */
  overdueDays: number;
  kind: ReminderKind;
  /** Who gets it: the assignee, or the champion when the task has no current assignee. */
  contactId: string;
  /** The task has no current assignee, so the champion (or project lead) is asked to see to it. */
  unassigned: boolean;
  /** What to record so it is not sent again (null for a ladder reminder: the step records itself). */
  key: string | null;
}

export interface OverdueTask {
  taskId: string;
  title: string;
  dueOn: IsoDate;
  overdueDays: number;
  assigneeContactId: string | null;
}

export type Recipient = { kind: 'contact'; id: string } | { kind: 'member'; id: string };

export interface FiredStep {
  projectId: string;
  step: LadderStep;
  key: string;
  /** The project's overdue tasks, oldest first. */
  overdue: OverdueTask[];
  /** Who is told (tell_* steps) or reminded (remind_assignee); empty when there is nobody to tell. */
  recipients: Recipient[];
}

export interface EpisodeChange {
  projectId: string;
  kind: 'start' | 'end';
  /** Ending an episode whose project was flagged stalled clears the flag. */
  clearsStall: boolean;
  /** Why it ended: nothing overdue any more, or the project is not active. */
  reason: 'nothing_overdue' | 'inactive' | null;
}

export interface ReminderPlan {
  reminders: TaskReminder[];
  steps: FiredStep[];
  episodes: EpisodeChange[];
  /** Projects whose episode is now at this many business days (oldest overdue task). */
  episodeDays: Map<string, number>;
}

export const taskReminderKey = (taskId: string, dueOn: IsoDate, kind: 'due_soon' | 'overdue') => `${kind}:${taskId}:${dueOn}`;

const FALLBACK_FOR_UNASSIGNED: ContactRole[] = ['champion', 'project_lead'];

export function planReminders(input: ReminderInput): ReminderPlan {
  const { today, calendar, ladder } = input;
  const plan: ReminderPlan = { reminders: [], steps: [], episodes: [], episodeDays: new Map() };
  const current = input.contacts.filter((contact) => contact.leftOn === null || contact.leftOn > today);
  const currentIds = new Set(current.map((contact) => contact.id));
  const withRole = (roles: ContactRole[]) => {
    for (const role of roles) {
      const found = current.filter((contact) => contact.role === role);
      if (found.length > 0) return found.map((contact) => contact.id);
    }
    return [];
  };
  const fallback = withRole(FALLBACK_FOR_UNASSIGNED);
  const recipientsOf = (task: { assigneeContactId: string | null }): { ids: string[]; unassigned: boolean } =>
    task.assigneeContactId && currentIds.has(task.assigneeContactId)
      ? { ids: [task.assigneeContactId], unassigned: false }
      : { ids: fallback, unassigned: true };
  const busy = (id: string) => input.mailedToday.has(id);
  const workday = isBusinessDay(today, calendar);
  const tomorrow = nextBusinessDay(today, calendar);

  for (const project of input.projects) {
    const aged = project.tasks
      .map((task) => ({ task, overdueDays: businessDaysBetween(task.dueOn, today, calendar) }))
      .sort((a, b) => b.overdueDays - a.overdueDays || a.task.id.localeCompare(b.task.id));
    const overdue = aged.filter((entry) => entry.overdueDays >= 1);

    if (!project.active || overdue.length === 0) {
      if (project.episode) {
        plan.episodes.push({
          projectId: project.id,
          kind: 'end',
          clearsStall: project.episode.stalledSince !== null,
          reason: project.active ? 'nothing_overdue' : 'inactive',
        });
      }
      if (!project.active) continue;
    }
    if (!workday || !ladder.enabled) continue;

    // Each task's own reminders: the day before it is due (or on the day, when that was missed), and once overdue.
    for (const { task, overdueDays } of aged) {
      const kind = overdueDays >= 1 ? 'overdue' : task.dueOn <= tomorrow && task.dueOn >= today ? 'due_soon' : null;
      if (!kind) continue;
      const key = taskReminderKey(task.id, task.dueOn, kind);
      if (input.sentTaskReminders.has(key)) continue;
      const { ids, unassigned } = recipientsOf(task);
      if (ids.some(busy)) continue;
      for (const contactId of ids) {
        plan.reminders.push({ projectId: project.id, taskId: task.id, title: task.title, dueOn: task.dueOn, overdueDays, kind, contactId, unassigned, key });
      }
    }

    if (overdue.length === 0) continue;
    if (!project.episode) plan.episodes.push({ projectId: project.id, kind: 'start', clearsStall: false, reason: null });
    const day = overdue[0]!.overdueDays;
    plan.episodeDays.set(project.id, day);
    const fired = project.episode?.firedSteps ?? new Set<string>();
    const overdueTasks: OverdueTask[] = overdue.map(({ task, overdueDays }) => ({
      taskId: task.id,
      title: task.title,
      dueOn: task.dueOn,
      overdueDays,
      assigneeContactId: task.assigneeContactId,
    }));

    for (const step of sortLadder(ladder.steps)) {
      if (!step.enabled || step.overdueDays > day) continue;
      const key = stepKey(step);
      if (fired.has(key)) continue;
      const recipients = stepRecipients(step, overdueTasks, project, recipientsOf, withRole);
      // A step waits for everyone it tells to be free today, and the steps after it wait for it.
      if (recipients.some((recipient) => busy(recipient.id))) break;
      plan.steps.push({ projectId: project.id, step, key, overdue: overdueTasks, recipients });
      if (step.action !== 'remind_assignee') continue;
      for (const task of overdueTasks) {
        const { ids, unassigned } = recipientsOf(task);
        for (const contactId of ids) {
          plan.reminders.push({ projectId: project.id, taskId: task.taskId, title: task.title, dueOn: task.dueOn, overdueDays: task.overdueDays, kind: 'ladder', contactId, unassigned, key: null });
        }
      }
    }
  }
  return plan;
}

function stepRecipients(
  step: LadderStep,
  overdue: OverdueTask[],
  project: ReminderProject,
  recipientsOf: (task: { assigneeContactId: string | null }) => { ids: string[] },
  withRole: (roles: ContactRole[]) => string[],
): Recipient[] {
  const contacts = (ids: string[]): Recipient[] => ids.map((id) => ({ kind: 'contact', id }));
  switch (step.action) {
    case 'remind_assignee':
      return contacts([...new Set(overdue.flatMap((task) => recipientsOf(task).ids))]);
    case 'tell_champion':
      return contacts(withRole(['champion', 'project_lead']));
    case 'tell_executive_sponsor':
      return contacts(withRole(['executive_sponsor']));
    case 'tell_onboarding_manager':
      return project.onboardingManagerId ? [{ kind: 'member', id: project.onboardingManagerId }] : [];
    case 'flag_stalled':
      return [];
  }
}
