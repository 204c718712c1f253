import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveDeal } from '../intake/intake.service.ts';
import { makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let manager: HttpClient;
let rep: HttpClient;
let repEmail: string;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2026-03-02T10:00:00Z'));
  ({ admin } = await makeWorkspace(env.services));
  const salesRep = await makeMember(env.services, admin.workspaceId, 'sales', 'Sam Sales');
  repEmail = salesRep.email;
  rep = await signedInClient(env, salesRep);
  manager = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Onboard'));
});
afterAll(() => env.close());

async function wonDeal(dealId: string) {
  return receiveDeal(env.services, admin.workspaceId, 'api', {
    dealId,
    company: { name: `Vandelay ${dealId}`, industry: 'Logistics', segment: 'mid_market', complexity: 'moderate' },
    products: ['Core Platform'],
    contractValue: 60000,
    currency: 'USD',
    closedOn: '2026-03-02',
    contacts: [],
    salesRep: { email: repEmail },
  });
}

const goodAnswers = {
  why_they_bought: 'Imports are tracked by hand in spreadsheets and they missed two customs deadlines last quarter.',
  definition_of_success: 'Every import tracked in one place, customs deadlines never missed again, within 90 days.',
  stakeholders: [
    { name: 'Art Vandelay', role: 'Champion, head of imports' },
    { name: 'George Costanza', role: 'Executive sponsor' },
  ],
  risks: 'The IT team is two people and is also moving the warehouse system in April.',
};

describe('the sales hand-off', () => {
  it('opens with the won deal, for its rep, and shows as incomplete on the project', async () => {
    const { projectId } = await wonDeal('h1');
    const handoff = (await rep.get(`/api/v1/projects/${projectId}/handoff`)).body;
    expect(handoff).toMatchObject({ status: 'open', rep: { name: 'Sam Sales' }, quality: { complete: false } });
    expect(handoff.requiredFields).toEqual(['why_they_bought', 'definition_of_success', 'stakeholders', 'risks']);
    expect((await manager.get(`/api/v1/projects/${projectId}`)).body.handoff).toBe('open');
  });

  it('refuses a hand-off with missing or thin required answers, naming each', async () => {
    const { projectId } = await wonDeal('h2');
    await rep.put(`/api/v1/projects/${projectId}/handoff`, { ...goodAnswers, why_they_bought: 'price', risks: 'TBD' });
    const refused = await rep.post(`/api/v1/projects/${projectId}/handoff/submit`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { path: string[] }) => error.path.join('.'))).toEqual(['answers.why_they_bought', 'answers.risks']);
    expect(refused.body.detail).toMatch(/Why they bought: too short to act on/);

    await rep.put(`/api/v1/projects/${projectId}/handoff`, goodAnswers);
    const accepted = await rep.post(`/api/v1/projects/${projectId}/handoff/submit`);
    expect(accepted.body).toMatchObject({ status: 'complete', quality: { complete: true } });
    expect((await manager.get(`/api/v1/projects/${projectId}`)).body.handoff).toBe('complete');
  });

  it('lets the onboarding manager send questions back to the rep, by email, until answered', async () => {
    const { projectId } = await wonDeal('h3');
    await rep.put(`/api/v1/projects/${projectId}/handoff`, goodAnswers);
    await rep.post(`/api/v1/projects/${projectId}/handoff/submit`);
    const asked = await manager.post(`/api/v1/projects/${projectId}/handoff/questions`, {
      field: 'technical_environment',
      text: 'Which ERP do they run, and who owns the integration?',
    });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('questions');
    const [mail] = await env.services.database.query<{ to_address: string; subject: string; text_body: string }>(
      "select to_address, subject, text_body from mail_outbox where dedupe_key like 'handoff-question:%'",
    );
    expect(mail).toMatchObject({ to_address: repEmail, subject: expect.stringMatching(/Olivia Onboard has a question/) });
    expect(mail!.text_body).toContain('Which ERP do they run');

    const answered = await rep.post(`/api/v1/handoff-questions/${asked.body.questions[0].id}/answer`, { answer: 'SAP S/4HANA, owned by their IT lead Kramer.' });
    expect(answered.body).toMatchObject({ status: 'complete', questions: [expect.objectContaining({ answeredByName: 'Sam Sales' })] });
  });

  it('follows the required fields the workspace sets', async () => {
    const admins = await signedInClient(env, admin);
    expect((await manager.put('/api/v1/handoff/settings', { requiredFields: ['risks'] })).status).toBe(403);
    await admins.put('/api/v1/handoff/settings', { requiredFields: ['risks'] });
    const { projectId } = await wonDeal('h4');
    await rep.put(`/api/v1/projects/${projectId}/handoff`, { risks: goodAnswers.risks });
    expect((await rep.post(`/api/v1/projects/${projectId}/handoff/submit`)).body.status).toBe('complete');
  });
});
