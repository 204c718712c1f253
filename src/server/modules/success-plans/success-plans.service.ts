// The mutual success plan: co-created by the vendor and the customer (every service here takes the Author, so
// the portal calls the same functions), verified only by the customer, and the proof of value that moves the
// project's first_value and value_achieved milestones.
import { formatMeasure, latestActual, metricStanding, targetProblem, valueProven, type MetricDirection } from '../../../core/success-plans/scorecard.ts';
import { inTransaction, type Author, type Ctx } from '../../context.ts';
import { emit } from '../../events/bus.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { calendarOf, todayFor } from '../projects/plan.ts';
import { lockProjectRow, namesOf } from '../projects/projects.service.ts';
import { updateTask } from '../projects/tasks.service.ts';
import * as repo from './success-plans.repo.ts';
import { authorOf, recordEvents, type EventRow } from '../history/history.service.ts';
import type {
  ActualInput,
  CadenceEntry,
  MetricInput,
  MetricPatch,
  OutcomeInput,
  PlanInput,
  SuccessPlan,
  VerificationInput,
} from '../../../contract/success-plans.ts';
import { contactOf } from '../contacts/contacts.service.ts';
import { memberOf } from '../members/members.service.ts';

type Snapshot = { metric: string; value: number | null; unit: string; measuredOn: string | null };
type ProjectRow = NonNullable<Awaited<ReturnType<typeof lockProjectRow>>>;
interface Scope {
  tx: Ctx;
  project: ProjectRow;
  plan: repo.PlanRow;
  today: string;
  record: (field: string, change: { from?: string | null; to?: string | null; reason?: string | null }) => Promise<void>;
}

/** The member (or API token) behind a staff request, as an Author (one definition, in the projects module). */
export const vendorAuthor = authorOf;

const onDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * One change to a project's success plan: the project locked (changes to one project happen one at a time), the
 * author allowed to change it, the plan created if it is the first change, and every edit in the history.
 */
async function change(ctx: Ctx, author: Author, projectId: string, work: (scope: Scope) => Promise<void>): Promise<SuccessPlan> {
  return inTransaction(ctx, async (tx) => {
    const project = await lockProjectRow(tx, projectId);
    if (!project) throw notFound('project');
    const calendar = await calendarOf(tx.db, tx.workspaceId);
    const today = todayFor(tx, calendar);
    if (author.side === 'customer') await assertCustomerOf(tx, author.contactId, project.accountId, today);
    if (project.status === 'closed') throw conflict('This project is closed: reopen it to change its success plan.');
    const plan = await repo.ensurePlan(tx.db, tx.workspaceId, projectId);
    const events: EventRow[] = [];
    const record: Scope['record'] = async (field, { from = null, to = null, reason = null }) => {
      events.push({
        workspaceId: tx.workspaceId,
        projectId,
        actorName: author.name,
        actorMemberId: author.side === 'vendor' ? author.memberId : null,
        kind: 'success_plan',
        field,
        fromValue: from,
        toValue: to,
        reason: reason ?? (author.side === 'customer' ? 'Changed by the customer' : null),
        createdAt: tx.services.now(),
      });
    };
    await work({ tx, project, plan, today, record });
    await recordEvents(tx, events);
    await repo.updatePlan(tx.db, tx.workspaceId, projectId, { updatedAt: tx.services.now() });
    return getSuccessPlan(tx, projectId);
  });
}

/** A customer may change only the plans of their own account's projects, and only while they are there. */
async function assertCustomerOf(ctx: Ctx, contactId: string, accountId: string, today: string) {
  const contact = await contactOf(ctx, contactId);
  if (!contact || contact.accountId !== accountId) throw notFound('project');
  if (contact.leftOn && contact.leftOn <= today) throw forbidden(`${contact.name} has left the account: they can no longer change this plan.`);
}

async function findOutcomeOrFail(ctx: Ctx, outcomeId: string) {
  const outcome = await repo.findOutcome(ctx.db, ctx.workspaceId, outcomeId);
  if (!outcome) throw notFound('outcome');
  return outcome;
}

async function findMetricOrFail(ctx: Ctx, metricId: string) {
  const metric = await repo.findMetric(ctx.db, ctx.workspaceId, metricId);
  if (!metric) throw notFound('success metric');
  return metric;
}

function assertNotVerified(outcome: repo.OutcomeRow, what: string) {
  if (!outcome.verifiedAt) return;
  throw conflict(
    `This outcome was confirmed by ${outcome.verifiedByName} on ${outcome.verifiedOn}: ${what} stays as confirmed. Add a new outcome instead.`,
  );
}

// ---- Reading ----

export async function getSuccessPlan(ctx: Ctx, projectId: string): Promise<SuccessPlan> {
  const project = await repo.findProject(ctx.db, ctx.workspaceId, projectId);
  if (!project) throw notFound('project');
  const calendar = await calendarOf(ctx.db, ctx.workspaceId);
  const today = todayFor(ctx, calendar);
  // One after the other: inside a transaction they share one connection.
  const plan = await repo.findPlan(ctx.db, ctx.workspaceId, projectId);
  const outcomes = await repo.listOutcomes(ctx.db, ctx.workspaceId, projectId);
  const metrics = await repo.listMetrics(ctx.db, ctx.workspaceId, projectId);
  const actuals = await repo.listActuals(ctx.db, ctx.workspaceId, projectId);
  const milestones = await repo.valueMilestoneTasks(ctx.db, ctx.workspaceId, projectId);
  const names = await namesOf(
    ctx, metrics.flatMap((metric) => (metric.ownerMemberId ? [metric.ownerMemberId] : [])),
    metrics.flatMap((metric) => (metric.ownerContactId ? [metric.ownerContactId] : [])),
  );
  const sponsor = plan?.executiveSponsorContactId ? await contactOf(ctx, plan.executiveSponsorContactId) : undefined;

  const presentMetric = (metric: repo.MetricRow) => {
    const own = actuals.filter((actual) => actual.metricId === metric.id);
    const ownerId = metric.ownerMemberId ?? metric.ownerContactId;
    const standing = metricStanding({ ...metric, direction: metric.direction as MetricDirection }, own, today);
    return {
      id: metric.id,
      outcomeId: metric.outcomeId,
      name: metric.name,
      unit: metric.unit,
      direction: metric.direction as MetricDirection,
      baseline: metric.baseline,
      target: metric.target,
      targetDate: metric.targetDate,
      owner: ownerId ? { kind: metric.ownerMemberId ? ('member' as const) : ('contact' as const), id: ownerId, name: names.get(ownerId) ?? 'Unknown' } : null,
      actuals: own.map((actual) => ({
        id: actual.id,
        value: actual.value,
        measuredOn: actual.measuredOn,
        note: actual.note,
        recordedBy: { side: actual.recordedBySide as 'vendor' | 'customer', name: actual.recordedByName },
        createdAt: actual.createdAt.toISOString(),
      })),
      standing: { ...standing, latest: standing.latest ? { value: standing.latest.value, measuredOn: standing.latest.measuredOn } : null },
    };
  };
  const presented = outcomes.map((outcome) => ({
    id: outcome.id,
    statement: outcome.statement,
    position: outcome.position,
    verificationRequest:
      outcome.verificationRequestedAt && !outcome.verifiedAt
        ? { at: outcome.verificationRequestedAt.toISOString(), byName: outcome.verificationRequestedBy ?? 'The vendor', note: outcome.verificationRequestNote }
        : null,
    verification: outcome.verifiedAt
      ? {
          byContactId: outcome.verifiedByContactId,
          byName: outcome.verifiedByName ?? 'The customer',
          at: outcome.verifiedAt.toISOString(),
          on: outcome.verifiedOn ?? onDate(outcome.verifiedAt),
          comment: outcome.verificationComment,
          evidence: outcome.verificationEvidence,
          snapshot: (outcome.verificationSnapshot ?? []) as Snapshot[],
        }
      : null,
    metrics: metrics.filter((metric) => metric.outcomeId === outcome.id).map(presentMetric),
  }));
  const proven = valueProven(presented.map((outcome) => ({ verified: Boolean(outcome.verification), metricCount: outcome.metrics.length })));
  return {
    projectId,
    today,
    goals: plan?.goals ?? [],
    executiveSponsor: sponsor
      ? { contactId: sponsor.id, name: sponsor.name, title: sponsor.title, left: Boolean(sponsor.leftOn && sponsor.leftOn <= today) }
      : null,
    communicationCadence: (plan?.communicationCadence ?? []) as SuccessPlan['communicationCadence'],
    outcomes: presented,
    value: {
      verifiedOutcomes: proven.verifiedOutcomes,
      totalOutcomes: proven.totalOutcomes,
      firstValueOn: plan?.firstValueOn ?? null,
      valueAchievedOn: plan?.valueAchievedOn ?? null,
      firstValueMilestone: milestones.some((task) => task.milestoneKind === 'first_value'),
      valueAchievedMilestone: milestones.some((task) => task.milestoneKind === 'value_achieved'),
    },
  };
}

/** The plan as one side sees it: a customer only the plans of their own account's projects (for the portal). */
export async function readSuccessPlan(ctx: Ctx, author: Author, projectId: string): Promise<SuccessPlan> {
  if (author.side === 'customer') {
    const project = await repo.findProject(ctx.db, ctx.workspaceId, projectId);
    if (!project) throw notFound('project');
    await assertCustomerOf(ctx, author.contactId, project.accountId, todayFor(ctx, await calendarOf(ctx.db, ctx.workspaceId)));
  }
  return getSuccessPlan(ctx, projectId);
}

// ---- Goals, sponsor, communication cadence ----

export async function updateSuccessPlan(ctx: Ctx, author: Author, projectId: string, input: PlanInput) {
  return change(ctx, author, projectId, async ({ tx, project, plan, record }) => {
    const values: Parameters<typeof repo.updatePlan>[3] = {};
    if (input.goals !== undefined) {
      values.goals = input.goals;
      if (JSON.stringify(plan.goals) !== JSON.stringify(input.goals)) {
        await record('goals', { from: plan.goals.join('\n') || null, to: input.goals.join('\n') || null });
      }
    }
    if (input.executiveSponsorContactId !== undefined) {
      let name: string | null = null;
      if (input.executiveSponsorContactId) {
        const contact = await contactOf(tx, input.executiveSponsorContactId);
        if (!contact || contact.accountId !== project.accountId) {
          throw invalid('executiveSponsorContactId: is not a contact of this account', { path: ['body', 'executiveSponsorContactId'] });
        }
        name = contact.name;
      }
      values.executiveSponsorContactId = input.executiveSponsorContactId;
      if (plan.executiveSponsorContactId !== input.executiveSponsorContactId) {
        const before = plan.executiveSponsorContactId ? await contactOf(tx, plan.executiveSponsorContactId) : undefined;
        await record('executive_sponsor', { from: before?.name ?? null, to: name });
      }
    }
    if (input.communicationCadence !== undefined) {
      values.communicationCadence = input.communicationCadence;
      const describe = (entries: CadenceEntry[]) =>
        entries.map((e) => `${e.who} meets ${e.meetsWhom}, ${e.frequency.replace(/_/g, ' ')}, ${e.channel}`).join('\n') || null;
      const from = describe(plan.communicationCadence as CadenceEntry[]);
      const to = describe(input.communicationCadence);
      if (from !== to) await record('communication_cadence', { from, to });
    }
    await repo.updatePlan(tx.db, tx.workspaceId, project.id, values);
  });
}

// ---- Outcomes ----

export async function addOutcome(ctx: Ctx, author: Author, projectId: string, input: OutcomeInput) {
  return change(ctx, author, projectId, async ({ tx, record }) => {
    await repo.insertOutcome(tx.db, {
      workspaceId: tx.workspaceId,
      projectId,
      statement: input.statement,
      position: await repo.nextPosition(tx.db, tx.workspaceId, 'outcomes', projectId),
      createdAt: tx.services.now(),
    });
    await record('outcome', { to: input.statement });
  });
}

export async function updateOutcome(ctx: Ctx, author: Author, outcomeId: string, input: OutcomeInput) {
  const found = await findOutcomeOrFail(ctx, outcomeId);
  return change(ctx, author, found.projectId, async ({ tx, record }) => {
    const outcome = await findOutcomeOrFail(tx, outcomeId);
    assertNotVerified(outcome, 'its statement');
    if (outcome.statement === input.statement) return;
    await repo.updateOutcome(tx.db, tx.workspaceId, outcomeId, { statement: input.statement, updatedAt: tx.services.now() });
    await record('outcome', { from: outcome.statement, to: input.statement });
  });
}

export async function removeOutcome(ctx: Ctx, author: Author, outcomeId: string) {
  const found = await findOutcomeOrFail(ctx, outcomeId);
  return change(ctx, author, found.projectId, async (scope) => {
    const outcome = await findOutcomeOrFail(scope.tx, outcomeId);
    assertNotVerified(outcome, 'it');
    await repo.deleteOutcome(scope.tx.db, scope.tx.workspaceId, outcomeId);
    await scope.record('outcome', { from: outcome.statement, reason: 'Removed from the success plan' });
    // The one outcome still waiting may be gone: every remaining one may now be verified.
    await settleValue(scope);
  });
}

// ---- Success metrics ----

async function ownerColumns(tx: Ctx, accountId: string, owner: MetricInput['owner']) {
  if (!owner) return { ownerMemberId: null, ownerContactId: null, ownerName: null };
  if (owner.kind === 'member') {
    const member = await memberOf(tx, owner.id);
    if (!member) throw invalid('owner: is not a member of this workspace', { path: ['body', 'owner', 'id'] });
    return { ownerMemberId: owner.id, ownerContactId: null, ownerName: member.name };
  }
  const contact = await contactOf(tx, owner.id);
  if (!contact || contact.accountId !== accountId) throw invalid('owner: is not a contact of this account', { path: ['body', 'owner', 'id'] });
  return { ownerMemberId: null, ownerContactId: owner.id, ownerName: contact.name };
}

function checkTargets(metric: { direction: MetricDirection; baseline: number; target: number }) {
  const problem = targetProblem(metric);
  if (problem) throw invalid(`target: ${problem}`, { path: ['body', 'target'] });
}

const describeMetric = (m: { name: string; unit: string; baseline: number; target: number; targetDate: string }) =>
  `${m.name}: ${formatMeasure(m.baseline, m.unit)} → ${formatMeasure(m.target, m.unit)} by ${m.targetDate}`;

export async function addMetric(ctx: Ctx, author: Author, outcomeId: string, input: MetricInput) {
  const found = await findOutcomeOrFail(ctx, outcomeId);
  return change(ctx, author, found.projectId, async ({ tx, project, record }) => {
    const outcome = await findOutcomeOrFail(tx, outcomeId);
    assertNotVerified(outcome, 'its set of metrics');
    checkTargets(input);
    await repo.insertMetric(tx.db, {
      workspaceId: tx.workspaceId,
      projectId: project.id,
      outcomeId,
      name: input.name,
      unit: input.unit,
      direction: input.direction,
      baseline: input.baseline,
      target: input.target,
      targetDate: input.targetDate,
      ...(await ownerColumns(tx, project.accountId, input.owner).then(({ ownerName: _, ...columns }) => columns)),
      position: await repo.nextPosition(tx.db, tx.workspaceId, 'metrics', outcomeId),
      createdAt: tx.services.now(),
    });
    await record('metric', { to: describeMetric(input), reason: `For "${outcome.statement}"` });
  });
}

export async function updateMetric(ctx: Ctx, author: Author, metricId: string, patch: MetricPatch) {
  const found = await findMetricOrFail(ctx, metricId);
  return change(ctx, author, found.projectId, async ({ tx, project, record }) => {
    const metric = await findMetricOrFail(tx, metricId);
    assertNotVerified(await findOutcomeOrFail(tx, metric.outcomeId), 'its metrics');
    const next = {
      name: patch.name ?? metric.name,
      unit: patch.unit ?? metric.unit,
      direction: patch.direction ?? (metric.direction as MetricDirection),
      baseline: patch.baseline ?? metric.baseline,
      target: patch.target ?? metric.target,
      targetDate: patch.targetDate ?? metric.targetDate,
    };
    checkTargets(next);
    const before = describeMetric(metric);
    const after = describeMetric(next);
    if (before !== after || next.direction !== metric.direction) await record('metric', { from: before, to: after });
    if (patch.owner !== undefined) {
      const { ownerName, ...owner } = await ownerColumns(tx, project.accountId, patch.owner);
      Object.assign(next, owner);
      if (owner.ownerMemberId !== metric.ownerMemberId || owner.ownerContactId !== metric.ownerContactId) {
        await record('metric_owner', { to: ownerName, reason: `Owner of ${next.name}` });
      }
    }
    await repo.updateMetric(tx.db, tx.workspaceId, metricId, { ...next, updatedAt: tx.services.now() });
  });
}

export async function removeMetric(ctx: Ctx, author: Author, metricId: string) {
  const found = await findMetricOrFail(ctx, metricId);
  return change(ctx, author, found.projectId, async ({ tx, record }) => {
    const metric = await findMetricOrFail(tx, metricId);
    assertNotVerified(await findOutcomeOrFail(tx, metric.outcomeId), 'its metrics');
    await repo.deleteMetric(tx.db, tx.workspaceId, metricId);
    await record('metric', { from: describeMetric(metric), reason: 'Removed from the success plan' });
  });
}

// ---- Actuals ----

/** A measured value of a metric, by either side; tracking goes on after the outcome is verified. */
export async function recordActual(ctx: Ctx, author: Author, metricId: string, input: ActualInput) {
  const found = await findMetricOrFail(ctx, metricId);
  return change(ctx, author, found.projectId, async ({ tx, project, today, record }) => {
    const metric = await findMetricOrFail(tx, metricId);
    if (input.measuredOn > today) throw invalid('measuredOn: cannot be in the future', { path: ['body', 'measuredOn'] });
    const earliest = `${Number(project.day0.slice(0, 4)) - 1}${project.day0.slice(4)}`;
    if (input.measuredOn < earliest) throw invalid('measuredOn: is more than a year before day 0', { path: ['body', 'measuredOn'] });
    await repo.insertActual(tx.db, {
      workspaceId: tx.workspaceId,
      projectId: project.id,
      metricId,
      value: input.value,
      measuredOn: input.measuredOn,
      note: input.note || null,
      recordedBySide: author.side,
      recordedByMemberId: author.side === 'vendor' ? author.memberId : null,
      recordedByContactId: author.side === 'customer' ? author.contactId : null,
      recordedByName: author.name,
      createdAt: tx.services.now(),
    });
    await record('actual', { to: `${metric.name}: ${formatMeasure(input.value, metric.unit)} on ${input.measuredOn}`, reason: input.note || null });
  });
}

/** Removes an actual recorded by mistake; the history keeps it. */
export async function removeActual(ctx: Ctx, author: Author, actualId: string) {
  const found = await repo.findActual(ctx.db, ctx.workspaceId, actualId);
  if (!found) throw notFound('actual');
  return change(ctx, author, found.projectId, async ({ tx, record }) => {
    const actual = await repo.findActual(tx.db, tx.workspaceId, actualId);
    if (!actual) throw notFound('actual');
    const metric = await findMetricOrFail(tx, actual.metricId);
    await repo.deleteActual(tx.db, tx.workspaceId, actualId);
    await record('actual', { from: `${metric.name}: ${formatMeasure(actual.value, metric.unit)} on ${actual.measuredOn}`, reason: 'Removed as recorded by mistake' });
  });
}

// ---- Verification ----

/** The vendor asks the customer to confirm an outcome; the portal shows the request. */
export async function requestVerification(ctx: Ctx, author: Author, outcomeId: string, input: { note?: string | undefined }) {
  if (author.side !== 'vendor') throw forbidden('The customer confirms an outcome directly: there is nobody to ask.');
  const found = await findOutcomeOrFail(ctx, outcomeId);
  return change(ctx, author, found.projectId, async ({ tx, record, plan, project }) => {
    const outcome = await findOutcomeOrFail(tx, outcomeId);
    if (outcome.verifiedAt) throw conflict(`This outcome was already confirmed by ${outcome.verifiedByName} on ${outcome.verifiedOn}.`);
    // The executive sponsor is asked by email (the portal shows the request to everyone on the customer's side).
    if (plan.executiveSponsorContactId) {
      await emit(tx, 'customer.asked', {
        projectId: project.id,
        contactId: plan.executiveSponsorContactId,
        subject: `Can you confirm an outcome of ${project.name}?`,
        text: `${author.name} asks you to confirm this outcome in your onboarding portal: "${outcome.statement}".${input.note ? `\n\n${input.note}` : ''}`,
      });
    }
    await repo.updateOutcome(tx.db, tx.workspaceId, outcomeId, {
      verificationRequestedAt: tx.services.now(),
      verificationRequestedBy: author.name,
      verificationRequestNote: input.note || null,
      updatedAt: tx.services.now(),
    });
    await record('verification_request', { to: outcome.statement, reason: input.note || 'Asked the customer to confirm this outcome' });
  });
}

/**
 * The customer confirms an outcome: only a customer Author may (the vendor can only ask). What each metric showed
 * at that moment is kept as the evidence. The first confirmation is the project's first value, and the last one
 * (every outcome confirmed) is value achieved: their milestone tasks are done on that date, in the same transaction.
 */
export async function verifyOutcome(ctx: Ctx, author: Author, outcomeId: string, input: VerificationInput) {
  if (author.side !== 'customer') {
    throw forbidden('Only the customer can confirm an outcome. Ask them for verification instead: they confirm it in the portal.');
  }
  const found = await findOutcomeOrFail(ctx, outcomeId);
  return change(ctx, author, found.projectId, async (scope) => {
    const { tx, today, record } = scope;
    const outcome = await findOutcomeOrFail(tx, outcomeId);
    if (outcome.verifiedAt) throw conflict(`This outcome was already confirmed by ${outcome.verifiedByName} on ${outcome.verifiedOn}.`);
    const metrics = (await repo.listMetrics(tx.db, tx.workspaceId, outcome.projectId)).filter((metric) => metric.outcomeId === outcomeId);
    const actuals = await repo.listActuals(tx.db, tx.workspaceId, outcome.projectId);
    const snapshot = metrics.map((metric) => {
      const latest = latestActual(actuals.filter((actual) => actual.metricId === metric.id));
      return { metric: metric.name, value: latest?.value ?? null, unit: metric.unit, measuredOn: latest?.measuredOn ?? null };
    });
    await repo.updateOutcome(tx.db, tx.workspaceId, outcomeId, {
      verifiedAt: tx.services.now(),
      verifiedOn: today,
      verifiedByContactId: author.contactId,
      verifiedByName: author.name,
      verificationComment: input.comment,
      verificationEvidence: input.evidence || null,
      verificationSnapshot: snapshot,
      updatedAt: tx.services.now(),
    });
    await record('verification', { to: outcome.statement, reason: `Confirmed by ${author.name}: ${input.comment}` });
    await emit(tx, 'outcome.verified', { projectId: outcome.projectId, outcomeId, statement: outcome.statement, verifiedBy: author.name });
    await settleValue(scope);
  });
}

/** First value and value achieved, once each: dated on the plan, and their milestone tasks done through the plan. */
async function settleValue({ tx, project, plan, today, record }: Scope) {
  const outcomes = await repo.listOutcomes(tx.db, tx.workspaceId, project.id);
  const metrics = await repo.listMetrics(tx.db, tx.workspaceId, project.id);
  const proven = valueProven(
    outcomes.map((outcome) => ({ verified: Boolean(outcome.verifiedAt), metricCount: metrics.filter((m) => m.outcomeId === outcome.id).length })),
  );
  const tasks = await repo.valueMilestoneTasks(tx.db, tx.workspaceId, project.id);
  const reach = async (kind: 'first_value' | 'value_achieved', why: string) => {
    await repo.updatePlan(tx.db, tx.workspaceId, project.id, kind === 'first_value' ? { firstValueOn: today } : { valueAchievedOn: today });
    await record(kind, { to: today, reason: why });
    const task = tasks.find((candidate) => candidate.milestoneKind === kind);
    // The projects module completes the task: the schedule re-plans and the history says why. A task marked done
    // before the customer confirmed anything takes the confirmation's date: value counts when the customer says so.
    if (task && (task.status !== 'done' || task.actualFinish !== today)) {
      await updateTask(tx, task.id, { status: 'done', actualFinish: today, reason: why }, { byValueProof: true });
    }
  };
  if (proven.firstValue && !plan.firstValueOn) await reach('first_value', 'The customer confirmed the first outcome of the success plan');
  if (proven.valueAchieved && !plan.valueAchievedOn) await reach('value_achieved', 'The customer confirmed every outcome of the success plan');
}

/** The success metrics these contacts own (an outcome is owned through its metrics): what they leave behind. */
export const metricsOwnedBy = (ctx: Ctx, contactIds: string[]) => repo.metricsOwnedByContacts(ctx.db, ctx.workspaceId, contactIds);

/** A successor takes over the metrics a contact who left owned (only those listed, when given). */
export const handOverMetricsOf = (ctx: Ctx, fromContactId: string, toContactId: string, onlyIds?: readonly string[]) =>
  repo.handOverMetrics(ctx.db, ctx.workspaceId, fromContactId, toContactId, onlyIds);
