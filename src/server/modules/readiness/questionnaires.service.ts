import { BUILTIN_READINESS, validateQuestions, type Question } from '../../../core/readiness/readiness.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { QuestionnaireInput, ReadinessQuestion } from '../../../contract/readiness.ts';
import * as repo from './readiness.repo.ts';

export const BUILTIN_KEY = 'onboarding-readiness';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findQuestionnaire>>>;

const presentSummary = (row: Row) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  builtin: row.builtinKey !== null,
  currentVersion: row.currentVersion,
  questionCount: row.questions.length,
  assessmentCount: row.assessmentCount,
  updatedAt: row.updatedAt.toISOString(),
  archivedAt: row.archivedAt?.toISOString() ?? null,
});

const present = (row: Row) => ({ ...presentSummary(row), version: row.version, questions: row.questions });

/** The questions as core scores them: the API schema has already checked each one's shape. */
export const asCoreQuestions = (questions: ReadinessQuestion[]) => questions as Question[];

/** Refuses questions that cannot be scored as written (a key used twice, a choice listed twice…), naming each. */
function assertValidQuestions(questions: ReadinessQuestion[]) {
  const issues = validateQuestions(asCoreQuestions(questions));
  if (issues.length === 0) return;
  throw new AppError('invalid', issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '), {
    errors: issues.map((issue) => ({ path: ['body', ...issue.path], message: issue.message })),
  });
}

/** Every workspace has the built-in questionnaire: installed the first time anyone looks for it. */
export async function ensureBuiltinQuestionnaire(db: Db, workspaceId: string): Promise<string> {
  const existing = await repo.findBuiltinQuestionnaireId(db, workspaceId, BUILTIN_KEY);
  if (existing) return existing;
  await db.transaction(async (tx) => {
    await repo.insertQuestionnaire(tx as unknown as Db, workspaceId, {
      name: BUILTIN_READINESS.name,
      description: 'People, processes and technology: the questions most onboarding teams ask before work starts.',
      questions: BUILTIN_READINESS.questions,
      builtinKey: BUILTIN_KEY,
      createdBy: null,
    });
  });
  return (await repo.findBuiltinQuestionnaireId(db, workspaceId, BUILTIN_KEY))!;
}

const memberId = (ctx: Ctx) => (ctx.actor.kind === 'member' ? ctx.actor.memberId : null);

export async function listQuestionnaires(ctx: Ctx, includeArchived = false) {
  await ensureBuiltinQuestionnaire(ctx.db, ctx.workspaceId);
  return (await repo.listQuestionnaires(ctx.db, ctx.workspaceId, includeArchived)).map(presentSummary);
}

export async function getQuestionnaire(ctx: Ctx, questionnaireId: string, version?: number) {
  const row = await repo.findQuestionnaire(ctx.db, ctx.workspaceId, questionnaireId, version);
  if (!row) throw notFound(version ? `version ${version} of that questionnaire` : 'questionnaire');
  return present(row);
}

export async function createQuestionnaire(ctx: Ctx, input: QuestionnaireInput) {
  assertValidQuestions(input.questions);
  return inTransaction(ctx, async (tx) => {
    const id = await repo.insertQuestionnaire(tx.db, tx.workspaceId, {
      name: input.name,
      description: input.description ?? null,
      questions: input.questions,
      createdBy: memberId(tx),
    });
    return getQuestionnaire(tx, id!);
  });
}

/** Saves the edit as a new version: assessments already started keep scoring against the questions they were answered with. */
export async function updateQuestionnaire(ctx: Ctx, questionnaireId: string, input: QuestionnaireInput) {
  assertValidQuestions(input.questions);
  return inTransaction(ctx, async (tx) => {
    const version = await repo.insertQuestionnaireVersion(tx.db, tx.workspaceId, questionnaireId, {
      name: input.name,
      description: input.description ?? null,
      questions: input.questions,
      createdBy: memberId(tx),
      now: tx.services.now(),
    });
    if (!version) throw notFound('questionnaire');
    return getQuestionnaire(tx, questionnaireId);
  });
}

export async function setQuestionnaireArchived(ctx: Ctx, questionnaireId: string, archived: boolean) {
  if (!(await repo.setQuestionnaireArchived(ctx.db, ctx.workspaceId, questionnaireId, archived ? ctx.services.now() : null))) {
    throw notFound('questionnaire');
  }
  return getQuestionnaire(ctx, questionnaireId);
}
