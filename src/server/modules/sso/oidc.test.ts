import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, makeMember, makeWorkspace, signedInClient, startTestEnv, type TestEnv, type TestMember } from '../../test/harness.ts';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '../../test/oidc-idp.ts';

let env: TestEnv;
let idp: TestOidcProvider;
let admin: TestMember;
let workspaceId: string;

const callbackOf = (id: string) => `http://landfall.test/api/v1/sso/${id}/oidc/callback`;
const cookieOf = (headers: Record<string, unknown>, name: string) => {
  const lines = ([] as string[]).concat((headers['set-cookie'] as string | string[] | undefined) ?? []);
  return lines.map((line) => new RegExp(`^${name}=([^;]*)`).exec(line)?.[1]).find((value) => value !== undefined);
};

const oidcSettings = (overrides: Record<string, unknown> = {}) => ({
  protocol: 'oidc',
  enabled: true,
  displayName: 'Acme SSO',
  slug: 'acme',
  oidcIssuer: idp.issuer,
  oidcClientId: idp.clientId,
  oidcClientSecret: idp.clientSecret,
  samlIdpEntityId: null,
  samlIdpSsoUrl: null,
  samlIdpCertificate: null,
  allowedDomains: ['acme.test'],
  jitProvisioning: true,
  defaultRole: 'csm',
  groupsClaim: 'groups',
  roleMappings: [
    { group: 'landfall-admins', role: 'admin' },
    { group: 'onboarding', role: 'onboarding_manager' },
  ],
  passwordSignIn: true,
  ...overrides,
});

/** The whole code flow: start here, sign in at the provider, come back; the answer of the callback. */
async function signInWithSso(email: string, id = workspaceId) {
  const start = await env.app.inject({ method: 'GET', url: `/api/v1/sso/${id}/start` });
  expect(start.statusCode, start.body).toBe(302);
  const state = cookieOf(start.headers, 'lf_sso_state');
  const callback = new URL(await signInAtProvider(String(start.headers.location), email));
  return env.app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: `lf_sso_state=${state}`, 'user-agent': 'vitest' },
  });
}

beforeAll(async () => {
  env = await startTestEnv();
  const made = await makeWorkspace(env.services, 'Acme');
  admin = made.admin;
  workspaceId = made.workspace.id;
  idp = await startOidcProvider([callbackOf(workspaceId)]);
  const api = await signedInClient(env, admin);
  const saved = await api.put('/api/v1/sso-settings', oidcSettings());
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
});
afterAll(async () => {
  await idp?.close();
  await env.close();
});

describe('OIDC settings', () => {
  it('keeps the client id and secret sealed and never sends the secret back', async () => {
    const api = await signedInClient(env, admin);
    const settings = (await api.get('/api/v1/sso-settings')).body;
    expect(settings).toMatchObject({ configured: true, oidcClientId: idp.clientId, hasClientSecret: true });
    expect(JSON.stringify(settings)).not.toContain(idp.clientSecret);
    expect(settings.serviceProvider.oidcRedirectUri).toBe(callbackOf(workspaceId));
    const [row] = await env.services.database.query<{ oidc_client_id_sealed: string; oidc_client_secret_sealed: string }>(
      'select oidc_client_id_sealed, oidc_client_secret_sealed from sso_connections where workspace_id = $1',
      [workspaceId],
    );
    expect(row!.oidc_client_id_sealed).toMatch(/^sealed:v1:/);
    expect(row!.oidc_client_secret_sealed).toMatch(/^sealed:v1:/);
    expect(row!.oidc_client_secret_sealed).not.toContain(idp.clientSecret);
  });

  it('tests the connection against the issuer', async () => {
    const api = await signedInClient(env, admin);
    const result = await api.post('/api/v1/sso-settings/test');
    expect(result.body).toMatchObject({ ok: true });
    expect(result.body.message).toContain(idp.issuer);
  });

  it('says what is missing, and refuses a domain another workspace signs in with', async () => {
    const api = await signedInClient(env, admin);
    const missing = await api.put('/api/v1/sso-settings', oidcSettings({ oidcIssuer: null }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toEqual(['body', 'oidcIssuer']);
    const other = await makeWorkspace(env.services, 'Other');
    const theirs = await (await signedInClient(env, other.admin)).put('/api/v1/sso-settings', oidcSettings({ slug: null, allowedDomains: ['acme.test'] }));
    expect(theirs.status).toBe(409);
    expect(theirs.body.errors[0].path).toEqual(['body', 'allowedDomains']);
    expect((await (await signedInClient(env, other.admin)).get('/api/v1/sso-settings')).body.configured).toBe(false);
  });

  it('is for admins only', async () => {
    const csm = await makeMember(env.services, workspaceId, 'csm');
    expect((await (await signedInClient(env, csm)).get('/api/v1/sso-settings')).status).toBe(403);
  });
});

describe('signing in through the OpenID provider', () => {
  it('offers the provider for an email of an allowed domain, and none for others', async () => {
    const found = await httpClient(env.app).get('/api/v1/sso/discover?email=someone@ACME.test');
    expect(found.body.provider).toMatchObject({ workspaceId, displayName: 'Acme SSO', protocol: 'oidc', startUrl: `/api/v1/sso/${workspaceId}/start` });
    expect((await httpClient(env.app).get('/api/v1/sso/discover?email=someone@elsewhere.test')).body.provider).toBeNull();
    expect((await httpClient(env.app).get('/api/v1/sso/discover?workspace=ACME')).body.provider.workspaceId).toBe(workspaceId);
    expect((await httpClient(env.app).get('/api/v1/sso/discover')).status).toBe(400);
  });

  it('provisions a new member on first sign-in, with the role their groups map to', async () => {
    idp.users.set('olivia@acme.test', { name: 'Olivia Okta', groups: ['everyone', 'onboarding'] });
    const callback = await signInWithSso('olivia@acme.test');
    expect(callback.statusCode, callback.body).toBe(303);
    expect(callback.headers.location).toBe('/');
    const session = cookieOf(callback.headers, 'lf_session');
    const me = await httpClient(env.app, { cookie: `lf_session=${session}` }).get('/api/v1/session');
    expect(me.body.member).toMatchObject({ email: 'olivia@acme.test', name: 'Olivia Okta', role: 'onboarding_manager' });
    expect(me.body.workspace.id).toBe(workspaceId);
    // Their email is theirs from now on: no other workspace may add them, and a password sign-in finds them here.
    const owners = await env.services.database.query('select workspace_id, member_id from member_sign_in_emails where email = $1', ['olivia@acme.test']);
    expect(owners).toEqual([{ workspace_id: workspaceId, member_id: me.body.member.id }]);
  });

  it('signs an existing member in again and follows their groups when they change', async () => {
    idp.users.set('olivia@acme.test', { name: 'Olivia Okta', groups: ['landfall-admins'] });
    const callback = await signInWithSso('olivia@acme.test');
    const me = await httpClient(env.app, { cookie: `lf_session=${cookieOf(callback.headers, 'lf_session')}` }).get('/api/v1/session');
    expect(me.body.member.role).toBe('admin');
    const members = await env.services.database.query('select id from members where lower(email) = $1', ['olivia@acme.test']);
    expect(members).toHaveLength(1);
  });

  it('keeps the last admin an admin whatever their groups say', async () => {
    const [adminRow] = await env.services.database.query<{ email: string }>('select email from members where id = $1', [admin.id]);
    // Olivia became an admin above; only the first admin is left once she is a CSM again.
    idp.users.set('olivia@acme.test', { name: 'Olivia Okta', groups: ['onboarding'] });
    await signInWithSso('olivia@acme.test');
    idp.users.set(adminRow!.email, { name: 'Ada Admin', groups: ['onboarding'] });
    await env.services.database.query('update sso_connections set allowed_domains = $1 where workspace_id = $2', [['acme.test', 'vendor.test'], workspaceId]);
    const callback = await signInWithSso(adminRow!.email);
    expect(callback.statusCode, callback.body).toBe(303);
    const me = await httpClient(env.app, { cookie: `lf_session=${cookieOf(callback.headers, 'lf_session')}` }).get('/api/v1/session');
    expect(me.body.member.role).toBe('admin');
    await env.services.database.query('update sso_connections set allowed_domains = $1 where workspace_id = $2', [['acme.test'], workspaceId]);
  });

  it('gives the default role when no group maps', async () => {
    idp.users.set('nils@acme.test', { name: 'Nils', groups: [] });
    const callback = await signInWithSso('nils@acme.test');
    const me = await httpClient(env.app, { cookie: `lf_session=${cookieOf(callback.headers, 'lf_session')}` }).get('/api/v1/session');
    expect(me.body.member.role).toBe('csm');
  });

  it('refuses an email outside the allowed domains, and adds no one', async () => {
    idp.users.set('eve@evil.test', { name: 'Eve', groups: ['landfall-admins'] });
    const callback = await signInWithSso('eve@evil.test');
    expect(callback.statusCode).toBe(403);
    expect(callback.json().detail).toContain('eve@evil.test is not in a domain');
    expect(await env.services.database.query('select id from members where email = $1', ['eve@evil.test'])).toEqual([]);
  });

  it('refuses a callback without the browser’s state cookie, and a code used twice', async () => {
    idp.users.set('paul@acme.test', { name: 'Paul', groups: [] });
    const start = await env.app.inject({ method: 'GET', url: `/api/v1/sso/${workspaceId}/start` });
    const state = cookieOf(start.headers, 'lf_sso_state');
    const callback = new URL(await signInAtProvider(String(start.headers.location), 'paul@acme.test'));
    const url = `${callback.pathname}${callback.search}`;
    const noCookie = await env.app.inject({ method: 'GET', url });
    expect(noCookie.statusCode).toBe(401);
    expect(noCookie.json().detail).toContain('not started in this browser');
    const first = await env.app.inject({ method: 'GET', url, headers: { cookie: `lf_sso_state=${state}` } });
    expect(first.statusCode, first.body).toBe(303);
    const again = await env.app.inject({ method: 'GET', url, headers: { cookie: `lf_sso_state=${state}` } });
    expect(again.statusCode).toBe(401);
  });

  it('refuses an address the provider has not verified', async () => {
    idp.users.set('unverified@acme.test', { name: 'Una', groups: [], emailVerified: false });
    const callback = await signInWithSso('unverified@acme.test');
    expect(callback.statusCode).toBe(401);
    expect(callback.json().detail).toContain('not verified');
  });

  it('says no when the provider did not sign the person in', async () => {
    const start = await env.app.inject({ method: 'GET', url: `/api/v1/sso/${workspaceId}/start` });
    const state = cookieOf(start.headers, 'lf_sso_state');
    const callback = new URL(await signInAtProvider(String(start.headers.location), 'nobody@acme.test'));
    const answer = await env.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: `lf_sso_state=${state}` } });
    expect(answer.statusCode).toBe(401);
    expect(answer.json().detail).toContain('did not sign you in');
  });
});

describe('turning password sign-in off', () => {
  it('sends members to the provider but lets admins in with their password', async () => {
    const api = await signedInClient(env, admin);
    expect((await api.put('/api/v1/sso-settings', oidcSettings({ passwordSignIn: false }))).status).toBe(200);
    const csm = await makeMember(env.services, workspaceId, 'csm');
    const refused = await httpClient(env.app).post('/api/v1/session', { email: csm.email, password: csm.password });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('Your workspace signs in with Acme SSO: use “Sign in with Acme SSO”.');
    const breakGlass = await httpClient(env.app).post('/api/v1/session', { email: admin.email, password: admin.password });
    expect(breakGlass.status).toBe(200);
    // And it cannot be turned off while single sign-on itself is off: no one else could get in.
    const locked = await api.put('/api/v1/sso-settings', oidcSettings({ passwordSignIn: false, enabled: false }));
    expect(locked.status).toBe(400);
    expect(locked.body.errors[0].path).toEqual(['body', 'passwordSignIn']);
    expect((await api.put('/api/v1/sso-settings', oidcSettings())).status).toBe(200);
    expect((await httpClient(env.app).post('/api/v1/session', { email: csm.email, password: csm.password })).status).toBe(200);
  });
});
