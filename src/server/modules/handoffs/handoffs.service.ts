import { assessHandoff, HANDOFF_FIELD_LABELS, type HandoffAnswers, type HandoffField } from '../../../core/handoffs/quality.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { memberOf } from '../members/members.service.ts';
import { projectHeadline } from '../projects/projects.service.ts';
import * as repo from './handoffs.repo.ts';
import { actorOf, recordEvents } from '../history/history.service.ts';

type Status = 'open' | 'questions' | 'complete';

async function assertProject(ctx: Ctx, projectId: string) {
  const project = await projectHeadline(ctx, projectId);
  if (!project) throw notFound('project');
  return project;
}

export async function getHandoff(ctx: Ctx, projectId: string) {
  await assertProject(ctx, projectId);
  const row = await repo.findHandoff(ctx.db, ctx.workspaceId, projectId);
  const required = (await repo.requiredFields(ctx.db, ctx.workspaceId)) as HandoffField[];
  const answers = (row?.answers ?? {}) as HandoffAnswers;
  const quality = assessHandoff(answers, required);
  const questions = await repo.listQuestions(ctx.db, ctx.workspaceId, projectId);
  return {
    projectId,
    status: (row?.status ?? 'open') as Status,
    rep: row?.repMemberId && row.repName ? { id: row.repMemberId, name: row.repName } : null,
    answers,
    requiredFields: required,
    quality: { complete: quality.complete, score: quality.score, flags: quality.flags },
    questions: questions.map((q) => ({
      id: q.id,
      field: q.field as HandoffField | null,
      text: q.text,
      askedByName: q.askedByName,
      askedAt: q.askedAt.toISOString(),
      answer: q.answer,
      answeredByName: q.answeredByName,
      answeredAt: q.answeredAt?.toISOString() ?? null,
    })),
    submittedAt: row?.submittedAt?.toISOString() ?? null,
  };
}

/** Saves what the rep has written so far; nothing is checked until they submit. */
export async function saveHandoffAnswers(ctx: Ctx, projectId: string, answers: HandoffAnswers) {
  await assertProject(ctx, projectId);
  await repo.ensureHandoff(ctx.db, ctx.workspaceId, projectId);
  await repo.saveHandoff(ctx.db, ctx.workspaceId, projectId, { answers });
  return getHandoff(ctx, projectId);
}

/** Hands over: refused while a required answer is missing or thin, each named. */
export async function submitHandoff(ctx: Ctx, projectId: string) {
  const current = await getHandoff(ctx, projectId);
  const blocking = current.quality.flags.filter((flag) => flag.required);
  if (blocking.length > 0) {
    throw new AppError('invalid', `The hand-off is not complete: ${blocking.map((flag) => flag.message).join('; ')}`, {
      errors: blocking.map((flag) => ({ path: ['answers', flag.field], message: flag.message })),
    });
  }
  const open = current.questions.some((question) => !question.answer);
  await inTransaction(ctx, async (tx) => {
    await repo.ensureHandoff(tx.db, tx.workspaceId, projectId);
    await repo.saveHandoff(tx.db, tx.workspaceId, projectId, { status: open ? 'questions' : 'complete', submittedAt: tx.services.now() });
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId, ...(actorOf(tx)), kind: 'handoff', toValue: open ? 'questions' : 'complete', createdAt: tx.services.now() },
    ]);
  });
  return getHandoff(ctx, projectId);
}

/** The onboarding manager asks the rep; the rep is emailed, and the hand-off is incomplete until answered. */
export async function askHandoffQuestion(ctx: Ctx, projectId: string, input: { text: string; field?: HandoffField | null | undefined }) {
  const project = await assertProject(ctx, projectId);
  await inTransaction(ctx, async (tx) => {
    await repo.ensureHandoff(tx.db, tx.workspaceId, projectId);
    const asker = actorOf(tx);
    const question = await repo.insertQuestion(tx.db, {
      workspaceId: tx.workspaceId,
      projectId,
      field: input.field ?? null,
      text: input.text,
      askedBy: asker.actorMemberId,
      askedByName: asker.actorName,
      askedAt: tx.services.now(),
    });
    await repo.saveHandoff(tx.db, tx.workspaceId, projectId, { status: 'questions' });
    const handoff = await repo.findHandoff(tx.db, tx.workspaceId, projectId);
    const rep = handoff?.repMemberId ? await memberOf(tx, handoff.repMemberId) : undefined;
    if (rep) {
      const about = input.field ? ` about "${HANDOFF_FIELD_LABELS[input.field]}"` : '';
      await queueMail(tx.db, tx.services, tx.workspaceId, {
        dedupeKey: `handoff-question:${question.id}`,
        to: rep.email,
        subject: `${asker.actorName} has a question on the ${project.accountName} hand-off`,
        text: `${asker.actorName} asks${about}:\n\n${input.text}\n\nAnswer it here: ${tx.services.config.publicUrl}/projects/${projectId}/handoff`,
      });
    }
  });
  return getHandoff(ctx, projectId);
}

export async function answerHandoffQuestion(ctx: Ctx, questionId: string, answer: string) {
  const question = await repo.findQuestion(ctx.db, ctx.workspaceId, questionId);
  if (!question) throw notFound('hand-off question');
  const answerer = actorOf(ctx);
  await repo.answerQuestion(ctx.db, ctx.workspaceId, questionId, { answer, answeredByName: answerer.actorName, answeredAt: ctx.services.now() });
  const handoff = await getHandoff(ctx, question.projectId);
  if (handoff.submittedAt && handoff.quality.complete && handoff.questions.every((q) => q.answer)) {
    await repo.saveHandoff(ctx.db, ctx.workspaceId, question.projectId, { status: 'complete' });
    return getHandoff(ctx, question.projectId);
  }
  return handoff;
}

export async function handoffSettings(ctx: Ctx) {
  return { requiredFields: (await repo.requiredFields(ctx.db, ctx.workspaceId)) as HandoffField[] };
}

export async function updateHandoffSettings(ctx: Ctx, requiredFields: HandoffField[]) {
  await repo.setRequiredFields(ctx.db, ctx.workspaceId, [...new Set(requiredFields)]);
  return handoffSettings(ctx);
}
