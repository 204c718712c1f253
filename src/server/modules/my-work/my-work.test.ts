import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyWork, MyWorkItem } from '../../../contract/my-work.ts';
import { makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../../test/harness.ts';
import { projectWithContact, signInAsContact } from '../../test/portal.ts';
import { assignProjectRole } from '../projects/owners.service.ts';

let env: TestEnv;
let api: HttpClient;
let colleague: HttpClient;
let projectId: string;
let customer: HttpClient;
let taskIds: string[];

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2026-03-02T10:00:00Z'));
  const { admin } = await makeWorkspace(env.services);
  api = await signedInClient(env, admin);
  const other = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Otto Other');
  colleague = await signedInClient(env, other);
  const { project, contact } = await projectWithContact(admin.ctx);
  projectId = project.id;
  await assignProjectRole(admin.ctx, projectId, 'onboarding_manager', admin.id);
  customer = (await signInAsContact(env, admin.ctx, projectId, contact)).client;
  const detail = await api.get(`/api/v1/projects/${projectId}`);
  taskIds = (detail.body.tasks as { id: string; customerVisible: boolean }[]).filter((t) => t.customerVisible).map((t) => t.id);
});
afterAll(() => env.close());

const myWork = async (client = api) => {
  const answer = await client.get('/api/v1/my-work');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as MyWork;
};
const ofKind = (work: MyWork, kind: MyWorkItem['kind']) => work.items.filter((item) => item.kind === kind);

describe('my work', () => {
  it("lists the vendor tasks due this week on the projects I manage, soonest first, overdue ones marked", async () => {
    const tasks = ofKind(await myWork(), 'task');
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.dueOn! <= '2026-03-09')).toBe(true);
    expect(tasks.map((t) => t.dueOn)).toEqual([...tasks.map((t) => t.dueOn)].sort());
    env.clock.set(new Date('2026-03-05T10:00:00Z'));
    expect(ofKind(await myWork(), 'task').some((t) => t.overdue)).toBe(true);
    env.clock.set(new Date('2026-03-02T10:00:00Z'));
    // Someone else's list is theirs: Otto manages nothing and holds no task.
    expect(ofKind(await myWork(colleague), 'task')).toEqual([]);
  });

  it('shows customer replies and @mentions, by colleagues and customers, with who wrote them', async () => {
    await customer.post(`/api/portal/v1/projects/${projectId}/tasks/${taskIds[0]}/comments`, { body: 'Done on our side, @Ada Admin' });
    await colleague.post(`/api/v1/tasks/${taskIds[1]}/comments`, { body: '@ada admin can you look?' });
    await api.post(`/api/v1/tasks/${taskIds[1]}/comments`, { body: 'Thanks @Otto Other' });
    const work = await myWork();
    expect(ofKind(work, 'reply').map((i) => i.title)).toEqual([expect.stringMatching(/^Carla Champion replied on/)]);
    expect(ofKind(work, 'mention').map((i) => i.title).sort()).toEqual([expect.stringMatching(/^Carla Champion mentioned you/), expect.stringMatching(/^Otto Other mentioned you/)]);
    expect(ofKind(await myWork(colleague), 'mention').map((i) => i.title)).toEqual([expect.stringMatching(/^Ada Admin mentioned you/)]);
  });

  it('marks an item done for good, and a snoozed one comes back on its day', async () => {
    const [reply] = ofKind(await myWork(), 'reply');
    expect((await api.post('/api/v1/my-work/dismissals', { key: reply!.key })).status).toBe(204);
    expect(ofKind(await myWork(), 'reply')).toEqual([]);

    const [mention] = ofKind(await myWork(), 'mention');
    expect((await api.post('/api/v1/my-work/dismissals', { key: mention!.key, until: '2026-03-04' })).status).toBe(204);
    const before = await myWork();
    expect(before.items.map((i) => i.key)).not.toContain(mention!.key);
    env.clock.set(new Date('2026-03-04T10:00:00Z'));
    expect((await myWork()).items.map((i) => i.key)).toContain(mention!.key);
    env.clock.set(new Date('2026-03-02T10:00:00Z'));
  });

  it('shows a project others changed until I open it', async () => {
    await api.post(`/api/v1/projects/${projectId}/seen`);
    expect(ofKind(await myWork(), 'project')).toEqual([]);
    env.clock.advance(60_000);
    const changed = await colleague.patch(`/api/v1/tasks/${taskIds[2]}`, { status: 'in_progress' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const [project] = ofKind(await myWork(), 'project');
    expect(project).toMatchObject({ projectId, href: `/projects/${projectId}` });
    expect(project!.detail).toMatch(/change/);
    env.clock.advance(60_000);
    await api.post(`/api/v1/projects/${projectId}/seen`);
    expect(ofKind(await myWork(), 'project')).toEqual([]);
  });

  it('refuses an item that is not one, in words', async () => {
    const wrong = await api.post('/api/v1/my-work/dismissals', { key: 'everything' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('must be an item of My work');
    expect((await api.post('/api/v1/projects/00000000-0000-4000-8000-000000000000/seen')).status).toBe(404);
  });
});
