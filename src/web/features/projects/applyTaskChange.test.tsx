// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { encodeMoves } from '../../../core/schedule/moves.ts';
import { mockApi } from '../../test/render.tsx';
import { applyTaskChange, projectKeys, useUpdateTask, type Project, type ProjectTask, type TaskChange } from './projects.api.ts';

const PROJECT = '22222222-2222-4222-8222-222222222222';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function task(n: number, overrides: Partial<ProjectTask> = {}): ProjectTask {
  return {
    id: id(n),
    key: `t${n}`,
    position: n,
    title: `Task ${n}`,
    description: null,
    stage: 'design',
    owner: { side: 'vendor', role: 'implementation_manager' },
    assignee: null,
    durationDays: 5,
    effortHours: 5,
    effortEstimated: false,
    startOffsetDays: null,
    milestoneKind: null,
    deliverable: false,
    needsApproval: false,
    customerVisible: true,
    checklist: [],
    status: 'not_started',
    stuckReason: null,
    actualStart: null,
    actualFinish: null,
    pinnedStart: null,
    baselineStart: '2026-12-07',
    baselineFinish: '2026-12-11',
    projectedStart: '2026-12-07',
    projectedFinish: '2026-12-11',
    slackDays: 0,
    critical: true,
    health: 'on_track',
    form: null,
    formAnswers: null,
    formAnsweredBy: null,
    formAnsweredAt: null,
    files: [],
    ...overrides,
  };
}

function makeProject(): Project {
  return {
    id: PROJECT,
    name: 'Zephyr onboarding',
    accountId: '11111111-1111-4111-8111-111111111111',
    accountName: 'Zephyr Logistics',
    segment: 'enterprise',
    product: null,
    day0: '2026-10-01',
    status: 'active',
    statusReason: null,
    closedOutcome: null,
    health: 'on_track',
    stage: 'design',
    stageName: 'Design',
    onboardingManager: null,
    baselineGoLive: '2026-12-21',
    projectedGoLive: '2026-12-21',
    baselineEnd: '2026-12-21',
    projectedEnd: '2026-12-21',
    delayDays: { customer: 0, vendor: 0 },
    tasksDone: 0,
    tasksTotal: 3,
    handoff: null,
    stalledSince: null,
    organizationId: null,
    playbook: { id: '33333333-3333-4333-8333-333333333333', name: 'Enterprise', version: 1, latestVersion: 1 },
    stages: [{ key: 'design', name: 'Design' }],
    today: '2026-12-15',
    milestones: [{ taskId: id(3), kind: 'go_live', title: 'Go-live', baseline: '2026-12-21', projected: '2026-12-21', actual: null, health: 'on_track', daysFromDay0: 81 }],
    criticalPath: [id(1), id(2), id(3)],
    tasks: [
      task(1, { owner: { side: 'customer', role: 'admin' }, title: 'Provide data extracts' }),
      task(2, { title: 'Migrate data', baselineStart: '2026-12-14', baselineFinish: '2026-12-18', projectedStart: '2026-12-14', projectedFinish: '2026-12-18' }),
      task(3, { title: 'Go-live', durationDays: 0, milestoneKind: 'go_live', baselineStart: '2026-12-21', baselineFinish: '2026-12-21', projectedStart: '2026-12-21', projectedFinish: '2026-12-21' }),
    ],
    dependencies: [
      { predecessorId: id(1), successorId: id(2), lagDays: 0 },
      { predecessorId: id(2), successorId: id(3), lagDays: 0 },
    ],
  };
}

/** The customer finished "Provide data extracts" 5 business days late: everything after it moves a week. */
const lateFinish: TaskChange = {
  task: task(1, { owner: { side: 'customer', role: 'admin' }, title: 'Provide data extracts', status: 'done', actualStart: '2026-12-07', actualFinish: '2026-12-18', critical: false }),
  moved: encodeMoves('2026-12-07', [
    { position: 2, projectedStart: '2026-12-21', projectedFinish: '2026-12-25', slackDays: 0, critical: true, health: 'late' },
    { position: 3, projectedStart: '2026-12-28', projectedFinish: '2026-12-28', slackDays: 0, critical: true, health: 'late' },
  ]),
  delays: [{ milestoneId: id(3), fromDate: '2026-12-21', toDate: '2026-12-28', days: 5, causeTaskId: id(1), side: 'customer' }],
  project: { health: 'late', projectedEnd: '2026-12-28' },
  delayDays: { customer: 5, vendor: 0 },
};

describe('a task change on screen', () => {
  it('moves every dependent, the go-live milestone and the slip owed to the customer at once', () => {
    const next = applyTaskChange(makeProject(), lateFinish);
    expect(next.tasks.map((t) => [t.title, t.projectedStart, t.projectedFinish, t.health])).toEqual([
      ['Provide data extracts', '2026-12-07', '2026-12-11', 'on_track'],
      ['Migrate data', '2026-12-21', '2026-12-25', 'late'],
      ['Go-live', '2026-12-28', '2026-12-28', 'late'],
    ]);
    expect(next.tasks[0]).toMatchObject({ status: 'done', actualFinish: '2026-12-18' });
    expect(next.milestones[0]).toMatchObject({ projected: '2026-12-28', health: 'late' });
    expect(next.projectedGoLive).toBe('2026-12-28');
    expect(next.delayDays).toEqual({ customer: 5, vendor: 0 });
    expect(next.health).toBe('late');
    expect(next.tasksDone).toBe(1);
    expect(next.criticalPath).toEqual([id(2), id(3)]);
  });

  it('writes the moved dates into the cached project as soon as the server answers', async () => {
    mockApi({ [`PATCH /tasks/${id(1)}`]: () => ({ body: lateFinish }) });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    queryClient.setQueryData(projectKeys.detail(PROJECT), makeProject());
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useUpdateTask(PROJECT), { wrapper });

    act(() => result.current.mutate({ taskId: id(1), patch: { status: 'done', actualFinish: '2026-12-18' } }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    const cached = queryClient.getQueryData<Project>(projectKeys.detail(PROJECT));
    expect(cached?.tasks.find((t) => t.id === id(2))?.projectedFinish).toBe('2026-12-25');
    expect(cached?.tasks.find((t) => t.id === id(3))?.projectedFinish).toBe('2026-12-28');
    expect(cached?.delayDays.customer).toBe(5);
    // …and the project is only marked stale (the answer carried what moved; nothing of a thousand tasks is refetched).
    expect(queryClient.getQueryState(projectKeys.detail(PROJECT))?.isInvalidated).toBe(true);
  });
});
