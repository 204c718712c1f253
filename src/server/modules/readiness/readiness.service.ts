import {
  answerProblem,
  BUILTIN_READINESS,
  passesGate,
  scoreReadiness,
  stagesBeyondGate,
  type Verdict,
} from '../../../core/readiness/readiness.ts';
import type { MemberRole } from '../../../core/people.ts';
import { inTransaction, type Author, type Ctx } from '../../context.ts';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../http/errors.ts';
import { lockProjectRow, projectHeadline } from '../projects/projects.service.ts';
import { emit } from '../../events/bus.ts';
import { asCoreQuestions, ensureBuiltinQuestionnaire } from './questionnaires.service.ts';
import type { AnswerValue, Assessment, ReadinessSettings } from '../../../contract/readiness.ts';
import * as repo from './readiness.repo.ts';
import { actorOf, authorOf, recordEvents } from '../history/history.service.ts';
import { contactOf } from '../contacts/contacts.service.ts';

const RISK_KIND = 'readiness';
/** Who may let a project leave Mobilization although readiness does not pass. */
const GATE_OVERRIDERS: readonly MemberRole[] = ['admin', 'onboarding_manager', 'implementation_manager'];
const VERDICT_WORDS: Record<Verdict, string> = { ready: 'ready', at_risk: 'at risk', not_ready: 'not ready' };

type StoredAnswer = { value: AnswerValue; by: { side: 'vendor' | 'customer'; id: string | null; name: string }; at: string };
type StoredScore = Assessment['score'];

// ---- Who is answering ----

/** The member (or API token) behind a staff request, as an Author (one definition, in the projects module). */
export const vendorAuthor = authorOf;

const eventActor = (author: Author) => ({ actorName: author.name, actorMemberId: author.side === 'vendor' ? author.memberId : null });

/** A portal session may only act as its own contact, and a member's preview of the portal never writes. */
function assertAuthorIsActor(ctx: Ctx, author: Author, writing: boolean) {
  if (ctx.actor.kind !== 'contact') return;
  if (author.side !== 'customer' || author.contactId !== ctx.actor.contactId) throw forbidden('You can only answer as yourself.');
  if (writing && ctx.actor.preview) throw forbidden('This is a preview of the portal: nothing can be changed from it.');
}

/** A customer sees an assessment only once it was sent to their company, and only while they are still there. */
async function assertCustomerMaySee(ctx: Ctx, author: Author, row: repo.AssessmentRow) {
  if (author.side !== 'customer') return;
  const contact = await contactOf(ctx, author.contactId);
  if (!contact || contact.leftOn || contact.accountId !== row.accountId || !row.assessment.sentAt) throw notFound('readiness assessment');
}

// ---- Settings ----

const DEFAULT_SETTINGS: ReadinessSettings = {
  readyThreshold: BUILTIN_READINESS.thresholds.ready,
  atRiskThreshold: BUILTIN_READINESS.thresholds.atRisk,
  gateOn: false,
};

export async function readinessSettings(ctx: Ctx): Promise<ReadinessSettings> {
  const row = await repo.findSettings(ctx.db, ctx.workspaceId);
  return row ? { readyThreshold: row.readyThreshold, atRiskThreshold: row.atRiskThreshold, gateOn: row.gateOn } : DEFAULT_SETTINGS;
}

export async function updateReadinessSettings(ctx: Ctx, input: ReadinessSettings) {
  if (input.atRiskThreshold >= input.readyThreshold) {
    throw invalid(`atRiskThreshold: must be below the ready threshold (${input.readyThreshold})`, { path: ['body', 'atRiskThreshold'] });
  }
  await repo.saveSettings(ctx.db, ctx.workspaceId, { ...input, updatedAt: ctx.services.now() });
  return readinessSettings(ctx);
}

const thresholdsOf = (settings: ReadinessSettings) => ({ ready: settings.readyThreshold, atRisk: settings.atRiskThreshold });

// ---- Presenting ----

function presentAssessment(row: repo.AssessmentRow, settings: ReadinessSettings): Assessment {
  const a = row.assessment;
  const questions = row.questions as Assessment['questions'];
  const answers = a.answers as Record<string, StoredAnswer>;
  const score: StoredScore =
    a.state === 'submitted' && a.score
      ? (a.score as StoredScore)
      : scoreOf(questions, answers, settings);
  return {
    id: a.id,
    projectId: a.projectId,
    projectName: row.projectName,
    questionnaire: { id: a.questionnaireId, name: row.questionnaireName, version: row.version },
    state: a.state as Assessment['state'],
    questions,
    answers,
    startedByName: a.startedByName,
    createdAt: a.createdAt.toISOString(),
    sentTo: a.sentToContactId && row.sentToName ? { contactId: a.sentToContactId, name: row.sentToName, email: row.sentToEmail ?? '' } : null,
    sentAt: a.sentAt?.toISOString() ?? null,
    sentByName: a.sentByName,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    submittedByName: a.submittedByName,
    score,
  };
}

function scoreOf(questions: Assessment['questions'], answers: Record<string, StoredAnswer>, settings: ReadinessSettings): StoredScore {
  const values = Object.fromEntries(Object.entries(answers).map(([key, answer]) => [key, answer.value]));
  const thresholds = thresholdsOf(settings);
  const score = scoreReadiness({ name: '', questions: asCoreQuestions(questions), thresholds }, values);
  return { ...score, thresholds };
}

const presentSummary = (row: repo.AssessmentRow) => ({
  id: row.assessment.id,
  projectId: row.assessment.projectId,
  projectName: row.projectName,
  questionnaireName: row.questionnaireName,
  state: row.assessment.state as Assessment['state'],
  overall: row.assessment.overall,
  verdict: row.assessment.verdict as Verdict | null,
  createdAt: row.assessment.createdAt.toISOString(),
  sentAt: row.assessment.sentAt?.toISOString() ?? null,
  submittedAt: row.assessment.submittedAt?.toISOString() ?? null,
});

const canOverride = (ctx: Ctx) => ctx.actor.kind !== 'contact' && GATE_OVERRIDERS.includes(ctx.actor.role);

/** The project's readiness at a glance: the assessment under way, the latest verdict, the gate, the override and the risk. */
export async function getProjectReadiness(ctx: Ctx, projectId: string) {
  if (!(await projectHeadline(ctx, projectId))) throw notFound('project');
  const settings = await readinessSettings(ctx);
  const rows = await repo.projectAssessments(ctx.db, ctx.workspaceId, projectId);
  const current = rows.find((row) => row.assessment.state !== 'submitted');
  const latest = rows
    .filter((row) => row.assessment.state === 'submitted')
    .sort(
      (a, b) =>
        b.assessment.submittedAt!.getTime() - a.assessment.submittedAt!.getTime() ||
        b.assessment.createdAt.getTime() - a.assessment.createdAt.getTime(),
    )[0];
  const override = await repo.findOverride(ctx.db, ctx.workspaceId, projectId);
  const risk = await repo.findOpenRisk(ctx.db, ctx.workspaceId, projectId, RISK_KIND);
  const gate = gateState(settings, latest ? { verdict: latest.assessment.verdict as Verdict, overall: latest.assessment.overall } : undefined, override);
  return {
    projectId,
    settings,
    current: current ? presentAssessment(current, settings) : null,
    latest: latest ? presentAssessment(latest, settings) : null,
    history: rows.map(presentSummary),
    gate: { ...gate, canOverride: canOverride(ctx) },
    override: override ? { reason: override.reason, byName: override.byName, at: override.createdAt.toISOString() } : null,
    risk: risk
      ? { id: risk.id, kind: risk.kind, reason: risk.reason, raisedAt: risk.raisedAt.toISOString(), raisedByName: risk.raisedByName }
      : null,
  };
}

// ---- The gate ----

function gateState(
  settings: ReadinessSettings,
  latest: { verdict: Verdict | null; overall: number | null } | undefined,
  override: { reason: string; byName: string } | undefined,
) {
  const passes = passesGate({ gateOn: settings.gateOn, verdict: latest?.verdict ?? null, override: override ?? null });
  if (!settings.gateOn) return { on: false, passes, message: 'The readiness gate is off: projects leave Mobilization whatever the score.' };
  if (override) return { on: true, passes, message: `${override.byName} let this project leave Mobilization: “${override.reason}”.` };
  if (passes) return { on: true, passes, message: `Readiness scored ${latest!.overall} (ready): the project may leave Mobilization.` };
  const why = latest
    ? `The latest readiness assessment scored ${latest.overall} (${VERDICT_WORDS[latest.verdict!]})`
    : 'No readiness assessment has been submitted yet';
  return {
    on: true,
    passes,
    message:
      `${why}, and the readiness gate holds projects in Mobilization until they are ready (${settings.readyThreshold} or more). ` +
      'Submit an assessment that scores ready, or ask an admin, onboarding manager or implementation manager to override the gate with a reason.',
  };
}

/**
 * Refuses to start or complete a task after Mobilization while the readiness gate holds the project.
 * A guard of task.status_changing (app/reactions.ts), asked inside the transaction of the status change.
 */
export async function assertReadinessGateAllows(
  ctx: Ctx,
  project: { id: string; stages: unknown },
  task: { stage: string; title: string; status: string },
  nextStatus: string | undefined,
) {
  if (!nextStatus || nextStatus === task.status || (nextStatus !== 'in_progress' && nextStatus !== 'done')) return;
  if (!stagesBeyondGate(project.stages as { key: string }[]).includes(task.stage)) return;
  const settings = await readinessSettings(ctx);
  if (!settings.gateOn) return;
  const latest = await repo.latestSubmittedVerdict(ctx.db, ctx.workspaceId, project.id);
  const override = await repo.findOverride(ctx.db, ctx.workspaceId, project.id);
  const gate = gateState(settings, latest ? { verdict: latest.verdict as Verdict, overall: latest.overall } : undefined, override);
  if (gate.passes) return;
  throw conflict(`${task.title} belongs to a stage after Mobilization. ${gate.message}`, { path: ['body', 'status'] });
}

/** A manager lets the project leave Mobilization although readiness does not pass; the reason is kept and shown. */
export async function overrideReadinessGate(ctx: Ctx, projectId: string, reason: string) {
  await inTransaction(ctx, async (tx) => {
    if (!(await lockProjectRow(tx, projectId))) throw notFound('project');
    if (!canOverride(tx)) throw forbidden('Only an admin, onboarding manager or implementation manager can override the readiness gate.');
    if (!(await readinessSettings(tx)).gateOn) throw conflict('The readiness gate is off in this workspace: there is nothing to override.');
    const actor = actorOf(tx);
    const now = tx.services.now();
    await repo.saveOverride(tx.db, { workspaceId: tx.workspaceId, projectId, reason, byMemberId: actor.actorMemberId, byName: actor.actorName, createdAt: now });
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId, ...actor, kind: 'readiness', field: 'gate', toValue: 'Readiness gate overridden: the project may leave Mobilization', reason, createdAt: now },
    ]);
  });
  return getProjectReadiness(ctx, projectId);
}

// ---- Assessments ----

async function loadAssessment(ctx: Ctx, assessmentId: string) {
  const row = await repo.findAssessment(ctx.db, ctx.workspaceId, assessmentId);
  if (!row) throw notFound('readiness assessment');
  return row;
}

/** Starts a readiness assessment of the project, on the questionnaire given or the built-in one. One at a time. */
export async function startAssessment(ctx: Ctx, projectId: string, input: { questionnaireId?: string | undefined }) {
  const id = await inTransaction(ctx, async (tx) => {
    if (!(await lockProjectRow(tx, projectId))) throw notFound('project');
    if ((await repo.countOpenAssessments(tx.db, tx.workspaceId, projectId)) > 0) {
      throw conflict('A readiness assessment of this project is already under way: finish it (submit) or discard it first.');
    }
    const questionnaireId = input.questionnaireId ?? (await ensureBuiltinQuestionnaire(tx.db, tx.workspaceId));
    const questionnaire = await repo.findQuestionnaire(tx.db, tx.workspaceId, questionnaireId);
    if (!questionnaire) throw invalid('questionnaireId: is not a questionnaire of this workspace', { path: ['body', 'questionnaireId'] });
    if (questionnaire.archivedAt) throw invalid(`questionnaireId: "${questionnaire.name}" is archived`, { path: ['body', 'questionnaireId'] });
    const author = await vendorAuthor(tx);
    const now = tx.services.now();
    const assessmentId = await repo.insertAssessment(tx.db, {
      workspaceId: tx.workspaceId,
      projectId,
      questionnaireId,
      questionnaireVersionId: questionnaire.versionId,
      startedByName: author.name,
      createdAt: now,
      updatedAt: now,
    });
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId, ...eventActor(author), kind: 'readiness', field: 'assessment', toValue: `Readiness assessment started (${questionnaire.name})`, createdAt: now },
    ]);
    return assessmentId;
  });
  return getAssessment(ctx, id);
}

export async function getAssessment(ctx: Ctx, assessmentId: string) {
  return presentAssessment(await loadAssessment(ctx, assessmentId), await readinessSettings(ctx));
}

/**
 * Saves some answers (the others stay; null clears one), each checked against its question's type and kept with
 * who answered it and when. The vendor saves while it is a draft or sent; the customer once it is sent to them.
 */
export async function saveAnswers(ctx: Ctx, assessmentId: string, answers: Record<string, AnswerValue>, author: Author) {
  assertAuthorIsActor(ctx, author, true);
  await inTransaction(ctx, async (tx) => {
    const row = await lockOpenAssessment(tx, assessmentId, author);
    const questions = new Map(asCoreQuestions(row.questions as Assessment['questions']).map((question) => [question.key, question]));
    const errors: FieldError[] = [];
    for (const [key, value] of Object.entries(answers)) {
      const question = questions.get(key);
      const problem = question ? answerProblem(question, value) : 'is not a question of this questionnaire';
      if (problem) errors.push({ path: ['body', 'answers', key], message: problem });
    }
    if (errors.length > 0) {
      throw new AppError('invalid', errors.map((error) => `${error.path.at(-1)}: ${error.message}`).join('; '), { errors });
    }
    const stored = { ...(row.assessment.answers as Record<string, StoredAnswer>) };
    const at = tx.services.now().toISOString();
    const by = author.side === 'vendor' ? { side: 'vendor' as const, id: author.memberId, name: author.name } : { side: 'customer' as const, id: author.contactId, name: author.name };
    for (const [key, value] of Object.entries(answers)) {
      if (value === null || value === '') delete stored[key];
      else if (JSON.stringify(stored[key]?.value) !== JSON.stringify(value)) stored[key] = { value, by, at };
    }
    await repo.updateAssessment(tx.db, tx.workspaceId, assessmentId, { answers: stored, updatedAt: tx.services.now() });
  });
  return getAssessment(ctx, assessmentId);
}

/** The assessment, locked for the rest of the transaction, once the author may answer it and it is still open. */
async function lockOpenAssessment(tx: Ctx, assessmentId: string, author: Author) {
  if (!(await repo.lockAssessment(tx.db, tx.workspaceId, assessmentId))) throw notFound('readiness assessment');
  const row = await loadAssessment(tx, assessmentId);
  await assertCustomerMaySee(tx, author, row);
  assertOpen(row);
  return row;
}

function assertOpen(row: repo.AssessmentRow) {
  if (row.assessment.state === 'submitted') {
    throw conflict(`This assessment was submitted on ${row.assessment.submittedAt!.toISOString().slice(0, 10)}: start a new one to answer again.`);
  }
}

/**
 * Submits the assessment: every scored question must be answered. The score is kept with the thresholds of the day;
 * not ready raises a risk on the project, ready clears it, and both go in the project's history.
 */
export async function submitAssessment(ctx: Ctx, assessmentId: string, author: Author) {
  assertAuthorIsActor(ctx, author, true);
  await inTransaction(ctx, async (tx) => {
    const row = await lockOpenAssessment(tx, assessmentId, author);
    const answers = row.assessment.answers as Record<string, StoredAnswer>;
    const questions = row.questions as Assessment['questions'];
    const missing = questions.filter((question) => question.type !== 'text' && question.weight > 0 && answers[question.key] === undefined);
    if (missing.length > 0) {
      throw new AppError('invalid', `Answer every scored question before submitting: ${missing.length} still open (${missing.map((q) => q.text).join(' / ')})`, {
        errors: missing.map((question) => ({ path: ['answers', question.key], message: 'is not answered yet' })),
      });
    }
    const settings = await readinessSettings(tx);
    const score = scoreOf(questions, answers, settings);
    const now = tx.services.now();
    await repo.updateAssessment(tx.db, tx.workspaceId, assessmentId, {
      state: 'submitted',
      submittedAt: now,
      submittedByName: author.name,
      overall: score.overall,
      verdict: score.verdict,
      score,
      updatedAt: now,
    });
    const projectId = row.assessment.projectId;
    const verdict = score.verdict!;
    await recordEvents(tx, [
      {
        workspaceId: tx.workspaceId,
        projectId,
        ...eventActor(author),
        kind: 'readiness',
        field: 'assessment',
        toValue: `Readiness assessment submitted: ${score.overall}/100, ${VERDICT_WORDS[verdict]}`,
        createdAt: now,
      },
    ]);
    await reconcileRisk(tx, projectId, score, author, now);
  });
  return getAssessment(ctx, assessmentId);
}

/** Not ready raises (or restates) the project's readiness risk; ready clears it; at risk keeps an open one, restated. */
async function reconcileRisk(ctx: Ctx, projectId: string, score: StoredScore, author: Author, now: Date) {
  const open = await repo.findOpenRisk(ctx.db, ctx.workspaceId, projectId, RISK_KIND);
  const weakest = score.weakest.slice(0, 3).map((w) => w.text).join(' / ');
  const reason = `Readiness scored ${score.overall}/100 (${VERDICT_WORDS[score.verdict!]})${weakest ? `. Weakest: ${weakest}` : ''}`;
  const event = (toValue: string, why: string | null) => ({
    workspaceId: ctx.workspaceId,
    projectId,
    ...eventActor(author),
    kind: 'readiness',
    field: 'risk',
    toValue,
    reason: why,
    createdAt: now,
  });
  if (score.verdict === 'ready') {
    if (!open) return;
    await repo.updateRisk(ctx.db, ctx.workspaceId, open.id, { resolvedAt: now, resolvedByName: author.name, resolution: `Cleared: ${reason}` });
    await recordEvents(ctx, [event('Readiness risk cleared', reason)]);
    return;
  }
  if (open) {
    await repo.updateRisk(ctx.db, ctx.workspaceId, open.id, { reason });
    return;
  }
  if (score.verdict !== 'not_ready') return;
  await repo.insertRisk(ctx.db, { workspaceId: ctx.workspaceId, projectId, kind: RISK_KIND, reason, raisedAt: now, raisedByName: author.name });
  await recordEvents(ctx, [event('Risk raised: the customer is not ready', reason)]);
}

/** Sends the assessment to a customer contact to fill in through the portal (the portal emails them the link). */
export async function sendAssessment(ctx: Ctx, assessmentId: string, contactId: string) {
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.lockAssessment(tx.db, tx.workspaceId, assessmentId))) throw notFound('readiness assessment');
    const row = await loadAssessment(tx, assessmentId);
    assertOpen(row);
    const contact = await contactOf(tx, contactId);
    if (!contact || contact.accountId !== row.accountId) {
      throw invalid('contactId: is not a contact of this customer', { path: ['body', 'contactId'] });
    }
    if (contact.leftOn) throw invalid(`contactId: ${contact.name} has left the company`, { path: ['body', 'contactId'] });
    const actor = actorOf(tx);
    const now = tx.services.now();
    await repo.updateAssessment(tx.db, tx.workspaceId, assessmentId, {
      state: 'sent',
      sentToContactId: contact.id,
      sentAt: now,
      sentByName: actor.actorName,
      updatedAt: now,
    });
    await recordEvents(tx, [
      {
        workspaceId: tx.workspaceId,
        projectId: row.assessment.projectId,
        ...actor,
        kind: 'readiness',
        field: 'assessment',
        toValue: `Readiness assessment sent to ${contact.name} (${contact.email}) to fill in through the portal`,
        createdAt: now,
      },
    ]);
    await emit(tx, 'customer.asked', {
      projectId: row.assessment.projectId,
      contactId: contact.id,
      subject: `Please fill in the readiness assessment for ${row.projectName}`,
      text: `${actor.actorName} asks you to answer a short readiness assessment (people, processes, technology) in your onboarding portal. You can save answers and come back.`,
    });
  });
  return getAssessment(ctx, assessmentId);
}

/** Discards an assessment not yet submitted (a submitted one is part of the record and stays). */
export async function discardAssessment(ctx: Ctx, assessmentId: string) {
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.lockAssessment(tx.db, tx.workspaceId, assessmentId))) throw notFound('readiness assessment');
    const row = await loadAssessment(tx, assessmentId);
    if (row.assessment.state === 'submitted') throw conflict('A submitted assessment is part of the project’s record and cannot be discarded.');
    await repo.deleteAssessment(tx.db, tx.workspaceId, assessmentId);
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId: row.assessment.projectId, ...(actorOf(tx)), kind: 'readiness', field: 'assessment', toValue: 'Readiness assessment discarded', createdAt: tx.services.now() },
    ]);
  });
}

/** Someone resolves a risk by hand, saying how. */
export async function resolveRisk(ctx: Ctx, riskId: string, resolution: string) {
  const projectId = await inTransaction(ctx, async (tx) => {
    const risk = await repo.findRisk(tx.db, tx.workspaceId, riskId);
    if (!risk) throw notFound('risk');
    if (risk.resolvedAt) throw conflict(`This risk was already resolved by ${risk.resolvedByName ?? 'someone'}.`);
    const actor = actorOf(tx);
    const now = tx.services.now();
    await repo.updateRisk(tx.db, tx.workspaceId, riskId, { resolvedAt: now, resolvedByName: actor.actorName, resolution });
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId: risk.projectId, ...actor, kind: 'readiness', field: 'risk', toValue: 'Risk resolved', reason: resolution, createdAt: now },
    ]);
    return risk.projectId;
  });
  return getProjectReadiness(ctx, projectId);
}

// ---- The customer side (the portal calls these with the signed-in contact as Author) ----

/** The readiness assessments sent to the contact's company, newest first. */
export async function listCustomerAssessments(ctx: Ctx, author: Extract<Author, { side: 'customer' }>) {
  assertAuthorIsActor(ctx, author, false);
  const contact = await contactOf(ctx, author.contactId);
  if (!contact || contact.leftOn) return [];
  return (await repo.accountSentAssessments(ctx.db, ctx.workspaceId, contact.accountId)).map(presentSummary);
}

/** One assessment sent to the contact's company: its questions and the answers so far. */
export async function getCustomerAssessment(ctx: Ctx, author: Extract<Author, { side: 'customer' }>, assessmentId: string) {
  assertAuthorIsActor(ctx, author, false);
  const row = await loadAssessment(ctx, assessmentId);
  await assertCustomerMaySee(ctx, author, row);
  return presentAssessment(row, await readinessSettings(ctx));
}
