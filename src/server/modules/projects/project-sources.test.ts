import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(() => env.close());

// 09:00 in Paris (the workspace's timezone) on the given day; a fresh session, as a week idle would end one.
async function setToday(isoDate: string) {
  env.clock.set(new Date(`${isoDate}T09:00:00+01:00`));
  api = await signedInClient(env, admin);
}

/** The customer's SSO metadata, then the vendor's SSO test, then go-live. */
const ssoPlan: PlaybookDefinition = {
  name: 'SSO plan',
  touchModel: 'high',
  targetDays: 20,
  selection: { segments: ['enterprise'], complexities: [], products: [] },
  stages: [
    { key: 'design', name: 'Design' },
    { key: 'launch', name: 'Launch' },
  ],
  tasks: [
    { key: 'metadata', title: 'Provide SSO metadata', stage: 'design', owner: { side: 'customer', role: 'admin' }, durationDays: 5, startOffsetDays: 0, checklist: ['Export the IdP metadata'] },
    { key: 'sso', title: 'Test SSO sign-in', stage: 'launch', owner: { side: 'vendor', role: 'implementation_manager' }, durationDays: 3, dependsOn: [{ task: 'metadata', lagDays: 1 }] },
    { key: 'golive', title: 'Go-live', stage: 'launch', owner: { side: 'vendor', role: 'onboarding_manager' }, durationDays: 0, milestoneKind: 'go_live', dependsOn: [{ task: 'sso' }] },
  ],
};

type Task = { id: string; key: string; title: string; status: string; actualStart: string | null; actualFinish: string | null; projectedStart: string; projectedFinish: string; baselineFinish: string; assignee: { id: string; name: string } | null; checklist: { done: boolean }[] };
const byKey = (project: { tasks: Task[] }, key: string) => project.tasks.find((task) => task.key === key)!;

async function ssoProject(day0 = '2026-03-02') {
  await setToday('2026-03-02');
  const playbook = await api.post('/api/v1/playbooks', ssoPlan);
  const manager = await makeMember(env.services, admin.workspaceId, 'implementation_manager', 'Ivan Implement');
  const account = await makeAccount(admin.ctx, { contractSignedOn: day0, owners: [{ role: 'implementation_manager', memberId: manager.id }] });
  const created = await api.post('/api/v1/projects', { accountId: account.id, playbookId: playbook.body.id });
  expect(created.status).toBe(201);
  return { project: created.body, account, manager };
}

describe('a new day 0 for a project', () => {
  it('moves work not started and its baseline, keeps what happened, and says so in the history', async () => {
    const { project } = await ssoProject();
    expect(byKey(project, 'golive').projectedFinish).toBe('2026-03-12');
    await api.patch(`/api/v1/tasks/${byKey(project, 'metadata').id}`, { status: 'done', actualStart: '2026-03-02', actualFinish: '2026-03-02' });

    const moved = await api.patch(`/api/v1/projects/${project.id}`, { day0: '2026-03-16' });
    expect(moved.status).toBe(200);
    expect(moved.body.day0).toBe('2026-03-16');
    // Done work keeps its dates; the SSO test waits for its predecessor's lag only, go-live follows it.
    expect(byKey(moved.body, 'metadata')).toMatchObject({ status: 'done', actualStart: '2026-03-02', actualFinish: '2026-03-02' });
    const goLive = byKey(moved.body, 'golive');
    expect(goLive.projectedFinish).toBe(goLive.baselineFinish);
    expect(moved.body.health).not.toBe('late');
    expect(moved.body.delayDays).toEqual({ customer: 0, vendor: 0 });

    const history = await api.get(`/api/v1/projects/${project.id}/history`);
    expect(history.body).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'day0_changed', field: 'day0', fromValue: '2026-03-02', toValue: '2026-03-16' })]));
  });

  it('moves a plan not started with day 0, to the business day', async () => {
    const { project } = await ssoProject('2026-04-06');
    const moved = await api.patch(`/api/v1/projects/${project.id}`, { day0: '2026-04-13' });
    expect(byKey(moved.body, 'metadata').projectedStart).toBe('2026-04-13');
    expect(byKey(moved.body, 'golive').projectedFinish).toBe('2026-04-23');
  });

  it('refuses a day 0 that is not a date, naming the field, and changes nothing', async () => {
    const { project } = await ssoProject();
    const refused = await api.patch(`/api/v1/projects/${project.id}`, { day0: '2026-02-30' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/day0/);
    expect((await api.get(`/api/v1/projects/${project.id}`)).body.day0).toBe('2026-03-02');
  });
});

describe('a project from scratch', () => {
  it('starts with the usual stages and a go-live milestone, follows no playbook, and takes tasks', async () => {
    await setToday('2026-03-02');
    const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-03-02' });
    const created = await api.post('/api/v1/projects', { accountId: account.id, source: 'blank', name: 'Pilot', day0: '2026-03-09' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Pilot', day0: '2026-03-09', playbook: null });
    expect(created.body.stages.map((stage: { key: string }) => stage.key)).toEqual(['mobilization', 'design', 'launch', 'adoption', 'value_creation']);
    expect(created.body.milestones).toEqual([expect.objectContaining({ kind: 'go_live', projected: '2026-05-08', daysFromDay0: 60 })]);

    const goLive = created.body.tasks[0];
    const added = await api.post(`/api/v1/projects/${created.body.id}/tasks`, {
      title: 'Kick-off call',
      stage: 'mobilization',
      owner: { side: 'vendor', role: 'onboarding_manager' },
      durationDays: 1,
    });
    expect(added.status).toBe(201);
    const linked = await api.patch(`/api/v1/tasks/${goLive.id}`, { dependsOn: [{ taskId: added.body.task.id }] });
    expect(linked.status).toBe(200);
    expect((await api.get(`/api/v1/projects/${created.body.id}`)).body.tasks).toHaveLength(2);
    expect((await api.post(`/api/v1/projects/${created.body.id}/upgrade`, {})).status).toBe(409);
  });

  it('refuses a playbook with a blank project, naming the field', async () => {
    const account = await makeAccount(admin.ctx);
    const refused = await api.post('/api/v1/projects', { accountId: account.id, source: 'blank', playbookId: crypto.randomUUID() });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/playbookId/);
  });
});

describe('a project copied from another', () => {
  it("takes its tasks, links, milestones and owner roles, not its progress, laid out from the new day 0 on this account's people", async () => {
    const { project, manager } = await ssoProject();
    const metadata = byKey(project, 'metadata');
    await api.patch(`/api/v1/tasks/${metadata.id}`, { status: 'done', actualStart: '2026-03-02', actualFinish: '2026-03-03', checklist: [{ text: 'Export the IdP metadata', done: true }] });
    await api.post(`/api/v1/tasks/${metadata.id}/comments`, { body: 'Sent by Carol' });

    const other = await makeMember(env.services, admin.workspaceId, 'implementation_manager', 'Iris Other');
    const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-04-06', owners: [{ role: 'implementation_manager', memberId: other.id }] });
    const copied = await api.post('/api/v1/projects', { accountId: account.id, source: 'project', sourceProjectId: project.id });
    expect(copied.status).toBe(201);
    const copy = copied.body;
    expect(copy).toMatchObject({ day0: '2026-04-06', playbook: { id: project.playbook.id }, accountId: account.id });
    expect(copy.tasks.map((task: Task) => task.title)).toEqual(project.tasks.map((task: Task) => task.title));
    expect(copy.dependencies).toHaveLength(project.dependencies.length);
    expect(copy.milestones.map((m: { kind: string }) => m.kind)).toEqual(['go_live']);
    for (const task of copy.tasks as Task[]) expect(task).toMatchObject({ status: 'not_started', actualStart: null, actualFinish: null });
    expect(byKey(copy, 'metadata').checklist).toEqual([{ text: 'Export the IdP metadata', done: false }]);
    expect(byKey(copy, 'sso').assignee).toMatchObject({ id: other.id });
    expect(byKey(project, 'sso').assignee).toMatchObject({ id: manager.id });
    expect(byKey(copy, 'metadata').projectedStart).toBe('2026-04-06');
    expect(byKey(copy, 'golive').projectedFinish).toBe('2026-04-16');
    expect((await api.get(`/api/v1/tasks/${byKey(copy, 'metadata').id}/comments`)).body).toEqual([]);
    const history = await api.get(`/api/v1/projects/${copy.id}/history`);
    expect(history.body.find((e: { kind: string }) => e.kind === 'created').reason).toMatch(/^Copied from the project/);
  });

  it("cannot copy another workspace's project: it is not found", async () => {
    const { project } = await ssoProject();
    const stranger = await makeWorkspace(env.services, 'Elsewhere');
    const strangerApi = await signedInClient(env, stranger.admin);
    const account = await makeAccount(stranger.admin.ctx);
    const refused = await strangerApi.post('/api/v1/projects', { accountId: account.id, source: 'project', sourceProjectId: project.id });
    expect(refused.status).toBe(404);
  });

  it('asks which project to copy', async () => {
    const account = await makeAccount(admin.ctx);
    const refused = await api.post('/api/v1/projects', { accountId: account.id, source: 'project' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/sourceProjectId/);
  });
});
