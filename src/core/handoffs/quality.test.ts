import { describe, expect, it } from 'vitest';
import { assessHandoff, type HandoffAnswers } from './quality.ts';

const full: HandoffAnswers = {
  why_they_bought: 'Their support team drowns in spreadsheets and lost two big customers to slow answers last year.',
  business_drivers: 'Cut time to resolution by half before the peak season in November, board-level goal.',
  definition_of_success: 'Median first response under one hour and CSAT above 90 within the first quarter.',
  promises: [{ kind: 'feature', what: 'Salesforce sync live by go-live' }],
  stakeholders: [
    { name: 'Carla Diaz', role: 'Champion, Head of Support' },
    { name: 'Eve Park', role: 'Executive sponsor, COO' },
  ],
  risks: 'IT is busy with an ERP migration until April and owns the SSO configuration work.',
  technical_environment: 'Salesforce Service Cloud, Okta for SSO, a homegrown data warehouse on Postgres.',
  competitors_considered: 'Zendesk and Freshdesk; Zendesk lost on price and reporting depth.',
};

describe('hand-off quality', () => {
  it('passes a hand-off that answers everything with substance', () => {
    expect(assessHandoff(full, ['why_they_bought', 'stakeholders'])).toMatchObject({ complete: true, flags: [], score: 100 });
  });

  it('flags missing and thin answers, and only required ones hold the project', () => {
    const result = assessHandoff(
      { ...full, why_they_bought: 'budget', risks: 'n/a', stakeholders: [{ name: 'Carla', role: 'Champion' }], competitors_considered: '' },
      ['why_they_bought', 'definition_of_success', 'stakeholders'],
    );
    expect(result.complete).toBe(false);
    expect(result.flags.map((flag) => [flag.field, flag.problem, flag.required])).toEqual([
      ['why_they_bought', 'thin', true],
      ['stakeholders', 'thin', true],
      ['risks', 'missing', false],
      ['competitors_considered', 'missing', false],
    ]);
    expect(result.blocking.map((flag) => flag.field)).toEqual(['why_they_bought', 'stakeholders']);
    expect(result.flags[0]!.message).toMatch(/too short to act on \(1 words\)/);
  });

  it('treats placeholders such as "TBD" or "see CRM" as not answered', () => {
    const result = assessHandoff({ ...full, definition_of_success: 'See CRM' }, ['definition_of_success']);
    expect(result.blocking).toEqual([expect.objectContaining({ field: 'definition_of_success', problem: 'missing' })]);
  });
});
