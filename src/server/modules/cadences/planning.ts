// Between the database and the pure cadence planner: read a project's cadence, contacts, tasks and events,
// plan, render what is due, and hand it to the mail module's outbox (with the frequency cap).
import { DateTime } from 'luxon';
import { messageKey, planCadence, type CadencePlan, type PlanContact } from '../../../core/cadences/plan.ts';
import { renderStep, teamName, withFallbacks, type DigestProject, type MessageVariables } from '../../../core/cadences/template.ts';
import { recipientTimeZone } from '../../../core/cadences/timing.ts';
import type { CadenceStep, Sender } from '../../../core/cadences/types.ts';
import type { AutomatedAction } from '../../../core/playbooks/definition.ts';
import type { BusinessCalendar } from '../../../core/calendar.ts';
import { MEMBER_ROLE_LABELS, type ContactRole, type MemberRole } from '../../../core/people.ts';
import type { Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { frequencyCapOf, queueAutomatedMail, unsubscribedAmong, unsubscribeUrlFor, type AutomatedMail } from '../../mail/mail.service.ts';
import { businessCalendarOf } from '../workspaces/workspaces.service.ts';
import * as repo from './cadences.repo.ts';

export type ProjectContext = NonNullable<Awaited<ReturnType<typeof repo.projectContext>>>;
type ContactRow = Awaited<ReturnType<typeof repo.accountContacts>>[number];
type TaskRow = Awaited<ReturnType<typeof repo.projectTasks_>>[number];
type MemberBrief = NonNullable<Awaited<ReturnType<typeof repo.findMemberBrief>>>;

export interface PlanningData {
  project: ProjectContext;
  cadence: repo.CadenceRow;
  calendar: BusinessCalendar;
  contacts: ContactRow[];
  tasks: TaskRow[];
  manager: MemberBrief | undefined;
  plan: CadencePlan;
}

/** Reads everything the planner needs for one project and plans its cadence as of now. One query after another (PGlite). */
export async function loadPlan(db: Db, services: Services, workspaceId: string, projectId: string, attachment: { cadenceId: string; attachedAt: Date }) {
  const project = await repo.projectContext(db, workspaceId, projectId);
  const cadence = await repo.findCadence(db, workspaceId, attachment.cadenceId);
  if (!project || !cadence) return undefined;
  // The workspace's whole calendar: its own holidays and its country's public holidays, as projects are planned on.
  const calendar = await businessCalendarOf(db, workspaceId);
  const contacts = await repo.accountContacts(db, workspaceId, project.accountId);
  const tasks = await repo.projectTasks_(db, workspaceId, projectId);
  const events = await repo.listEvents(db, workspaceId, projectId);
  const existing = await repo.existingMessageKeys(db, workspaceId, projectId);
  const unsubscribed = await unsubscribedAmong(db, workspaceId, contacts.map((contact) => contact.id));
  const lastActivity = (await repo.lastActivity(db, workspaceId, projectId)) ?? project.createdAt;
  const manager = await managerOf(db, workspaceId, project);
  const attachedDay = DateTime.fromJSDate(attachment.attachedAt).toISODate()!;
  const welcomeTiming = await repo.welcomeTimingOf(db, workspaceId);

  const addedAt = new Map(events.flatMap((event) => (event.kind === 'contact_added' && event.contactId ? [[event.contactId, event.occurredAt.getTime()] as const] : [])));
  const planContacts: PlanContact[] = contacts
    .filter((contact) => !contact.leftOn || contact.leftOn >= attachedDay)
    .map((contact) => ({
      id: contact.id,
      role: contact.role as ContactRole,
      timeZone: recipientTimeZone(contact.timezone, project.accountTimezone, project.workspaceTimezone),
      leftOn: contact.leftOn,
      unsubscribed: unsubscribed.has(contact.id),
      // Known since the project started, unless added to it later (then its contact_added event says when).
      addedAt: addedAt.get(contact.id) ?? 0,
    }));
  const done = tasks.filter((task) => task.status === 'done' || task.status === 'skipped');
  const plan = planCadence({
    steps: cadence.steps,
    day0: project.day0,
    calendar,
    attachedAt: attachment.attachedAt.getTime(),
    welcomeTiming,
    now: services.now().getTime(),
    projectStatus: project.status,
    contacts: planContacts,
    events: events.map((event) => ({
      kind: event.kind as 'task_completed',
      at: event.occurredAt.getTime(),
      taskKey: event.taskKey,
      milestone: event.milestone,
      contactId: event.contactId,
    })),
    doneTaskKeys: new Set(done.map((task) => task.key)),
    reachedMilestones: new Set(done.flatMap((task) => (task.milestoneKind ? [task.milestoneKind] : []))),
    existing: new Set(existing.map((row) => messageKey(row.stepId!, row.contactId!, row.occurrence))),
    lastActivityAt: lastActivity.getTime(),
  });
  return { project, cadence, calendar, contacts, tasks, manager, plan } satisfies PlanningData;
}

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** A member as a message names them (name, email, role); undefined for none. Cadences and user journeys read them alike. */
export const memberBriefOf = (db: Db, workspaceId: string, memberId: string | null) => repo.findMemberBrief(db, workspaceId, memberId);

/** Every contact of an account (current or not), by name: whom a cadence addresses, whom an account's onboarding lists. */
export const contactsOfAccountByName = (db: Db, workspaceId: string, accountId: string) => repo.accountContacts(db, workspaceId, accountId);

/** Who speaks for the project: its onboarding manager, else the account's. */
export const managerOf = (db: Db, workspaceId: string, project: Pick<ProjectContext, 'onboardingManagerId' | 'accountManagerId'>) =>
  repo.findMemberBrief(db, workspaceId, project.onboardingManagerId ?? project.accountManagerId);

/** Who a step is from: name, title and signature. */
export async function senderOf(db: Db, workspaceId: string, sender: Sender, manager: MemberBrief | undefined, workspaceName: string) {
  const member = sender.kind === 'member' ? await repo.findMemberBrief(db, workspaceId, sender.memberId) : sender.kind === 'onboarding_manager' ? manager : undefined;
  if (sender.kind === 'persona') {
    return { name: sender.name, title: sender.title, signature: sender.signature || [sender.name, sender.title].filter(Boolean).join('\n'), replyTo: null as string | null };
  }
  if (member) {
    const title = MEMBER_ROLE_LABELS[member.role as MemberRole] ?? '';
    return { name: member.name, title, signature: `${member.name}\n${title}`, replyTo: member.email };
  }
  const team = teamName(workspaceName, true);
  return { name: team, title: '', signature: team, replyTo: null };
}

/** One project's part of a message: its go-live and the customer's next tasks, as of `today`. */
export function projectFacts(project: Pick<ProjectContext, 'name'>, tasks: TaskRow[], portalLink: string, today: string): DigestProject {
  const goLive = tasks.find((task) => task.milestoneKind === 'go_live');
  const goLiveDate = goLive?.projectedFinish ?? null;
  const daysToGoLive =
    goLiveDate && goLive?.status !== 'done' ? Math.max(0, Math.round(DateTime.fromISO(goLiveDate).diff(DateTime.fromISO(today), 'days').days)) : null;
  return {
    name: project.name,
    portalLink,
    goLiveDate,
    daysToGoLive,
    nextCustomerTasks: tasks
      .filter((task) => task.ownerSide === 'customer' && task.customerVisible && task.status !== 'done' && task.status !== 'skipped' && !task.milestoneKind)
      .slice(0, 3)
      .map((task) => ({ title: task.title, due: task.projectedFinish })),
  };
}

export function variablesFor(
  data: Pick<PlanningData, 'project' | 'tasks' | 'manager'>,
  contact: Pick<ContactRow, 'name' | 'email' | 'role' | 'title'>,
  sender: { name: string; title: string; signature: string },
  links: { portal: string; unsubscribe: string },
  today: string,
  otherProjects: DigestProject[] = [],
): MessageVariables {
  const { project, tasks, manager } = data;
  const facts = projectFacts(project, tasks, links.portal, today);
  return withFallbacks({
    contact: { name: contact.name, firstName: firstName(contact.name), email: contact.email, role: contact.role, title: contact.title },
    account: { name: project.accountName },
    product: project.product ?? project.accountProducts[0] ?? '',
    project: { name: project.name, day0: project.day0 },
    onboardingManager: { name: manager?.name ?? '', email: manager?.email ?? '', assigned: manager !== undefined },
    sender,
    portalLink: links.portal,
    nextCustomerTasks: facts.nextCustomerTasks,
    daysToGoLive: facts.daysToGoLive,
    goLiveDate: facts.goLiveDate,
    projects: [facts, ...otherProjects],
    unsubscribeLink: links.unsubscribe,
  }, project.workspaceName);
}

export const portalLinkFor = (services: Services, projectId: string) => `${services.config.publicUrl}/portal/projects/${projectId}`;

/** A step that performs an automated action (the welcome email) and went out to someone. */
export interface ActionSent {
  stepId: string;
  action: AutomatedAction;
  contactId: string;
}

/**
 * Renders the due messages of a plan and writes them to the outbox (with the cap). Returns how many were written,
 * and which automated actions went out (a step whose message is not skipped and renders).
 */
export async function writeDueMessages(db: Db, services: Services, workspaceId: string, data: PlanningData): Promise<{ written: number; actions: ActionSent[] }> {
  const { plan, cadence, project, calendar } = data;
  if (plan.due.length === 0) return { written: 0, actions: [] };
  const steps = new Map(cadence.steps.map((step) => [step.id, step]));
  const contacts = new Map(data.contacts.map((contact) => [contact.id, contact]));
  const mails: AutomatedMail[] = [];
  for (const due of plan.due) {
    const step = steps.get(due.stepId)!;
    const contact = contacts.get(due.contactId)!;
    const zone = recipientTimeZone(contact.timezone, project.accountTimezone, project.workspaceTimezone);
    const sender = await senderOf(db, workspaceId, step.sender, data.manager, project.workspaceName);
    const unsubscribe = await unsubscribeUrlFor(db, services, workspaceId, contact.id);
    const today = DateTime.fromMillis(due.dueAt, { zone }).toISODate()!;
    // A weekly digest goes once a week per person: the first project to send it takes the others along.
    let skip = due.skip;
    let others: DigestProject[] = [];
    if (!skip && step.trigger.kind === 'weekly') {
      const week = weekOf(due.dueAt, zone);
      const merged = await repo.digestOfOtherProject(db, workspaceId, { contactId: contact.id, stepId: step.id, projectId: project.id, ...week });
      if (merged) skip = `Merged into this week's digest, sent with ${merged.projectName}.`;
      else others = await otherDigestProjects(db, services, workspaceId, data, step.id, contact.id, today);
    }
    // A stored template that cannot be rendered (over a limit, broken) fails its own message, once: the rest go.
    const { rendered, failed } = renderStep(step, variablesFor(data, contact, sender, { portal: portalLinkFor(services, project.id), unsubscribe }, today, others), 'the cadence');
    mails.push({
      dedupeKey: `cadence:${project.id}:${step.id}:${contact.id}:${due.occurrence}`,
      to: contact.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      channel: step.channel,
      fromName: sender.name,
      replyTo: sender.replyTo,
      unsubscribeUrl: unsubscribe,
      contactId: contact.id,
      projectId: project.id,
      cadenceId: cadence.id,
      stepId: step.id,
      stepName: step.name,
      occurrence: due.occurrence,
      priority: step.priority,
      dueAt: new Date(due.dueAt),
      recipientTimezone: zone,
      goalTaskId: goalTaskId(step, data.tasks),
      skip,
      failed,
    });
  }
  const rules = await frequencyCapOf(db, workspaceId);
  const written = await queueAutomatedMail(db, services, workspaceId, mails, calendar, rules);
  const actions = mails.flatMap((mail) => {
    const action = steps.get(mail.stepId!)?.action;
    return action && !mail.skip && !mail.failed ? [{ stepId: mail.stepId!, action, contactId: mail.contactId }] : [];
  });
  return { written, actions };
}

/** The ISO week (Monday 00:00 to the next) of an instant in a timezone: a digest's period. */
function weekOf(at: number, zone: string): { from: Date; until: Date } {
  const start = DateTime.fromMillis(at, { zone }).startOf('week');
  return { from: start.toJSDate(), until: start.plus({ weeks: 1 }).toJSDate() };
}

/** The contact's other active projects on the account whose cadence has the same digest step, as digest sections. */
async function otherDigestProjects(db: Db, services: Services, workspaceId: string, data: PlanningData, stepId: string, contactId: string, today: string) {
  const sections: DigestProject[] = [];
  for (const attachment of await repo.attachmentsOfAccount(db, workspaceId, data.project.accountId)) {
    if (attachment.projectId === data.project.id) continue;
    const cadence = attachment.cadenceId === data.cadence.id ? data.cadence : await repo.findCadence(db, workspaceId, attachment.cadenceId);
    const step = cadence?.steps.find((candidate) => candidate.id === stepId);
    if (!step) continue;
    const project = await repo.projectContext(db, workspaceId, attachment.projectId);
    if (!project || project.status !== 'active') continue;
    const contact = data.contacts.find((candidate) => candidate.id === contactId);
    if (step.audience.length > 0 && contact && !step.audience.includes(contact.role as ContactRole)) continue;
    const tasks = await repo.projectTasks_(db, workspaceId, project.id);
    sections.push(projectFacts(project, tasks, portalLinkFor(services, project.id), today));
  }
  return sections;
}

function goalTaskId(step: CadenceStep, tasks: TaskRow[]): string | null {
  const goal = step.goal;
  if (!goal) return null;
  const task = goal.taskKey ? tasks.find((t) => t.key === goal.taskKey) : tasks.find((t) => t.milestoneKind === goal.milestone);
  return task?.id ?? null;
}
