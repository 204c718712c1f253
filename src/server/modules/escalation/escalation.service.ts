// Reminders and the escalation ladder, run by the background job: per customer account, read what is due,
// let the pure planner decide (core/escalation), then write its decisions: the emails (through the mail
// module's outbox), the project history, the episode of silence and the stalled flag, all in one
// transaction. Exactly once: the account is locked for the run (another process skips it), every action has
// a unique key, and every email a dedupe key (one per contact per day).
import { DateTime } from 'luxon';
import { teamName } from '../../../core/cadences/template.ts';
import { recipientTimeZone } from '../../../core/cadences/timing.ts';
import { addCalendarDays, businessDaysBetween, nextBusinessDay, todayInTimeZone, type BusinessCalendar, type IsoDate } from '../../../core/calendar.ts';
import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import { customerDueDates } from '../../../core/escalation/due.ts';
import { DEFAULT_LADDER, ESCALATION_ACTION_LABELS, ladderProblems, sortLadder, stepKey, type Ladder, type LadderStep } from '../../../core/escalation/ladder.ts';
import { planReminders, type FiredStep, type ReminderInput, type ReminderPlan, type TaskReminder } from '../../../core/escalation/plan.ts';
import { contextFor, inTransaction, SYSTEM_ACTORS, systemActor, type Ctx, type Services } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import * as mailRepo from '../../mail/mail.repo.ts';
import { queueAutomatedMail, queueMail, unsubscribeUrlFor, type AutomatedMail } from '../../mail/mail.service.ts';
import { calendarOf, engineTasks, todayFor } from '../projects/plan.ts';
import { namesOf, projectDependencyRows, projectHeadline, projectTaskRows, type TaskRow } from '../projects/projects.service.ts';
import {
  names,
  overdueSummary,
  reminderLine,
  renderContactDigest,
  renderManagerNotice,
  type ContactDigest,
  type ManagerNotice,
} from './escalation.mail.ts';
import type { EscalationSettingsInput } from '../../../contract/escalation.ts';
import { DEFAULT_VENDOR_QUIET_DAYS } from '../../../core/escalation/vendor.ts';
import * as repo from './escalation.repo.ts';
import { recordEvents, type EventRow } from '../history/history.service.ts';
import { contactsOfAccount } from '../contacts/contacts.service.ts';

/** The ladder's own lines, also when a person's change ends a silence. */
const LADDER = { actorName: SYSTEM_ACTORS.escalation, actorMemberId: null };
const SEND_AT = '09:00';

export const contactMailKey = (contactId: string, today: IsoDate) => `reminders:${contactId}:${today}`;
const memberMailKey = (memberId: string, accountId: string, today: IsoDate) => `escalation:${memberId}:${accountId}:${today}`;
const stepActionKey = (episodeId: string, key: string) => `step:${episodeId}:${key}`;

// ---- settings ----

export async function ladderOf(ctx: Pick<Ctx, 'db' | 'workspaceId'>): Promise<Ladder> {
  const found = await repo.findSettings(ctx.db, ctx.workspaceId);
  return found ? { enabled: found.enabled, steps: found.steps } : DEFAULT_LADDER;
}

/** The vendor ladder's "nothing happened for N business days". */
export async function vendorQuietDaysOf(ctx: Pick<Ctx, 'db' | 'workspaceId'>): Promise<number> {
  return (await repo.findSettings(ctx.db, ctx.workspaceId))?.vendorQuietDays ?? DEFAULT_VENDOR_QUIET_DAYS;
}

export async function getEscalationSettings(ctx: Ctx) {
  const ladder = await ladderOf(ctx);
  return { enabled: ladder.enabled, steps: sortLadder(ladder.steps), defaults: DEFAULT_LADDER.steps, vendorQuietDays: await vendorQuietDaysOf(ctx) };
}

/** Saves the ladder, in the order its steps fire. A repeated step or a day out of range is refused, naming the step. */
export async function saveEscalationSettings(ctx: Ctx, input: Omit<EscalationSettingsInput, 'vendorQuietDays'> & Partial<Pick<EscalationSettingsInput, 'vendorQuietDays'>>) {
  const problems = ladderProblems(input.steps);
  if (problems.length > 0) {
    const errors = problems.map((problem) => ({
      path: ['body', 'steps', problem.index, problem.field],
      message: `steps.${problem.index}.${problem.field}: ${problem.message}`,
    }));
    throw new AppError('invalid', errors.map((error) => error.message).join('; '), { errors });
  }
  const vendorQuietDays = input.vendorQuietDays ?? DEFAULT_VENDOR_QUIET_DAYS;
  await repo.saveSettings(ctx.db, ctx.workspaceId, { enabled: input.enabled, steps: sortLadder(input.steps), vendorQuietDays }, ctx.services.now());
  return getEscalationSettings(ctx);
}

// ---- reading an account ----

type ProjectRow = Awaited<ReturnType<typeof repo.accountProjects>>[number];
type ContactRow = Awaited<ReturnType<typeof contactsOfAccount>>[number];

interface DueTask {
  id: string;
  title: string;
  dueOn: IsoDate;
  assigneeContactId: string | null;
  ownerSide: string;
  status: string;
  actualFinish: string | null;
}

interface LoadedProject {
  row: ProjectRow;
  /** Open customer tasks the customer can act on, with their due date. */
  due: DueTask[];
  /** Every task, for saying which were done when an episode ends. */
  tasks: TaskRow[];
  episode: repo.EpisodeRow | undefined;
  firedSteps: Set<string>;
}

async function dueTasksOf(ctx: Ctx, row: { id: string; day0: string }, calendar: BusinessCalendar) {
  const tasks = await projectTaskRows(ctx, row.id);
  const dependencies = await projectDependencyRows(ctx, row.id);
  const dueOn = customerDueDates(engineTasks(tasks, dependencies), calendar, row.day0);
  const due: DueTask[] = tasks.flatMap((task) => {
    const date = dueOn.get(task.id);
    if (!date || task.milestoneKind || !task.customerVisible) return [];
    return [{ id: task.id, title: task.title, dueOn: date, assigneeContactId: task.assigneeContactId, ownerSide: task.ownerSide, status: task.status, actualFinish: task.actualFinish }];
  });
  return { tasks, due };
}

async function loadAccount(ctx: Ctx, accountId: string) {
  const { db, workspaceId } = ctx;
  const account = await repo.findAccountBrief(db, workspaceId, accountId);
  if (!account) return undefined;
  const calendar = await calendarOf(db, workspaceId);
  const today = todayFor(ctx, calendar);
  const ladder = await ladderOf(ctx);
  const contacts = await contactsOfAccount(ctx, accountId, 'all');
  const projects: LoadedProject[] = [];
  for (const row of await repo.accountProjects(db, workspaceId, accountId)) {
    const episode = await repo.openEpisode(db, workspaceId, row.id);
    if (row.status === 'closed' && !episode) continue;
    const { tasks, due } = await dueTasksOf(ctx, row, calendar);
    projects.push({ row, due, tasks, episode, firedSteps: new Set() });
  }
  const actions = await repo.actionKeys(db, workspaceId, projects.map((project) => project.row.id));
  const sentTaskReminders = new Set<string>();
  for (const action of actions) {
    const project = projects.find((candidate) => candidate.episode && candidate.episode.id === action.episodeId);
    if (project && action.key.startsWith('step:')) project.firedSteps.add(action.key.slice(`step:${action.episodeId}:`.length));
    else if (!action.key.startsWith('step:')) sentTaskReminders.add(action.key);
  }
  const managers = projects.flatMap((project) => (project.row.onboardingManagerId ? [project.row.onboardingManagerId] : []));
  const mailed = await repo.existingMailKeys(db, workspaceId, [
    ...contacts.map((contact) => contactMailKey(contact.id, today)),
    ...managers.map((member) => memberMailKey(member, accountId, today)),
  ]);
  const mailedToday = new Set<string>([
    ...contacts.filter((contact) => mailed.has(contactMailKey(contact.id, today))).map((contact) => contact.id),
    ...managers.filter((member) => mailed.has(memberMailKey(member, accountId, today))),
  ]);
  const input: ReminderInput = {
    today,
    calendar,
    ladder,
    contacts: contacts.map((contact) => ({ id: contact.id, name: contact.name, role: contact.role as ContactRole, leftOn: contact.leftOn })),
    projects: projects.map((project) => ({
      id: project.row.id,
      active: project.row.status === 'active',
      onboardingManagerId: project.row.managerRemovedAt ? null : project.row.onboardingManagerId,
      episode: project.episode ? { startedOn: project.episode.startedOn, stalledSince: project.episode.stalledSince, firedSteps: project.firedSteps } : null,
      tasks: project.due,
    })),
    sentTaskReminders,
    mailedToday,
  };
  return { account, calendar, today, contacts, projects, input };
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadAccount>>>;

// ---- the job ----

/**
 * One pass over every account with a customer task due soon or overdue, or a project in an episode of
 * silence. Called by the escalation job (escalation.job.ts) and by tests with their clock; safe to run on several
 * processes at once: each account is one transaction, and a process skips an account another one holds.
 */
export async function runEscalations(services: Services, limit = 500) {
  const horizon = addCalendarDays(todayInTimeZone(services.now(), 'UTC'), 14);
  const due = await repo.accountsToReview(services.database.db, horizon, limit);
  const totals = { accounts: 0, emails: 0, steps: 0 };
  for (const { workspaceId, accountId } of due) {
    const result = await reviewAccount(services, workspaceId, accountId);
    if (!result) continue;
    totals.accounts++;
    totals.emails += result.emails;
    totals.steps += result.steps;
  }
  return totals;
}

/** Reviews one account now: sends what is due, climbs the ladder, ends silences. Undefined when another process holds it. */
export async function reviewAccount(services: Services, workspaceId: string, accountId: string) {
  const ctx = contextFor(services, systemActor(workspaceId, 'escalation'));
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.tryLockAccount(tx.db, workspaceId, accountId))) return undefined;
    const loaded = await loadAccount(tx, accountId);
    if (!loaded) return { emails: 0, steps: 0 };
    return carryOut(tx, loaded, planReminders(loaded.input));
  });
}

async function carryOut(tx: Ctx, loaded: Loaded, plan: ReminderPlan) {
  const { db, workspaceId } = tx;
  const { today } = loaded;
  const now = tx.services.now();
  const byId = new Map(loaded.projects.map((project) => [project.row.id, project]));
  const events: EventRow[] = [];
  const event = (projectId: string, field: string, headline: string, extra: Partial<EventRow> = {}) =>
    events.push({ workspaceId, projectId, ...LADDER, kind: 'escalation', field, toValue: headline, createdAt: now, ...extra });

  // Episodes of silence: end the answered ones (clearing their stall), open the new ones.
  for (const change of plan.episodes) {
    const project = byId.get(change.projectId)!;
    if (change.kind === 'end' && project.episode) {
      await endEpisode(tx, project, project.episode, today, change.reason === 'inactive' ? `the project is ${project.row.status}` : answeredBy(project), event);
      project.episode = undefined;
    } else if (change.kind === 'start') {
      project.episode = await repo.startEpisode(db, workspaceId, project.row.id, today, now);
    }
  }

  // Record each step and reminder once; what another run already recorded is dropped here.
  const stepRows = plan.steps.map((step) => ({
    workspaceId,
    projectId: step.projectId,
    episodeId: byId.get(step.projectId)!.episode!.id,
    key: stepActionKey(byId.get(step.projectId)!.episode!.id, step.key),
    firedOn: today,
    createdAt: now,
  }));
  const reminderRows = plan.reminders.flatMap((reminder) =>
    reminder.key ? [{ workspaceId, projectId: reminder.projectId, taskId: reminder.taskId, key: reminder.key, firedOn: today, createdAt: now }] : [],
  );
  const written = await repo.recordActions(db, [...stepRows, ...reminderRows]);
  const steps = plan.steps.filter((_, i) => written.has(stepRows[i]!.key));
  // A ladder reminder goes with its step.
  const reminders = plan.reminders.filter((reminder) => (reminder.key ? written.has(reminder.key) : stepFiredFor(steps, reminder)));

  for (const step of steps.filter((candidate) => candidate.step.action === 'flag_stalled')) {
    const project = byId.get(step.projectId)!;
    await repo.flagStalled(db, workspaceId, project.episode!.id, today);
    project.episode = { ...project.episode!, stalledSince: today };
    event(step.projectId, 'stalled', `Flagged stalled, waiting on customer: ${overdueSummary(step.overdue)}`);
  }

  const emails = (await mailContacts(tx, loaded, reminders, steps, event)) + (await mailManagers(tx, loaded, steps, event));
  // A millisecond apart, so the history lists them in the order they happened (the stall before the manager hears of it).
  const ordered = [...events.filter((row) => row.field === 'stalled'), ...events.filter((row) => row.field !== 'stalled')];
  await recordEvents(tx, ordered.map((row, i) => ({ ...row, createdAt: new Date(now.getTime() + i) })));
  return { emails, steps: steps.length };
}

const stepFiredFor = (steps: FiredStep[], reminder: TaskReminder) =>
  steps.some((step) => step.projectId === reminder.projectId && step.step.action === 'remind_assignee');

/** Says which customer tasks were done since the episode began, or that nothing is overdue any more. */
function answeredBy(project: LoadedProject): string {
  const since = project.episode?.startedOn ?? '';
  const done = project.tasks.filter((task) => task.ownerSide === 'customer' && task.status === 'done' && (task.actualFinish ?? '') >= since);
  if (done.length === 0) return 'no customer task is overdue any more';
  return `the customer completed ${names(done.map((task) => `“${task.title}”`))}`;
}

async function endEpisode(
  tx: Ctx,
  project: Pick<LoadedProject, 'row'>,
  episode: repo.EpisodeRow,
  today: IsoDate,
  why: string,
  event: (projectId: string, field: string, headline: string, extra?: Partial<EventRow>) => void,
) {
  await repo.endEpisode(tx.db, tx.workspaceId, episode.id, today, why);
  if (episode.stalledSince) {
    event(project.row.id, 'stalled', `No longer stalled: ${why}`, { fromValue: episode.stalledSince });
  } else if ((await repo.episodeActions(tx.db, tx.workspaceId, episode.id)).length > 0) {
    event(project.row.id, 'escalation_ended', `Escalation ended: ${why}`);
  }
}

// ---- the emails ----

async function senderOf(project: LoadedProject | undefined, workspaceName: string) {
  const manager = project?.row.managerName && !project.row.managerRemovedAt ? project.row : undefined;
  const team = teamName(workspaceName, true);
  return manager
    ? { name: manager.managerName!, replyTo: manager.managerEmail, signature: `${manager.managerName}\nYour onboarding manager` }
    : { name: team, replyTo: null, signature: team };
}

/** Where the outbox put a message, for the history line: held by the cap, or not sent and why. */
async function mailNote(tx: Ctx, dedupeKey: string, address: string): Promise<string> {
  const row = await repo.outboxState(tx.db, tx.workspaceId, dedupeKey);
  if (!row) return `Emailed to ${address}.`;
  if (row.state === 'suppressed') return `Not sent to ${address}: ${row.reason ?? 'suppressed'}`;
  return row.reason ? `Emailed to ${address}. ${row.reason}` : `Emailed to ${address}.`;
}

async function mailContacts(
  tx: Ctx,
  loaded: Loaded,
  reminders: TaskReminder[],
  steps: FiredStep[],
  event: (projectId: string, field: string, headline: string, extra?: Partial<EventRow>) => void,
): Promise<number> {
  const { db, workspaceId, services } = tx;
  const { account, today, calendar } = loaded;
  const contacts = new Map(loaded.contacts.map((contact) => [contact.id, contact]));
  const projectName = (id: string) => loaded.projects.find((project) => project.row.id === id)!.row.name;
  const tells = steps.filter((step) => step.step.action === 'tell_champion' || step.step.action === 'tell_executive_sponsor');
  const recipients = new Set([...reminders.map((reminder) => reminder.contactId), ...tells.flatMap((step) => step.recipients.map((recipient) => recipient.id))]);
  const unsubscribed = await mailRepo.unsubscribedContacts(db, workspaceId, [...recipients]);
  const mails: AutomatedMail[] = [];
  const written: { contact: ContactRow; key: string; reminders: TaskReminder[]; tells: FiredStep[] }[] = [];

  for (const contactId of recipients) {
    const contact = contacts.get(contactId)!;
    const mine = reminders.filter((reminder) => reminder.contactId === contactId);
    const told = tells.filter((step) => step.recipients.some((recipient) => recipient.id === contactId));
    const projectIds = [...new Set([...mine.map((reminder) => reminder.projectId), ...told.map((step) => step.projectId)])];
    const sender = await senderOf(loaded.projects.find((project) => project.row.id === projectIds[0]), account.workspaceName);
    const unsubscribeUrl = await unsubscribeUrlFor(db, services, workspaceId, contactId);
    const digest: ContactDigest = {
      firstName: contact.name.trim().split(/\s+/)[0] ?? contact.name,
      accountName: account.name,
      reminders: projectIds
        .map((projectId) => ({ projectName: projectName(projectId), items: mine.filter((reminder) => reminder.projectId === projectId) }))
        .filter((group) => group.items.length > 0),
      escalations: told.map((step) => ({
        projectName: projectName(step.projectId),
        role: contact.role as ContactRole,
        overdue: step.overdue.map((task) => ({ ...task, assigneeName: task.assigneeContactId ? (contacts.get(task.assigneeContactId)?.name ?? null) : null })),
      })),
      // The customer portal's sign-in page, from the configured public address (never a request's Host).
      portalUrl: `${services.config.publicUrl}/portal`,
      signature: sender.signature,
      unsubscribeUrl,
    };
    const rendered = renderContactDigest(digest);
    const zone = recipientTimeZone(contact.timezone, account.timezone, account.workspaceTimezone);
    const nineOClock = DateTime.fromISO(`${today}T${SEND_AT}`, { zone }).toJSDate();
    const key = contactMailKey(contactId, today);
    const onlyTask = new Set(mine.map((reminder) => reminder.taskId));
    mails.push({
      dedupeKey: key,
      to: contact.email,
      ...rendered,
      channel: 'email',
      fromName: sender.name,
      replyTo: sender.replyTo,
      unsubscribeUrl,
      contactId,
      projectId: projectIds[0] ?? null,
      cadenceId: null,
      stepId: null,
      stepName: told.length > 0 ? 'Escalation' : 'Reminder',
      occurrence: 0,
      priority: 'high',
      dueAt: nineOClock > services.now() ? nineOClock : services.now(),
      recipientTimezone: zone,
      // A reminder about one task is moot once it is done: checked again just before sending.
      goalTaskId: told.length === 0 && onlyTask.size === 1 ? [...onlyTask][0]! : null,
      skip: unsubscribed.has(contactId) ? 'The contact unsubscribed from automated email.' : null,
    });
    written.push({ contact, key, reminders: mine, tells: told });
  }
  const rules = await mailRepo.capRules(db, workspaceId);
  const count = await queueAutomatedMail(db, services, workspaceId, mails, calendar, rules);

  for (const { contact, key, reminders: mine, tells: told } of written) {
    const note = await mailNote(tx, key, contact.email);
    for (const projectId of new Set(mine.map((reminder) => reminder.projectId))) {
      event(projectId, 'reminder', reminderLine(contact.name, mine.filter((reminder) => reminder.projectId === projectId)), { reason: note });
    }
    for (const step of told) {
      const role = CONTACT_ROLE_LABELS[contact.role as ContactRole] ?? contact.role;
      const instead = step.step.action === 'tell_champion' && contact.role !== 'champion' ? ' (there is no champion)' : '';
      event(step.projectId, step.step.action, `${role} ${contact.name} told${instead}: ${overdueSummary(step.overdue)}`, { reason: note });
    }
  }
  // Steps with nobody to tell say so, so the manager knows to add the right person.
  for (const step of steps.filter((candidate) => candidate.recipients.length === 0 && candidate.step.action !== 'flag_stalled')) {
    event(step.projectId, step.step.action, nobodyLine(step, account.name));
  }
  return count;
}

function nobodyLine(step: FiredStep, accountName: string): string {
  switch (step.step.action) {
    case 'remind_assignee':
      return `Nobody to remind (${overdueSummary(step.overdue)}): the tasks have no assignee and ${accountName} no champion or project lead`;
    case 'tell_champion':
      return `No champion to tell (${overdueSummary(step.overdue)}): add a champion or project lead to ${accountName}`;
    case 'tell_executive_sponsor':
      return `No executive sponsor to tell (${overdueSummary(step.overdue)}): add one to ${accountName}`;
    default:
      return `No onboarding manager to tell (${overdueSummary(step.overdue)}): assign one to the project`;
  }
}

async function mailManagers(
  tx: Ctx,
  loaded: Loaded,
  steps: FiredStep[],
  event: (projectId: string, field: string, headline: string, extra?: Partial<EventRow>) => void,
): Promise<number> {
  const { db, workspaceId, services } = tx;
  const told = steps.filter((step) => step.step.action === 'tell_onboarding_manager' && step.recipients.length > 0);
  const contacts = new Map(loaded.contacts.map((contact) => [contact.id, contact.name]));
  let count = 0;
  for (const memberId of new Set(told.map((step) => step.recipients[0]!.id))) {
    const mine = told.filter((step) => step.recipients[0]!.id === memberId);
    const projects = mine.map((step) => loaded.projects.find((project) => project.row.id === step.projectId)!);
    const manager = projects[0]!.row;
    const notices: ManagerNotice[] = [];
    for (const [i, step] of mine.entries()) {
      const project = projects[i]!;
      const done = project.episode ? await repo.episodeActions(db, workspaceId, project.episode.id) : [];
      notices.push({
        projectName: project.row.name,
        accountName: loaded.account.name,
        projectUrl: `${services.config.publicUrl}/projects/${project.row.id}`,
        stalled: project.episode?.stalledSince !== null && project.episode?.stalledSince !== undefined,
        overdue: step.overdue.map((task) => ({ ...task, assigneeName: task.assigneeContactId ? (contacts.get(task.assigneeContactId) ?? null) : null })),
        steps: done.flatMap((action) => {
          const [, , days, action_] = action.key.split(':');
          return action_ && action_ !== 'tell_onboarding_manager' ? [`Day ${days}: ${ESCALATION_ACTION_LABELS[action_ as LadderStep['action']]} (${action.firedOn})`] : [];
        }),
      });
    }
    const rendered = renderManagerNotice(manager.managerName!.split(/\s+/)[0] ?? manager.managerName!, notices);
    const key = memberMailKey(memberId, loaded.account.id, loaded.today);
    await queueMail(db, services, workspaceId, { dedupeKey: key, to: manager.managerEmail!, ...rendered });
    count++;
    for (const step of mine) {
      event(step.projectId, 'tell_onboarding_manager', `Onboarding manager ${manager.managerName} told: ${overdueSummary(step.overdue)}`, {
        reason: `Emailed to ${manager.managerEmail}.`,
      });
    }
  }
  return count;
}

// ---- a project's escalation, for its page ----

/** The project's silence as people see it: stalled or not, overdue customer tasks, where it is on the ladder. */
export async function projectEscalation(ctx: Ctx, projectId: string) {
  const summary = await projectHeadline(ctx, projectId);
  if (!summary) throw notFound('project');
  const calendar = await calendarOf(ctx.db, ctx.workspaceId);
  const today = todayFor(ctx, calendar);
  const ladder = await ladderOf(ctx);
  const { due } = await dueTasksOf(ctx, { id: projectId, day0: summary.day0 }, calendar);
  const names_ = await namesOf(ctx, [], due.flatMap((task) => (task.assigneeContactId ? [task.assigneeContactId] : [])));
  const tasks = due
    .map((task) => ({
      taskId: task.id,
      title: task.title,
      dueOn: task.dueOn,
      overdueDays: businessDaysBetween(task.dueOn, today, calendar),
      assigneeName: task.assigneeContactId ? (names_.get(task.assigneeContactId) ?? null) : null,
    }))
    .sort((a, b) => b.overdueDays - a.overdueDays || a.title.localeCompare(b.title));
  const episode = await repo.openEpisode(ctx.db, ctx.workspaceId, projectId);
  const fired = episode ? await repo.episodeActions(ctx.db, ctx.workspaceId, episode.id) : [];
  const firedOn = new Map(fired.map((action) => [action.key.slice(`step:${episode!.id}:`.length), action.firedOn]));
  const last = episode ? undefined : await repo.lastEpisode(ctx.db, ctx.workspaceId, projectId);
  const oldest = tasks[0] && tasks[0].overdueDays >= 1 ? tasks[0].overdueDays : 0;
  const tomorrow = nextBusinessDay(today, calendar);
  return {
    enabled: ladder.enabled,
    today,
    stalledSince: episode?.stalledSince ?? null,
    episode: episode
      ? {
          startedOn: episode.startedOn,
          overdueDays: oldest,
          steps: sortLadder(ladder.steps).map((step) => ({ ...step, label: ESCALATION_ACTION_LABELS[step.action], firedOn: firedOn.get(stepKey(step)) ?? null })),
        }
      : null,
    lastEpisode: last?.endedOn ? { startedOn: last.startedOn, endedOn: last.endedOn, endReason: last.endReason } : null,
    overdueTasks: tasks.filter((task) => task.overdueDays >= 1),
    dueSoon: tasks.filter((task) => task.overdueDays < 1 && task.dueOn <= tomorrow),
    describe: oldest > 0 ? overdueSummary(tasks.filter((task) => task.overdueDays >= 1)) : null,
  };
}

/**
 * On task.changed (app/reactions.ts), in the transaction of the change: when a customer task is done (or re-dated) and nothing
 * the customer owes is overdue any more, the silence is over at once: the stall is cleared, with a history line.
 */
export async function endSilenceIfAnswered(tx: Ctx, projectId: string) {
  const episode = await repo.openEpisode(tx.db, tx.workspaceId, projectId);
  if (!episode) return;
  const project = await projectHeadline(tx, projectId);
  if (!project) return;
  const calendar = await calendarOf(tx.db, tx.workspaceId);
  const today = todayFor(tx, calendar);
  const { due, tasks } = await dueTasksOf(tx, project, calendar);
  if (project.status === 'active' && due.some((task) => businessDaysBetween(task.dueOn, today, calendar) >= 1)) return;
  const events: EventRow[] = [];
  const loaded = { row: { id: project.id, status: project.status } as ProjectRow, due, tasks, episode, firedSteps: new Set<string>() };
  const why = project.status === 'active' ? answeredBy(loaded) : `the project is ${project.status}`;
  await endEpisode(tx, loaded, episode, today, why, (projectId, field, headline, extra = {}) =>
    events.push({ workspaceId: tx.workspaceId, projectId, ...LADDER, kind: 'escalation', field, toValue: headline, createdAt: tx.services.now(), ...extra }),
  );
  await recordEvents(tx, events);
}
