import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueCadences } from '../cadences/cadences.service.ts';
import { workspaceWithCrm } from '../../test/intake.ts';
import { signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let crm: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2027-01-15T21:30:00Z'));
  ({ admin, api, crm } = await workspaceWithCrm(env));
});
afterAll(() => env.close());

let counter = 0;
async function startProject() {
  const n = ++counter;
  const { projectId } = (
    await crm.post('/api/v1/intake/deals', {
      dealId: `deal-${n}`,
      company: { name: `Acme ${n}`, industry: 'Retail', segment: 'smb', complexity: 'low', timezone: 'America/Denver' },
      products: ['Analytics'],
      contractValue: 12000,
      closedOn: '2027-01-15',
      contacts: [{ name: 'Carla Champion', email: `carla@acme${n}.test`, role: 'champion' }],
      salesRep: { email: 'nobody@vendor.test' },
    })
  ).body;
  return projectId as string;
}

const ids = async (query: string) => ((await api.get(`/api/v1/projects?${query}`)).body as { id: string }[]).map((p) => p.id);
const cadenceMail = async (projectId: string) =>
  (await env.services.database.query<{ n: number }>(`select count(*)::int as n from mail_outbox where project_id = $1 and kind = 'automated' and state in ('scheduled', 'sending', 'sent')`, [projectId]))[0]!.n;

describe('project lifecycle', () => {
  it('pauses with a reason (the cadence stops), resumes, closes as complete or cancelled, and reopens', async () => {
    const id = await startProject();
    await runDueCadences(env.services);
    const beforePause = await cadenceMail(id);

    expect((await api.post(`/api/v1/projects/${id}/pause`, {})).status).toBe(400);
    const paused = await api.post(`/api/v1/projects/${id}/pause`, { reason: 'Customer re-org until February' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', statusReason: 'Customer re-org until February', closedOutcome: null });
    expect((await api.post(`/api/v1/projects/${id}/pause`, { reason: 'again' })).status).toBe(409);
    expect(await ids('status=active')).not.toContain(id);
    expect(await ids('status=paused')).toContain(id);

    // A week passes while paused: the cadence's days 1, 3, 5 and 7 send nothing.
    env.clock.set(new Date('2027-01-23T18:00:00Z'));
    await runDueCadences(env.services);
    expect(await cadenceMail(id)).toBe(beforePause);
    api = await signedInClient(env, admin);

    const resumed = await api.post(`/api/v1/projects/${id}/resume`, {});
    expect(resumed.body).toMatchObject({ status: 'active', statusReason: null });
    expect((await api.post(`/api/v1/projects/${id}/reopen`, {})).status).toBe(409);

    const closed = await api.post(`/api/v1/projects/${id}/close`, { outcome: 'complete', reason: 'Live and using it' });
    expect(closed.body).toMatchObject({ status: 'closed', closedOutcome: 'complete', statusReason: 'Live and using it' });
    expect(await ids('status=active')).not.toContain(id);
    expect(await ids('status=closed')).toContain(id);
    expect(await ids('status=all')).toContain(id);
    expect((await api.post(`/api/v1/projects/${id}/close`, { outcome: 'cancelled', reason: 'x' })).status).toBe(409);

    const reopened = await api.post(`/api/v1/projects/${id}/reopen`, { note: 'Closed by mistake' });
    expect(reopened.body).toMatchObject({ status: 'active', closedOutcome: null, statusReason: null });

    const history = (await api.get(`/api/v1/projects/${id}/history`)).body as { kind: string; fromValue: string; toValue: string; reason: string | null; actorName: string }[];
    expect(history.filter((line) => line.kind === 'status').map((line) => [line.fromValue, line.toValue, line.reason])).toEqual(
      expect.arrayContaining([
        ['active', 'paused', 'Customer re-org until February'],
        ['paused', 'active', null],
        ['active', 'closed (complete)', 'Live and using it'],
        ['closed', 'active', 'Closed by mistake'],
      ]),
    );
  });

  it('refuses an outcome other than complete or cancelled, and a close without a reason', async () => {
    env.clock.set(new Date('2027-01-25T16:00:00Z'));
    api = await signedInClient(env, admin);
    const id = await startProject();
    const wrong = await api.post(`/api/v1/projects/${id}/close`, { outcome: 'done', reason: 'x' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('complete');
    expect((await api.post(`/api/v1/projects/${id}/close`, { outcome: 'cancelled', reason: '  ' })).status).toBe(400);
    expect((await api.get(`/api/v1/projects/${id}`)).body.status).toBe('active');
  });
});
