import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { BUILTIN_CADENCES, chooseCadence } from '../../../core/cadences/builtin.ts';
import { renderMessage, SAMPLE_VARIABLES, templateProblem } from '../../../core/cadences/template.ts';
import { isTimeOfDay, recipientTimeZone } from '../../../core/cadences/timing.ts';
import type { CadenceStep } from '../../../core/cadences/types.ts';
import { contextFor, inTransaction, systemActor, type Ctx, type Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { check, emit } from '../../events/bus.ts';
import { AppError, invalid, notFound, type FieldError } from '../../http/errors.ts';
import { messagesToContact } from '../../mail/mail.admin.ts';
import { queueMail } from '../../mail/mail.service.ts';
import type { CadenceInput, CadenceSettings, CadenceStats, MessagePreviewInput } from '../../../contract/cadences.ts';
import * as repo from './cadences.repo.ts';
import { firstName, loadPlan, managerOf, portalLinkFor, senderOf, variablesFor, writeDueMessages } from './planning.ts';

// ---- definitions ----

const present = (row: repo.CadenceRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  touchModels: row.touchModels as ('high' | 'medium' | 'digital')[],
  products: row.products,
  builtin: row.builtinKey !== null,
  // Steps saved before a field existed read as its default.
  steps: row.steps.map((step) => ({ ...step, dayKind: step.dayKind ?? 'business', action: step.action ?? null })),
  updatedAt: row.updatedAt.toISOString(),
  archivedAt: row.archivedAt?.toISOString() ?? null,
  pausedAt: row.pausedAt?.toISOString() ?? null,
});

/** The built-in cadences, written once per workspace on first use (workspaces then edit them freely). */
async function ensureBuiltins(db: Db, workspaceId: string, now: Date) {
  if (await repo.hasBuiltins(db, workspaceId)) return;
  for (const builtin of BUILTIN_CADENCES) {
    const { key, ...definition } = builtin;
    await repo.insertCadence(db, workspaceId, { ...definition, description: definition.description ?? null, builtinKey: key }, now);
  }
}

export async function listCadences(ctx: Ctx, includeArchived = false) {
  await ensureBuiltins(ctx.db, ctx.workspaceId, ctx.services.now());
  return (await repo.listCadences(ctx.db, ctx.workspaceId, includeArchived)).map(present);
}

export async function getCadence(ctx: Ctx, cadenceId: string) {
  const row = await repo.findCadence(ctx.db, ctx.workspaceId, cadenceId);
  if (!row) throw notFound('cadence');
  return present(row);
}

/** Refuses a cadence with a broken template, a bad time or a repeated step id, naming each field. */
async function assertValidCadence(ctx: Ctx, input: CadenceInput) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, step] of input.steps.entries()) {
    const at = (field: string) => ['body', 'steps', i, field];
    if (step.id && seen.has(step.id)) errors.push({ path: at('id'), message: `steps.${i}.id: "${step.id}" is used by another step` });
    if (step.id) seen.add(step.id);
    if (!isTimeOfDay(step.sendAt)) errors.push({ path: at('sendAt'), message: `steps.${i}.sendAt: must be a time of day, HH:MM` });
    for (const field of ['subject', 'body'] as const) {
      const problem = templateProblem(step[field]);
      if (problem) errors.push({ path: at(field), message: `steps.${i}.${field}: ${problem}` });
    }
    if (step.sender.kind === 'member' && !(await repo.findMemberBrief(ctx.db, ctx.workspaceId, step.sender.memberId))) {
      errors.push({ path: [...at('sender'), 'memberId'], message: `steps.${i}.sender.memberId: is not a member of this workspace` });
    }
  }
  if (errors.length > 0) throw new AppError('invalid', errors.map((error) => error.message).join('; '), { errors });
}

const withIds = (steps: CadenceInput['steps']): CadenceStep[] => steps.map((step) => ({ ...step, id: step.id ?? randomUUID() }));

export async function createCadence(ctx: Ctx, input: CadenceInput) {
  await check(ctx, 'products.naming', { products: input.products, path: ['body', 'products'] });
  await assertValidCadence(ctx, input);
  const id = await repo.insertCadence(
    ctx.db,
    ctx.workspaceId,
    { ...input, description: input.description ?? null, steps: withIds(input.steps), builtinKey: null },
    ctx.services.now(),
  );
  return getCadence(ctx, id!);
}

/** Saves a cadence. Steps keep their ids, so a step already sent is not sent again to the same people. */
export async function updateCadence(ctx: Ctx, cadenceId: string, input: CadenceInput) {
  const current = await repo.findCadence(ctx.db, ctx.workspaceId, cadenceId);
  if (!current) throw notFound('cadence');
  await check(ctx, 'products.naming', { products: input.products, known: current.products, path: ['body', 'products'] });
  await assertValidCadence(ctx, input);
  return inTransaction(ctx, async (tx) => {
    await repo.updateCadence(tx.db, tx.workspaceId, cadenceId, { ...input, description: input.description ?? null, steps: withIds(input.steps) }, tx.services.now());
    return getCadence(tx, cadenceId);
  });
}

export async function setCadenceArchived(ctx: Ctx, cadenceId: string, archived: boolean) {
  if (!(await repo.updateCadence(ctx.db, ctx.workspaceId, cadenceId, { archivedAt: archived ? ctx.services.now() : null }, ctx.services.now()))) {
    throw notFound('cadence');
  }
  return getCadence(ctx, cadenceId);
}

/** Pauses a cadence (nothing new is planned for its projects) or resumes it (its projects are planned at once). */
export async function setCadencePaused(ctx: Ctx, cadenceId: string, paused: boolean) {
  const now = ctx.services.now();
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.updateCadence(tx.db, tx.workspaceId, cadenceId, { pausedAt: paused ? now : null }, now))) throw notFound('cadence');
    if (!paused) await repo.wakeProjectsOf(tx.db, tx.workspaceId, cadenceId, now);
    return getCadence(tx, cadenceId);
  });
}

/** Each step's sent, waiting, failed and bounced messages; opens and clicks are not recorded (null). */
export async function cadenceStats(ctx: Ctx, cadenceId: string): Promise<CadenceStats> {
  const cadence = await getCadence(ctx, cadenceId);
  const byStep = new Map((await repo.stepStats(ctx.db, ctx.workspaceId, cadenceId)).map((row) => [row.step_id, row]));
  return {
    steps: cadence.steps.map((step) => {
      const row = byStep.get(step.id);
      return { stepId: step.id, sent: Number(row?.sent ?? 0), scheduled: Number(row?.scheduled ?? 0), bounced: Number(row?.bounced ?? 0), failed: Number(row?.failed ?? 0), opened: null, clicked: null };
    }),
  };
}

export async function getCadenceSettings(ctx: Ctx): Promise<CadenceSettings> {
  return { welcomeTiming: await repo.welcomeTimingOf(ctx.db, ctx.workspaceId) };
}

export async function saveCadenceSettings(ctx: Ctx, input: CadenceSettings): Promise<CadenceSettings> {
  await repo.saveWelcomeTiming(ctx.db, ctx.workspaceId, input.welcomeTiming, ctx.services.now());
  return getCadenceSettings(ctx);
}

// ---- a project's cadence ----

/**
 * Attaches the cadence that fits the project's account (touch model, product) when the project is created.
 * Called inside createProject's transaction; a project no cadence fits follows none.
 */
export async function attachBestCadence(tx: Ctx, projectId: string) {
  const now = tx.services.now();
  await ensureBuiltins(tx.db, tx.workspaceId, now);
  const project = await repo.projectContext(tx.db, tx.workspaceId, projectId);
  if (!project) return;
  const best = chooseCadence(await repo.listCadences(tx.db, tx.workspaceId), { touchModel: project.touchModel, products: project.accountProducts }, project.product);
  if (best) await repo.attach(tx.db, tx.workspaceId, projectId, best.id, now);
}

export async function setProjectCadence(ctx: Ctx, projectId: string, cadenceId: string | null) {
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.projectContext(tx.db, tx.workspaceId, projectId))) throw notFound('project');
    const now = tx.services.now();
    const current = await repo.findAttachment(tx.db, tx.workspaceId, projectId);
    if (current?.cadenceId === cadenceId) return projectCadence(tx, projectId);
    if (cadenceId && !(await repo.findCadence(tx.db, tx.workspaceId, cadenceId))) {
      throw invalid('cadenceId: is not a cadence of this workspace', { path: ['body', 'cadenceId'] });
    }
    await repo.suppressScheduledOfProject(tx.db, tx.workspaceId, projectId, 'The project changed cadence.', now);
    if (cadenceId) await repo.attach(tx.db, tx.workspaceId, projectId, cadenceId, now);
    else await repo.detach(tx.db, tx.workspaceId, projectId);
    return projectCadence(tx, projectId);
  });
}

type ProjectEvent =
  | { kind: 'task_completed' | 'milestone_reached'; projectId: string; taskKey: string; milestone: string | null }
  | { kind: 'contact_added'; projectId: string; contactId: string };

/** Records a project event a cadence step may wait for, in the caller's transaction, and wakes the planner. */
export async function onProjectEvent(tx: Ctx, event: ProjectEvent) {
  if (!(await repo.findAttachment(tx.db, tx.workspaceId, event.projectId))) return;
  const now = tx.services.now();
  await repo.insertEvent(tx.db, {
    workspaceId: tx.workspaceId,
    projectId: event.projectId,
    kind: event.kind,
    taskKey: 'taskKey' in event ? event.taskKey : null,
    milestone: 'milestone' in event ? event.milestone : null,
    contactId: 'contactId' in event ? event.contactId : null,
    occurredAt: now,
  });
  await repo.wakeUp(tx.db, tx.workspaceId, event.projectId, now);
}

/** On contact.joined: each active project of the account with a cadence may welcome them. */
export async function onContactAdded(tx: Ctx, contact: { id: string; accountId: string }) {
  for (const { projectId } of await repo.attachedProjectsOfAccount(tx.db, tx.workspaceId, contact.accountId)) {
    await onProjectEvent(tx, { kind: 'contact_added', projectId, contactId: contact.id });
  }
}

/** onContactAdded for many contacts (a CSV import's batch): one query finds the accounts with a running cadence. */
export async function onContactsAdded(tx: Ctx, contacts: { id: string; accountId: string }[]) {
  if (contacts.length === 0) return;
  const attached = await repo.attachedProjectsOfAccounts(tx.db, tx.workspaceId, [...new Set(contacts.map((c) => c.accountId))]);
  for (const { projectId, accountId } of attached) {
    for (const contact of contacts) if (contact.accountId === accountId) await onProjectEvent(tx, { kind: 'contact_added', projectId, contactId: contact.id });
  }
}

/**
 * The planner: for every project whose cadence has something due, renders the due steps into the outbox
 * (skips and cap decisions included) and notes when to look again. Each project is one short transaction,
 * claimed with SKIP LOCKED, so several processes share the work and none writes a message twice (the
 * outbox's unique key would refuse it anyway).
 */
export async function runDueCadences(services: Services, limit = 100): Promise<number> {
  const due = await repo.dueAttachments(services.database.db, services.now(), limit);
  let written = 0;
  for (const { workspaceId, projectId } of due) {
    const ctx = contextFor(services, systemActor(workspaceId, 'cadences'));
    written += await inTransaction(ctx, async (tx) => {
      const now = tx.services.now();
      const attachment = await repo.claimAttachment(tx.db, workspaceId, projectId, now);
      if (!attachment) return 0;
      const data = await loadPlan(tx.db, services, workspaceId, projectId, attachment);
      if (!data) {
        await repo.setNextRun(tx.db, workspaceId, projectId, null, now);
        return 0;
      }
      const { written: count, actions } = await writeDueMessages(tx.db, services, workspaceId, data);
      await repo.setNextRun(tx.db, workspaceId, projectId, data.plan.nextRunAt === null ? null : new Date(data.plan.nextRunAt), now);
      // Work the cadence did (the welcome email) completes the tasks bound to it, on the day it went.
      const sentOn = DateTime.fromJSDate(now, { zone: data.calendar.timeZone }).toISODate()!;
      for (const action of uniqueBy(actions, (sent) => sent.action)) {
        await emit(tx, 'message.sent', { projectId, stepId: action.stepId, action: action.action, contactId: action.contactId, sentOn });
      }
      return count;
    });
  }
  return written;
}

const uniqueBy = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];

// ---- what a project or a contact will get ----

interface PlannedEntry {
  projectId: string;
  stepId: string;
  stepName: string;
  contactId: string;
  contactName: string;
  to: string;
  dueAt: string;
  skip: string | null;
}

async function plannedFor(ctx: Ctx, projectId: string, attachment: { cadenceId: string; attachedAt: Date }): Promise<PlannedEntry[]> {
  const data = await loadPlan(ctx.db, ctx.services, ctx.workspaceId, projectId, attachment);
  if (!data) return [];
  const steps = new Map(data.cadence.steps.map((step) => [step.id, step]));
  const contacts = new Map(data.contacts.map((contact) => [contact.id, contact]));
  return [...data.plan.due, ...data.plan.upcoming].map((entry) => ({
    projectId,
    stepId: entry.stepId,
    stepName: steps.get(entry.stepId)?.name ?? entry.stepId,
    contactId: entry.contactId,
    contactName: contacts.get(entry.contactId)?.name ?? '',
    to: contacts.get(entry.contactId)?.email ?? '',
    dueAt: new Date(entry.dueAt).toISOString(),
    skip: entry.skip,
  }));
}

export async function projectCadence(ctx: Ctx, projectId: string) {
  if (!(await repo.projectContext(ctx.db, ctx.workspaceId, projectId))) throw notFound('project');
  const attachment = await repo.findAttachment(ctx.db, ctx.workspaceId, projectId);
  if (!attachment) return { cadence: null, attachedAt: null, nextRunAt: null, planned: [] };
  const cadence = await repo.findCadence(ctx.db, ctx.workspaceId, attachment.cadenceId);
  return {
    cadence: cadence ? { id: cadence.id, name: cadence.name } : null,
    attachedAt: attachment.attachedAt.toISOString(),
    nextRunAt: attachment.nextRunAt?.toISOString() ?? null,
    planned: await plannedFor(ctx, projectId, attachment),
  };
}

/** Every message a contact got and will get: the outbox's rows, then the steps still to come. */
export async function contactTimeline(ctx: Ctx, contactId: string) {
  const contact = await repo.findContact(ctx.db, ctx.workspaceId, contactId);
  if (!contact) throw notFound('contact');
  const messages = await messagesToContact(ctx, contactId);
  const planned: PlannedEntry[] = [];
  for (const attachment of await repo.attachmentsOfAccount(ctx.db, ctx.workspaceId, contact.accountId)) {
    planned.push(...(await plannedFor(ctx, attachment.projectId, attachment)).filter((entry) => entry.contactId === contactId));
  }
  return {
    messages,
    planned: planned.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
  };
}

// ---- preview and test ----

/** A step rendered with a real contact's data (and their project's, when given), or with sample data. */
export async function previewMessage(ctx: Ctx, input: MessagePreviewInput) {
  for (const field of ['subject', 'body'] as const) {
    const problem = templateProblem(input.step[field]);
    if (problem) throw invalid(`step.${field}: ${problem}`, { path: ['body', 'step', field] });
  }
  if (!input.contactId) {
    const rendered = renderMessage(input.step, SAMPLE_VARIABLES);
    return { ...rendered, to: SAMPLE_VARIABLES.contact.email, fromName: SAMPLE_VARIABLES.sender.name };
  }
  const contact = await repo.findContact(ctx.db, ctx.workspaceId, input.contactId);
  if (!contact) throw invalid('contactId: is not a contact of this workspace', { path: ['body', 'contactId'] });
  const projectId = input.projectId ?? (await repo.attachmentsOfAccount(ctx.db, ctx.workspaceId, contact.accountId))[0]?.projectId;
  const project = projectId ? await repo.projectContext(ctx.db, ctx.workspaceId, projectId) : undefined;
  if (input.projectId && (!project || project.accountId !== contact.accountId)) {
    throw invalid('projectId: is not a project of this contact’s account', { path: ['body', 'projectId'] });
  }
  if (!project) {
    const rendered = renderMessage(input.step, { ...SAMPLE_VARIABLES, contact: { name: contact.name, firstName: firstName(contact.name), email: contact.email, role: contact.role, title: contact.title } });
    return { ...rendered, to: contact.email, fromName: SAMPLE_VARIABLES.sender.name };
  }
  const tasks = await repo.projectTasks_(ctx.db, ctx.workspaceId, project.id);
  const manager = await managerOf(ctx.db, ctx.workspaceId, project);
  const sender = await senderOf(ctx.db, ctx.workspaceId, input.step.sender, manager, project.workspaceName);
  const zone = recipientTimeZone(contact.timezone, project.accountTimezone, project.workspaceTimezone);
  const today = DateTime.fromJSDate(ctx.services.now(), { zone }).toISODate()!;
  const variables = variablesFor(
    { project, tasks, manager },
    contact,
    sender,
    { portal: portalLinkFor(ctx.services, project.id), unsubscribe: `${ctx.services.config.publicUrl}/api/v1/unsubscribe/preview` },
    today,
  );
  return { ...renderMessage(input.step, variables), to: contact.email, fromName: sender.name };
}

/** Sends the preview to the member asking, marked as a test: it goes through the outbox like any mail, uncapped. */
export async function sendTestMessage(ctx: Ctx, input: MessagePreviewInput) {
  if (ctx.actor.kind !== 'member') throw invalid('Only a signed-in member can receive a test.');
  const me = await repo.findMemberBrief(ctx.db, ctx.workspaceId, ctx.actor.memberId);
  if (!me) throw notFound('member');
  const preview = await previewMessage(ctx, input);
  const dedupeKey = `test:${randomUUID()}`;
  await queueMail(ctx.db, ctx.services, ctx.workspaceId, { dedupeKey, to: me.email, subject: `[Test] ${preview.subject}`, text: preview.text, html: preview.html });
  return { to: me.email, subject: `[Test] ${preview.subject}` };
}
