import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { rescoreAllAccounts } from './health.service.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(() => env.close());

const ctx = () => admin.ctx;

describe('account health', () => {
  it('scores the default model by hand: champion, untrained contacts, usage posted through the API; renewal risk and LAER follow', async () => {
    // The test clock's today is 2026-03-02: a renewal on 2026-05-01 is 60 days away.
    const account = await makeAccount(ctx(), { name: 'Hooli', renewalOn: '2026-05-01' });
    expect((await api.post(`/api/v1/accounts/${account.id}/contacts`, { name: 'Cara Champion', email: 'cara@hooli.com', role: 'champion' })).status).toBe(201);
    const adminContact = await api.post(`/api/v1/accounts/${account.id}/contacts`, { name: 'Ada Admin', email: 'ada@hooli.com', role: 'admin' });
    expect((await api.patch(`/api/v1/contacts/${adminContact.body.id}`, { leftOn: '2026-01-15' })).status).toBe(200);

    // trained 0 % → 0 (weight 10), champion → 100 (15), usage missing → neutral 50 (10); the rest have no fact and
    // are ignored: (0·10 + 100·15 + 50·10) / 35 = 57.1 → 57, amber
    const before = await api.get(`/api/v1/accounts/${account.id}/health`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ score: 57, band: 'amber', modelKind: 'weighted' });
    const usageBefore = before.body.contributions.find((c: { key: string }) => c.key === 'usage');
    expect(usageBefore).toMatchObject({ fact: null, score: 50, missingAs: 'neutral' });
    expect(before.body.contributions.find((c: { key: string }) => c.key === 'csat')).toMatchObject({ fact: null, score: null, points: 0, missingAs: 'ignore' });

    // The one usage figure: posted through the products module's POST /accounts/:id/usage. Licensed seats alone
    // change nothing (no active figure yet); 35 of 50 seats active = 70 % → 100: (0·10 + 100·15 + 100·10) / 35 = 71.4 → 71, green
    const licensed = await api.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'licensed_users', value: 50, at: '2026-03-02T08:00:00Z' });
    expect(licensed.status, JSON.stringify(licensed.body)).toBe(201);
    expect((await api.get(`/api/v1/accounts/${account.id}/health`)).body).toMatchObject({ score: 57, usage: [] });
    expect((await api.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'active_users', value: 35, at: '2026-03-02T09:00:00Z' })).status).toBe(201);
    const after = await api.get(`/api/v1/accounts/${account.id}/health`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ score: 71, band: 'green' });
    expect(after.body.trend.map((t: { score: number }) => t.score)).toEqual([71, 57]);
    expect(after.body.usage).toEqual([{ recordedOn: '2026-03-02', activeUsers: 35, licensedUsers: 50 }]);
    const points = after.body.contributions.reduce((sum: number, c: { points: number }) => sum + c.points, 0);
    expect(Math.abs(points - 71)).toBeLessThanOrEqual(0.5); // 42.9 + 28.6, each rounded to a tenth

    // renewal risk: (100 − 71)% of 60 = 17.4, + 20 for the admin who left, × 1 (60 days away) = 37 → medium
    expect(after.body.renewalRisk).toMatchObject({ level: 'medium', points: 37, keyContactsLeft: 1, renewalOn: '2026-05-01' });
    expect(after.body.laer.stage).toBe('renew');
    expect(after.body.laer.history[0]).toMatchObject({ from: 'land', to: 'renew' });
  });

  it('scores worst-of after the model changes, re-scoring every account, and keeps the contract strict', async () => {
    const account = await makeAccount(ctx(), { name: 'Initech' });
    await api.post(`/api/v1/accounts/${account.id}/contacts`, { name: 'Chad Champion', email: 'chad@initech.com', role: 'champion' });
    const changed = await api.patch('/api/v1/health/model', { kind: 'worst_of' });
    expect(changed.status).toBe(200);
    expect(changed.body.kind).toBe('worst_of');
    expect(changed.body.measures).toHaveLength(8);
    // worst of trained 0 % (0), champion (100), usage neutral (50) → 0, red
    const health = await api.get(`/api/v1/accounts/${account.id}/health`);
    expect(health.body).toMatchObject({ score: 0, band: 'red', modelKind: 'worst_of' });

    const refused = await api.patch('/api/v1/health/model', { kind: 'weighted', colour: 'blue' });
    expect(refused.status).toBe(400);
    const bad = await api.patch('/api/v1/health/model', { measures: [{ key: 'csat', weight: 1, green: 4, red: 4, missing: 'ignore' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/thresholds must differ/);
    expect((await api.get('/api/v1/health/model')).body.kind).toBe('worst_of');
    await api.patch('/api/v1/health/model', { kind: 'weighted' });
  });

  it('re-scores all accounts set-based and only writes history for scores that changed', async () => {
    const first = await rescoreAllAccounts(ctx());
    expect(first.accounts).toBeGreaterThanOrEqual(2);
    const again = await rescoreAllAccounts(ctx());
    expect(again).toEqual({ accounts: first.accounts, changed: 0 });
  });

  it('caps usage at 100 % when more users are active than licensed, reads the latest figures, and hides another workspace’s account', async () => {
    const account = await makeAccount(ctx(), { name: 'Umbrella' });
    await api.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'licensed_users', value: 50, at: '2026-02-01T08:00:00Z' });
    await api.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'active_users', value: 5, at: '2026-02-01T08:00:00Z' });
    await api.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'active_users', value: 60, at: '2026-03-01T08:00:00Z' });
    await api.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'weekly_active', value: 1, at: '2026-03-01T09:00:00Z' }); // not a usage metric
    const health = await api.get(`/api/v1/accounts/${account.id}/health`);
    expect(health.body.contributions.find((c: { key: string }) => c.key === 'usage')).toMatchObject({ fact: 100, score: 100 });
    expect(health.body.usage).toEqual([
      { recordedOn: '2026-03-01', activeUsers: 60, licensedUsers: 50 },
      { recordedOn: '2026-02-01', activeUsers: 5, licensedUsers: 50 },
    ]);
    const other = await makeWorkspace(env.services, 'Elsewhere');
    const stranger = await signedInClient(env, other.admin);
    expect((await stranger.get(`/api/v1/accounts/${account.id}/health`)).status).toBe(404);
    const leader = await makeMember(env.services, admin.workspaceId, 'leader');
    const leaderApi = await signedInClient(env, leader);
    expect((await leaderApi.patch('/api/v1/health/model', { kind: 'worst_of' })).status).toBe(403);
    expect((await leaderApi.get(`/api/v1/accounts/${account.id}/health`)).status).toBe(200);
  });

  it('summarises LAER stages by segment', async () => {
    const summary = await api.get('/api/v1/health/laer');
    expect(summary.status).toBe(200);
    expect(summary.body.rows.length).toBeGreaterThan(0);
    for (const row of summary.body.rows) expect(Number.isFinite(row.averageDays)).toBe(true);
  });
});
