import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../../test/harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

const stored = async (workspaceId: string) =>
  (await env.services.database.query<{ webhook_secret: string; hubspot_client_secret: string | null }>(
    'select webhook_secret, hubspot_client_secret from intake_settings where workspace_id = $1',
    [workspaceId],
  ))[0]!;

describe('intake secrets at rest', () => {
  it('are stored sealed: the database holds neither the webhook secret nor the HubSpot client secret', async () => {
    const { admin } = await makeWorkspace(env.services, 'Sealed Co');
    const api = await signedInClient(env, admin);
    const settings = (await api.get('/api/v1/intake/settings')).body;
    expect(settings.webhookSecret).toMatch(/^whsec_/);
    const saved = await api.patch('/api/v1/intake/settings', { hubspotClientSecret: 'hubspot-client-secret-123' });
    expect(saved.status).toBe(200);
    expect(saved.body.hubspotClientSecret).toBe('hubspot-client-secret-123');

    const row = await stored(admin.workspaceId);
    expect(row.webhook_secret).toMatch(/^sealed:v1:/);
    expect(row.hubspot_client_secret).toMatch(/^sealed:v1:/);
    expect(JSON.stringify(row)).not.toContain(settings.webhookSecret);
    expect(JSON.stringify(row)).not.toContain('hubspot-client-secret-123');
  });

  it('reads a secret stored before sealing, and seals it', async () => {
    const { admin } = await makeWorkspace(env.services, 'Legacy Co');
    const api = await signedInClient(env, admin);
    await api.get('/api/v1/intake/settings');
    await env.services.database.query("update intake_settings set webhook_secret = 'whsec_written_in_plain' where workspace_id = $1", [admin.workspaceId]);
    expect((await api.get('/api/v1/intake/settings')).body.webhookSecret).toBe('whsec_written_in_plain');
    expect((await stored(admin.workspaceId)).webhook_secret).toMatch(/^sealed:v1:/);
    expect((await api.get('/api/v1/intake/settings')).body.webhookSecret).toBe('whsec_written_in_plain');
  });
});
