import { decodeMoves } from '../../../core/schedule/moves.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import { replanStaleProjects } from './projects.service.ts';
import {
  makeAccount,
  makeMember,
  makeWorkspace,
  signedInClient,
  startTestEnv,
  type HttpClient,
  type TestEnv,
  type TestMember,
} from '../../test/harness.ts';

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

/** A small plan: the customer's data extract, then the vendor's import, then go-live; a parallel vendor task. */
const smallPlaybook: PlaybookDefinition = {
  name: 'Small test plan',
  touchModel: 'medium',
  targetDays: 20,
  selection: { segments: ['mid_market'], complexities: [], products: [] },
  stages: [
    { key: 'design', name: 'Design' },
    { key: 'launch', name: 'Launch' },
  ],
  tasks: [
    { key: 'extract', title: 'Customer data extract', stage: 'design', owner: { side: 'customer', role: 'admin' }, durationDays: 5, startOffsetDays: 0 },
    { key: 'config', title: 'Configure workspace', stage: 'design', owner: { side: 'vendor', role: 'implementation_manager' }, durationDays: 3, startOffsetDays: 0 },
    {
      key: 'import',
      title: 'Import data',
      stage: 'launch',
      owner: { side: 'vendor', role: 'implementation_manager' },
      durationDays: 5,
      dependsOn: [{ task: 'extract' }, { task: 'config' }],
    },
    {
      key: 'golive',
      title: 'Go-live',
      stage: 'launch',
      owner: { side: 'vendor', role: 'onboarding_manager' },
      durationDays: 0,
      milestoneKind: 'go_live',
      dependsOn: [{ task: 'import' }],
    },
  ],
};

async function startSmallProject() {
  await setToday('2026-03-02');
  const playbook = await api.post('/api/v1/playbooks', smallPlaybook);
  expect(playbook.status).toBe(201);
  const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-03-02' });
  const project = await api.post('/api/v1/projects', { accountId: account.id, playbookId: playbook.body.id });
  expect(project.status).toBe(201);
  const task = (key: string) => project.body.tasks.find((t: { key: string }) => t.key === key);
  return { project: project.body, playbook: playbook.body, task };
}

describe('a project from a built-in playbook', () => {
  it('takes the playbook that fits the account, with day 0 the contract date, owners and contacts as assignees', async () => {
    await setToday('2026-03-02');
    const manager = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Onboard');
    const account = await makeAccount(admin.ctx, {
      segment: 'enterprise',
      complexity: 'high',
      contractSignedOn: '2026-03-02',
      owners: [{ role: 'onboarding_manager', memberId: manager.id }],
    });
    await api.post(`/api/v1/accounts/${account.id}/contacts`, { name: 'Carla Champion', email: 'carla@acme.test', role: 'champion' });

    const proposals = await api.get(`/api/v1/playbooks/proposals?accountId=${account.id}`);
    expect(proposals.body[0]).toMatchObject({ name: 'Enterprise: high complexity' });
    expect(proposals.body[0].reasons).toContain('fits enterprise');

    const created = await api.post('/api/v1/projects', { accountId: account.id });
    expect(created.status).toBe(201);
    const project = created.body;
    expect(project).toMatchObject({ day0: '2026-03-02', playbook: { name: 'Enterprise: high complexity', version: 1 }, health: 'on_track' });
    expect(project.onboardingManager).toEqual({ id: manager.id, name: 'Olivia Onboard' });
    expect(project.milestones.map((m: { kind: string }) => m.kind)).toEqual(
      expect.arrayContaining(['go_live', 'first_value', 'value_achieved', 'onboarding_complete']),
    );
    const goLive = project.milestones.find((m: { kind: string }) => m.kind === 'go_live');
    expect(goLive.projected).toBe(goLive.baseline);
    expect(goLive.daysFromDay0).toBeGreaterThan(45);
    expect(project.criticalPath.length).toBeGreaterThan(3);
    const champion = project.tasks.find((t: { owner: { side: string; role: string } }) => t.owner.side === 'customer' && t.owner.role === 'champion');
    expect(champion.assignee).toMatchObject({ kind: 'contact', name: 'Carla Champion' });
    const managerTask = project.tasks.find((t: { owner: { role: string } }) => t.owner.role === 'onboarding_manager');
    expect(managerTask.assignee).toMatchObject({ kind: 'member', id: manager.id });

    const portfolio = await api.get('/api/v1/projects');
    expect(portfolio.body.map((p: { id: string }) => p.id)).toContain(project.id);
  });

  it('cannot start without a contract signed date (day 0)', async () => {
    const account = await makeAccount(admin.ctx, { contractSignedOn: null });
    const response = await api.post('/api/v1/projects', { accountId: account.id });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/contract signed date/);
  });
});

describe('rescheduling', () => {
  it('moves go-live when a customer task finishes 5 days late, and owes the days to the customer', async () => {
    const { project, task } = await startSmallProject();
    const goLiveBefore = project.milestones.find((m: { kind: string }) => m.kind === 'go_live');
    expect(goLiveBefore.baseline).toBe('2026-03-13');

    await api.patch(`/api/v1/tasks/${task('extract').id}`, { status: 'in_progress' });
    await setToday('2026-03-04');
    await api.patch(`/api/v1/tasks/${task('config').id}`, { status: 'done', actualFinish: '2026-03-04' });
    await setToday('2026-03-13');
    const done = await api.patch(`/api/v1/tasks/${task('extract').id}`, { status: 'done', actualFinish: '2026-03-13' });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ status: 'done', actualStart: '2026-03-02', actualFinish: '2026-03-13' });
    const movedPositions = decodeMoves(done.body.moved).map((m) => m.position);
    expect(movedPositions).toEqual(expect.arrayContaining([task('import').position, task('golive').position]));

    const after = (await api.get(`/api/v1/projects/${project.id}`)).body;
    const goLive = after.milestones.find((m: { kind: string }) => m.kind === 'go_live');
    expect(goLive).toMatchObject({ baseline: '2026-03-13', projected: '2026-03-20', health: 'late' });
    expect(after.health).toBe('late');
    expect(after.delayDays).toEqual({ customer: 5, vendor: 0 });

    const delays = (await api.get(`/api/v1/projects/${project.id}/delays`)).body;
    expect(delays).toEqual([
      expect.objectContaining({
        milestoneTitle: 'Go-live',
        causeTaskTitle: 'Customer data extract',
        side: 'customer',
        days: 5,
        fromDate: '2026-03-13',
        toDate: '2026-03-20',
      }),
    ]);

    const history = (await api.get(`/api/v1/projects/${project.id}/history`)).body;
    const goLiveMove = history.find((event: { taskId: string; kind: string }) => event.taskId === task('golive').id && event.kind === 'projected');
    expect(goLiveMove).toMatchObject({ fromValue: '2026-03-13', toValue: '2026-03-20', actorName: 'Ada Admin' });
    expect(goLiveMove.reason).toMatch(/Customer data extract \(customer\) was done on 2026-03-13/);
    // Stored as one line per re-plan carrying its moves, answered one line per task, each with an id of its own.
    const importMove = history.find((event: { taskId: string; kind: string }) => event.taskId === task('import').id && event.kind === 'projected');
    expect(importMove).toMatchObject({ taskTitle: 'Import data', reason: goLiveMove.reason, createdAt: goLiveMove.createdAt });
    expect(new Set(history.map((event: { id: string }) => event.id)).size).toBe(history.length);
    const stored = await env.services.database.query<{ moves: unknown[] }>(
      `select moves from project_events where project_id = $1 and kind = 'projected' and reason like 'Customer data extract%'`,
      [project.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.moves).toEqual(expect.arrayContaining([[task('golive').id, '2026-03-13', '2026-03-20']]));
    expect(history.some((event: { field: string; toValue: string }) => event.field === 'status' && event.toValue === 'done')).toBe(true);

    const portfolio = (await api.get('/api/v1/projects')).body.find((p: { id: string }) => p.id === project.id);
    expect(portfolio).toMatchObject({ projectedGoLive: '2026-03-20', baselineGoLive: '2026-03-13', delayDays: { customer: 5, vendor: 0 } });
  });

  it('moves dependents when a vendor task is pinned later, and owes it to the vendor', async () => {
    const { project, task } = await startSmallProject();
    const pinned = await api.patch(`/api/v1/tasks/${task('import').id}`, { pinnedStart: '2026-03-16', reason: 'Engineer on holiday' });
    expect(pinned.status).toBe(200);
    const after = (await api.get(`/api/v1/projects/${project.id}`)).body;
    expect(after.milestones.find((m: { kind: string }) => m.kind === 'go_live').projected).toBe('2026-03-20');
    expect(after.delayDays).toEqual({ customer: 0, vendor: 5 });
    const history = (await api.get(`/api/v1/projects/${project.id}/history`)).body;
    expect(history.find((e: { field: string }) => e.field === 'pinnedStart')).toMatchObject({ toValue: '2026-03-16', reason: 'Engineer on holiday' });
  });

  it('refuses a link that would make a cycle, naming the tasks, and saves nothing', async () => {
    const { project, task } = await startSmallProject();
    const response = await api.patch(`/api/v1/tasks/${task('extract').id}`, { dependsOn: [{ taskId: task('golive').id, lagDays: 0 }] });
    expect(response.status).toBe(400);
    // In the user's words: which task already waits for which, not "dependency cycle".
    expect(response.body.detail).toMatch(/^Go-live already depends on Customer data extract\b.*, so Customer data extract cannot also wait for it\.$/);
    const after = (await api.get(`/api/v1/projects/${project.id}`)).body;
    expect(after.dependencies).toEqual(project.dependencies);
  });

  it('asks why a task is stuck, and refuses a finish date in the future', async () => {
    const { task } = await startSmallProject();
    const stuck = await api.patch(`/api/v1/tasks/${task('config').id}`, { status: 'stuck' });
    expect(stuck.status).toBe(400);
    expect(stuck.body.errors[0].path).toEqual(['body', 'stuckReason']);
    const ok = await api.patch(`/api/v1/tasks/${task('config').id}`, { status: 'stuck', stuckReason: 'Waiting for SSO metadata' });
    expect(ok.body.task).toMatchObject({ status: 'stuck', stuckReason: 'Waiting for SSO metadata', health: 'at_risk' });
    const future = await api.patch(`/api/v1/tasks/${task('config').id}`, { status: 'done', actualFinish: '2026-04-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ path: ['body', 'actualFinish'], message: expect.stringMatching(/future/) });
  });

  it('adds and removes tasks, rescheduling the plan', async () => {
    const { project, task } = await startSmallProject();
    const added = await api.post(`/api/v1/projects/${project.id}/tasks`, {
      title: 'Security review',
      stage: 'launch',
      owner: { side: 'customer', role: 'admin' },
      durationDays: 10,
      dependsOn: [{ taskId: task('config').id, lagDays: 0 }],
    });
    expect(added.status).toBe(201);
    const review = added.body.task;
    expect(review.title).toBe('Security review');
    expect(added.body.dependencies).toEqual([{ predecessorId: task('config').id, successorId: review.id, lagDays: 0 }]);
    expect(JSON.stringify(added.body).length).toBeLessThan(3000);
    expect(review).toMatchObject({ projectedStart: '2026-03-05', projectedFinish: '2026-03-18', baselineFinish: '2026-03-18' });
    const linked = await api.patch(`/api/v1/tasks/${task('golive').id}`, {
      dependsOn: [
        { taskId: task('import').id, lagDays: 0 },
        { taskId: review.id, lagDays: 0 },
      ],
    });
    expect(decodeMoves(linked.body.moved).find((m) => m.position === task('golive').position)!.projectedFinish).toBe('2026-03-18');
    const removed = await api.delete(`/api/v1/tasks/${review.id}`);
    expect(removed.body.milestones.find((m: { kind: string }) => m.kind === 'go_live').projected).toBe('2026-03-13');
  });

  it('re-plans as the days pass: work not started by today slips, owed to whoever owns it', async () => {
    const { project, task } = await startSmallProject();
    await setToday('2026-03-04');
    await api.patch(`/api/v1/tasks/${task('config').id}`, { status: 'done', actualFinish: '2026-03-04' });
    await setToday('2026-03-09');
    expect(await replanStaleProjects(env.services)).toBeGreaterThan(0);
    const after = (await api.get(`/api/v1/projects/${project.id}`)).body;
    expect(after.milestones.find((m: { kind: string }) => m.kind === 'go_live').projected).toBe('2026-03-20');
    expect(after.delayDays).toEqual({ customer: 5, vendor: 0 });
    const history = (await api.get(`/api/v1/projects/${project.id}/history`)).body;
    expect(history[0]).toMatchObject({ actorName: 'Nightly re-plan', reason: 'Re-planned: another day has passed' });
  });

  it('follows the workspace calendar: a new holiday moves every date after it', async () => {
    const { project } = await startSmallProject();
    const bad = await api.patch('/api/v1/workspace', { workingWeekdays: [1, 2, 9] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toEqual(['body', 'workingWeekdays', 2]);
    const updated = await api.patch('/api/v1/workspace', { holidays: ['2026-03-10'] });
    expect(updated.body).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-03-10'] });
    const after = (await api.get(`/api/v1/projects/${project.id}`)).body;
    expect(after.milestones.find((m: { kind: string }) => m.kind === 'go_live').projected).toBe('2026-03-16');
    await api.patch('/api/v1/workspace', { holidays: [] });
  });

  it('is read-only for leaders', async () => {
    const { task } = await startSmallProject();
    const leader = await makeMember(env.services, admin.workspaceId, 'leader');
    const leaderApi = await signedInClient(env, leader);
    expect((await leaderApi.patch(`/api/v1/tasks/${task('config').id}`, { status: 'done' })).status).toBe(403);
  });

  it('keeps comments on a task', async () => {
    const { task } = await startSmallProject();
    await api.post(`/api/v1/tasks/${task('extract').id}/comments`, { body: 'Extract template sent to Carla' });
    const comments = await api.get(`/api/v1/tasks/${task('extract').id}/comments`);
    expect(comments.body).toEqual([expect.objectContaining({ authorName: 'Ada Admin', body: 'Extract template sent to Carla' })]);
  });
});

describe('playbooks', () => {
  it('are versioned: an edit never changes a running project, which is told a new version exists', async () => {
    const { project, playbook } = await startSmallProject();
    const edited = await api.put(`/api/v1/playbooks/${playbook.id}`, {
      ...smallPlaybook,
      tasks: smallPlaybook.tasks.map((t) => (t.key === 'import' ? { ...t, durationDays: 10 } : t)),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    const running = (await api.get(`/api/v1/projects/${project.id}`)).body;
    expect(running.playbook).toMatchObject({ version: 1, latestVersion: 2 });
    expect(running.tasks.find((t: { key: string }) => t.key === 'import').durationDays).toBe(5);
    const v1 = await api.get(`/api/v1/playbooks/${playbook.id}?version=1`);
    expect(v1.body.definition.tasks.find((t: { key: string }) => t.key === 'import').durationDays).toBe(5);
  });

  it('move a project onto the new version when asked: work not started follows it, work done stays', async () => {
    const { project, playbook, task } = await startSmallProject();
    await api.patch(`/api/v1/tasks/${task('config').id}`, { status: 'done' });
    await api.put(`/api/v1/playbooks/${playbook.id}`, {
      ...smallPlaybook,
      tasks: [
        ...smallPlaybook.tasks.map((t) => (t.key === 'import' ? { ...t, durationDays: 7 } : t.key === 'config' ? { ...t, durationDays: 9 } : t)),
        { key: 'training', title: 'Admin training', stage: 'launch', owner: { side: 'vendor', role: 'education' }, durationDays: 2, dependsOn: [{ task: 'import' }] },
      ],
    });
    const upgraded = await api.post(`/api/v1/projects/${project.id}/upgrade`);
    expect(upgraded.status).toBe(200);
    expect(upgraded.body.playbook).toMatchObject({ version: 2, latestVersion: 2 });
    const byKey = (key: string) => upgraded.body.tasks.find((t: { key: string }) => t.key === key);
    expect(byKey('import').durationDays).toBe(7);
    expect(byKey('config')).toMatchObject({ durationDays: 3, status: 'done' });
    expect(byKey('training')).toMatchObject({ title: 'Admin training', baselineFinish: byKey('training').projectedFinish });
    expect(upgraded.body.milestones.find((m: { kind: string }) => m.kind === 'go_live').projected).toBe('2026-03-17');
    expect((await api.post(`/api/v1/projects/${project.id}/upgrade`)).status).toBe(409);
  });

  it('an upgrade after a task was removed numbers the new tasks after the last, never at a position in use', async () => {
    const { project, playbook, task } = await startSmallProject();
    expect((await api.delete(`/api/v1/tasks/${task('extract').id}`)).status).toBe(200);
    await api.put(`/api/v1/playbooks/${playbook.id}`, {
      ...smallPlaybook,
      tasks: [
        ...smallPlaybook.tasks,
        { key: 'training', title: 'Admin training', stage: 'launch', owner: { side: 'vendor', role: 'education' }, durationDays: 2, dependsOn: [{ task: 'import' }] },
      ],
    });
    const upgraded = await api.post(`/api/v1/projects/${project.id}/upgrade`);
    expect(upgraded.status).toBe(200);
    const positions = upgraded.body.tasks.map((t: { position: number }) => t.position);
    expect(positions).toHaveLength(smallPlaybook.tasks.length + 1);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('export as JSON and import back; a cycle is refused with the tasks named and nothing saved', async () => {
    const [first] = (await api.get('/api/v1/playbooks')).body;
    const exported = await api.get(`/api/v1/playbooks/${first.id}/export`);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename=".*\.json"/);
    const imported = await api.post('/api/v1/playbooks', { ...exported.body, name: 'Imported copy' });
    expect(imported.status).toBe(201);
    expect(imported.body.definition.tasks).toEqual(exported.body.tasks);

    const before = (await api.get('/api/v1/playbooks')).body.length;
    const cyclic = await api.post('/api/v1/playbooks', {
      ...smallPlaybook,
      name: 'Cyclic',
      tasks: smallPlaybook.tasks.map((t) => (t.key === 'extract' ? { ...t, dependsOn: [{ task: 'golive' }] } : t)),
    });
    expect(cyclic.status).toBe(400);
    expect(cyclic.body.detail).toMatch(/dependency cycle: .*Customer data extract.*→.*Customer data extract/);
    expect((await api.get('/api/v1/playbooks')).body.length).toBe(before);
  });
});

describe('marking a task done without an actual start', () => {
  it('keeps the start it was planned for, not the "today" a re-plan pushed it to', async () => {
    const { task } = await startSmallProject();
    const planned = task('config').baselineStart;
    await setToday('2026-03-13');
    // Any change re-plans as of today: the configuration, not started, is pushed to today.
    const replanned = await api.patch(`/api/v1/tasks/${task('extract').id}`, { status: 'in_progress', actualStart: '2026-03-02' });
    expect(decodeMoves(replanned.body.moved).find((m) => m.position === task('config').position)?.projectedStart).toBe('2026-03-13');
    const done = await api.patch(`/api/v1/tasks/${task('config').id}`, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ status: 'done', actualStart: planned, actualFinish: '2026-03-13' });
  });
});

describe('bulk task changes', () => {
  it('adds, links and re-orders many tasks in one request and one re-plan', async () => {
    const { project, task } = await startSmallProject();
    const before = (await api.get(`/api/v1/projects/${project.id}/history`)).body.length;
    const bulk = await api.post(`/api/v1/projects/${project.id}/tasks/bulk`, {
      add: [
        { ref: 'sso', title: 'Configure SSO', stage: 'launch', owner: { side: 'vendor', role: 'implementation_manager' }, durationDays: 3 },
        { ref: 'test', title: 'Test SSO', stage: 'launch', owner: { side: 'customer', role: 'admin' }, durationDays: 2 },
      ],
      link: [
        { from: task('import').id, to: 'sso' },
        { from: 'sso', to: 'test' },
        { from: 'test', to: task('golive').id },
      ],
      order: ['test', 'sso'],
    });
    expect(bulk.status).toBe(200);
    const [sso, test] = bulk.body.added.map((a: { task: { id: string } }) => a.task);
    expect(bulk.body.added.map((a: { ref: string }) => a.ref)).toEqual(['sso', 'test']);
    expect(bulk.body.dependencies).toHaveLength(3);
    expect(sso.position).toBeGreaterThan(test.position);
    // Go-live now waits for the new chain: 5 more business days.
    const goLive = decodeMoves(bulk.body.moved).find((m) => m.position === task('golive').position);
    expect(goLive).toBeDefined();
    const after = (await api.get(`/api/v1/projects/${project.id}`)).body;
    expect(after.tasks).toHaveLength(project.tasks.length + 2);
    expect(after.tasks.find((t: { id: string }) => t.id === sso.id)).toMatchObject({ baselineStart: sso.projectedStart, baselineFinish: sso.projectedFinish });
    expect(after.milestones.find((m: { kind: string }) => m.kind === 'go_live').projected).toBe(goLive!.projectedFinish);
    // One line per task added and per link, and one re-plan.
    const history = (await api.get(`/api/v1/projects/${project.id}/history`)).body;
    expect(history.filter((e: { kind: string }) => e.kind === 'task_added')).toHaveLength(2);
    expect(history.length).toBeGreaterThan(before);
  });

  it('refuses a cycle naming its tasks, and unknown tasks, keeping nothing', async () => {
    const { project, task } = await startSmallProject();
    const cycle = await api.post(`/api/v1/projects/${project.id}/tasks/bulk`, {
      add: [{ ref: 'loop', title: 'Loop back', stage: 'launch', owner: { side: 'vendor', role: 'implementation_manager' }, durationDays: 1 }],
      link: [
        { from: task('golive').id, to: 'loop' },
        { from: 'loop', to: task('extract').id },
      ],
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.detail ?? cycle.body.title).toMatch(/cycle.*Loop back/);
    const unknown = await api.post(`/api/v1/projects/${project.id}/tasks/bulk`, { link: [{ from: 'nope', to: task('golive').id }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toEqual(['body', 'link', 0, 'from']);
    const after = (await api.get(`/api/v1/projects/${project.id}`)).body;
    expect(after.tasks).toHaveLength(project.tasks.length);
    expect(after.dependencies).toHaveLength(project.dependencies.length);
  });
});
