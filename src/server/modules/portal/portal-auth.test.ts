import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { SIGN_IN_MAIL, codeIn, lastMailTo, linkIn, portalClient, portalCookieOf, projectWithContact, signInAsContact } from '../../test/portal.ts';
import { grantAccess } from './portal-access.service.ts';

let env: TestEnv;
let ws: Awaited<ReturnType<typeof makeWorkspace>>;

beforeAll(async () => {
  env = await startTestEnv();
  ws = await makeWorkspace(env.services);
});
afterAll(() => env.close());

const anonymous = () => httpClient(env.app);

async function invited() {
  const { contact, project } = await projectWithContact(ws.admin.ctx);
  const granted = await grantAccess(ws.admin.ctx, project.id, contact.id);
  return { contact, project, inviteToken: linkIn(granted.inviteUrl, '/portal/invite')! };
}

async function requestLink(inviteToken: string) {
  env.clock.advance(1000); // so "the newest mail" is this one
  const response = await anonymous().post(`/api/portal/v1/invitations/${encodeURIComponent(inviteToken)}/link`);
  expect(response.status).toBe(200);
}

describe('portal invitations and sign-in links', () => {
  it('emails an invitation built from PUBLIC_URL, whatever Host the request came with', async () => {
    const { contact, project } = await projectWithContact(ws.admin.ctx);
    const vendor = await signedInClient(env, ws.admin);
    env.clock.advance(1000); // after the invitation the project's start gave the champion
    const response = await vendor.request('POST', `/api/v1/projects/${project.id}/portal/access`, { contactId: contact.id }, { host: 'evil.example' });
    expect(response.status).toBe(201);
    expect(response.body.inviteUrl).toMatch(/^http:\/\/landfall\.test\/portal\/invite\/lfp_/);
    const mail = await lastMailTo(env, contact.email);
    expect(mail!.text_body).toContain(response.body.inviteUrl);
    expect(mail!.text_body).not.toContain('evil.example');
  });

  it('opens an invitation without signing in, and the invitation alone never signs in', async () => {
    const { contact, project, inviteToken } = await invited();
    const info = await anonymous().get(`/api/portal/v1/invitations/${encodeURIComponent(inviteToken)}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ projectName: project.name, contactName: contact.name, email: expect.stringMatching(/^c•••@acme\.test$/) });
    expect(portalCookieOf(info.headers)).toBeUndefined();
    const asLink = await anonymous().post('/api/portal/v1/sign-in', { token: inviteToken });
    expect(asLink.status).toBe(404);
  });

  it('keeps tokens of at least 128 bits, and only their hashes', async () => {
    const { contact, inviteToken } = await invited();
    await requestLink(inviteToken);
    const token = linkIn((await lastMailTo(env, contact.email, SIGN_IN_MAIL))!.text_body, '/portal/sign-in')!;
    for (const secret of [inviteToken, token]) {
      expect(Buffer.from(secret.slice(secret.indexOf('_') + 1), 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      const stored = await env.services.database.query(
        `select 1 from portal_links where token_hash = $1 union all select 1 from portal_access where invite_token_hash = $1`,
        [secret],
      );
      expect(stored).toHaveLength(0);
    }
  });

  it('never spends a link on GET (mail scanners); the POST spends it and redirects to a URL without the token', async () => {
    const { contact, project, inviteToken } = await invited();
    await requestLink(inviteToken);
    const token = linkIn((await lastMailTo(env, contact.email, SIGN_IN_MAIL))!.text_body, '/portal/sign-in')!;
    for (let i = 0; i < 3; i++) {
      const opened = await env.app.inject({ method: 'GET', url: `/portal/sign-in/${encodeURIComponent(token)}` });
      expect(opened.statusCode).toBe(200);
      expect(opened.headers['set-cookie']).toBeUndefined();
      // What the page asks the API before the click: the workspace's branding, and nothing spent.
      const info = await anonymous().get(`/api/portal/v1/sign-in/links/${encodeURIComponent(token)}`);
      expect(info.status).toBe(200);
      expect(info.body.branding.workspaceName).toBe('Northwind');
      expect(info.headers['set-cookie']).toBeUndefined();
    }
    const clicked = await env.app.inject({
      method: 'POST',
      url: '/api/portal/v1/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token }).toString(),
    });
    expect(clicked.statusCode).toBe(303);
    expect(clicked.headers.location).toBe(`/portal/projects/${project.id}`);
    expect(clicked.headers.location).not.toContain(token);
    const session = portalCookieOf(clicked.headers)!;
    expect(clicked.headers['set-cookie']).toEqual(expect.stringMatching(/HttpOnly/i));
    expect((await portalClient(env, session).get(`/api/portal/v1/projects/${project.id}`)).status).toBe(200);

    const again = await anonymous().post('/api/portal/v1/sign-in', { token });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already been used/);
    const spent = await anonymous().get(`/api/portal/v1/sign-in/links/${encodeURIComponent(token)}`);
    expect(spent.status).toBe(409);
    expect(spent.body.detail).toMatch(/already been used/);
    expect((await anonymous().get('/api/portal/v1/sign-in/links/lfl_unknownunknownunknownunknown')).status).toBe(404);
  });

  it('lets a sign-in link live 15 minutes', async () => {
    const { contact, inviteToken } = await invited();
    await requestLink(inviteToken);
    const token = linkIn((await lastMailTo(env, contact.email, SIGN_IN_MAIL))!.text_body, '/portal/sign-in')!;
    env.clock.advance(15 * 60_000 + 1000);
    const late = await anonymous().post('/api/portal/v1/sign-in', { token });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/expired/);
  });

  it('gives exactly one session to 50 simultaneous redemptions of one link', async () => {
    const { contact, inviteToken } = await invited();
    await requestLink(inviteToken);
    const token = linkIn((await lastMailTo(env, contact.email, SIGN_IN_MAIL))!.text_body, '/portal/sign-in')!;
    const responses = await Promise.all(Array.from({ length: 50 }, () => anonymous().post('/api/portal/v1/sign-in', { token })));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(49);
    const sessions = await env.services.database.query('select id from portal_sessions where contact_id = $1', [contact.id]);
    expect(sessions).toHaveLength(1);
  });

  it('signs in with the 6-digit code, and five wrong codes kill it', async () => {
    const { contact, project, inviteToken } = await invited();
    await requestLink(inviteToken);
    const code = codeIn((await lastMailTo(env, contact.email, SIGN_IN_MAIL))!.text_body)!;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await anonymous().post('/api/portal/v1/sign-in/code', { code: wrong, inviteToken });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toEqual(['body', 'code']);
    const good = await anonymous().post('/api/portal/v1/sign-in/code', { code, email: contact.email });
    expect(good.status).toBe(200);
    expect(good.body.redirectTo).toBe(`/portal/projects/${project.id}`);
    expect(portalCookieOf(good.headers)).toBeDefined();

    await requestLink(inviteToken);
    const second = codeIn((await lastMailTo(env, contact.email, SIGN_IN_MAIL))!.text_body)!;
    const other = second === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await anonymous().post('/api/portal/v1/sign-in/code', { code: other, inviteToken });
    expect((await anonymous().post('/api/portal/v1/sign-in/code', { code: second, inviteToken })).status).toBe(400);
  });

  it('answers the same for known and unknown addresses, and limits requests per address with 429 + Retry-After', async () => {
    const { contact } = await invited();
    const known = await anonymous().post('/api/portal/v1/sign-in/email', { email: contact.email });
    const unknown = await anonymous().post('/api/portal/v1/sign-in/email', { email: 'nobody@nowhere.test' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
    expect((await lastMailTo(env, 'nobody@nowhere.test'))).toBeUndefined();
    expect((await lastMailTo(env, contact.email, SIGN_IN_MAIL))!.subject).toMatch(/sign-in link/);

    for (let i = 0; i < 4; i++) await anonymous().post('/api/portal/v1/sign-in/email', { email: 'nobody@nowhere.test' });
    const limited = await anonymous().post('/api/portal/v1/sign-in/email', { email: 'nobody@nowhere.test' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits requests per IP address too', async () => {
    const responses = [];
    for (let i = 0; i < 31; i++) {
      responses.push(await anonymous().post('/api/portal/v1/sign-in/email', { email: `someone${i}@spray.test` }));
    }
    expect(responses.at(-1)!.status).toBe(429);
    env.clock.advance(16 * 60_000);
  });

  it('refuses a portal session on every staff route', async () => {
    const { contact, project } = await projectWithContact(ws.admin.ctx);
    const { session } = await signInAsContact(env, ws.admin.ctx, project.id, contact);
    const asCustomer = portalClient(env, session);
    const staffRoutes = env.app.landfallRoutes.filter((r) => r.url.startsWith('/api/v1/') && r.access !== 'public');
    expect(staffRoutes.length).toBeGreaterThan(40);
    for (const route of staffRoutes) {
      const url = route.url.replace(/:(\w+)/g, project.id);
      const response = await asCustomer.request(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(response.status, `${route.method} ${route.url} → ${response.status}`).toBe(401);
    }
  });

  it('ends access when the vendor revokes it', async () => {
    const { contact, project } = await projectWithContact(ws.admin.ctx);
    const { client } = await signInAsContact(env, ws.admin.ctx, project.id, contact);
    expect((await client.get(`/api/portal/v1/projects/${project.id}`)).status).toBe(200);
    const vendor = await signedInClient(env, ws.admin);
    expect((await vendor.delete(`/api/v1/projects/${project.id}/portal/access/${contact.id}`)).status).toBe(204);
    expect((await client.get(`/api/portal/v1/projects/${project.id}`)).status).toBe(401);
  });

  it('lets a member preview the portal as a contact, read-only', async () => {
    const { contact, project } = await projectWithContact(ws.admin.ctx);
    await grantAccess(ws.admin.ctx, project.id, contact.id);
    const vendor = await signedInClient(env, ws.admin);
    const preview = await vendor.post(`/api/v1/projects/${project.id}/portal/preview`, { contactId: contact.id });
    expect(preview.status).toBe(200);
    const client = portalClient(env, portalCookieOf(preview.headers)!);
    const seen = await client.get(`/api/portal/v1/projects/${project.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.preview).toBe(true);
    const task = seen.body.tasks.find((t: { side: string }) => t.side === 'customer');
    const write = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/status`, { status: 'done' });
    expect(write.status).toBe(403);
    const overview = await vendor.get(`/api/v1/projects/${project.id}/portal`);
    expect(overview.body.contacts.find((c: { contactId: string }) => c.contactId === contact.id).access.lastVisitAt).toBeNull();
  });
});

describe('a contact without access who asks for a sign-in link', () => {
  it('is told whom to ask, the project owner hears of it, and the page answers as for any address', async () => {
    const { account, project } = await projectWithContact(ws.admin.ctx);
    const vendor = await signedInClient(env, ws.admin);
    const eve = `eve-${Math.random().toString(36).slice(2, 8)}@acme.test`;
    expect((await vendor.post(`/api/v1/accounts/${account.id}/contacts`, { name: 'Eve User', email: eve, role: 'end_user' })).status).toBe(201);

    env.clock.advance(1000); // after the mails of the project's start
    const asked = await anonymous().post('/api/portal/v1/sign-in/email', { email: eve });
    const stranger = await anonymous().post('/api/portal/v1/sign-in/email', { email: 'nobody-at-all@acme.test' });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual(stranger.body);

    const told = await lastMailTo(env, eve);
    expect(told!.subject).toBe(`How to get into your onboarding portal for ${project.name}`);
    expect(told!.text_body).toContain('your onboarding team');
    expect(told!.text_body).not.toMatch(/portal\/sign-in\//);
    expect(await lastMailTo(env, 'nobody-at-all@acme.test')).toBeUndefined();
    // Nobody manages the project, so the workspace admins hear of it.
    expect((await lastMailTo(env, ws.admin.email))!.subject).toBe(`Eve User asked to get into the portal of ${project.name}`);
    const history = (await vendor.get(`/api/v1/projects/${project.id}/history`)).body as { kind: string; actorName: string; reason: string }[];
    expect(history).toContainEqual(expect.objectContaining({ kind: 'portal_access_asked', actorName: 'Portal sign-in', reason: 'told Ada Admin' }));
  });
});
