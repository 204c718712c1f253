import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProjectListQuery } from '../../contract/projects.ts';
import { guards, reactions } from '../app/reactions.ts';
import { conflict } from '../http/errors.ts';
import { createProject, listProjects } from '../modules/projects/projects.service.ts';
import { updateTask } from '../modules/projects/tasks.service.ts';
import { makeAccount, makeWorkspace, startTestEnv, type TestEnv, type TestMember } from '../test/harness.ts';
import { installReactions } from './bus.ts';
import type { DomainEvents } from './catalogue.ts';

let env: TestEnv;
let admin: TestMember;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
});
afterEach(() => installReactions(reactions, guards));
afterAll(() => env.close());

describe('domain events', () => {
  it('runs reactions inside the change: a reaction that fails undoes the project that announced it', async () => {
    const account = await makeAccount(admin.ctx, { name: 'Rollback Co' });
    installReactions({ ...reactions, 'project.created': [...(reactions['project.created'] ?? []), () => Promise.reject(conflict('a reaction refused'))] }, guards);
    await expect(createProject(admin.ctx, { accountId: account.id })).rejects.toMatchObject({ code: 'conflict', message: 'a reaction refused' });
    expect(await listProjects(admin.ctx, ProjectListQuery.parse({ accountId: account.id, status: 'all' }))).toEqual([]);
  });

  it('announces a task done once, and a milestone reached when the task is one, to every subscriber', async () => {
    const heard: { event: string; payload: unknown }[] = [];
    const listen = <E extends keyof DomainEvents>(event: E) => [
      ...(reactions[event] ?? []),
      (_ctx: unknown, payload: DomainEvents[E]) => void heard.push({ event, payload }),
    ];
    installReactions(
      { ...reactions, 'task.completed': listen('task.completed'), 'milestone.reached': listen('milestone.reached'), 'task.changed': listen('task.changed') },
      guards,
    );
    const project = await createProject(admin.ctx, { accountId: (await makeAccount(admin.ctx)).id });
    const kickoff = project.tasks.find((t) => !t.milestoneKind && t.owner.side === 'vendor' && t.stage === project.stages[0]!.key)!;
    await updateTask(admin.ctx, kickoff.id, { status: 'done' });
    await updateTask(admin.ctx, kickoff.id, { status: 'done', reason: 'again' });
    expect(heard.filter((h) => h.event === 'task.completed')).toEqual([
      { event: 'task.completed', payload: expect.objectContaining({ projectId: project.id, taskId: kickoff.id, ownerSide: 'vendor' }) },
    ]);
    expect(heard.filter((h) => h.event === 'task.changed')).toHaveLength(2);
    expect(heard.some((h) => h.event === 'milestone.reached')).toBe(false);
  });

  it('lets a registered guard refuse a change before anything is written', async () => {
    installReactions(reactions, { 'task.status_changing': [() => Promise.reject(conflict('not before the kick-off call'))] });
    const project = await createProject(admin.ctx, { accountId: (await makeAccount(admin.ctx)).id });
    const task = project.tasks[0]!;
    await expect(updateTask(admin.ctx, task.id, { status: 'in_progress' })).rejects.toMatchObject({ message: 'not before the kick-off call' });
    installReactions(reactions, guards);
    const after = (await updateTask(admin.ctx, task.id, { title: task.title })).task;
    expect(after.status).toBe(task.status);
  });
});
