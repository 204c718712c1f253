// The Gantt chart's re-linking and moving, through the endpoints it uses (PATCH /tasks/:id with dependsOn or
// pinnedStart): the engine re-plans what follows, the history records the change with its moves under it, and a
// link that would close a loop is refused in the tasks' names with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import type { ProjectEvent } from '../../../contract/projects.ts';
import { describeEvent, groupMoves } from '../../../web/features/projects/HistoryTab.tsx';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let playbookId: string;

/** Kickoff and Configure both start on day 0; Go-live waits for both. Nothing links Kickoff to Configure yet. */
const plan: PlaybookDefinition = {
  name: 'Gantt links',
  touchModel: 'high',
  targetDays: 20,
  selection: { segments: ['enterprise'], complexities: [], products: [] },
  stages: [{ key: 'launch', name: 'Launch' }],
  tasks: [
    { key: 'kickoff', title: 'Kickoff', stage: 'launch', owner: { side: 'vendor', role: 'onboarding_manager' }, durationDays: 5, startOffsetDays: 0 },
    { key: 'configure', title: 'Configure', stage: 'launch', owner: { side: 'vendor', role: 'implementation_manager' }, durationDays: 3, startOffsetDays: 0 },
    {
      key: 'golive',
      title: 'Go-live',
      stage: 'launch',
      owner: { side: 'vendor', role: 'onboarding_manager' },
      durationDays: 0,
      milestoneKind: 'go_live',
      dependsOn: [{ task: 'kickoff' }, { task: 'configure' }],
    },
  ],
};

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  env.clock.set(new Date('2026-03-02T09:00:00+01:00'));
  api = await signedInClient(env, admin);
  const playbook = await api.post('/api/v1/playbooks', plan);
  expect(playbook.status).toBe(201);
  playbookId = playbook.body.id;
});
afterAll(() => env.close());

/** A minute on: the next change is an instant of its own in the history, as it is for people. */
let minute = 0;
const later = () => env.clock.set(new Date(Date.UTC(2026, 2, 2, 8, ++minute)));

interface Task {
  id: string;
  key: string;
  projectedStart: string;
  projectedFinish: string;
}

async function startProject() {
  const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-03-02' });
  const created = await api.post('/api/v1/projects', { accountId: account.id, playbookId });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const read = async () => (await api.get(`/api/v1/projects/${id}`)).body as { tasks: Task[]; dependencies: { predecessorId: string; successorId: string }[] };
  const task = (project: { tasks: Task[] }, key: string) => project.tasks.find((t) => t.key === key)!;
  const history = async () => (await api.get(`/api/v1/projects/${id}/history`)).body as ProjectEvent[];
  return { id, read, task, history };
}

describe('re-linking on the Gantt chart', () => {
  it('adds a link: what now waits moves after it, and the history names the link with the moves under it; removing it moves it back', async () => {
    const { read, task, history } = await startProject();
    const before = await read();
    const kickoff = task(before, 'kickoff');
    const configure = task(before, 'configure');
    expect(configure.projectedStart).toBe('2026-03-02');
    expect(task(before, 'golive').projectedFinish).toBe('2026-03-06');

    later();
    const linked = await api.patch(`/api/v1/tasks/${configure.id}`, { dependsOn: [{ taskId: kickoff.id, lagDays: 0 }], reason: 'Linked on the Gantt chart' });
    expect(linked.status).toBe(200);
    const after = await read();
    expect(after.dependencies).toContainEqual(expect.objectContaining({ predecessorId: kickoff.id, successorId: configure.id }));
    // Configure (3 days) now starts after Kickoff's 5: Mar 9–11, and go-live follows it.
    expect(task(after, 'configure')).toMatchObject({ projectedStart: '2026-03-09', projectedFinish: '2026-03-11' });
    expect(task(after, 'golive').projectedFinish).toBe('2026-03-11');

    const groups = groupMoves(await history());
    const link = groups.find((group) => group.line.field === 'dependsOn')!;
    expect(describeEvent(link.line)).toBe('Configure now depends on Kickoff');
    expect(link.line.reason).toBe('Linked on the Gantt chart');
    expect(link.moves.map((move) => move.taskTitle).sort()).toEqual(['Configure', 'Go-live']);

    later();
    const unlinked = await api.patch(`/api/v1/tasks/${configure.id}`, { dependsOn: [], reason: 'Link removed on the Gantt chart' });
    expect(unlinked.status).toBe(200);
    const back = await read();
    expect(back.dependencies.some((d) => d.successorId === configure.id)).toBe(false);
    expect(task(back, 'configure').projectedStart).toBe('2026-03-02');
    expect(task(back, 'golive').projectedFinish).toBe('2026-03-06');
    const removal = groupMoves(await history()).find((group) => group.line.field === 'dependsOn' && group.line.reason === 'Link removed on the Gantt chart')!;
    expect(describeEvent(removal.line)).toBe('Configure now depends on no other task (before: Kickoff)');
    expect(removal.moves.map((move) => move.taskTitle).sort()).toEqual(['Configure', 'Go-live']);
  });

  it('refuses a link that would close a loop, naming the tasks, and changes nothing', async () => {
    const { read, task, history } = await startProject();
    const plan0 = await read();
    const kickoff = task(plan0, 'kickoff');
    const golive = task(plan0, 'golive');
    const lines = (await history()).length;

    // Kickoff waiting for go-live: go-live already waits for Kickoff.
    const loop = await api.patch(`/api/v1/tasks/${kickoff.id}`, { dependsOn: [{ taskId: golive.id, lagDays: 0 }] });
    expect(loop.status).toBe(400);
    expect(JSON.stringify(loop.body)).toContain('Go-live already depends on Kickoff, so Kickoff cannot also wait for it.');
    expect(JSON.stringify(loop.body)).toContain('dependsOn'); // the field, for the form that sent it

    // Through another task: Configure → Kickoff and then Go-live → Configure would loop through Kickoff and Go-live.
    const configure = task(plan0, 'configure');
    expect((await api.patch(`/api/v1/tasks/${configure.id}`, { dependsOn: [{ taskId: kickoff.id, lagDays: 0 }] })).status).toBe(200);
    const twice = await api.patch(`/api/v1/tasks/${configure.id}`, { dependsOn: [{ taskId: kickoff.id }, { taskId: kickoff.id }] });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('Kickoff is listed twice');

    const after = await read();
    expect(after.dependencies).toHaveLength(plan0.dependencies.length + 1);
    expect(task(after, 'kickoff').projectedStart).toBe(kickoff.projectedStart);
    expect((await history()).filter((event) => event.field === 'dependsOn')).toHaveLength(1);
    expect((await history()).length).toBeGreaterThan(lines);
  });

  it('moves a task by its start (as a bar dropped on the chart): what follows moves, grouped under the move in the history', async () => {
    const { read, task, history } = await startProject();
    const kickoff = task(await read(), 'kickoff');
    later();
    const moved = await api.patch(`/api/v1/tasks/${kickoff.id}`, { pinnedStart: '2026-03-04', reason: 'Moved on the Gantt chart' });
    expect(moved.status).toBe(200);
    const after = await read();
    expect(task(after, 'kickoff')).toMatchObject({ projectedStart: '2026-03-04', projectedFinish: '2026-03-10' });
    expect(task(after, 'golive').projectedFinish).toBe('2026-03-10');
    const move = groupMoves(await history()).find((group) => group.line.field === 'pinnedStart')!;
    expect(move.line.reason).toBe('Moved on the Gantt chart');
    expect(move.moves.map((m) => m.taskTitle).sort()).toEqual(['Go-live', 'Kickoff']);
  });
});
