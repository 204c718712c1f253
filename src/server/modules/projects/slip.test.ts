import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import { replanStaleProjects } from './projects.service.ts';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let playbookId: string;

// 09:00 in Paris (the workspace's timezone) on the given day; a fresh session, as a week idle would end one.
async function setToday(isoDate: string) {
  env.clock.set(new Date(`${isoDate}T09:00:00+01:00`));
  api = await signedInClient(env, admin);
}

/** The enterprise-like plan: SSO metadata (customer) → SSO test (vendor) → go-live; configuration in parallel, 3 days of slack. */
const ssoPlaybook: PlaybookDefinition = {
  name: 'SSO plan',
  touchModel: 'high',
  targetDays: 20,
  selection: { segments: ['enterprise'], complexities: [], products: [] },
  stages: [{ key: 'launch', name: 'Launch' }],
  tasks: [
    { key: 'metadata', title: 'Provide SSO metadata', stage: 'launch', owner: { side: 'customer', role: 'admin' }, durationDays: 5, startOffsetDays: 0 },
    {
      key: 'test',
      title: 'Test SSO sign-in',
      stage: 'launch',
      owner: { side: 'vendor', role: 'implementation_manager' },
      durationDays: 3,
      dependsOn: [{ task: 'metadata' }],
    },
    { key: 'configure', title: 'Configure integration', stage: 'launch', owner: { side: 'vendor', role: 'implementation_manager' }, durationDays: 5, startOffsetDays: 0 },
    {
      key: 'golive',
      title: 'Go-live',
      stage: 'launch',
      owner: { side: 'vendor', role: 'onboarding_manager' },
      durationDays: 0,
      milestoneKind: 'go_live',
      dependsOn: [{ task: 'test' }, { task: 'configure' }],
    },
  ],
};

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  await setToday('2026-03-02');
  const playbook = await api.post('/api/v1/playbooks', ssoPlaybook);
  expect(playbook.status).toBe(201);
  playbookId = playbook.body.id;
});
afterAll(() => env.close());

async function startProject() {
  await setToday('2026-03-02');
  const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-03-02' });
  const project = await api.post('/api/v1/projects', { accountId: account.id, playbookId });
  expect(project.status).toBe(201);
  const task = (key: string): string => project.body.tasks.find((t: { key: string }) => t.key === key).id;
  return { id: project.body.id as string, task };
}

const customerLate = { status: 'done', actualStart: '2026-03-02', actualFinish: '2026-03-16' }; // 6 business days late
const vendorLate = { status: 'done', actualStart: '2026-03-02', actualFinish: '2026-03-10' }; // 2 late, within its slack

describe('slip owed, whatever the order it was recorded in', () => {
  it('owes go-live 6 days to the customer and none to the vendor when both are recorded afterwards, the customer first', async () => {
    const { id, task } = await startProject();
    await setToday('2026-03-16');
    expect((await api.patch(`/api/v1/tasks/${task('metadata')}`, customerLate)).status).toBe(200);
    const last = await api.patch(`/api/v1/tasks/${task('configure')}`, vendorLate);
    expect(last.status).toBe(200);
    expect(last.body.delayDays).toEqual({ customer: 6, vendor: 0 });

    const project = (await api.get(`/api/v1/projects/${id}`)).body;
    expect(project.milestones.find((m: { kind: string }) => m.kind === 'go_live')).toMatchObject({ baseline: '2026-03-11', projected: '2026-03-19' });
    expect(project.delayDays).toEqual({ customer: 6, vendor: 0 });
    const listed = (await api.get('/api/v1/projects')).body.find((p: { id: string }) => p.id === id);
    expect(listed.delayDays).toEqual({ customer: 6, vendor: 0 });
    const summary = await api.get(`/api/v1/projects/${id}/executive-summary`);
    expect(summary.status).toBe(200);
    expect(JSON.stringify(summary.body)).toMatch(/6 business days of delay waiting on the customer, 0 on the vendor/);
  });

  it('gives the same 6 / 0 on the day each happened, and with the start recorded and an extra re-plan on Mar 9', async () => {
    const onTheDay = await startProject();
    await setToday('2026-03-10');
    await api.patch(`/api/v1/tasks/${onTheDay.task('configure')}`, vendorLate);
    await setToday('2026-03-16');
    await api.patch(`/api/v1/tasks/${onTheDay.task('metadata')}`, customerLate);
    expect((await api.get(`/api/v1/projects/${onTheDay.id}`)).body.delayDays).toEqual({ customer: 6, vendor: 0 });

    const replanned = await startProject();
    await api.patch(`/api/v1/tasks/${replanned.task('metadata')}`, { status: 'in_progress', actualStart: '2026-03-02' });
    await setToday('2026-03-09');
    expect(await replanStaleProjects(env.services)).toBeGreaterThan(0);
    await setToday('2026-03-16');
    await api.patch(`/api/v1/tasks/${replanned.task('metadata')}`, customerLate);
    await api.patch(`/api/v1/tasks/${replanned.task('configure')}`, vendorLate);
    expect((await api.get(`/api/v1/projects/${replanned.id}`)).body.delayDays).toEqual({ customer: 6, vendor: 0 });
  });
});

describe('where a project stands, by the same rules everywhere', () => {
  const twoStages: PlaybookDefinition = {
    ...ssoPlaybook,
    name: 'SSO plan in two stages',
    stages: [
      { key: 'mobilization', name: 'Mobilization' },
      { key: 'launch', name: 'Launch' },
    ],
    tasks: ssoPlaybook.tasks.map((task) => (task.key === 'metadata' || task.key === 'configure' ? { ...task, stage: 'mobilization' } : task)),
  };

  it('is past Mobilization once go-live is reached, and leaves the active list when everything is done', async () => {
    await setToday('2026-03-02');
    const playbook = await api.post('/api/v1/playbooks', twoStages);
    expect(playbook.status).toBe(201);
    const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-03-02' });
    const created = await api.post('/api/v1/projects', { accountId: account.id, playbookId: playbook.body.id });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const task = (key: string): string => created.body.tasks.find((t: { key: string }) => t.key === key).id;
    const listed = async (status: string) => (await api.get(`/api/v1/projects?status=${status}`)).body.find((p: { id: string }) => p.id === id);

    await setToday('2026-03-11');
    for (const key of ['metadata', 'test']) await api.patch(`/api/v1/tasks/${task(key)}`, { status: 'done', actualFinish: '2026-03-11' });
    const goLive = await api.patch(`/api/v1/tasks/${task('golive')}`, { status: 'done', actualFinish: '2026-03-11' });
    expect(goLive.status).toBe(200);
    // The parallel configuration is still open, in Mobilization; go-live is reached, so the project is not.
    expect((await listed('active')).stage).toBe('launch');

    const last = await api.patch(`/api/v1/tasks/${task('configure')}`, { status: 'done', actualFinish: '2026-03-11' });
    expect(last.status).toBe(200);
    expect(await listed('active')).toBeUndefined();
    expect(await listed('all')).toMatchObject({ stage: 'launch', status: 'active' });
  });
});
