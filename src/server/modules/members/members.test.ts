import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  httpClient,
  makeMember,
  makeWorkspace,
  signedInClient,
  startTestEnv,
  TEST_PASSWORD,
  type HttpClient,
  type TestEnv,
  type TestMember,
} from '../../test/harness.ts';
import { addMember } from './members.service.ts';

let env: TestEnv;
let admin: TestMember;
let adminApi: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  adminApi = await signedInClient(env, admin);
});
afterAll(() => env.close());

const tokenFrom = (inviteUrl: string) => decodeURIComponent(inviteUrl.split('/invite/')[1]!);

describe('inviting a member', () => {
  it('emails a link that lets the person choose a password, join with the role chosen and sign in', async () => {
    const invite = await adminApi.post('/api/v1/invites', { email: 'Priya@Vendor.test', role: 'implementation_manager' });
    expect(invite.status).toBe(201);
    expect(invite.body.inviteUrl).toMatch(/^http:\/\/landfall\.test\/invite\/lfi_/);
    const [mail] = await env.services.database.query<{ to_address: string; text_body: string }>(
      "select to_address, text_body from mail_outbox where dedupe_key = $1",
      [`invite:${invite.body.id}`],
    );
    expect(mail?.to_address).toBe('priya@vendor.test');
    // The outbox keeps the link hidden (it is the recipient's); the copy sent carries it (mail.test.ts).
    expect(mail?.text_body).not.toContain(invite.body.inviteUrl);
    expect(mail?.text_body).toContain('[invitation link hidden]');

    const visitor = httpClient(env.app);
    const token = tokenFrom(invite.body.inviteUrl);
    const preview = await visitor.get(`/api/v1/invitations/${token}`);
    expect(preview.body).toMatchObject({ email: 'priya@vendor.test', role: 'implementation_manager', workspaceName: 'Northwind' });

    const short = await visitor.post(`/api/v1/invitations/${token}/accept`, { name: 'Priya Patel', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0]).toMatchObject({ path: ['body', 'password'], message: 'must be at least 10 characters long' });

    const accepted = await visitor.post(`/api/v1/invitations/${token}/accept`, { name: 'Priya Patel', password: 'a long enough password' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.member).toMatchObject({ name: 'Priya Patel', role: 'implementation_manager' });
    expect(String(accepted.headers['set-cookie'])).toMatch(/lf_session=/);

    const again = await visitor.post(`/api/v1/invitations/${token}/accept`, { name: 'Mallory', password: 'another long password' });
    expect(again.status).toBe(409);
    const members = await adminApi.get('/api/v1/members');
    expect(members.body.filter((member: { email: string }) => member.email === 'priya@vendor.test')).toHaveLength(1);
  });

  it('lets exactly one of many simultaneous clicks on an invitation through', async () => {
    const invite = await adminApi.post('/api/v1/invites', { email: 'race@vendor.test', role: 'csm' });
    const token = tokenFrom(invite.body.inviteUrl);
    const visitor = httpClient(env.app);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        visitor.post(`/api/v1/invitations/${token}/accept`, { name: `Racer ${i}`, password: 'a long enough password' }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 201)).toHaveLength(1);
    expect(attempts.every((attempt) => attempt.status === 201 || attempt.status === 409)).toBe(true);
  });

  it('refuses an expired or revoked invitation', async () => {
    const expiring = await adminApi.post('/api/v1/invites', { email: 'late@vendor.test', role: 'sales' });
    env.clock.advance(8 * 86400_000);
    const late = await httpClient(env.app).get(`/api/v1/invitations/${tokenFrom(expiring.body.inviteUrl)}`);
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/expired/);

    const api = await signedInClient(env, admin);
    const revoked = await api.post('/api/v1/invites', { email: 'never@vendor.test', role: 'sales' });
    expect((await api.get('/api/v1/invites')).body.map((i: { email: string }) => i.email)).toContain('never@vendor.test');
    expect((await api.delete(`/api/v1/invites/${revoked.body.id}`)).status).toBe(204);
    expect((await httpClient(env.app).get(`/api/v1/invitations/${tokenFrom(revoked.body.inviteUrl)}`)).status).toBe(404);
  });

  it('refuses to invite someone who is already a member', async () => {
    const api = await signedInClient(env, admin);
    const response = await api.post('/api/v1/invites', { email: admin.email, role: 'csm' });
    expect(response.status).toBe(409);
    expect(response.body.errors[0].path).toEqual(['body', 'email']);
  });

  it('is for admins only', async () => {
    const csm = await makeMember(env.services, admin.workspaceId, 'csm');
    const api = await signedInClient(env, csm);
    expect((await api.post('/api/v1/invites', { email: 'x@vendor.test', role: 'csm' })).status).toBe(403);
  });
});

describe('managing members', () => {
  it('changes roles, but never leaves the workspace without an admin', async () => {
    const api = await signedInClient(env, admin);
    const sales = await makeMember(env.services, admin.workspaceId, 'sales');
    const promoted = await api.patch(`/api/v1/members/${sales.id}`, { role: 'csm' });
    expect(promoted.body.role).toBe('csm');
    const { admin: loneAdmin } = await makeWorkspace(env.services, 'Solo');
    const loneApi = await signedInClient(env, loneAdmin);
    const demote = await loneApi.patch(`/api/v1/members/${loneAdmin.id}`, { role: 'leader' });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toMatch(/last admin/);
    expect((await loneApi.delete(`/api/v1/members/${loneAdmin.id}`)).status).toBe(403);
  });

  it('keeps an email to one workspace: once removed, the person can join another workspace and signs in there', async () => {
    const leaving = await makeMember(env.services, admin.workspaceId, 'csm');
    const { admin: otherAdmin } = await makeWorkspace(env.services, 'Contoso');
    const otherApi = await signedInClient(env, otherAdmin);
    expect((await otherApi.post('/api/v1/invites', { email: leaving.email.toUpperCase(), role: 'csm' })).status).toBe(409);
    // Even past the check (two workspaces adding the same person at once), the sign-in email's key refuses the second.
    await expect(addMember(env.services.database.db, otherAdmin.workspaceId, { email: leaving.email, name: 'Twin', role: 'csm', password: TEST_PASSWORD })).rejects.toSatisfy(
      (error) => isUniqueViolation(error, 'member_sign_in_emails_pkey'),
    );
    expect(await env.services.database.query(`select id from members where workspace_id = $1 and name = 'Twin'`, [otherAdmin.workspaceId])).toEqual([]);

    expect((await (await signedInClient(env, admin)).delete(`/api/v1/members/${leaving.id}`)).status).toBe(204);
    const invite = await otherApi.post('/api/v1/invites', { email: leaving.email, role: 'leader' });
    expect(invite.status).toBe(201);
    const visitor = httpClient(env.app);
    const accepted = await visitor.post(`/api/v1/invitations/${tokenFrom(invite.body.inviteUrl)}/accept`, { name: 'Lee Leaving', password: 'a new long password' });
    expect(accepted.status).toBe(201);

    expect((await visitor.post('/api/v1/session', { email: leaving.email, password: TEST_PASSWORD })).status).toBe(400);
    const signedIn = await visitor.post('/api/v1/session', { email: leaving.email.toUpperCase(), password: 'a new long password' });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.member).toMatchObject({ id: accepted.body.member.id, role: 'leader' });
    const owners = await env.services.database.query('select workspace_id, member_id from member_sign_in_emails where email = $1', [leaving.email]);
    expect(owners).toEqual([{ workspace_id: otherAdmin.workspaceId, member_id: accepted.body.member.id }]);
  });
});
