import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeMember,
  makeWorkspace,
  signedInClient,
  startTestEnv,
  type HttpClient,
  type TestEnv,
  type TestMember,
} from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(() => env.close());

describe('creating an account', () => {
  it('creates it with the touch model its segment implies and the owners chosen', async () => {
    const manager = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Onboard');
    const created = await api.post('/api/v1/accounts', {
      name: 'Globex',
      domain: 'Globex.com',
      industry: 'Manufacturing',
      segment: 'enterprise',
      complexity: 'high',
      contractValue: 480000,
      contractSignedOn: '2026-02-02',
      renewalOn: '2027-02-02',
      products: ['Core Platform', 'Analytics'],
      owners: [{ role: 'onboarding_manager', memberId: manager.id }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Globex',
      domain: 'globex.com',
      touchModel: 'high',
      timezone: 'Europe/Paris',
      laerStage: 'land',
      owners: [{ role: 'onboarding_manager', memberId: manager.id, name: 'Olivia Onboard' }],
      contactCount: 0,
      archivedAt: null,
    });
    const fetched = await api.get(`/api/v1/accounts/${created.body.id}`);
    expect(fetched.body).toEqual(created.body);
  });

  it('names every bad field in a problem+json answer and saves nothing', async () => {
    const before = await api.get('/api/v1/accounts?status=all&limit=200');
    const response = await api.post('/api/v1/accounts', {
      name: '',
      domain: 'https://not a domain',
      industry: 'Retail',
      segment: 'giant',
      complexity: 'low',
      contractValue: -5,
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.body.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.domain', 'body.segment', 'body.contractValue']));
    expect(response.body.detail).toMatch(/name|domain|segment|contractValue/);
    const after = await api.get('/api/v1/accounts?status=all&limit=200');
    expect(after.body.total).toBe(before.body.total);
  });

  it('refuses a renewal date before the contract was signed', async () => {
    const response = await api.post('/api/v1/accounts', {
      name: 'Backwards Inc',
      industry: 'Retail',
      segment: 'smb',
      complexity: 'low',
      contractSignedOn: '2026-05-01',
      renewalOn: '2026-04-01',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ path: ['body', 'renewalOn'], message: 'must be after the contract signed date' });
  });

  it('refuses an owner who is not a member of this workspace, and writes nothing', async () => {
    const other = await makeWorkspace(env.services, 'Elsewhere');
    const response = await api.post('/api/v1/accounts', {
      name: 'Owned Elsewhere',
      industry: 'Retail',
      segment: 'smb',
      complexity: 'low',
      owners: [{ role: 'csm', memberId: other.admin.id }],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toEqual(['body', 'owners', 0, 'memberId']);
    const search = await api.get('/api/v1/accounts?q=Owned%20Elsewhere&status=all');
    expect(search.body.total).toBe(0);
  });
});

describe('the account list', () => {
  let listApi: HttpClient;
  let csmId: string;

  beforeAll(async () => {
    const { admin: listAdmin } = await makeWorkspace(env.services, 'List workspace');
    listApi = await signedInClient(env, listAdmin);
    const csm = await makeMember(env.services, listAdmin.workspaceId, 'csm');
    csmId = csm.id;
    const rows = [
      { name: 'Alpha Retail', industry: 'Retail', segment: 'smb', complexity: 'low', contractValue: 9000 },
      { name: 'Beta Health', industry: 'Healthcare', segment: 'enterprise', complexity: 'high', contractValue: 700000 },
      { name: 'Gamma Logistics', industry: 'Logistics', segment: 'mid_market', complexity: 'moderate', contractValue: 80000 },
      { name: 'Delta Health', industry: 'Healthcare', segment: 'mid_market', complexity: 'high', contractValue: 95000 },
      { name: 'epsilon retail', industry: 'Retail', segment: 'smb', complexity: 'moderate', contractValue: 12000 },
    ] as const;
    for (const row of rows) {
      await makeAccount(listAdmin.ctx, {
        ...row,
        domain: `${row.name.split(' ')[0]!.toLowerCase()}.example`,
        owners: row.name.startsWith('Beta') ? [{ role: 'csm', memberId: csm.id }] : [],
      });
    }
  });

  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

  it('sorts by name, case-insensitively, and by contract value descending', async () => {
    expect(names((await listApi.get('/api/v1/accounts')).body)).toEqual([
      'Alpha Retail',
      'Beta Health',
      'Delta Health',
      'epsilon retail',
      'Gamma Logistics',
    ]);
    expect(names((await listApi.get('/api/v1/accounts?sort=-contractValue')).body)[0]).toBe('Beta Health');
  });

  it('reads a descending sort as the ascending one backwards, ties included, and pages through it without gaps', async () => {
    for (const sort of ['segment', 'industry', 'renewalOn', 'contractSignedOn', 'createdAt']) {
      const ascending = names((await listApi.get(`/api/v1/accounts?sort=${sort}`)).body);
      const descending = names((await listApi.get(`/api/v1/accounts?sort=-${sort}`)).body);
      expect(ascending).toHaveLength(5);
      if (sort === 'renewalOn' || sort === 'contractSignedOn') {
        // Accounts without the date come last both ways.
        const dated = (list: string[], rows: { name: string; [key: string]: unknown }[]) => list.filter((name) => rows.find((row) => row.name === name)?.[sort]);
        const rows = (await listApi.get(`/api/v1/accounts?sort=${sort}`)).body.items;
        expect(dated(descending, rows)).toEqual(dated(ascending, rows).reverse());
        expect(descending.slice(dated(descending, rows).length)).toEqual(ascending.slice(dated(ascending, rows).length).reverse());
      } else expect(descending).toEqual([...ascending].reverse());
      const paged = [0, 2, 4].map(async (offset) => names((await listApi.get(`/api/v1/accounts?sort=-${sort}&limit=2&offset=${offset}`)).body));
      expect((await Promise.all(paged)).flat()).toEqual(descending);
    }
  });

  it('searches names and domains, and filters by segment, industry, complexity and owner', async () => {
    expect(names((await listApi.get('/api/v1/accounts?q=health')).body)).toEqual(['Beta Health', 'Delta Health']);
    expect(names((await listApi.get('/api/v1/accounts?q=gamma.example')).body)).toEqual(['Gamma Logistics']);
    expect(names((await listApi.get('/api/v1/accounts?segment=smb')).body)).toEqual(['Alpha Retail', 'epsilon retail']);
    expect(names((await listApi.get('/api/v1/accounts?industry=Healthcare&complexity=high')).body)).toEqual([
      'Beta Health',
      'Delta Health',
    ]);
    expect(names((await listApi.get('/api/v1/accounts?segment=smb,enterprise&complexity=low,high')).body)).toEqual([
      'Alpha Retail',
      'Beta Health',
    ]);
    expect(names((await listApi.get(`/api/v1/accounts?owner=${csmId}`)).body)).toEqual(['Beta Health']);
    expect(names((await listApi.get('/api/v1/accounts?q=%25')).body)).toEqual([]);
  });

  it('pages through results with a total', async () => {
    const first = await listApi.get('/api/v1/accounts?limit=2');
    const third = await listApi.get('/api/v1/accounts?limit=2&offset=4');
    expect(first.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(names(first.body)).toEqual(['Alpha Retail', 'Beta Health']);
    expect(names(third.body)).toEqual(['Gamma Logistics']);
  });

  it('explains a bad sort or limit', async () => {
    const response = await listApi.get('/api/v1/accounts?sort=colour&limit=0');
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['querystring.sort', 'querystring.limit']));
  });

  it('hides archived accounts until asked, and restores them', async () => {
    const [alpha] = (await listApi.get('/api/v1/accounts?q=Alpha')).body.items;
    const archived = await listApi.post(`/api/v1/accounts/${alpha.id}/archive`);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(names((await listApi.get('/api/v1/accounts')).body)).not.toContain('Alpha Retail');
    expect(names((await listApi.get('/api/v1/accounts?status=archived')).body)).toEqual(['Alpha Retail']);
    await listApi.post(`/api/v1/accounts/${alpha.id}/restore`);
    expect(names((await listApi.get('/api/v1/accounts')).body)).toContain('Alpha Retail');
  });

  it('offers the industries in use as filter choices', async () => {
    const facets = await listApi.get('/api/v1/accounts/facets');
    expect(facets.body.industries).toEqual(['Healthcare', 'Logistics', 'Retail']);
    expect(facets.body.products).toEqual(['Core Platform']);
  });
});

describe('editing an account', () => {
  it('changes only what was sent and keeps renewal after signature', async () => {
    const account = await makeAccount(admin.ctx, { name: 'Initech', contractSignedOn: '2026-01-10' });
    const edited = await api.patch(`/api/v1/accounts/${account.id}`, { industry: 'Financial services', laerStage: 'adopt' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Initech', industry: 'Financial services', laerStage: 'adopt' });
    const bad = await api.patch(`/api/v1/accounts/${account.id}`, { renewalOn: '2025-12-31' });
    expect(bad.status).toBe(400);
    expect((await api.get(`/api/v1/accounts/${account.id}`)).body.renewalOn).toBeNull();
  });

  it('is refused to a leader, who can still read', async () => {
    const leader = await makeMember(env.services, admin.workspaceId, 'leader');
    const leaderApi = await signedInClient(env, leader);
    const account = await makeAccount(admin.ctx);
    expect((await leaderApi.get(`/api/v1/accounts/${account.id}`)).status).toBe(200);
    const response = await leaderApi.patch(`/api/v1/accounts/${account.id}`, { name: 'Renamed' });
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/read-only/);
  });
});
