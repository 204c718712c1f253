// Run by bench/schedule.ts. Through the HTTP API on PostgreSQL: the head of a 1,000-task chain done late (every date
// of the chain moves and is saved), and one task added to a 1,000-task project. Uses DATABASE_URL when set, otherwise
// a database of its own on the local server, dropped at the end.
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
import { decodeMoves, type EncodedMoves } from '../src/core/schedule/moves.ts';

const TASKS = 1000;
const CHAINS = 3;
const SLIPS = 21; // done late, measured; each is followed by a re-opening of the same head, so the next one moves again
const ADDS = 15;
const DAY = 86_400_000;

function chainPlaybook(size: number): PlaybookDefinition {
  const tasks: PlaybookTask[] = [];
  for (let i = 0; i < size; i++) {
    tasks.push({
      key: `c${i}`,
      title: `Chain step ${i}`,
      stage: i < size / 2 ? 'design' : 'launch',
      owner: i % 2 === 0 ? { side: 'customer', role: 'champion' } : { side: 'vendor', role: 'implementation_manager' },
      durationDays: i === size - 1 ? 0 : 1 + (i % 3),
      startOffsetDays: i === 0 ? 0 : null,
      dependsOn: i === 0 ? [] : [{ task: `c${i - 1}` }],
      ...(i === size - 1 ? { milestoneKind: 'go_live' as const } : {}),
    });
  }
  return {
    name: `Benchmark: a chain of ${size}`,
    touchModel: 'high',
    targetDays: 2000,
    selection: { segments: [], complexities: [], products: [] },
    stages: [
      { key: 'design', name: 'Design' },
      { key: 'launch', name: 'Launch' },
    ],
    tasks,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export async function measureChainApi() {
  const { database, databaseUrl, close } = await openBenchDatabase('landfall_bench_chain');
  try {
    // The projects start 40 days ago: their heads are late the day the bench runs.
    const realNow = Date.now();
    let clock = new Date(realNow - 40 * DAY);
    const services: Services = { database, config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl }), now: () => clock };
    installAll();
    const stamp = Date.now().toString(36);
    const { workspace, admin: member } = await createWorkspace(database.db, services, {
      workspaceName: `Chain bench ${stamp}`,
      timezone: 'UTC',
      admin: { name: 'Bench Admin', email: `bench-chain-${stamp}@landfall.dev`, password: 'bench-password-1' },
    });
    const ctx = contextFor(services, { kind: 'member', workspaceId: workspace.id, memberId: member.id, role: 'admin', sessionId: 'bench', name: member.name });
    const day0 = isoDay(clock);
    const account = await createAccount(ctx, {
      name: 'Chain Enterprise',
      industry: 'Manufacturing',
      segment: 'enterprise',
      complexity: 'high',
      contractValue: 1_000_000,
      currency: 'USD',
      contractSignedOn: day0,
      products: [],
      laerStage: 'land',
      owners: [],
    });
    const playbook = await createPlaybook(ctx, chainPlaybook(TASKS));
    const chains = [];
    for (let i = 0; i < CHAINS; i++) {
      const project = await createProject(ctx, { accountId: account.id, playbookId: playbook.id, name: `Chain ${i}` });
      chains.push({ id: project.id, head: project.tasks.find((task) => task.key === 'c0')!.id, tasks: project.tasks });
    }
    clock = new Date(realNow);

    const app = await buildApp(services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const { token } = await startSession(services, { workspaceId: workspace.id, memberId: member.id, role: 'admin', name: member.name }, 'bench');
    const headers = { 'content-type': 'application/json', cookie: `lf_session=${token}`, 'x-csrf-token': csrfTokenFor(token) };
    const call = async (method: string, path: string, body: unknown) => {
      const t0 = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, { method, headers, body: JSON.stringify(body) });
      const text = await response.text();
      const ms = performance.now() - t0;
      if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
      return { ms, text, bytes: Buffer.byteLength(text) };
    };

    const slips: number[] = [];
    const reopens: number[] = [];
    let answerBytes = 0;
    let lastSlip = '';
    for (let i = 0; i < SLIPS; i++) {
      const chain = chains[i % CHAINS]!;
      // How late varies: the head took from 1 to 5 weeks.
      const finish = isoDay(new Date(realNow - (7 + (i * 5) % 28) * DAY));
      const done = await call('PATCH', `/tasks/${chain.head}`, { status: 'done', actualStart: day0, actualFinish: finish });
      const moved = countMoved(done.text);
      if (moved < TASKS - 1) throw new Error(`the slip moved ${moved} tasks, not the whole chain`);
      slips.push(done.ms);
      answerBytes = Math.max(answerBytes, done.bytes);
      if (i === SLIPS - 1) lastSlip = done.text;
      if (i === SLIPS - 1) break; // the last slip stays, to be read back
      const reopen = await call('PATCH', `/tasks/${chain.head}`, { status: 'in_progress', actualStart: day0 });
      reopens.push(reopen.ms);
    }
    // Every date saved: the plan read back is the one the last slip answered.
    const lastChain = chains[(SLIPS - 1) % CHAINS]!;
    const saved = JSON.parse((await call('GET', `/projects/${lastChain.id}`, undefined)).text) as { tasks: { position: number; projectedStart: string; projectedFinish: string }[] };
    const byPosition = new Map(saved.tasks.map((task) => [task.position, task]));
    const answered = decodeMoves((JSON.parse(lastSlip) as { moved: EncodedMoves }).moved);
    for (const move of answered) {
      const task = byPosition.get(move.position)!;
      if (task.projectedStart !== move.projectedStart || task.projectedFinish !== move.projectedFinish) {
        throw new Error(`task at ${move.position} was answered ${move.projectedStart}–${move.projectedFinish} but saved ${task.projectedStart}–${task.projectedFinish}`);
      }
    }

    const adds: number[] = [];
    for (let i = 0; i < ADDS; i++) {
      const chain = chains[i % CHAINS]!;
      const after = chain.tasks[(i * 97) % TASKS]!;
      const added = await call('POST', `/projects/${chain.id}/tasks`, {
        title: `Extra check ${i}`,
        stage: 'launch',
        owner: { side: 'vendor', role: 'implementation_manager' },
        durationDays: 2,
        dependsOn: [{ taskId: after.id }],
      });
      adds.push(added.ms);
    }
    await app.close();
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      api_chain_slip_ms: round(median(slips)),
      api_chain_slip_max_ms: round(Math.max(...slips)),
      api_chain_reopen_ms: round(median(reopens)),
      api_add_task_ms: round(median(adds)),
      api_answer_bytes: answerBytes,
      api_chain_tasks: TASKS,
    };
  } finally {
    await close();
  }
}

/** How many tasks an answer says moved, whatever its shape (a list, or runs of positions). */
function countMoved(text: string): number {
  const body = JSON.parse(text) as { moved?: unknown };
  const moved = body.moved as { runs?: [number, number][] } | unknown[] | undefined;
  if (Array.isArray(moved)) return moved.length;
  return (moved?.runs ?? []).reduce((sum, [, count]) => sum + count, 0);
}
