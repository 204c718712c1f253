// Through the HTTP API on PostgreSQL: completing a task of a 500-task project, with every changed date saved.
// Uses DATABASE_URL when set, otherwise a database of its own on the local server, dropped at the end.
import type { AddressInfo } from 'node:net';
import type { PlaybookDefinition, PlaybookTask } from '../src/core/playbooks/definition.ts';
import { loadConfig } from '../src/server/config.ts';
import { contextFor, type Services } from '../src/server/context.ts';
import { buildApp } from '../src/server/app/app.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { installAll } from '../src/server/app/reactions.ts';
import { createAccount } from '../src/server/modules/accounts/accounts.service.ts';
import { csrfTokenFor, startSession } from '../src/server/modules/auth/auth.service.ts';
import { createPlaybook } from '../src/server/modules/playbooks/playbooks.service.ts';
import { createProject } from '../src/server/modules/projects/projects.service.ts';
import { createWorkspace } from '../src/server/modules/auth/sign-up.service.ts';

const TASKS = 500;
const COMPLETIONS = 40;

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A playbook of `size` tasks in a random DAG, about two predecessors each. */
function bigPlaybook(size: number): PlaybookDefinition {
  const rand = random(42);
  const tasks: PlaybookTask[] = [];
  for (let i = 0; i < size; i++) {
    const dependsOn = i === 0 ? [] : [...new Set([Math.floor(rand() * i), Math.floor(rand() * i)])].map((p) => ({ task: `t${p}` }));
    tasks.push({
      key: `t${i}`,
      title: `Task ${i}`,
      stage: i < size / 2 ? 'design' : 'launch',
      owner: i % 3 === 0 ? { side: 'customer', role: 'champion' } : { side: 'vendor', role: 'implementation_manager' },
      durationDays: 1 + Math.floor(rand() * 4),
      startOffsetDays: i === 0 ? 0 : null,
      dependsOn,
    });
  }
  return {
    name: 'Benchmark: 500 tasks',
    touchModel: 'high',
    targetDays: 365,
    selection: { segments: [], complexities: [], products: [] },
    stages: [
      { key: 'design', name: 'Design' },
      { key: 'launch', name: 'Launch' },
    ],
    tasks,
  };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

export async function measureProjectApi() {
  const { database, databaseUrl, close } = await openBenchDatabase('landfall_bench_project');
  try {
    const services: Services = { database, config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl }), now: () => new Date() };
    installAll(); // a new workspace announces itself (its built-in playbooks), before buildApp would install the reactions
    const stamp = Date.now().toString(36);
    const { workspace, admin: member } = await createWorkspace(database.db, services, {
      workspaceName: `Schedule bench ${stamp}`,
      timezone: 'UTC',
      admin: { name: 'Bench Admin', email: `bench-schedule-${stamp}@landfall.example`, password: 'bench-password-1' },
    });
    const ctx = contextFor(services, { kind: 'member', workspaceId: workspace.id, memberId: member.id, role: 'admin', sessionId: 'bench', name: member.name });
    const today = new Date().toISOString().slice(0, 10);
    const account = await createAccount(ctx, {
      name: 'Big Enterprise',
      industry: 'Manufacturing',
      segment: 'enterprise',
      complexity: 'high',
      contractValue: 1_000_000,
      currency: 'USD',
      contractSignedOn: today,
      products: [],
      laerStage: 'land',
      owners: [],
    });
    const playbook = await createPlaybook(ctx, bigPlaybook(TASKS));
    const project = await createProject(ctx, { accountId: account.id, playbookId: playbook.id });
    const order = [...project.tasks].sort((a, b) => (a.projectedStart ?? '').localeCompare(b.projectedStart ?? '') || a.position - b.position);

    const app = await buildApp(services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const { token } = await startSession(services, { workspaceId: workspace.id, memberId: member.id, role: 'admin', name: member.name }, 'bench');
    const headers = { 'content-type': 'application/json', cookie: `lf_session=${token}`, 'x-csrf-token': csrfTokenFor(token) };
    const times: number[] = [];
    let moved = 0;
    for (const task of order.slice(0, COMPLETIONS + 5)) {
      const t0 = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/tasks/${task.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ status: 'done' }),
      });
      const body = (await response.json()) as { moved?: { runs: [number, number][] } };
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`PATCH answered ${response.status}: ${JSON.stringify(body)}`);
      times.push(ms);
      moved += (body.moved?.runs ?? []).reduce((sum, [, count]) => sum + count, 0);
    }
    await app.close();
    const measured = times.slice(5); // the first calls warm up the JIT and the pool
    return {
      api_complete_p50_ms: Math.round(percentile(measured, 0.5) * 10) / 10,
      api_complete_p90_ms: Math.round(percentile(measured, 0.9) * 10) / 10,
      api_project_tasks: TASKS,
      api_completions: measured.length,
      api_avg_tasks_moved: Math.round(moved / times.length),
    };
  } finally {
    await close();
  }
}
