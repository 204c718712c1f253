// Readiness assessment: does the customer have the people, processes and technology to succeed? Pure.

export const READINESS_AREAS = ['people', 'processes', 'technology'] as const;
export type ReadinessArea = (typeof READINESS_AREAS)[number];

export type Question =
  | { key: string; area: ReadinessArea; text: string; weight: number; type: 'yes_no' }
  | { key: string; area: ReadinessArea; text: string; weight: number; type: 'scale' }
  | { key: string; area: ReadinessArea; text: string; weight: number; type: 'single_choice'; choices: { label: string; score: number }[] }
  | { key: string; area: ReadinessArea; text: string; weight: number; type: 'multiple_choice'; choices: { label: string; score: number }[] }
  | { key: string; area: ReadinessArea; text: string; weight: 0; type: 'text' };

export interface Questionnaire {
  name: string;
  questions: Question[];
  /** Overall score (0–100) at or above which the customer is ready; at or above atRisk, at risk; below, not ready. */
  thresholds: { ready: number; atRisk: number };
}

export type Answer = boolean | number | string | string[] | null | undefined;
export type Verdict = 'ready' | 'at_risk' | 'not_ready';

/** A question's score from 0 to 1, or undefined when it is unanswered or not scored (text). */
export function questionScore(question: Question, answer: Answer): number | undefined {
  if (answer === null || answer === undefined || answer === '') return undefined;
  switch (question.type) {
    case 'yes_no':
      return typeof answer === 'boolean' ? (answer ? 1 : 0) : undefined;
    case 'scale':
      return typeof answer === 'number' && answer >= 1 && answer <= 5 ? (answer - 1) / 4 : undefined;
    case 'single_choice': {
      const choice = question.choices.find((c) => c.label === answer);
      return choice ? clamp(choice.score) : undefined;
    }
    case 'multiple_choice': {
      if (!Array.isArray(answer)) return undefined;
      const total = question.choices.filter((c) => answer.includes(c.label)).reduce((sum, c) => sum + c.score, 0);
      return clamp(total);
    }
    case 'text':
      return undefined;
  }
}

const clamp = (value: number) => Math.max(0, Math.min(1, value));

export interface ReadinessScore {
  /** 0–100 per area, weighted; null when nothing in the area is answered. */
  areas: Record<ReadinessArea, number | null>;
  overall: number | null;
  verdict: Verdict | null;
  answered: number;
  scoredQuestions: number;
  /** The weakest answers, to talk about first. */
  weakest: { key: string; text: string; score: number }[];
}

export function scoreReadiness(questionnaire: Questionnaire, answers: Record<string, Answer>): ReadinessScore {
  const sums = { people: [0, 0], processes: [0, 0], technology: [0, 0] } as Record<ReadinessArea, [number, number]>;
  let answered = 0;
  let scoredQuestions = 0;
  const scored: { key: string; text: string; score: number }[] = [];
  for (const question of questionnaire.questions) {
    if (question.type !== 'text') scoredQuestions++;
    const score = questionScore(question, answers[question.key]);
    if (answers[question.key] !== undefined && answers[question.key] !== null && answers[question.key] !== '') answered++;
    if (score === undefined || question.weight <= 0) continue;
    sums[question.area][0] += score * question.weight;
    sums[question.area][1] += question.weight;
    scored.push({ key: question.key, text: question.text, score: Math.round(score * 100) });
  }
  const areas = Object.fromEntries(
    READINESS_AREAS.map((area) => [area, sums[area][1] > 0 ? Math.round((sums[area][0] / sums[area][1]) * 100) : null]),
  ) as Record<ReadinessArea, number | null>;
  const totalWeight = READINESS_AREAS.reduce((sum, area) => sum + sums[area][1], 0);
  const overall = totalWeight > 0 ? Math.round((READINESS_AREAS.reduce((sum, area) => sum + sums[area][0], 0) / totalWeight) * 100) : null;
  const verdict = verdictOf(overall, questionnaire.thresholds);
  const weakest = scored.filter((q) => q.score < 50).sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, 5);
  return { areas, overall, verdict, answered, scoredQuestions, weakest };
}

/** Whether a project may leave Mobilization: the gate is off, the customer is ready, or a manager overrode it with a reason. */
export function passesGate(options: { gateOn: boolean; verdict: Verdict | null; override: { reason: string } | null }): boolean {
  if (!options.gateOn) return true;
  if (options.override && options.override.reason.trim().length > 0) return true;
  return options.verdict === 'ready';
}

export const BUILTIN_READINESS: Questionnaire = {
  name: 'Onboarding readiness',
  thresholds: { ready: 70, atRisk: 50 },
  questions: [
    { key: 'sponsor_named', area: 'people', type: 'yes_no', weight: 3, text: 'Is there a named executive sponsor who will attend the kickoff?' },
    { key: 'project_lead_time', area: 'people', type: 'scale', weight: 3, text: 'How much of the project lead’s time is set aside for this (1 = almost none, 5 = most of it)?' },
    { key: 'admins_named', area: 'people', type: 'yes_no', weight: 2, text: 'Are the people who will administer the product named?' },
    {
      key: 'end_user_count_known',
      area: 'people',
      type: 'single_choice',
      weight: 1,
      text: 'Do you know who the first end users will be?',
      choices: [
        { label: 'Yes, by name', score: 1 },
        { label: 'Roughly, by team', score: 0.6 },
        { label: 'Not yet', score: 0 },
      ],
    },
    { key: 'success_defined', area: 'processes', type: 'yes_no', weight: 3, text: 'Has the business agreed what success looks like, with numbers?' },
    { key: 'process_documented', area: 'processes', type: 'scale', weight: 2, text: 'How well is the current process documented (1 = not at all, 5 = fully)?' },
    { key: 'change_plan', area: 'processes', type: 'yes_no', weight: 1, text: 'Is there a plan to tell end users what changes for them?' },
    {
      key: 'competing_projects',
      area: 'processes',
      type: 'single_choice',
      weight: 2,
      text: 'Are other big projects competing for the same people in the next 90 days?',
      choices: [
        { label: 'No', score: 1 },
        { label: 'One, manageable', score: 0.5 },
        { label: 'Several', score: 0 },
      ],
    },
    {
      key: 'systems_ready',
      area: 'technology',
      type: 'multiple_choice',
      weight: 3,
      text: 'Which of these are ready today?',
      choices: [
        { label: 'Single sign-on (SSO)', score: 0.34 },
        { label: 'Access to the data to migrate', score: 0.33 },
        { label: 'An IT contact for integrations', score: 0.33 },
      ],
    },
    { key: 'data_quality', area: 'technology', type: 'scale', weight: 2, text: 'How clean is the data you will bring (1 = messy, 5 = clean)?' },
    { key: 'security_review', area: 'technology', type: 'yes_no', weight: 1, text: 'Is the security review done (or not needed)?' },
    { key: 'notes', area: 'technology', type: 'text', weight: 0, text: 'Anything else we should know?' },
  ],
};

// ---- Checking questionnaires and answers typed by people ----

export const READINESS_QUESTION_TYPES = ['yes_no', 'scale', 'single_choice', 'multiple_choice', 'text'] as const;
export type ReadinessQuestionType = (typeof READINESS_QUESTION_TYPES)[number];
export const MAX_QUESTION_WEIGHT = 10;
export const MAX_TEXT_ANSWER = 5000;

export interface ReadinessIssue {
  /** Where, e.g. ['questions', 3, 'choices', 1, 'label']. */
  path: (string | number)[];
  message: string;
}

/**
 * Everything wrong with a questionnaire's questions, in document order, in words its author understands.
 * The shapes (types, ranges) are checked by the API schema; this checks what only the whole list can say.
 */
export function validateQuestions(questions: Question[]): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  const seen = new Map<string, number>();
  questions.forEach((question, index) => {
    const at = ['questions', index];
    const earlier = seen.get(question.key);
    if (earlier !== undefined) issues.push({ path: [...at, 'key'], message: `"${question.key}" is already the key of question ${earlier + 1}` });
    else seen.set(question.key, index);
    if (question.type === 'text' && question.weight !== 0) {
      issues.push({ path: [...at, 'weight'], message: 'a text question is not scored: its weight must be 0' });
    }
    if (question.type === 'single_choice' || question.type === 'multiple_choice') {
      const labels = new Set<string>();
      question.choices.forEach((choice, c) => {
        if (labels.has(choice.label)) issues.push({ path: [...at, 'choices', c, 'label'], message: `"${choice.label}" is listed twice` });
        labels.add(choice.label);
      });
      const best =
        question.type === 'single_choice'
          ? Math.max(0, ...question.choices.map((choice) => choice.score))
          : question.choices.reduce((sum, choice) => sum + choice.score, 0);
      if (question.weight > 0 && best <= 0) {
        issues.push({ path: [...at, 'choices'], message: 'no answer scores above 0: give at least one choice a score' });
      }
    }
  });
  if (questions.length > 0 && !questions.some((question) => question.type !== 'text' && question.weight > 0)) {
    issues.push({ path: ['questions'], message: 'at least one question must be scored (a weight above 0)' });
  }
  return issues;
}

/** Why an answer does not fit its question, or undefined when it does. null clears an answer. */
export function answerProblem(question: Question, answer: Answer): string | undefined {
  if (answer === null || answer === undefined) return undefined;
  switch (question.type) {
    case 'yes_no':
      return typeof answer === 'boolean' ? undefined : 'answer yes (true) or no (false)';
    case 'scale':
      return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 5 ? undefined : 'answer a whole number from 1 to 5';
    case 'single_choice':
      return typeof answer === 'string' && question.choices.some((choice) => choice.label === answer)
        ? undefined
        : `choose one of: ${question.choices.map((choice) => choice.label).join(', ')}`;
    case 'multiple_choice': {
      if (!Array.isArray(answer)) return 'answer a list of the choices that apply (empty for none)';
      const unknown = answer.find((label) => !question.choices.some((choice) => choice.label === label));
      if (unknown !== undefined) return `"${unknown}" is not a choice (choices: ${question.choices.map((choice) => choice.label).join(', ')})`;
      return new Set(answer).size === answer.length ? undefined : 'a choice is listed twice';
    }
    case 'text':
      return typeof answer !== 'string' ? 'answer with text' : answer.length > MAX_TEXT_ANSWER ? `keep it under ${MAX_TEXT_ANSWER} characters` : undefined;
  }
}

/** The verdict of an overall score under the workspace's thresholds. */
export function verdictOf(overall: number | null, thresholds: Questionnaire['thresholds']): Verdict | null {
  if (overall === null) return null;
  return overall >= thresholds.ready ? 'ready' : overall >= thresholds.atRisk ? 'at_risk' : 'not_ready';
}

/**
 * The stage a project stays in until the readiness gate passes: Mobilization when the plan has it,
 * else its first stage. Returns the stages after it, which the gate closes.
 */
export function stagesBeyondGate(stages: { key: string }[]): string[] {
  const gate = stages.findIndex((stage) => stage.key === 'mobilization');
  return stages.slice((gate === -1 ? 0 : gate) + 1).map((stage) => stage.key);
}
