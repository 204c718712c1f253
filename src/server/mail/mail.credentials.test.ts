import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/api-tokens/api-tokens.service.ts';
import { addContact } from '../modules/contacts/contacts.service.ts';
import { runDueCadences } from '../modules/cadences/cadences.service.ts';
import { grantAccess } from '../modules/portal/portal-access.service.ts';
import { createProject } from '../modules/projects/projects.service.ts';
import { httpClient, makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../test/harness.ts';
import { linkIn } from '../test/portal.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv(); // no SMTP: the outbox is where the mail stays, as on a fresh `npm start`
});
afterAll(() => env.close());

describe('credentials in mail', () => {
  it('are readable by nobody but their recipient: not by a leader, a CSM, an API token or the admin, through any mail route', async () => {
    env.clock.set(new Date('2026-03-02T05:00:00Z'));
    const { admin } = await makeWorkspace(env.services, 'Outbox Co');
    const adminApi = await signedInClient(env, admin);
    const leader = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'leader'));
    const csm = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'csm'));
    const { token } = await createApiToken(admin.ctx, { name: 'Zapier', role: 'admin' });
    const integration = httpClient(env.app, { authorization: `Bearer ${token}` });

    // Every kind of credential Landfall mails: a member invitation (for an admin), a portal invitation, a sign-in
    // link with its code, and an automated message's unsubscribe link.
    const invite = await adminApi.post('/api/v1/invites', { email: 'new-admin@vendor.test', role: 'admin' });
    expect(invite.status).toBe(201);
    const account = await makeAccount(admin.ctx, { segment: 'smb', contractSignedOn: '2026-03-02', products: ['Scheduler'] });
    const contact = await addContact(admin.ctx, account.id, { name: 'Carla Champion', email: 'carla@outbox.test', role: 'champion' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const granted = await grantAccess(admin.ctx, project.id, contact.id);
    const inviteToken = linkIn(granted.inviteUrl, '/portal/invite')!;
    expect((await httpClient(env.app).post(`/api/portal/v1/invitations/${encodeURIComponent(inviteToken)}/link`)).status).toBe(200);
    for (let hour = 0; hour < 48; hour++) {
      await runDueCadences(env.services);
      env.clock.advance(3_600_000);
    }

    const rows = await env.services.database.query<{ id: string; credentials: { marker: string; value: string }[] | null }>(
      'select id, credentials from mail_outbox where workspace_id = $1',
      [admin.workspaceId],
    );
    const hidden = rows.flatMap((row) => row.credentials ?? []);
    expect(new Set(hidden.map((c) => c.marker))).toEqual(
      new Set(['[invitation link hidden]', '[sign-in link hidden]', '[sign-in code hidden]', '[unsubscribe link hidden]']),
    );
    // The secret part of each credential: a link's token, or the code itself.
    const secrets = hidden.map((c) => decodeURIComponent(c.value.split('/').pop()!));
    expect(secrets.every((secret) => secret.length >= 6)).toBe(true);

    const everythingSeenBy = async (api: HttpClient) => {
      const seen: unknown[] = [];
      const list = await api.get('/api/v1/mail?limit=200');
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(rows.length);
      seen.push(list.body);
      for (const row of rows) {
        seen.push((await api.get(`/api/v1/mail/${row.id}`)).body);
        seen.push((await api.post(`/api/v1/mail/${row.id}/retry`, {})).body);
      }
      seen.push((await api.get(`/api/v1/contacts/${contact.id}/messages`)).body);
      return JSON.stringify(seen);
    };
    for (const api of [adminApi, leader, csm, integration]) {
      const seen = await everythingSeenBy(api);
      for (const secret of secrets) expect(seen).not.toContain(secret);
    }

    // Those who read mail see it with the credentials hidden; a leader and an API token see its state only.
    const signIn = rows.find((row) => row.credentials?.some((c) => c.marker === '[sign-in code hidden]'))!;
    const read = await csm.get(`/api/v1/mail/${signIn.id}`);
    expect(read.status).toBe(200);
    expect(read.body.text).toContain('[sign-in link hidden]');
    expect(read.body.text).toContain('Or enter this code on the page you came from: [sign-in code hidden]');
    for (const api of [leader, integration]) {
      const refused = await api.get(`/api/v1/mail/${signIn.id}`);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/admins, onboarding and implementation managers and CSMs/);
    }
    const retried = await csm.post(`/api/v1/mail/${signIn.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body).not.toHaveProperty('text');
    expect(retried.body).not.toHaveProperty('html');
  });
});
