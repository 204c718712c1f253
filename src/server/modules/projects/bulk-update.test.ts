import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

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

type Task = { id: string; title: string; status: string; milestoneKind: string | null; owner: { side: string }; assignee: { id: string } | null; projectedStart: string | null; pinnedStart: string | null };
async function newProject() {
  const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-03-02' });
  const project = (await api.post('/api/v1/projects', { accountId: account.id })).body as { id: string; tasks: Task[] };
  return project;
}
const tasksOf = async (projectId: string) => ((await api.get(`/api/v1/projects/${projectId}`)).body as { tasks: Task[] }).tasks;

describe('bulk edit of a plan', () => {
  it('assigns many tasks at once, and moves their starts by business days', async () => {
    const project = await newProject();
    const picked = project.tasks.filter((task) => task.owner.side === 'vendor' && task.status === 'not_started').slice(0, 3);
    const assigned = await api.post(`/api/v1/projects/${project.id}/tasks/bulk-update`, { taskIds: picked.map((task) => task.id), set: { assignee: { kind: 'member', id: admin.id } } });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toEqual({ updated: 3 });
    const after = await tasksOf(project.id);
    for (const task of picked) expect(after.find((t) => t.id === task.id)?.assignee?.id).toBe(admin.id);

    const last = picked.at(-1)!;
    const moved = await api.post(`/api/v1/projects/${project.id}/tasks/bulk-update`, { taskIds: [last.id], set: { shiftDays: 2 }, reason: 'Customer holiday week' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const shifted = (await tasksOf(project.id)).find((t) => t.id === last.id)!;
    expect(shifted.pinnedStart).not.toBeNull();
    expect(shifted.pinnedStart! > last.projectedStart!).toBe(true);
  });

  it('changes none when one task cannot change, and says which', async () => {
    const project = await newProject();
    const before = await tasksOf(project.id);
    const vendorTask = before.find((task) => task.owner.side === 'vendor' && task.status === 'not_started')!;
    const stranger = await newProject();
    const refused = await api.post(`/api/v1/projects/${project.id}/tasks/bulk-update`, { taskIds: [vendorTask.id, stranger.tasks[0]!.id], set: { status: 'in_progress' } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('is not a task of this project');
    expect((await tasksOf(project.id)).find((t) => t.id === vendorTask.id)?.status).toBe('not_started');

    const contactOfOther = await api.post(`/api/v1/projects/${project.id}/tasks/bulk-update`, {
      taskIds: before.slice(0, 2).map((task) => task.id),
      set: { assignee: { kind: 'contact', id: '00000000-0000-4000-8000-000000000001' } },
    });
    expect(contactOfOther.status).toBe(400);
    expect(JSON.stringify(contactOfOther.body)).toContain(`“${before[0]!.title}”`);
  });

  it('refuses an empty change, a task listed twice and unknown keys, in words', async () => {
    const project = await newProject();
    const id = project.tasks[0]!.id;
    for (const body of [{ taskIds: [id], set: {} }, { taskIds: [id, id], set: { status: 'done' } }, { taskIds: [id], set: { colour: 'red' } }, { taskIds: [], set: { status: 'done' } }]) {
      const answer = await api.post(`/api/v1/projects/${project.id}/tasks/bulk-update`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
  });
});
