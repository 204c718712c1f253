import type { Author, Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import * as readiness from '../readiness/readiness.service.ts';
import type { AnswerValue } from '../../../contract/readiness.ts';
import type { ActualInput, OutcomeInput, PlanInput, VerificationInput } from '../../../contract/success-plans.ts';
import * as plans from '../success-plans/success-plans.service.ts';
import * as repo from './portal.repo.ts';
import { authorOf } from '../history/history.service.ts';

// The customer's side of readiness and the success plan: the portal's routes call these with the signed-in
// contact; every id is checked to belong to the project the contact has access to (else "not found").

type ContactCtx = Ctx & { actor: { kind: 'contact'; contactId: string } };

async function customer(ctx: ContactCtx, projectId: string): Promise<Extract<Author, { side: 'customer' }>> {
  if (!(await repo.findLiveAccess(ctx.db, ctx.workspaceId, projectId, ctx.actor.contactId))) throw notFound('project');
  return authorOf(ctx) as Extract<Author, { side: 'customer' }>;
}

export async function projectAssessments(ctx: ContactCtx, projectId: string) {
  const author = await customer(ctx, projectId);
  return (await readiness.listCustomerAssessments(ctx, author)).filter((a) => a.projectId === projectId);
}

async function assessmentOf(ctx: ContactCtx, projectId: string, assessmentId: string) {
  const author = await customer(ctx, projectId);
  const assessment = await readiness.getCustomerAssessment(ctx, author, assessmentId);
  if (assessment.projectId !== projectId) throw notFound('assessment');
  return { author, assessment };
}

export const portalAssessment = async (ctx: ContactCtx, projectId: string, assessmentId: string) =>
  (await assessmentOf(ctx, projectId, assessmentId)).assessment;

export async function answerAssessment(ctx: ContactCtx, projectId: string, assessmentId: string, answers: Record<string, AnswerValue>) {
  const { author } = await assessmentOf(ctx, projectId, assessmentId);
  return readiness.saveAnswers(ctx, assessmentId, answers, author);
}

export async function submitPortalAssessment(ctx: ContactCtx, projectId: string, assessmentId: string) {
  const { author } = await assessmentOf(ctx, projectId, assessmentId);
  return readiness.submitAssessment(ctx, assessmentId, author);
}

export async function portalSuccessPlan(ctx: ContactCtx, projectId: string) {
  return plans.readSuccessPlan(ctx, await customer(ctx, projectId), projectId);
}

export async function editSuccessPlan(ctx: ContactCtx, projectId: string, input: PlanInput) {
  return plans.updateSuccessPlan(ctx, await customer(ctx, projectId), projectId, input);
}

export async function proposeOutcome(ctx: ContactCtx, projectId: string, input: OutcomeInput) {
  return plans.addOutcome(ctx, await customer(ctx, projectId), projectId, input);
}

/** The plan, with the outcome (or metric) checked to be one of this project's. */
async function planWith(ctx: ContactCtx, projectId: string, find: { outcomeId?: string; metricId?: string }) {
  const author = await customer(ctx, projectId);
  const plan = await plans.readSuccessPlan(ctx, author, projectId);
  const outcome = plan.outcomes.find((o) => o.id === find.outcomeId || o.metrics.some((m) => m.id === find.metricId));
  if (!outcome) throw notFound(find.metricId ? 'success metric' : 'outcome');
  return author;
}

export async function recordPortalActual(ctx: ContactCtx, projectId: string, metricId: string, input: ActualInput) {
  return plans.recordActual(ctx, await planWith(ctx, projectId, { metricId }), metricId, input);
}

/** The customer confirms an outcome: the only way one becomes verified (and first value / value achieved are set). */
export async function confirmOutcome(ctx: ContactCtx, projectId: string, outcomeId: string, input: VerificationInput) {
  return plans.verifyOutcome(ctx, await planWith(ctx, projectId, { outcomeId }), outcomeId, input);
}
