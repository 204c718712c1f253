import { z } from 'zod';
import { MAX_QUESTION_WEIGHT, MAX_TEXT_ANSWER, READINESS_AREAS } from '../core/readiness/readiness.ts';

export const ReadinessArea = z.enum(READINESS_AREAS);
export type ReadinessArea = z.infer<typeof ReadinessArea>;
export const Verdict = z.enum(['ready', 'at_risk', 'not_ready']);
export type Verdict = z.infer<typeof Verdict>;
export const AssessmentState = z.enum(['draft', 'sent', 'submitted']);
export type AssessmentState = z.infer<typeof AssessmentState>;

const QuestionKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, { message: 'use lowercase letters, digits and _, starting with a letter (at most 60)' });
const Weight = z
  .number()
  .min(0, { message: 'must be 0 or more' })
  .max(MAX_QUESTION_WEIGHT, { message: `must be at most ${MAX_QUESTION_WEIGHT}` });
const Choice = z.object({
  label: z.string().trim().min(1, { message: 'is required' }).max(200),
  /** What choosing it is worth, from 0 to 1 (multiple choice: the chosen scores add up, capped at 1). */
  score: z.number().min(0, { message: 'must be between 0 and 1' }).max(1, { message: 'must be between 0 and 1' }),
});
const Choices = z.array(Choice).min(2, { message: 'give at least two choices' }).max(20, { message: 'at most 20 choices' });
const question = { key: QuestionKey, area: ReadinessArea, text: z.string().trim().min(1, { message: 'is required' }).max(500) };

export const ReadinessQuestion = z.discriminatedUnion('type', [
  z.object({ ...question, type: z.literal('yes_no'), weight: Weight }),
  z.object({ ...question, type: z.literal('scale'), weight: Weight }),
  z.object({ ...question, type: z.literal('single_choice'), weight: Weight, choices: Choices }),
  z.object({ ...question, type: z.literal('multiple_choice'), weight: Weight, choices: Choices }),
  z.object({ ...question, type: z.literal('text'), weight: Weight.default(0) }),
]);
export type ReadinessQuestion = z.infer<typeof ReadinessQuestion>;

export const QuestionnaireInput = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  description: z.string().trim().max(1000).nullable().optional(),
  questions: z.array(ReadinessQuestion).min(1, { message: 'add at least one question' }).max(100, { message: 'at most 100 questions' }),
});
export type QuestionnaireInput = z.infer<typeof QuestionnaireInput>;

export const QuestionnaireSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  builtin: z.boolean(),
  currentVersion: z.number().int(),
  questionCount: z.number().int(),
  /** Assessments answered with any version of it. */
  assessmentCount: z.number().int(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
});
export type QuestionnaireSummary = z.infer<typeof QuestionnaireSummary>;

export const Questionnaire = QuestionnaireSummary.extend({ version: z.number().int(), questions: z.array(ReadinessQuestion) });
export type Questionnaire = z.infer<typeof Questionnaire>;

export const QuestionnaireQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const ReadinessSettings = z.object({
  readyThreshold: z.number().int().min(1, { message: 'must be between 1 and 100' }).max(100, { message: 'must be between 1 and 100' }),
  atRiskThreshold: z.number().int().min(0, { message: 'must be between 0 and 100' }).max(100, { message: 'must be between 0 and 100' }),
  /** When on, a project stays in Mobilization until its readiness is ready (or a manager overrides). */
  gateOn: z.boolean(),
});
export type ReadinessSettings = z.infer<typeof ReadinessSettings>;

export const AnswerValue = z.union([
  z.boolean(),
  z.number(),
  z.string().max(MAX_TEXT_ANSWER, { message: `keep it under ${MAX_TEXT_ANSWER} characters` }),
  z.array(z.string().max(200)).max(20),
  z.null(),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Some answers, by question key: the others stay as they are; null clears one. */
export const AnswersInput = z.object({ answers: z.record(z.string(), AnswerValue) });

const Person = z.object({ side: z.enum(['vendor', 'customer']), id: z.string().nullable(), name: z.string() });

export const ReadinessScore = z.object({
  areas: z.object({ people: z.number().int().nullable(), processes: z.number().int().nullable(), technology: z.number().int().nullable() }),
  overall: z.number().int().nullable(),
  verdict: Verdict.nullable(),
  answered: z.number().int(),
  scoredQuestions: z.number().int(),
  weakest: z.array(z.object({ key: z.string(), text: z.string(), score: z.number().int() })),
  thresholds: z.object({ ready: z.number().int(), atRisk: z.number().int() }),
});
export type ReadinessScore = z.infer<typeof ReadinessScore>;

export const Assessment = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  questionnaire: z.object({ id: z.uuid(), name: z.string(), version: z.number().int() }),
  state: AssessmentState,
  questions: z.array(ReadinessQuestion),
  answers: z.record(z.string(), z.object({ value: AnswerValue, by: Person, at: z.iso.datetime() })),
  startedByName: z.string(),
  createdAt: z.iso.datetime(),
  sentTo: z.object({ contactId: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  sentAt: z.iso.datetime().nullable(),
  sentByName: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  submittedByName: z.string().nullable(),
  /** Final once submitted; until then, what the answers so far would score. */
  score: ReadinessScore,
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentSummary = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  questionnaireName: z.string(),
  state: AssessmentState,
  overall: z.number().int().nullable(),
  verdict: Verdict.nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const ProjectRisk = z.object({
  id: z.uuid(),
  kind: z.string(),
  reason: z.string(),
  raisedAt: z.iso.datetime(),
  raisedByName: z.string(),
});
export type ProjectRisk = z.infer<typeof ProjectRisk>;

export const ProjectReadiness = z.object({
  projectId: z.uuid(),
  settings: ReadinessSettings,
  /** The assessment under way (draft or sent to the customer), if any. */
  current: Assessment.nullable(),
  /** The latest submitted assessment: what the verdict and the gate go by. */
  latest: Assessment.nullable(),
  history: z.array(AssessmentSummary),
  gate: z.object({
    on: z.boolean(),
    /** Whether tasks after Mobilization may start. */
    passes: z.boolean(),
    message: z.string(),
    /** Whether this caller may override it. */
    canOverride: z.boolean(),
  }),
  override: z.object({ reason: z.string(), byName: z.string(), at: z.iso.datetime() }).nullable(),
  risk: ProjectRisk.nullable(),
});
export type ProjectReadiness = z.infer<typeof ProjectReadiness>;

export const StartAssessmentInput = z.object({ questionnaireId: z.uuid().optional() });
export const SendInput = z.object({ contactId: z.uuid() });
export const ReasonInput = z.object({ reason: z.string().trim().min(1, { message: 'say why' }).max(2000) });
