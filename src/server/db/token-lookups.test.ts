import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/api-tokens/api-tokens.service.ts';
import { startSession } from '../modules/auth/auth.service.ts';
import { inviteMember, previewInvite } from '../modules/members/members.service.ts';
import { createScimToken, scimContext } from '../modules/scim/provisioning.service.ts';
import { httpClient, makeWorkspace, startTestEnv, type TestEnv, type TestMember } from '../test/harness.ts';

// Tokens that arrive without a workspace are found through token_lookups (migration 0042_token_lookups). Tokens issued
// before that migration have no lookup row until its back-fill writes one: this replays that state — the lookups
// removed — runs the migration's back-fill as written, and uses each token again.

let env: TestEnv;
let admin: TestMember;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
});
afterAll(() => env.close());

const backFill = () => {
  const migration = readFileSync(new URL('./migrations/0042_token_lookups.sql', import.meta.url), 'utf8');
  const hand = migration.slice(migration.indexOf('-- HAND SQL (begin)'), migration.indexOf('-- HAND SQL (end)'));
  return hand.split('\n').filter((line) => !line.startsWith('--')).join('\n');
};

describe('tokens issued before token_lookups existed', () => {
  it('keep working after the migration back-fills their lookups', async () => {
    const session = await startSession(env.services, { workspaceId: admin.workspaceId, memberId: admin.id, role: 'admin', name: 'Ada Admin' }, 'test');
    const { token: apiToken } = await createApiToken(admin.ctx, { name: 'Warehouse sync', role: 'onboarding_manager' });
    const { token: scimToken } = await createScimToken(admin.ctx, { name: 'Okta' });
    const { inviteUrl } = await inviteMember(admin.ctx, { email: `before-${Date.now()}@vendor.test`, role: 'onboarding_manager' });
    const inviteToken = decodeURIComponent(inviteUrl.split('/invite/')[1]!);
    const bySession = httpClient(env.app, { cookie: `lf_session=${session.token}` });
    const byApiToken = httpClient(env.app, { authorization: `Bearer ${apiToken}` });

    // As before the migration: the token rows, no lookups.
    await env.services.database.query('delete from token_lookups where workspace_id = $1', [admin.workspaceId]);
    expect((await bySession.get('/api/v1/accounts')).status).toBe(401);
    expect(await scimContext(env.services, scimToken)).toBeUndefined();

    await env.services.database.query(backFill());
    const kinds = await env.services.database.query<{ kind: string }>('select kind from token_lookups where workspace_id = $1 order by kind', [admin.workspaceId]);
    expect(new Set(kinds.map((row) => row.kind))).toEqual(new Set(['api_token', 'invite', 'scim_token', 'session']));

    expect((await bySession.get('/api/v1/accounts')).status).toBe(200);
    expect((await byApiToken.get('/api/v1/accounts')).status).toBe(200);
    expect((await scimContext(env.services, scimToken))?.workspaceId).toBe(admin.workspaceId);
    expect((await previewInvite(env.services, inviteToken)).role).toBe('onboarding_manager');
    // Running it again changes nothing.
    await env.services.database.query(backFill());
    expect((await env.services.database.query('select 1 from token_lookups where workspace_id = $1', [admin.workspaceId])).length).toBe(kinds.length);
  });

  it('are found only as the kind they were issued as', async () => {
    const { token } = await createApiToken(admin.ctx, { name: 'Not a cookie', role: 'onboarding_manager' });
    expect((await httpClient(env.app, { cookie: `lf_session=${token}` }).get('/api/v1/accounts')).status).toBe(401);
    expect((await httpClient(env.app, { authorization: `Bearer ${token}` }).get('/api/v1/accounts')).status).toBe(200);
  });
});
