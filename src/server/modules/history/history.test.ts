import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { signHubspot } from '../intake/signatures.ts';
import { replanStaleProjects } from '../projects/projects.service.ts';
import { httpClient, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2026-03-02T10:00:00Z'));
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(() => env.close());

const history = async (projectId: string) => (await api.get(`/api/v1/projects/${projectId}/history`)).body as { actorName: string; kind: string }[];

describe('project history', () => {
  it('names the integration that acted: a HubSpot deal is "HubSpot intake", never "API token"', async () => {
    await api.patch('/api/v1/intake/settings', { hubspotClientSecret: 'hubspot-app-secret' });
    const url = `/api/v1/intake/hubspot/${admin.workspaceId}`;
    const body = JSON.stringify({
      objectId: 4242,
      properties: {
        dealname: { value: 'Globex platform' },
        closedate: { value: String(Date.parse('2026-03-02T00:00:00Z')) },
        company_name: { value: 'Globex' },
        landfall_segment: { value: 'mid_market' },
        landfall_complexity: { value: 'moderate' },
        sales_rep_email: { value: admin.email },
      },
      contacts: [{ firstname: 'Hank', lastname: 'Scorpio', email: 'hank@globex.test', landfall_role: 'champion' }],
    });
    const timestamp = env.clock.now().getTime();
    const signature = signHubspot('hubspot-app-secret', 'POST', `http://landfall.test${url}`, body, timestamp);
    const accepted = await env.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(timestamp) },
      payload: body,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const lines = await history(accepted.json().projectId);
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((line) => line.actorName))).toEqual(new Set(['HubSpot intake']));
  });

  it('names the API token by its name, the member by theirs, and the nightly re-plan as itself', async () => {
    const { token } = await createApiToken(admin.ctx, { name: 'Zapier sync', role: 'onboarding_manager' });
    const zapier = httpClient(env.app, { authorization: `Bearer ${token}` });
    const account = (await zapier.post('/api/v1/accounts', { name: 'Initech', industry: 'Software', segment: 'smb', complexity: 'low', contractSignedOn: '2026-03-02' })).body;
    const project = (await zapier.post('/api/v1/projects', { accountId: account.id })).body;
    expect(project.id, JSON.stringify({ account, project })).toBeDefined();
    const task = project.tasks.find((t: { owner: { side: string } }) => t.owner.side === 'vendor');
    await api.patch(`/api/v1/tasks/${task.id}`, { status: 'in_progress' });
    env.clock.advance(3 * 86400_000);
    await replanStaleProjects(env.services);

    const names = new Set((await history(project.id)).map((line) => line.actorName));
    expect(names).toContain('Zapier sync');
    expect(names).toContain('Ada Admin');
    expect(names).toContain('Nightly re-plan');
    for (const placeholder of ['API token', 'Landfall', 'A member', 'A customer contact', '']) expect(names).not.toContain(placeholder);
  });

  it('narrows the history by kind of change, person and task, and groups one re-plan’s moves under one id', async () => {
    const account = (await api.post('/api/v1/accounts', { name: 'Hooli', industry: 'Software', segment: 'smb', complexity: 'low', contractSignedOn: '2026-03-02' })).body;
    const project = (await api.post('/api/v1/projects', { accountId: account.id })).body;
    const first = project.tasks.find((t: { critical: boolean; owner: { side: string } }) => t.critical && t.owner.side === 'vendor');
    await api.patch(`/api/v1/tasks/${first.id}`, { durationDays: first.durationDays + 4 });
    await api.patch(`/api/v1/tasks/${first.id}`, { status: 'in_progress' });

    const all = (await api.get(`/api/v1/projects/${project.id}/history`)).body as { category: string; groupId: string | null; taskId: string | null; actorName: string }[];
    const dates = (await api.get(`/api/v1/projects/${project.id}/history?category=dates`)).body as typeof all;
    expect(dates.length).toBeGreaterThan(1);
    expect(dates.every((line) => line.category === 'dates')).toBe(true);
    const moves = dates.filter((line) => line.groupId !== null);
    expect(moves.length).toBeGreaterThan(1);
    const groups = new Map<string, Set<string>>();
    for (const line of moves as unknown as { groupId: string; createdAt: string }[]) groups.set(line.groupId, (groups.get(line.groupId) ?? new Set()).add(line.createdAt));
    expect([...groups.values()].every((times) => times.size === 1)).toBe(true); // one re-plan, one moment

    const status = (await api.get(`/api/v1/projects/${project.id}/history?category=status&taskId=${first.id}`)).body as typeof all;
    expect(status).toHaveLength(1);
    const mine = (await api.get(`/api/v1/projects/${project.id}/history?actor=${encodeURIComponent('Ada Admin')}&limit=2`)).body as typeof all;
    expect(mine).toHaveLength(2);
    expect(all.length).toBeGreaterThan(mine.length);

    const refused = await api.get(`/api/v1/projects/${project.id}/history?category=gossip&colour=red`);
    expect(refused.status).toBe(400);
  });
});
