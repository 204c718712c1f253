import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { projectWithContact, signInAsContact } from '../../test/portal.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(() => env.close());

describe('the journey map weighted by the customer', () => {
  it('shows a touchpoint rated in the portal with the customers’ importance, and staff’s weight elsewhere', async () => {
    const { project, contact } = await projectWithContact(admin.ctx);
    const other = await projectWithContact(admin.ctx);
    const portal = (await signInAsContact(env, admin.ctx, project.id, contact)).client;
    const task = project.tasks.find((t) => t.customerVisible)!;

    const rated = await portal.put(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/value-rating`, { score: 5, comment: 'This set us up' });
    expect(rated.status).toBe(200);
    expect(rated.body).toEqual({ score: 5, comment: 'This set us up' });
    // A second tap changes the rating rather than adding one.
    expect((await portal.put(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/value-rating`, { score: 4 })).body).toEqual({ score: 4, comment: null });

    // Isolation: a task of another customer's project, or a task id under the wrong project, is not found.
    const foreignTask = other.project.tasks.find((t) => t.customerVisible)!;
    expect((await portal.put(`/api/portal/v1/projects/${other.project.id}/tasks/${foreignTask.id}/value-rating`, { score: 1 })).status).toBe(404);
    expect((await portal.put(`/api/portal/v1/projects/${project.id}/tasks/${foreignTask.id}/value-rating`, { score: 1 })).status).toBe(404);
    expect((await portal.put(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/value-rating`, { score: 9 })).status).toBe(400);

    const secondTask = project.tasks.find((t) => t.customerVisible && t.key !== task.key)!;
    expect((await api.put('/api/v1/journey-map/weights', { playbookId: project.playbook!.id, taskKey: secondTask.key, weight: 2 })).status).toBe(200);

    const map = await api.get(`/api/v1/journey-map?playbookId=${project.playbook!.id}`);
    expect(map.status).toBe(200);
    const touchpoint = map.body.touchpoints.find((t: { taskKey: string }) => t.taskKey === task.key);
    expect(touchpoint).toMatchObject({ projects: 2, ratings: 1, customerImportance: 4, importance: 4, importanceFrom: 'customers', stage: task.stage });
    expect(map.body.touchpoints.find((t: { taskKey: string }) => t.taskKey === secondTask.key)).toMatchObject({ defaultWeight: 2, importance: 2, importanceFrom: 'staff' });
    for (const t of map.body.touchpoints) {
      for (const value of [t.importance, t.performance, t.onTimePercent, t.csat]) if (value !== null) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('answers an empty map for a segment with no projects, and refuses unknown filters', async () => {
    const empty = await api.get('/api/v1/journey-map?segment=enterprise&playbookId=00000000-0000-4000-8000-000000000000');
    expect(empty.status).toBe(200);
    expect(empty.body.touchpoints).toEqual([]);
    expect((await api.get('/api/v1/journey-map?segment=giant')).status).toBe(400);
    expect((await api.get('/api/v1/journey-map?colour=red')).status).toBe(400);
    expect((await api.put('/api/v1/journey-map/weights', { playbookId: '00000000-0000-4000-8000-000000000000', taskKey: 'x', weight: 3 })).status).toBe(404);
  });
});
