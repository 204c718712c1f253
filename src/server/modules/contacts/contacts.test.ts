import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../../test/harness.ts';

let env: TestEnv;
let api: HttpClient;
let accountId: string;

beforeAll(async () => {
  env = await startTestEnv();
  const { admin } = await makeWorkspace(env.services);
  api = await signedInClient(env, admin);
  accountId = (await makeAccount(admin.ctx, { name: 'Umbrella', domain: 'umbrella.test' })).id;
});
afterAll(() => env.close());

describe('contacts of an account', () => {
  it('adds people with their role, and counts only those still there', async () => {
    const carol = await api.post(`/api/v1/accounts/${accountId}/contacts`, {
      name: 'Carol Champion',
      email: 'Carol@Umbrella.test',
      title: 'Head of Operations',
      role: 'champion',
      timezone: 'America/Chicago',
      joinedOn: '2024-04-01',
    });
    expect(carol.status).toBe(201);
    expect(carol.body).toMatchObject({ email: 'carol@umbrella.test', role: 'champion', leftOn: null });
    await api.post(`/api/v1/accounts/${accountId}/contacts`, { name: 'Sam Sponsor', email: 'sam@umbrella.test', role: 'executive_sponsor' });
    expect((await api.get(`/api/v1/accounts/${accountId}`)).body.contactCount).toBe(2);

    const left = await api.patch(`/api/v1/contacts/${carol.body.id}`, { leftOn: '2026-03-01' });
    expect(left.body.leftOn).toBe('2026-03-01');
    expect((await api.get(`/api/v1/accounts/${accountId}`)).body.contactCount).toBe(1);
    const current = await api.get(`/api/v1/accounts/${accountId}/contacts?status=current`);
    expect(current.body.map((c: { name: string }) => c.name)).toEqual(['Sam Sponsor']);
    const everyone = await api.get(`/api/v1/accounts/${accountId}/contacts`);
    expect(everyone.body.map((c: { name: string }) => c.name)).toEqual(['Sam Sponsor', 'Carol Champion']);
  });

  it('refuses the same email twice in one account, saying which field', async () => {
    await api.post(`/api/v1/accounts/${accountId}/contacts`, { name: 'Dee', email: 'dee@umbrella.test', role: 'end_user' });
    const again = await api.post(`/api/v1/accounts/${accountId}/contacts`, { name: 'Dee 2', email: 'DEE@umbrella.test', role: 'end_user' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ path: ['body', 'email'] });
  });

  it('refuses a leaving date before the joining date, and an unknown role', async () => {
    const response = await api.post(`/api/v1/accounts/${accountId}/contacts`, {
      name: 'Tim',
      email: 'tim@umbrella.test',
      role: 'boss',
      joinedOn: '2026-05-01',
      leftOn: '2026-04-01',
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(fields).toContain('body.role');
    const patchBad = await api.post(`/api/v1/accounts/${accountId}/contacts`, {
      name: 'Tim',
      email: 'tim@umbrella.test',
      role: 'end_user',
      joinedOn: '2026-05-01',
      leftOn: '2026-04-01',
    });
    expect(patchBad.body.errors[0]).toMatchObject({ path: ['body', 'leftOn'], message: 'cannot be before the date they joined' });
  });

  it('places a contact in an organization of the same account only', async () => {
    const finance = await api.post(`/api/v1/accounts/${accountId}/organizations`, { name: 'Finance', kind: 'new_implementation' });
    expect(finance.status).toBe(201);
    const ok = await api.post(`/api/v1/accounts/${accountId}/contacts`, {
      name: 'Fay',
      email: 'fay@umbrella.test',
      role: 'project_lead',
      organizationId: finance.body.id,
    });
    expect(ok.status).toBe(201);
    expect((await api.get(`/api/v1/accounts/${accountId}/organizations`)).body[0]).toMatchObject({ name: 'Finance', contactCount: 1 });

    const otherAccount = await api.post('/api/v1/accounts', { name: 'Other', industry: 'Retail', segment: 'smb', complexity: 'low' });
    const wrong = await api.post(`/api/v1/accounts/${otherAccount.body.id}/contacts`, {
      name: 'Gil',
      email: 'gil@other.test',
      role: 'end_user',
      organizationId: finance.body.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toEqual(['body', 'organizationId']);
  });

  it('deletes a contact added by mistake', async () => {
    const oops = await api.post(`/api/v1/accounts/${accountId}/contacts`, { name: 'Oops', email: 'oops@umbrella.test', role: 'end_user' });
    expect((await api.delete(`/api/v1/contacts/${oops.body.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/contacts/${oops.body.id}`)).status).toBe(404);
  });
});

describe('organizations of an account', () => {
  it('are renamed and archived', async () => {
    const org = await api.post(`/api/v1/accounts/${accountId}/organizations`, { name: 'EMEA sales', kind: 'added_users', startedOn: '2026-06-01' });
    const renamed = await api.patch(`/api/v1/organizations/${org.body.id}`, { name: 'EMEA Sales' });
    expect(renamed.body).toMatchObject({ name: 'EMEA Sales', kind: 'added_users', startedOn: '2026-06-01' });
    const archived = await api.post(`/api/v1/organizations/${org.body.id}/archive`);
    expect(archived.body.archivedAt).not.toBeNull();
  });
});
