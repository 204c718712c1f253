// User onboarding journeys (issue 16): the definitions (editable per workspace like cadences), who starts one
// (a person who joins an account that is already a customer, or whose role changes), and the planner that
// writes their due steps into the one outbox. The steps are cadence steps and the planner is the cadences'
// (core/cadences/plan.ts) with the journey's start as day 0 and the person as the only contact; mail goes
// through queueAutomatedMail, so the frequency cap and the unsubscribe apply as to any cadence step.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { messageKey, planCadence, type CadencePlan } from '../../../core/cadences/plan.ts';
import { renderStep, templateProblem, withFallbacks, type MessageVariables } from '../../../core/cadences/template.ts';
import { isTimeOfDay, recipientTimeZone } from '../../../core/cadences/timing.ts';
import type { PlanStep } from '../../../core/cadences/types.ts';
import { BUILTIN_JOURNEYS, chooseJourney } from '../../../core/journeys/builtin.ts';
import type { ContactRole } from '../../../core/people.ts';
import type { Journey, JourneyInput, JourneyPatch, JourneyProgress } from '../../../contract/journeys.ts';
import { contextFor, inTransaction, systemActor, type Ctx, type Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound, type FieldError } from '../../http/errors.ts';
import { frequencyCapOf, queueAutomatedMail, unsubscribedAmong, unsubscribeUrlFor, type AutomatedMail } from '../../mail/mail.service.ts';
import { firstName, memberBriefOf, senderOf } from '../cadences/planning.ts';
import { grantAccessToStarters } from '../portal/portal-access.service.ts';
import { businessCalendarOf } from '../workspaces/workspaces.service.ts';
import { assignGuides } from './guides.service.ts';
import * as repo from './journeys.repo.ts';

// ---- definitions ----

const present = (row: repo.JourneyRow, running = 0): Journey => ({
  id: row.id,
  name: row.name,
  description: row.description,
  roles: row.roles as ContactRole[],
  products: row.products,
  stallDays: row.stallDays,
  builtin: row.builtinKey !== null,
  paused: row.pausedAt !== null,
  archived: row.archivedAt !== null,
  steps: row.steps.map((step) => ({ ...step, dayKind: step.dayKind ?? 'business', trigger: step.trigger as Journey['steps'][number]['trigger'] })),
  running,
  updatedAt: row.updatedAt.toISOString(),
});

/** The built-in journeys, once per workspace (on workspace.created; the migration wrote them for older workspaces). */
export async function installBuiltinJourneys(db: Db, workspaceId: string, now: Date) {
  if (await repo.hasBuiltins(db, workspaceId)) return;
  for (const { key, ...definition } of BUILTIN_JOURNEYS) {
    await repo.insertJourney(db, workspaceId, { ...definition, builtinKey: key }, now);
  }
}

export async function listJourneys(ctx: Ctx, includeArchived = false): Promise<Journey[]> {
  await installBuiltinJourneys(ctx.db, ctx.workspaceId, ctx.services.now());
  const running = await repo.runningCounts(ctx.db, ctx.workspaceId);
  return (await repo.listJourneys(ctx.db, ctx.workspaceId, includeArchived)).map((row) => present(row, running.get(row.id) ?? 0));
}

export async function getJourney(ctx: Ctx, journeyId: string): Promise<Journey> {
  const row = await repo.findJourney(ctx.db, ctx.workspaceId, journeyId);
  if (!row) throw notFound('journey');
  const running = await repo.runningCounts(ctx.db, ctx.workspaceId);
  return present(row, running.get(row.id) ?? 0);
}

/** Refuses broken templates, bad times and repeated step ids, naming each field. */
function assertValidSteps(steps: JourneyInput['steps']) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, step] of steps.entries()) {
    const at = (field: string) => ['body', 'steps', i, field];
    if (step.id && seen.has(step.id)) errors.push({ path: at('id'), message: `steps.${i}.id: "${step.id}" is used by another step` });
    if (step.id) seen.add(step.id);
    if (!isTimeOfDay(step.sendAt)) errors.push({ path: at('sendAt'), message: `steps.${i}.sendAt: must be a time of day, HH:MM` });
    for (const field of ['subject', 'body'] as const) {
      const problem = templateProblem(step[field]);
      if (problem) errors.push({ path: at(field), message: `steps.${i}.${field}: ${problem}` });
    }
  }
  if (errors.length > 0) throw new AppError('invalid', errors.map((error) => error.message).join('; '), { errors });
}

const withIds = (steps: JourneyInput['steps']): PlanStep[] =>
  steps.map((step) => ({ ...step, id: step.id ?? randomUUID(), action: null, goal: null }));

export async function createJourney(ctx: Ctx, input: JourneyInput) {
  assertValidSteps(input.steps);
  const now = ctx.services.now();
  const id = await repo.insertJourney(
    ctx.db,
    ctx.workspaceId,
    { name: input.name, description: input.description, roles: input.roles, products: input.products, stallDays: input.stallDays, steps: withIds(input.steps), builtinKey: null },
    now,
  );
  if (input.paused || input.archived) await repo.updateJourney(ctx.db, ctx.workspaceId, id!, { pausedAt: input.paused ? now : null, archivedAt: input.archived ? now : null }, now);
  return getJourney(ctx, id!);
}

/** Changes only the fields named. Steps keep their ids, so a step already sent is not sent again. Resuming wakes its people. */
export async function patchJourney(ctx: Ctx, journeyId: string, patch: JourneyPatch) {
  return inTransaction(ctx, async (tx) => {
    const current = await repo.findJourney(tx.db, tx.workspaceId, journeyId);
    if (!current) throw notFound('journey');
    if (patch.steps) assertValidSteps(patch.steps);
    const now = tx.services.now();
    const { paused, archived, steps, ...fields } = patch;
    await repo.updateJourney(
      tx.db,
      tx.workspaceId,
      journeyId,
      {
        ...fields,
        ...(steps ? { steps: withIds(steps) } : {}),
        ...(paused === undefined ? {} : { pausedAt: paused ? (current.pausedAt ?? now) : null }),
        ...(archived === undefined ? {} : { archivedAt: archived ? (current.archivedAt ?? now) : null }),
      },
      now,
    );
    if (paused === false || steps) await repo.wakeUpJourney(tx.db, tx.workspaceId, journeyId, now);
    return getJourney(tx, journeyId);
  });
}

// ---- who starts one ----

/**
 * Starts the journey of each person's role in an account that is already a customer (a project closed or a go-live
 * reached: before that, the onboarding project's cadence welcomes new contacts). A journey already running is
 * ended (a new role gets the new role's journey). Then: portal access on the account's latest project, and a guide.
 * Many people at once (a CSV import's batch) get what each would get one after the other, in a few statements.
 */
export async function startJourneys(tx: Ctx, contactIds: string[], reason: 'joined' | 'role_changed') {
  if (new Set(contactIds).size !== contactIds.length) {
    for (const id of contactIds) await startJourneys(tx, [id], reason); // the same person twice: one after the other
    return;
  }
  const people = await repo.findContacts(tx.db, tx.workspaceId, contactIds);
  const current = contactIds.flatMap((id) => {
    const contact = people.get(id);
    return contact && !contact.leftOn ? [contact] : [];
  });
  const facts = await repo.accountFactsOf(tx.db, tx.workspaceId, [...new Set(current.map((c) => c.accountId))]);
  const starting = current.filter((contact) => facts.get(contact.accountId)?.is_customer);
  if (starting.length === 0) return;
  const now = tx.services.now();
  await installBuiltinJourneys(tx.db, tx.workspaceId, now);
  const running = await repo.runningJourneysOf(tx.db, tx.workspaceId, starting.map((c) => c.id));
  await repo.endJourneys(
    tx.db,
    tx.workspaceId,
    starting.flatMap((c) => {
      const journey = running.get(c.id);
      return journey ? [{ id: journey.id, reason: `Their role changed to ${c.role.replace(/_/g, ' ')}: the new role's journey started.` }] : [];
    }),
    now,
  );
  const definitions = await repo.listJourneys(tx.db, tx.workspaceId);
  const chosen = starting.flatMap((contact) => {
    const account = facts.get(contact.accountId)!;
    const journey = chooseJourney(definitions, contact.role, account.products);
    return journey ? [{ contact, account, journey }] : [];
  });
  await repo.insertContactJourneys(
    tx.db,
    chosen.map(({ contact, journey }) => ({ workspaceId: tx.workspaceId, contactId: contact.id, accountId: contact.accountId, journeyId: journey.id, reason, role: contact.role, startedAt: now, nextRunAt: now })),
  );
  await grantAccessToStarters(tx, chosen.flatMap(({ contact, account }) => (account.latest_project_id ? [{ projectId: account.latest_project_id, contact }] : [])));
  await assignGuides(tx, chosen.filter(({ contact }) => contact.role !== 'executive_sponsor').map(({ contact }) => contact.id));
}

export const onContactsJoined = (tx: Ctx, contactIds: string[]) => startJourneys(tx, contactIds, 'joined');
export const onRolesChanged = (tx: Ctx, contactIds: string[]) => startJourneys(tx, contactIds, 'role_changed');

/** People left: their journeys end (what was scheduled for them is suppressed at sending: they left). */
export async function onContactsLeft(tx: Ctx, contactIds: string[]) {
  const running = await repo.runningJourneysOf(tx.db, tx.workspaceId, contactIds);
  await repo.endJourneys(tx.db, tx.workspaceId, [...running.values()].map((journey) => ({ id: journey.id, reason: 'They left the company.' })), tx.services.now());
}

/** Their learning path is complete: the journey's check-in may go, and the journey is done. */
export async function onPathCompleted(tx: Ctx, event: { contactId: string; enrolmentId: string }) {
  await recordJourneyEvent(tx, event.contactId, 'path_completed', event.enrolmentId);
}

async function recordJourneyEvent(tx: Ctx, contactId: string, kind: 'path_completed' | 'path_stalled', enrolmentId: string | null) {
  const running = await repo.runningJourneyOf(tx.db, tx.workspaceId, contactId);
  if (!running) return;
  const now = tx.services.now();
  await repo.insertEvent(tx.db, { workspaceId: tx.workspaceId, contactJourneyId: running.id, kind, enrolmentId, occurredAt: now });
  await repo.wakeUp(tx.db, tx.workspaceId, running.id, now);
}

// ---- the planner ----

interface JourneyPlanData {
  cj: repo.ContactJourneyRow;
  journey: repo.JourneyRow;
  contact: NonNullable<Awaited<ReturnType<typeof repo.findContact>>>;
  account: repo.AccountFacts;
  zone: string;
  plan: CadencePlan;
  events: { kind: string }[];
  sentKeys: Set<string>;
}

async function loadPlan(db: Db, services: Services, cj: repo.ContactJourneyRow): Promise<JourneyPlanData | undefined> {
  const journey = await repo.findJourney(db, cj.workspaceId, cj.journeyId);
  const contact = await repo.findContact(db, cj.workspaceId, cj.contactId);
  const account = contact && (await repo.accountFacts(db, cj.workspaceId, contact.accountId));
  if (!journey || !contact || !account) return undefined;
  const calendar = await businessCalendarOf(db, cj.workspaceId);
  const zone = recipientTimeZone(contact.timezone, account.timezone, account.workspace_timezone);
  const events = await repo.eventsOf(db, cj.workspaceId, cj.id);
  const existing = await repo.existingMessages(db, cj.workspaceId, cj.id);
  const unsubscribed = await unsubscribedAmong(db, cj.workspaceId, [contact.id]);
  const started = cj.startedAt.getTime();
  const existingKeys = new Set(existing.map((row) => messageKey(row.stepId!, row.contactId!, row.occurrence)));
  const plan = planCadence({
    steps: journey.steps,
    day0: DateTime.fromMillis(started, { zone }).toISODate()!,
    calendar,
    attachedAt: started,
    now: services.now().getTime(),
    projectStatus: 'active',
    contacts: [{ id: contact.id, role: contact.role as ContactRole, timeZone: zone, leftOn: contact.leftOn, unsubscribed: unsubscribed.has(contact.id), addedAt: started }],
    events: events.map((event) => ({ kind: event.kind as 'path_completed', at: event.occurredAt.getTime(), contactId: contact.id })),
    doneTaskKeys: new Set(),
    reachedMilestones: new Set(),
    existing: existingKeys,
    lastActivityAt: started,
  });
  return { cj, journey, contact, account, zone, plan, events, sentKeys: existingKeys };
}

/** The account's CSM speaks for a journey; its onboarding manager when it has no CSM. */
async function speakerOf(db: Db, workspaceId: string, account: repo.AccountFacts) {
  return memberBriefOf(db, workspaceId, account.csm_id ?? account.manager_id);
}

async function variablesOf(db: Db, services: Services, data: JourneyPlanData, sender: { name: string; title: string; signature: string }, unsubscribe: string): Promise<MessageVariables> {
  const { contact, account } = data;
  const manager = await speakerOf(db, contact.workspaceId, account);
  const guide = contact.guideContactId ? await repo.findContact(db, contact.workspaceId, contact.guideContactId) : undefined;
  const enrolments = await repo.enrolmentsOf(db, contact.workspaceId, { contactId: contact.id });
  const path = enrolments.find((e) => e.status === 'active') ?? enrolments.at(-1);
  const base = services.config.publicUrl.replace(/\/$/, '');
  const portal = account.latest_project_id ? `${base}/portal/projects/${account.latest_project_id}` : `${base}/portal`;
  return {
    ...withFallbacks(
      {
        contact: { name: contact.name, firstName: firstName(contact.name), email: contact.email, role: contact.role, title: contact.title },
        account: { name: account.name },
        product: account.products[0] ?? '',
        project: { name: '', day0: data.cj.startedAt.toISOString().slice(0, 10) },
        onboardingManager: { name: manager?.name ?? '', email: manager?.email ?? '', assigned: manager !== undefined },
        sender,
        portalLink: portal,
        nextCustomerTasks: [],
        daysToGoLive: null,
        goLiveDate: null,
        projects: [],
        unsubscribeLink: unsubscribe,
      },
      account.workspace_name,
    ),
    guide: guide && !guide.leftOn ? { name: guide.name, email: guide.email, assigned: true } : { name: '', email: '', assigned: false },
    learningPath: path ? { title: path.path_title, link: `${base}/portal/academy`, assigned: true } : { title: '', link: `${base}/portal/academy`, assigned: false },
  };
}

async function writeDue(db: Db, services: Services, data: JourneyPlanData) {
  const { plan, journey, contact, account, cj, zone } = data;
  if (plan.due.length === 0) return 0;
  const steps = new Map(journey.steps.map((step) => [step.id, step]));
  const manager = await speakerOf(db, cj.workspaceId, account);
  const mails: AutomatedMail[] = [];
  for (const due of plan.due) {
    const step = steps.get(due.stepId)!;
    const sender = await senderOf(db, cj.workspaceId, step.sender, manager, account.workspace_name);
    const unsubscribe = await unsubscribeUrlFor(db, services, cj.workspaceId, contact.id);
    const { rendered, failed } = renderStep(step, await variablesOf(db, services, data, sender, unsubscribe), 'the journey');
    mails.push({
      dedupeKey: `journey:${cj.id}:${step.id}:${contact.id}:${due.occurrence}`,
      to: contact.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      channel: step.channel,
      fromName: sender.name,
      replyTo: sender.replyTo,
      unsubscribeUrl: unsubscribe,
      contactId: contact.id,
      projectId: null,
      cadenceId: null,
      stepId: step.id,
      stepName: `${journey.name}: ${step.name}`,
      occurrence: due.occurrence,
      priority: step.priority,
      dueAt: new Date(due.dueAt),
      recipientTimezone: zone,
      goalTaskId: null,
      skip: due.skip,
      failed,
    });
  }
  const calendar = await businessCalendarOf(db, cj.workspaceId);
  return queueAutomatedMail(db, services, cj.workspaceId, mails, calendar, await frequencyCapOf(db, cj.workspaceId));
}

/**
 * Writes the due steps of every journey that has something due into the outbox (skips and cap decisions
 * included) and notes when to look again. Each journey is one short transaction claimed with SKIP LOCKED. A
 * journey is done when nothing is left to send and its person's path is complete (or they have none running).
 */
export async function runDueJourneys(services: Services, limit = 200): Promise<number> {
  let written = 0;
  for (const { workspaceId, id } of await repo.dueJourneys(services.database.db, services.now(), limit)) {
    const ctx = contextFor(services, systemActor(workspaceId, 'journeys'));
    written += await inTransaction(ctx, async (tx) => {
      const now = tx.services.now();
      const cj = await repo.claimJourney(tx.db, workspaceId, id, now);
      if (!cj) return 0;
      const data = await loadPlan(tx.db, services, cj);
      if (!data || data.contact.leftOn) {
        await repo.setNextRun(tx.db, workspaceId, id, null, null, now);
        return 0;
      }
      if (data.journey.pausedAt) {
        await repo.setNextRun(tx.db, workspaceId, id, null, null, now); // resuming wakes it
        return 0;
      }
      const count = await writeDue(tx.db, services, data);
      const pathDone = data.events.some((event) => event.kind === 'path_completed');
      const learning = (await repo.enrolmentsOf(tx.db, workspaceId, { contactId: cj.contactId })).some((e) => e.status === 'active');
      const done = data.plan.nextRunAt === null && (pathDone || !learning);
      await repo.setNextRun(tx.db, workspaceId, id, data.plan.nextRunAt === null ? null : new Date(data.plan.nextRunAt), done ? now : null, now);
      return count;
    });
  }
  return written;
}

/** Learning paths with no progress for the journey's stall days: the stall check-in may go (once per journey). */
export async function recordStalls(services: Services, limit = 500): Promise<number> {
  const stalled = await repo.stalledJourneys(services.database.db, services.now(), limit);
  for (const row of stalled) {
    const ctx = contextFor(services, systemActor(row.workspace_id, 'journeys'));
    await inTransaction(ctx, async (tx) => {
      const now = tx.services.now();
      if (await repo.insertEvent(tx.db, { workspaceId: row.workspace_id, contactJourneyId: row.contact_journey_id, kind: 'path_stalled', enrolmentId: row.enrolment_id, occurredAt: now })) {
        await repo.wakeUp(tx.db, row.workspace_id, row.contact_journey_id, now);
      }
    });
  }
  return stalled.length;
}

// ---- where a person is ----

/** One person's journey as the staff see it: steps done, the next one, the check-ins still waiting. */
export async function progressOf(ctx: Ctx, cj: repo.ContactJourneyRow): Promise<JourneyProgress> {
  const data = await loadPlan(ctx.db, ctx.services, cj);
  const journey = data?.journey ?? (await repo.findJourney(ctx.db, ctx.workspaceId, cj.journeyId));
  const running = !cj.endedAt && !cj.completedAt;
  const next = running && data && !journey?.pausedAt ? [...data.plan.due, ...data.plan.upcoming].find((entry) => !entry.skip) : undefined;
  const steps = new Map((journey?.steps ?? []).map((step) => [step.id, step]));
  const fired = new Set(data?.events.map((event) => event.kind) ?? []);
  return {
    id: cj.id,
    journeyId: cj.journeyId,
    journeyName: journey?.name ?? '',
    reason: cj.reason as JourneyProgress['reason'],
    role: cj.role,
    startedAt: cj.startedAt.toISOString(),
    paused: journey?.pausedAt != null,
    stepsDone: data?.sentKeys.size ?? 0,
    stepsTotal: journey?.steps.length ?? 0,
    nextStep: next ? { name: steps.get(next.stepId)?.name ?? next.stepId, dueAt: new Date(next.dueAt).toISOString() } : null,
    waitingFor: running
      ? (journey?.steps ?? []).flatMap((step) => (step.trigger.kind === 'event' && !fired.has(step.trigger.event) ? [step.name] : []))
      : [],
    completedAt: cj.completedAt?.toISOString() ?? null,
    endedAt: cj.endedAt?.toISOString() ?? null,
    endedReason: cj.endedReason,
  };
}

export async function contactJourneys(ctx: Ctx, contactId: string) {
  const contact = await repo.findContact(ctx.db, ctx.workspaceId, contactId);
  if (!contact) throw notFound('contact');
  const rows = await repo.journeysOfContact(ctx.db, ctx.workspaceId, contactId);
  const history: JourneyProgress[] = [];
  for (const row of rows) history.push(await progressOf(ctx, row));
  const current = history.filter((entry) => !entry.endedAt && !entry.completedAt).at(-1) ?? null;
  return { current, history: history.reverse() };
}
