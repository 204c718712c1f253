import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  BUILTIN_READINESS,
  passesGate,
  scoreReadiness,
  stagesBeyondGate,
  validateQuestions,
  type Answer,
  type Question,
} from './readiness.ts';

const allGood: Record<string, Answer> = {
  sponsor_named: true,
  project_lead_time: 5,
  admins_named: true,
  end_user_count_known: 'Yes, by name',
  success_defined: true,
  process_documented: 5,
  change_plan: true,
  competing_projects: 'No',
  systems_ready: ['Single sign-on (SSO)', 'Access to the data to migrate', 'An IT contact for integrations'],
  data_quality: 5,
  security_review: true,
  notes: 'All set',
};

describe('readiness', () => {
  it('scores a customer with everything in place as ready, 100 in every area', () => {
    const score = scoreReadiness(BUILTIN_READINESS, allGood);
    expect(score).toMatchObject({ overall: 100, verdict: 'ready', areas: { people: 100, processes: 100, technology: 100 }, weakest: [] });
    expect(score.answered).toBe(12);
  });

  it('weighs answers by area, and names the weakest to discuss first', () => {
    const score = scoreReadiness(BUILTIN_READINESS, {
      ...allGood,
      sponsor_named: false,
      project_lead_time: 1,
      competing_projects: 'Several',
      systems_ready: [],
    });
    expect(score.areas).toEqual({ people: 33, processes: 75, technology: 50 });
    expect(score.overall).toBe(52);
    expect(score.verdict).toBe('at_risk');
    expect(score.weakest.map((w) => w.key)).toEqual(['competing_projects', 'project_lead_time', 'sponsor_named', 'systems_ready']);
  });

  it('has no verdict until something is answered, and ignores answers of the wrong type', () => {
    expect(scoreReadiness(BUILTIN_READINESS, {})).toMatchObject({ overall: null, verdict: null });
    expect(scoreReadiness(BUILTIN_READINESS, { sponsor_named: 'yes', project_lead_time: 9 }).overall).toBeNull();
  });

  it('holds the gate until ready, unless a manager overrides it with a reason', () => {
    expect(passesGate({ gateOn: false, verdict: 'not_ready', override: null })).toBe(true);
    expect(passesGate({ gateOn: true, verdict: 'not_ready', override: null })).toBe(false);
    expect(passesGate({ gateOn: true, verdict: 'not_ready', override: { reason: '  ' } })).toBe(false);
    expect(passesGate({ gateOn: true, verdict: 'not_ready', override: { reason: 'Sponsor confirmed by phone' } })).toBe(true);
    expect(passesGate({ gateOn: true, verdict: 'ready', override: null })).toBe(true);
  });

  it('always scores between 0 and 100, whatever is answered', () => {
    const answer = fc.oneof(fc.boolean(), fc.integer({ min: -2, max: 8 }), fc.constantFrom('Yes, by name', 'No', 'Several', 'x'), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...BUILTIN_READINESS.questions.map((q) => q.key)), answer), (answers) => {
        const score = scoreReadiness(BUILTIN_READINESS, answers);
        return score.overall === null || (score.overall >= 0 && score.overall <= 100);
      }),
    );
  });

  it('accepts the built-in questionnaire, and names each problem of a broken one where it is', () => {
    expect(validateQuestions(BUILTIN_READINESS.questions)).toEqual([]);
    const broken: Question[] = [
      { key: 'a', area: 'people', type: 'yes_no', weight: 1, text: 'A?' },
      { key: 'a', area: 'people', type: 'single_choice', weight: 2, text: 'B?', choices: [{ label: 'x', score: 0 }, { label: 'x', score: 0 }] },
      { key: 'c', area: 'technology', type: 'text', weight: 2 as 0, text: 'C?' },
    ];
    expect(validateQuestions(broken).map((issue) => issue.path.join('.'))).toEqual([
      'questions.1.key',
      'questions.1.choices.1.label',
      'questions.1.choices',
      'questions.2.weight',
    ]);
    expect(validateQuestions([{ key: 'n', area: 'people', type: 'text', weight: 0, text: 'Notes' }])[0]!.message).toMatch(/at least one question must be scored/);
  });

  it('says why an answer does not fit its question type', () => {
    const byKey = (key: string) => BUILTIN_READINESS.questions.find((q) => q.key === key)!;
    expect(answerProblem(byKey('sponsor_named'), 'yes')).toMatch(/yes \(true\) or no/);
    expect(answerProblem(byKey('project_lead_time'), 6)).toMatch(/1 to 5/);
    expect(answerProblem(byKey('project_lead_time'), 2.5)).toMatch(/1 to 5/);
    expect(answerProblem(byKey('competing_projects'), 'Maybe')).toMatch(/choose one of: No, One, manageable, Several/);
    expect(answerProblem(byKey('systems_ready'), ['SSO'])).toMatch(/"SSO" is not a choice/);
    expect(answerProblem(byKey('notes'), 3)).toMatch(/text/);
    for (const [key, ok] of Object.entries(allGood)) expect(answerProblem(byKey(key), ok)).toBeUndefined();
    expect(answerProblem(byKey('sponsor_named'), null)).toBeUndefined();
  });

  it('closes the stages after Mobilization (or after the first stage when there is none)', () => {
    expect(stagesBeyondGate([{ key: 'mobilization' }, { key: 'design' }, { key: 'launch' }])).toEqual(['design', 'launch']);
    expect(stagesBeyondGate([{ key: 'kickoff' }, { key: 'rollout' }])).toEqual(['rollout']);
  });
});
