import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import {
  httpClient,
  makeMember,
  makeWorkspace,
  signedInClient,
  startTestEnv,
  type HttpClient,
  type TestEnv,
  type TestMember,
} from '../../test/harness.ts';
import { signHubspot, signLandfall } from './signatures.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let crm: HttpClient;
let repEmail: string;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2026-03-02T10:00:00Z'));
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
  const token = await createApiToken(admin.ctx, { name: 'CRM', role: 'onboarding_manager' });
  crm = httpClient(env.app, { authorization: `Bearer ${token.token}` });
  repEmail = (await makeMember(env.services, admin.workspaceId, 'sales', 'Sam Sales')).email;
});
afterAll(() => env.close());

let dealCounter = 0;
const deal = (overrides: Record<string, unknown> = {}) => ({
  dealId: `deal-${++dealCounter}`,
  company: { name: `Initrode ${dealCounter}`, domain: `initrode${dealCounter}.test`, industry: 'Manufacturing', segment: 'mid_market', complexity: 'moderate' },
  products: ['Core Platform'],
  contractValue: 80000,
  closedOn: '2026-03-02',
  contacts: [
    { name: 'Carla Champion', email: `carla@initrode${dealCounter}.test`, title: 'COO', role: 'champion' },
    { name: 'Eve Exec', email: `eve@initrode${dealCounter}.test`, role: 'executive_sponsor' },
  ],
  salesRep: { email: repEmail },
  ...overrides,
});

const count = async (table: string) => (await env.services.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('a won deal from the CRM', () => {
  it('creates the account, its contacts, the project from the fitting playbook with day 0 the signing date, and the hand-off', async () => {
    const response = await crm.post('/api/v1/intake/deals', deal());
    expect(response.status).toBe(201);
    const account = (await api.get(`/api/v1/accounts/${response.body.accountId}`)).body;
    expect(account).toMatchObject({ segment: 'mid_market', contractSignedOn: '2026-03-02', contactCount: 2, products: ['Core Platform'] });
    expect(account.owners).toEqual([expect.objectContaining({ role: 'sales', name: 'Sam Sales' })]);
    const project = (await api.get(`/api/v1/projects/${response.body.projectId}`)).body;
    expect(project).toMatchObject({ day0: '2026-03-02', playbook: { name: expect.stringMatching(/^Mid-market/) } });
    const [handoff] = await env.services.database.query<{ status: string; rep_member_id: string }>(
      'select status, rep_member_id from handoffs where project_id = $1',
      [response.body.projectId],
    );
    expect(handoff?.status).toBe('open');
    expect(handoff?.rep_member_id).toBeTruthy();
  });

  it('makes one project when the same deal arrives twice, or twenty times at once', async () => {
    const once = deal();
    const first = await crm.post('/api/v1/intake/deals', once);
    const again = await crm.post('/api/v1/intake/deals', once);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, projectId: first.body.projectId });

    const concurrent = deal();
    const projectsBefore = await count('projects');
    const answers = await Promise.all(Array.from({ length: 20 }, () => crm.post('/api/v1/intake/deals', concurrent)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.every((answer) => answer.status === 201 || answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => answer.body.projectId)).size).toBe(1);
    expect(await count('projects')).toBe(projectsBefore + 1);
  });

  it('adds a new product bought by an existing account as a new project, with its own day 0', async () => {
    const first = deal();
    const created = await crm.post('/api/v1/intake/deals', first);
    const expansion = await crm.post('/api/v1/intake/deals', {
      ...first,
      dealId: `${first.dealId}-expansion`,
      products: ['Analytics'],
      contractValue: 20000,
      closedOn: '2026-02-27',
    });
    expect(expansion.status).toBe(201);
    expect(expansion.body.accountId).toBe(created.body.accountId);
    const account = (await api.get(`/api/v1/accounts/${created.body.accountId}`)).body;
    expect(account).toMatchObject({ products: ['Core Platform', 'Analytics'], contractValue: 100000, contractSignedOn: '2026-03-02' });
    expect((await api.get(`/api/v1/projects/${expansion.body.projectId}`)).body).toMatchObject({ day0: '2026-02-27', product: 'Analytics' });
  });

  it('refuses a malformed deal with the fields named, writing nothing', async () => {
    const before = [await count('accounts'), await count('intake_deliveries')];
    const response = await crm.post('/api/v1/intake/deals', { ...deal(), closedOn: 'yesterday', company: { name: 'X' } });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['body.closedOn', 'body.company.segment']));
    expect([await count('accounts'), await count('intake_deliveries')]).toEqual(before);
  });

  it('keeps a deal that cannot be taken with its error, and replays it once fixed', async () => {
    const playbooks = (await api.get('/api/v1/playbooks')).body.filter((p: { selection: { segments: string[] } }) =>
      p.selection.segments.includes('smb'),
    );
    for (const playbook of playbooks) await api.post(`/api/v1/playbooks/${playbook.id}/archive`);
    const failing = await crm.post('/api/v1/intake/deals', deal({ company: { name: 'Tiny Co', segment: 'smb' } }));
    expect(failing.status).toBe(400);
    expect(failing.body.detail).toMatch(/No playbook fits/);
    const [failed] = (await api.get('/api/v1/intake/deliveries?status=failed')).body;
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/No playbook fits/), projectId: null });
    expect(await count("accounts where name = 'Tiny Co'")).toBe(0);

    for (const playbook of playbooks) await api.post(`/api/v1/playbooks/${playbook.id}/restore`);
    const replayed = await api.post(`/api/v1/intake/deliveries/${failed.id}/replay`);
    expect(replayed.status).toBe(201);
    const [after] = (await api.get('/api/v1/intake/deliveries')).body.filter((d: { id: string }) => d.id === failed.id);
    expect(after).toMatchObject({ status: 'processed', error: null, attempts: 2, projectId: replayed.body.projectId });
  });
});

describe('signed webhooks', () => {
  const post = (body: string, headers: Record<string, string>) =>
    env.app.inject({ method: 'POST', url: '/api/v1/intake/deals', headers: { 'content-type': 'application/json', ...headers }, payload: body });

  it('accepts a deal signed with the workspace secret, and refuses a bad or stale signature', async () => {
    const settings = (await api.get('/api/v1/intake/settings')).body;
    expect(settings.webhookSecret).toMatch(/^whsec_/);
    const body = JSON.stringify(deal());
    const now = Math.floor(env.clock.now().getTime() / 1000);
    const headers = (secret: string, timestamp: number) => ({
      'x-landfall-workspace': admin.workspaceId,
      'x-landfall-timestamp': String(timestamp),
      'x-landfall-signature': signLandfall(secret, timestamp, body),
    });
    const before = await count('intake_deliveries');
    const forged = await post(body, headers('whsec_not-the-secret', now));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().detail).toMatch(/does not match/);
    const stale = await post(body, headers(settings.webhookSecret, now - 6 * 60));
    expect(stale.statusCode).toBe(401);
    expect(stale.json().detail).toMatch(/older than 5 minutes/);
    const unsigned = await post(body, {});
    expect(unsigned.statusCode).toBe(401);
    expect(await count('intake_deliveries')).toBe(before);

    const signed = await post(body, headers(settings.webhookSecret, now));
    expect(signed.statusCode).toBe(201);
  });

  it('maps a HubSpot workflow webhook, checking its v3 signature', async () => {
    await api.patch('/api/v1/intake/settings', { hubspotClientSecret: 'hubspot-app-secret' });
    const url = `/api/v1/intake/hubspot/${admin.workspaceId}`;
    const body = JSON.stringify({
      objectId: 987654,
      properties: {
        dealname: { value: 'Hooli renewal' },
        amount: { value: '150000' },
        closedate: { value: String(Date.parse('2026-03-02T00:00:00Z')) },
        company_name: { value: 'Hooli' },
        company_domain: { value: 'https://www.hooli.test/' },
        industry: { value: 'SaaS' },
        landfall_segment: { value: 'enterprise' },
        landfall_complexity: { value: 'high' },
        products: { value: 'Core Platform;Analytics' },
        sales_rep_email: { value: repEmail },
      },
      associations: { companies: { results: [{ id: '31337', type: 'deal_to_company' }] } },
      contacts: [{ firstname: 'Gavin', lastname: 'Belson', email: 'gavin@hooli.test', jobtitle: 'CEO', landfall_role: 'executive_sponsor' }],
    });
    const timestamp = env.clock.now().getTime();
    const signature = signHubspot('hubspot-app-secret', 'POST', `http://landfall.test${url}`, body, timestamp);
    const send = (sig: string) =>
      env.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': sig, 'x-hubspot-request-timestamp': String(timestamp) },
        payload: body,
      });
    expect((await send('bm90IGl0')).statusCode).toBe(401);
    const accepted = await send(signature);
    expect(accepted.statusCode).toBe(201);
    const account = (await api.get(`/api/v1/accounts/${accepted.json().accountId}`)).body;
    expect(account).toMatchObject({ name: 'Hooli', domain: 'hooli.test', segment: 'enterprise', contractValue: 150000, products: ['Core Platform', 'Analytics'] });
    const [stored] = await env.services.database.query<{ company_id: string }>("select payload->'company'->>'id' as company_id from intake_deliveries where deal_id = '987654'");
    expect(stored!.company_id).toBe('31337'); // kept for the CRM write-back to the company
  });

  it('takes a Salesforce opportunity only from the configured organization', async () => {
    const { body: settings } = await api.patch('/api/v1/intake/settings', { salesforceOrganizationId: '00D5e000000ABCDEAA' });
    const url = `/api/v1/intake/salesforce/${admin.workspaceId}`;
    const opportunity = (organizationId: string) =>
      JSON.stringify({
        organizationId,
        opportunity: {
          Id: '0065e00000XyZaBAAV',
          Name: 'Pied Piper platform',
          Amount: 45000,
          CloseDate: '2026-03-02',
          Products__c: 'Core Platform',
          AccountId: '0015e00000AbCdEAAV',
          Account: { Name: 'Pied Piper', Website: 'piedpiper.test', Industry: 'SaaS', Segment__c: 'Mid-market', Complexity__c: 'Low' },
          Owner: { Email: repEmail, Name: 'Sam Sales' },
          ContactRoles: [{ Role: 'Champion', Contact: { Name: 'Richard Hendricks', Email: 'richard@piedpiper.test', Title: 'CEO' } }],
        },
      });
    const send = (body: string) => {
      const timestamp = Math.floor(env.clock.now().getTime() / 1000);
      return env.app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          'x-landfall-timestamp': String(timestamp),
          'x-landfall-signature': signLandfall(settings.webhookSecret, timestamp, body),
        },
        payload: body,
      });
    };
    expect((await send(opportunity('00D5e000000ZZZZZAA'))).statusCode).toBe(403);
    const accepted = await send(opportunity('00D5e000000ABCDEAA'));
    expect(accepted.statusCode).toBe(201);
    const contacts = (await api.get(`/api/v1/accounts/${accepted.json().accountId}/contacts`)).body;
    expect(contacts).toEqual([expect.objectContaining({ name: 'Richard Hendricks', role: 'champion' })]);
    const [stored] = await env.services.database.query<{ company_id: string }>("select payload->'company'->>'id' as company_id from intake_deliveries where deal_id = '0065e00000XyZaBAAV'");
    expect(stored!.company_id).toBe('0015e00000AbCdEAAV');
  });
});
