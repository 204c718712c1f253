import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  httpClient,
  makeMember,
  makeWorkspace,
  signedInClient,
  startTestEnv,
  type TestEnv,
  type TestMember,
} from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
});
afterAll(() => env.close());

const cookieOf = (headers: Record<string, unknown>) => String(headers['set-cookie'] ?? '');
const tokenOf = (headers: Record<string, unknown>) => /lf_session=([^;]+)/.exec(cookieOf(headers))?.[1] ?? '';

async function signIn(email: string, password: string, ip = '10.0.0.1', cookie?: string) {
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    remoteAddress: ip,
    payload: JSON.stringify({ email, password }),
  });
  return { status: response.statusCode, headers: response.headers, body: response.json() };
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers who is signed in', async () => {
    const response = await signIn(admin.email.toUpperCase(), admin.password);
    expect(response.status).toBe(200);
    expect(cookieOf(response.headers)).toMatch(/lf_session=lfs_[\w-]{40,}/);
    expect(cookieOf(response.headers)).toMatch(/HttpOnly/);
    expect(cookieOf(response.headers)).toMatch(/SameSite=Lax/);
    expect(cookieOf(response.headers)).not.toMatch(/Secure/);
    expect(response.body.member).toMatchObject({ email: admin.email, role: 'admin' });
    const me = await httpClient(env.app, { cookie: `lf_session=${tokenOf(response.headers)}` }).get('/api/v1/session');
    expect(me.body.member.id).toBe(admin.id);
  });

  it('stores only a hash of the session token', async () => {
    const response = await signIn(admin.email, admin.password);
    const token = tokenOf(response.headers);
    const rows = await env.services.database.query<{ token_hash: string }>('select token_hash from sessions');
    expect(rows.some((row) => row.token_hash === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await signIn(admin.email, 'not the password', '10.0.0.2');
    const unknown = await signIn('nobody@nowhere.test', 'not the password', '10.0.0.2');
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.detail).toBe('The email or password is incorrect.');
  });

  it('slows down guessing: after 5 failures for one email it answers 429 with Retry-After, even to the right password', async () => {
    const member = await makeMember(env.services, admin.workspaceId, 'csm');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(member.email, `guess ${attempt}`, '10.0.1.1')).status).toBe(400);
    }
    const blocked = await signIn(member.email, member.password, '10.0.1.2');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    env.clock.advance(16 * 60_000);
    expect((await signIn(member.email, member.password, '10.0.1.2')).status).toBe(200);
  });

  it('rotates the session at sign-in: the cookie held before no longer works', async () => {
    const first = tokenOf((await signIn(admin.email, admin.password)).headers);
    const second = await signIn(admin.email, admin.password, '10.0.0.1', `lf_session=${first}`);
    expect(tokenOf(second.headers)).not.toBe(first);
    expect((await httpClient(env.app, { cookie: `lf_session=${first}` }).get('/api/v1/session')).status).toBe(401);
  });
});

describe('a session', () => {
  it('ends at sign-out', async () => {
    const api = await signedInClient(env, admin);
    expect((await api.delete('/api/v1/session')).status).toBe(204);
    expect((await api.get('/api/v1/accounts')).status).toBe(401);
  });

  it('expires after a week idle, and after 30 days whatever happens', async () => {
    const api = await signedInClient(env, admin);
    for (let week = 0; week < 4; week++) {
      env.clock.advance(6 * 86400_000);
      expect((await api.get('/api/v1/session')).status).toBe(200);
    }
    env.clock.advance(6 * 86400_000);
    expect((await api.get('/api/v1/session')).status).toBe(401);

    const idle = await signedInClient(env, admin);
    env.clock.advance(7 * 86400_000 + 60_000);
    expect((await idle.get('/api/v1/session')).status).toBe(401);
  });

  it('ends at once when the member is removed', async () => {
    const csm = await makeMember(env.services, admin.workspaceId, 'csm');
    const csmApi = await signedInClient(env, csm);
    expect((await csmApi.get('/api/v1/accounts')).status).toBe(200);
    const adminApi = await signedInClient(env, admin);
    expect((await adminApi.delete(`/api/v1/members/${csm.id}`)).status).toBe(204);
    expect((await csmApi.get('/api/v1/accounts')).status).toBe(401);
    expect((await signIn(csm.email, csm.password, '10.0.2.1')).status).toBe(400);
  });

  it('cannot write without the CSRF token, nor from another site', async () => {
    const api = await signedInClient(env, admin);
    const body = { name: 'Forged', industry: 'Retail', segment: 'smb', complexity: 'low' };
    const noToken = await api.request('POST', '/api/v1/accounts', body, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.detail).toMatch(/CSRF/);
    const crossSite = await api.request('POST', '/api/v1/accounts', body, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const form = await api.request('POST', '/api/v1/accounts', undefined, { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
    const search = await api.get('/api/v1/accounts?q=Forged&status=all');
    expect(search.body.total).toBe(0);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, work as Bearer tokens without CSRF, and stop working when revoked', async () => {
    const adminApi = await signedInClient(env, admin);
    const created = await adminApi.post('/api/v1/api-tokens', { name: 'CRM sync', role: 'onboarding_manager' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^lft_/);
    const listed = await adminApi.get('/api/v1/api-tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const stored = await env.services.database.query<{ token_hash: string }>('select token_hash from api_tokens');
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    const integration = httpClient(env.app, { authorization: `Bearer ${token}` });
    const account = await integration.post('/api/v1/accounts', { name: 'From CRM', industry: 'SaaS', segment: 'smb', complexity: 'low' });
    expect(account.status).toBe(201);
    expect((await integration.get('/api/v1/members')).status).toBe(200);
    expect((await integration.post('/api/v1/invites', { email: 'x@y.test', role: 'csm' })).status).toBe(403);

    expect((await adminApi.delete(`/api/v1/api-tokens/${created.body.id}`)).status).toBe(204);
    const after = await integration.get('/api/v1/accounts');
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/revoked/);
  });

  it('can only be managed by admins', async () => {
    const manager = await makeMember(env.services, admin.workspaceId, 'onboarding_manager');
    const api = await signedInClient(env, manager);
    expect((await api.get('/api/v1/api-tokens')).status).toBe(403);
    expect((await api.post('/api/v1/api-tokens', { name: 'Mine' })).status).toBe(403);
  });
});

describe('every response', () => {
  it('carries the security headers', async () => {
    for (const url of ['/api/health', '/api/v1/accounts', '/']) {
      const response = await env.app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });
});
