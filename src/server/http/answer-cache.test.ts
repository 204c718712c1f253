import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/api-tokens/api-tokens.service.ts';
import {
  httpClient,
  makeAccount,
  makeMember,
  makeWorkspace,
  signedInClient,
  startTestEnv,
  type HttpClient,
  type TestEnv,
  type TestMember,
} from '../test/harness.ts';
import { answerCache } from './answer-cache.ts';
import { buildApp, type App } from '../app/app.ts';

// The account list is answered from a cache of built pages, checked on every request against the workspace's data
// version read from the database. These tests fill the cache first, then change the data from elsewhere.

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let integration: HttpClient;
/** Plain SQL through a connection of its own (on PGlite, the only connection there is, outside the app). */
let elsewhere: { query: (text: string, params?: unknown[]) => Promise<unknown>; close: () => Promise<void> };

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
  const { token } = await createApiToken(admin.ctx, { name: 'Warehouse sync', role: 'onboarding_manager' });
  integration = httpClient(env.app, { authorization: `Bearer ${token}` });
  if (env.databaseUrl) {
    const client = new pg.Client({ connectionString: env.databaseUrl });
    await client.connect();
    elsewhere = { query: (text, params) => client.query(text, params), close: () => client.end() };
  } else {
    elsewhere = { query: (text, params) => env.services.database.query(text, params), close: async () => {} };
  }
});
afterAll(async () => {
  await elsewhere.close();
  await env.close();
});

interface Page {
  items: { id: string; name: string; contactCount: number; owners: { name: string }[] }[];
  total: number;
}

/** Reads the page twice, so the second answer came from the cache, and returns it. */
async function cachedPage(client: HttpClient, url: string) {
  const first = await client.get<Page>(url);
  const second = await client.get<Page>(url);
  expect(second.status).toBe(200);
  expect(second.headers.etag).toBe(first.headers.etag);
  return second;
}

describe('the account list, answered again and again', () => {
  it('shows a write made through another connection on the very next request', async () => {
    const manager = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Onboard');
    const account = await makeAccount(admin.ctx, { name: 'Aaa Initech', owners: [{ role: 'onboarding_manager', memberId: manager.id }] });
    const url = '/api/v1/accounts?sort=name&limit=5';
    const row = (page: Page) => page.items.find((item) => item.id === account.id)!;

    expect(row((await cachedPage(integration, url)).body)).toMatchObject({ name: 'Aaa Initech', contactCount: 0 });

    await elsewhere.query(`update accounts set name = 'Aaa Initrode' where id = $1`, [account.id]);
    expect(row((await integration.get<Page>(url)).body).name).toBe('Aaa Initrode');

    await cachedPage(integration, url);
    await elsewhere.query(
      `insert into contacts (workspace_id, account_id, name, email, role) values ($1, $2, 'Carla Champion', 'carla@initrode.test', 'champion')`,
      [admin.workspaceId, account.id],
    );
    expect(row((await integration.get<Page>(url)).body).contactCount).toBe(1);

    await cachedPage(integration, url);
    await elsewhere.query(`update members set name = 'Olivia Onboarding' where id = $1`, [manager.id]);
    expect(row((await integration.get<Page>(url)).body).owners).toEqual([
      { role: 'onboarding_manager', memberId: manager.id, name: 'Olivia Onboarding' },
    ]);

    await cachedPage(integration, url);
    await elsewhere.query(`delete from account_owners where account_id = $1`, [account.id]);
    expect(row((await integration.get<Page>(url)).body).owners).toEqual([]);

    const before = await cachedPage(integration, url);
    await elsewhere.query(`update accounts set archived_at = now() where id = $1`, [account.id]);
    const after = await integration.get<Page>(url);
    expect(after.body.total).toBe(before.body.total - 1);
    expect(after.body.items.map((item) => item.id)).not.toContain(account.id);
  });

  it('shows a change made through another Landfall process on the very next request', async () => {
    const otherProcess: App = await buildApp(env.services);
    try {
      const account = await makeAccount(admin.ctx, { name: 'Aab Globex' });
      const url = '/api/v1/accounts?q=globex';
      expect((await cachedPage(api, url)).body.items.map((item) => item.name)).toEqual(['Aab Globex']);

      const other = await signedInClient({ ...env, app: otherProcess }, admin);
      expect((await other.patch(`/api/v1/accounts/${account.id}`, { name: 'Aab Globex Corporation' })).status).toBe(200);
      expect((await api.get<Page>(url)).body.items.map((item) => item.name)).toEqual(['Aab Globex Corporation']);

      await cachedPage(api, url);
      await makeAccount(admin.ctx, { name: 'Aac Globex Europe' });
      expect((await api.get<Page>(url)).body.total).toBe(2);
    } finally {
      await otherProcess.close();
    }
  });

  it('refuses a revoked API token at once, though its page was just answered', async () => {
    const { id, token } = await createApiToken(admin.ctx, { name: 'Short-lived', role: 'leader' });
    const shortLived = httpClient(env.app, { authorization: `Bearer ${token}` });
    await cachedPage(shortLived, '/api/v1/accounts');

    await elsewhere.query(`update api_tokens set revoked_at = now() where id = $1`, [id]);
    const refused = await shortLived.get('/api/v1/accounts');
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/revoked/);
  });

  it('answers requests arriving together each for its own token or session', async () => {
    const { admin: otherAdmin } = await makeWorkspace(env.services, 'Umbrella');
    await makeAccount(otherAdmin.ctx, { name: 'Umbrella Client' });
    const other = await createApiToken(otherAdmin.ctx, { name: 'Other sync', role: 'admin' });
    const revoked = await createApiToken(admin.ctx, { name: 'Gone', role: 'admin' });
    await elsewhere.query(`update api_tokens set revoked_at = now() where id = $1`, [revoked.id]);
    const bearer = (token: string) => httpClient(env.app, { authorization: `Bearer ${token}` });

    const answers = await Promise.all([
      integration.get<Page>('/api/v1/accounts?limit=1'),
      bearer(other.token).get<Page>('/api/v1/accounts?limit=1'),
      bearer(revoked.token).get('/api/v1/accounts?limit=1'),
      bearer('lft_unknown').get('/api/v1/accounts?limit=1'),
      api.get<Page>('/api/v1/accounts?limit=1'),
      integration.get<Page>('/api/v1/accounts?limit=1'),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 401, 401, 200, 200]);
    expect(answers[1]!.body.items.map((item: { name: string }) => item.name)).toEqual(['Umbrella Client']);
    expect(answers[0]!.body.items[0]!.name).not.toBe('Umbrella Client');
    expect(answers[4]!.body).toEqual(answers[0]!.body);
  });

  it('gives each workspace its own accounts for the same question', async () => {
    const { admin: otherAdmin } = await makeWorkspace(env.services, 'Contoso');
    await makeAccount(otherAdmin.ctx, { name: 'Aaa Contoso Client' });
    const otherApi = await signedInClient(env, otherAdmin);
    const url = '/api/v1/accounts?sort=name&limit=5';

    const ours = await cachedPage(api, url);
    const theirs = await cachedPage(otherApi, url);
    expect(theirs.body.items.map((item) => item.name)).toEqual(['Aaa Contoso Client']);
    expect(ours.body.items.map((item) => item.name)).not.toContain('Aaa Contoso Client');
    expect(theirs.headers.etag).not.toBe(ours.headers.etag);

    // A change in one workspace leaves the other's answer as it was.
    await makeAccount(otherAdmin.ctx, { name: 'Aab Contoso Partner' });
    expect((await api.get(url)).headers.etag).toBe(ours.headers.etag);
    expect((await otherApi.get<Page>(url)).body.total).toBe(2);
  });

  it('lets a leader read the same page, and still not write', async () => {
    const leader = await makeMember(env.services, admin.workspaceId, 'leader');
    const leaderApi = await signedInClient(env, leader);
    const url = '/api/v1/accounts?limit=3';
    expect((await leaderApi.get(url)).body).toEqual((await cachedPage(api, url)).body);
    expect((await leaderApi.post('/api/v1/accounts', { name: 'Nope', industry: 'Retail', segment: 'smb', complexity: 'low' })).status).toBe(403);
  });
});

describe('ETag and If-None-Match', () => {
  it('answers 304 without a body while the page is unchanged, and the new page once it changes', async () => {
    const url = '/api/v1/accounts?sort=-createdAt&limit=2';
    const first = await api.get(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const unchanged = await api.request('GET', url, undefined, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe('');
    expect(unchanged.headers.etag).toBe(etag);
    expect((await api.request('GET', url, undefined, { 'if-none-match': `"elsewhere", W/${etag}` })).status).toBe(304);
    expect((await api.request('GET', '/api/v1/accounts?sort=-createdAt&limit=3', undefined, { 'if-none-match': etag })).status).toBe(200);

    await makeAccount(admin.ctx, { name: 'Zed Newest' });
    const changed = await api.request<Page>('GET', url, undefined, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.items[0]!.name).toBe('Zed Newest');
  });
});

describe('the cache itself', () => {
  const answer = (version: number, bytes: number) => ({ version, body: Buffer.alloc(bytes), etag: `"${version}"` });

  it('keeps no more bytes than it was given, forgetting the least recently used answers first', () => {
    const cache = answerCache(100);
    cache.set('a', answer(1, 40));
    cache.set('b', answer(1, 40));
    expect(cache.get('a', 1)).toBeDefined();
    cache.set('c', answer(1, 40));
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
    cache.set('huge', answer(1, 101));
    expect(cache.get('huge', 1)).toBeUndefined();
  });

  it('gives an answer only for the data version it was built at', () => {
    const cache = answerCache(100);
    cache.set('a', answer(7, 10));
    expect(cache.get('a', 8)).toBeUndefined();
    expect(cache.get('a', 7)).toBeDefined();
  });
});
