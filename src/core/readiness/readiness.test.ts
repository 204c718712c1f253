import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_READINESS, passesGate, scoreReadiness, type Answer } from './readiness.ts';

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
});
