import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../test/harness.ts';
import { pruneAudit } from './audit.service.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  env = await startTestEnv({ webhooks: { allowPrivate: true, httpsOnly: false } });
  ({ admin } = await makeWorkspace(env.services, 'Audited'));
  api = await signedInClient(env, admin);
});
afterAll(() => env.close());

const entries = async (query = '') => (await api.get(`/api/v1/audit-log${query}`)).body.entries as { kind: string; summary: string; actorName: string; ip: string | null; userAgent: string | null; before: unknown; after: unknown; at: string }[];

describe('the audit log', () => {
  it('records sign-ins, failed and successful, with the address and browser', async () => {
    const visitor = httpClient(env.app);
    const browser = { 'user-agent': 'Mozilla/5.0 (Audit test)' };
    expect((await visitor.request('POST', '/api/v1/session', { email: admin.email, password: 'wrong password!' }, browser)).status).toBe(400);
    expect((await visitor.request('POST', '/api/v1/session', { email: admin.email, password: admin.password }, browser)).status).toBe(200);
    const [succeeded, failed] = await entries('?kind=sign_in.succeeded').then(async (ok) => [ok[0]!, (await entries('?kind=sign_in.failed'))[0]!]);
    expect(succeeded).toMatchObject({ summary: 'Ada Admin signed in', actorName: 'Ada Admin', ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (Audit test)' });
    expect(failed).toMatchObject({ summary: `Failed sign-in as ${admin.email}: wrong password`, ip: '127.0.0.1' });
  });

  it('records role changes, invitations, removals, tokens, webhook endpoints, exports and settings, with before and after', async () => {
    const csm = await makeMember(env.services, admin.workspaceId, 'csm', 'Sam Csm');
    await api.patch(`/api/v1/members/${csm.id}`, { role: 'admin' });
    const invite = (await api.post('/api/v1/invites', { email: 'new@vendor.test', role: 'csm' })).body;
    await api.delete(`/api/v1/invites/${invite.id}`);
    await api.delete(`/api/v1/members/${csm.id}`);
    const token = (await api.post('/api/v1/api-tokens', { name: 'CRM', role: 'admin' })).body;
    await api.delete(`/api/v1/api-tokens/${token.id}`);
    const endpoint = (await api.post('/api/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hook', eventTypes: ['project.created'] })).body;
    await api.post(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { overlapHours: 1 });
    await api.delete(`/api/v1/webhook-endpoints/${endpoint.id}`);
    expect((await api.get('/api/v1/accounts/export.csv')).status).toBe(200);
    await api.patch('/api/v1/workspace', { name: 'Audited Ltd' });

    const kinds = (await entries('?limit=50')).map((entry) => entry.kind);
    for (const kind of ['member.role_changed', 'member.invited', 'member.invite_revoked', 'member.removed', 'api_token.created', 'api_token.revoked', 'webhook_endpoint.created', 'webhook_endpoint.secret_rotated', 'webhook_endpoint.deleted', 'export.downloaded', 'workspace.settings_changed']) {
      expect(kinds, kind).toContain(kind);
    }
    const [role] = await entries('?kind=member.role_changed');
    expect(role).toMatchObject({ summary: 'Role of Sam Csm changed from csm to admin', before: { role: 'csm' }, after: { role: 'admin' } });
    const [settings] = await entries('?kind=workspace.settings_changed');
    expect(settings).toMatchObject({ before: { name: 'Audited' }, after: { name: 'Audited Ltd' } });
    // No secret reaches the log.
    const all = JSON.stringify(await entries('?limit=500'));
    expect(all).not.toContain(token.token);
    expect(all).not.toContain(endpoint.secret);
  });

  it('filters by actor, kind and dates, and exports what it shows as CSV (the export is recorded too)', async () => {
    expect((await entries('?actor=Ada%20Admin')).length).toBeGreaterThan(3);
    expect(await entries('?actor=Nobody')).toEqual([]);
    const today = env.clock.now().toISOString().slice(0, 10);
    expect((await entries(`?from=${today}&to=${today}`)).length).toBeGreaterThan(3);
    expect(await entries('?to=2020-01-01')).toEqual([]);
    const backwards = await api.get(`/api/v1/audit-log?from=${today}&to=2020-01-01`);
    expect(backwards.status).toBe(400);
    expect((await api.get('/api/v1/audit-log?kind=everything')).status).toBe(400);
    const csv = await api.get('/api/v1/audit-log/export.csv?kind=api_token.created');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^time,actor,actor_kind/);
    expect(lines).toHaveLength(2);
    expect((await entries('?kind=export.downloaded')).map((entry) => entry.summary)).toContain('Exported the audit log to CSV');
    expect((await api.get(`/api/v1/audit-log/export.csv?from=${today}&to=2020-01-01`)).status).toBe(400);
  });

  it('cannot be changed: no route edits or deletes an entry, and the database refuses UPDATE and DELETE', async () => {
    const writes = env.app.landfallRoutes.filter((route) => route.url.startsWith('/api/v1/audit-log') && route.method !== 'GET');
    expect(writes.map((route) => `${route.method} ${route.url}`)).toEqual(['PUT /api/v1/audit-log/settings']);
    await expect(env.services.database.query('update audit_entries set summary = $1 where workspace_id = $2', ['forged', admin.workspaceId])).rejects.toThrow(/append-only/);
    await expect(env.services.database.query('delete from audit_entries where workspace_id = $1', [admin.workspaceId])).rejects.toThrow(/append-only/);
    expect((await entries()).some((entry) => entry.summary === 'forged')).toBe(false);
  });

  it('keeps entries as long as the workspace says, and the nightly job deletes only older ones', async () => {
    expect((await api.put('/api/v1/audit-log/settings', { retentionDays: 5 })).status).toBe(400);
    expect((await api.put('/api/v1/audit-log/settings', { retentionDays: 30 })).body).toEqual({ retentionDays: 30 });
    const other = await makeWorkspace(env.services, 'Keeps everything');
    const otherApi = await signedInClient(env, other.admin);
    await otherApi.patch('/api/v1/workspace', { name: 'Keeps everything, still' });
    const before = (await api.get('/api/v1/audit-log')).body.total;
    expect(before).toBeGreaterThan(5);
    env.clock.advance(31 * 86400_000);
    expect(await pruneAudit(env.services)).toBeGreaterThanOrEqual(before);
    api = await signedInClient(env, admin);
    expect((await api.get('/api/v1/audit-log')).body.total).toBe(0);
    // The other workspace keeps a year by default.
    expect((await (await signedInClient(env, other.admin)).get('/api/v1/audit-log')).body.total).toBeGreaterThan(0);
  });

  it('is for admins only, and a workspace sees only its own entries', async () => {
    const csm = await makeMember(env.services, admin.workspaceId, 'csm');
    expect((await (await signedInClient(env, csm)).get('/api/v1/audit-log')).status).toBe(403);
    const other = await makeWorkspace(env.services, 'Nosy');
    const entriesOfOther = (await (await signedInClient(env, other.admin)).get('/api/v1/audit-log?limit=500')).body.entries;
    expect(entriesOfOther.every((entry: { summary: string }) => !entry.summary.includes('Ada Admin'))).toBe(true);
  });
});
