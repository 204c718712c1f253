// Landfall's HTTP throughput on PostgreSQL over 10,000 accounts (1,000 projects, 40,000 tasks), against a bare
// Fastify hello-world in the same run: one URL again and again (GET /api/v1/accounts?limit=50, served from the
// answer cache: the cached figure), then a realistic mix (bench/lib/api-mix.ts: varied lists, pages, search, the
// portal, 10% writes that invalidate: the uncached figure), on 1 and N processes (node:cluster), and the same mix
// against a floor server that does only the least any API must (bench/lib/floor-server.ts): what the machine allows.
// Run: npm run bench -- api [--processes 1,2] [--duration 10] [--pin]
// --pin runs the load generator on the last CPU and the servers on the others (taskset), so they do not share.
// Uses DATABASE_URL when set (a new workspace is seeded in it), otherwise creates landfall_bench_<pid>
// on postgres://postgres@127.0.0.1:5432 and drops it at the end, even on failure.
import { execFileSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Request } from 'autocannon';
import pg from 'pg';
import { installAll } from '../src/server/app/reactions.ts';
import { loadConfig } from '../src/server/config.ts';
import { contextFor, type Services } from '../src/server/context.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { seedAccounts } from '../src/server/demo/demo.ts';
import { createApiToken } from '../src/server/modules/api-tokens/api-tokens.service.ts';
import { findActiveMemberByEmail } from '../src/server/modules/auth/auth.repo.ts';
import { autocannonRequests, mixRequests, onlyKind, profileMix, mixTargets, type MixTargets } from './lib/api-mix.ts';
import { cpuDuring, type Query } from './lib/cpu.ts';
import { freePort, runLoad, startServer as startServerProcess, stopServer, type Load } from './lib/http-load.ts';

const ACCOUNTS = 10_000;
const PROJECTS = 1_000;
const TASKS = 40_000;
/** The share of writes in the mix. */
const WRITES = 0.1;
const CONNECTIONS = 32;
const WARM_UP_SECONDS = 3;
/** Each kind's CPU is measured over this long. */
const KIND_SECONDS = 3;
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PATH = '/api/v1/accounts?limit=50';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '1,2' },
    duration: { type: 'string', default: '10' },
    pin: { type: 'boolean', default: false },
  },
});
const processCounts = values.processes.split(',').map(Number);
const duration = Number(values.duration);
const here = import.meta.dirname;

const cpus = os.cpus().length;
/** With --pin: servers on CPUs 0…n-2, this process (the load generator) on the last one. */
const pinned = values.pin && cpus > 1;
if (pinned) execFileSync('taskset', ['-cp', String(cpus - 1), String(process.pid)], { stdio: 'ignore' });

const startServer = (script: string, args: string[], env: NodeJS.ProcessEnv) => startServerProcess(script, args, env, pinned ? { cpus: `0-${cpus - 2}` } : {});

/**
 * A short warm-up (JIT, connection pools, PostgreSQL's caches), then the measured run; with `cpu`, also the CPU
 * per request the server process and PostgreSQL's backends spent in the measured run.
 */
async function measure(
  label: string,
  url: string,
  headers: Record<string, string> = {},
  requests?: () => Request[],
  cpu?: { pid: number; query: Query },
): Promise<Load & { appCpuMs?: number; dbCpuMs?: number }> {
  await runLoad(url, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS, headers, ...(requests ? { requests: requests() } : {}) });
  const run = () => runLoad(url, { connections: CONNECTIONS, seconds: duration, headers, ...(requests ? { requests: requests() } : {}) });
  const measured = cpu ? await cpuDuring(cpu.pid, cpu.query, run) : { result: await run(), appMs: undefined, dbMs: undefined };
  const result = measured.result;
  const perRequest = (ms: number | undefined) => (ms === undefined ? undefined : Number((ms / result.requests).toFixed(2)));
  const costs = cpu ? `   CPU per request: app ${perRequest(measured.appMs)} ms + PostgreSQL ${perRequest(measured.dbMs)} ms` : '';
  console.log(
    `${label.padEnd(28)} ${String(result.rps).padStart(7)} req/s   p50 ${result.p50} ms   p99 ${result.p99} ms   ` +
      `non-2xx ${result.non2xx}   errors ${result.errors}${costs}`,
  );
  return { ...result, appCpuMs: perRequest(measured.appMs), dbCpuMs: perRequest(measured.dbMs) };
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, drop: async () => {} };
  const name = `landfall_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Migrates, seeds a workspace of ACCOUNTS accounts with PROJECTS projects, and returns an API token of its admin and the mix's targets. */
async function prepare(databaseUrl: string): Promise<{ token: string; targets: MixTargets }> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl });
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  try {
    await migrateDatabase(database);
    const services: Services = { database, config, now: () => new Date() };
    installAll(); // the seeded workspace announces itself (its built-in playbooks)
    const started = performance.now();
    const seeded = await seedAccounts(services, { accounts: ACCOUNTS, projects: PROJECTS, tasks: TASKS, progress: Boolean(process.stderr.isTTY) });
    // As autovacuum leaves a database minutes after a bulk load: statistics gathered, the visibility map set, and
    // the trigram indexes' pending lists merged (a GIN index just filled holds new entries in a list that every
    // search reads through until a vacuum merges them: searches cost ~10x more until then).
    await database.query('vacuum analyze');
    console.log(`Seeded ${ACCOUNTS} accounts, ${PROJECTS} projects, ${TASKS} tasks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const admin = await findActiveMemberByEmail(database.db, seeded.email);
    if (!admin) throw new Error('the seeded workspace has no admin');
    const ctx = contextFor(services, {
      kind: 'member',
      workspaceId: seeded.workspaceId,
      memberId: admin.id,
      role: 'admin',
      sessionId: 'bench',
      name: admin.name,
    });
    const { token } = await createApiToken(ctx, { name: 'api bench', role: 'admin' });
    return { token, targets: await mixTargets(database, seeded.workspaceId) };
  } finally {
    await database.close();
  }
}

async function main() {
  console.log(`api bench: ${os.cpus().length} CPUs, Node ${process.version}, ${CONNECTIONS} connections, ${duration} s per run`);
  const database = await createDatabase();
  const children = new Set<ChildProcess>();
  let closeClient = async () => {};
  const cleanUp = async () => {
    await closeClient();
    await Promise.all([...children].map(stopServer));
    await database.drop();
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  try {
    const { token, targets } = await prepare(database.url);
    const headers = { authorization: `Bearer ${token}` };
    const env = { ...process.env, DATABASE_URL: database.url };
    // For the backends' pids (their CPU is read from /proc).
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    closeClient = () => client.end();
    const query: Query = async <T>(sql: string) => (await client.query(sql)).rows as T[];

    const measureBare = async (when: string) => {
      const port = await freePort();
      const hello = await startServer(path.join(here, 'hello.mjs'), [String(port)], process.env);
      children.add(hello);
      const load = await measure(`bare Fastify (${when})`, `http://127.0.0.1:${port}/`);
      await stopServer(hello);
      children.delete(hello);
      return load;
    };
    const bareBefore = await measureBare('before');

    const landfall: { processes: number; result: Load; mixed: Load & { appCpuMs?: number; dbCpuMs?: number } }[] = [];
    let seed = 1;
    let answerBytes: Record<string, number> = {};
    for (const processes of processCounts) {
      const port = await freePort();
      const server = await startServer(path.join(here, 'lib/landfall-server.ts'), [String(port), String(processes)], env);
      children.add(server);
      const url = `http://127.0.0.1:${port}${PATH}`;
      const check = await fetch(url, { headers });
      const page = (await check.json()) as { total?: number; items?: unknown[] };
      if (check.status !== 200 || page.total !== ACCOUNTS || page.items?.length !== 50) {
        throw new Error(`GET ${PATH} answered ${check.status} with total ${page.total}: the bench would measure the wrong thing`);
      }
      const label = `${processes} process${processes > 1 ? 'es' : ''}`;
      const result = await measure(`Landfall one URL, ${label}`, url, headers);
      const base = `http://127.0.0.1:${port}`;
      if (processes === processCounts[0]) {
        const kinds = await profileMix(base, targets, headers);
        answerBytes = Object.fromEntries(kinds.map((k) => [k.kind, k.bytes]));
        console.log(`mix (${WRITES * 100}% writes), each kind alone, p50: ${kinds.map((k) => `${k.kind} ${k.p50_ms} ms`).join(', ')}`);
        console.log(`answer sizes, bytes: ${kinds.map((k) => `${k.kind} ${k.bytes}`).join(', ')}`);
        // What each kind costs in CPU, the app's and PostgreSQL's: a figure that holds when the machine is busy.
        const costs: string[] = [];
        for (const { kind } of kinds) {
          const requests = () => autocannonRequests(onlyKind(mixRequests(targets, { writes: WRITES, seed: 5 }), kind), headers);
          const { result: load, appMs, dbMs } = await cpuDuring(server.pid!, query, () => runLoad(base, { connections: 8, seconds: KIND_SECONDS, headers, requests: requests() }));
          costs.push(`${kind} ${(appMs / load.requests).toFixed(2)} + ${(dbMs / load.requests).toFixed(2)}`);
        }
        console.log(`CPU per request, app + PostgreSQL ms, each kind alone (8 connections): ${costs.join(', ')}`);
      }
      // One process's CPU is the server's own; with several, the workers' (children of the primary) are not counted.
      const cpu = processes === 1 ? { pid: server.pid!, query } : undefined;
      const mixed = await measure(`Landfall mix, ${label}`, base, headers, () => autocannonRequests(mixRequests(targets, { writes: WRITES, seed: seed++ }), headers), cpu);
      landfall.push({ processes, result, mixed });
      await stopServer(server);
      children.delete(server);
    }

    // The same mix (same picks as the one-process run) against a server that does only the least any API must.
    const floorPort = await freePort();
    const floorServer = await startServer(path.join(here, 'lib/floor-server.ts'), [String(floorPort)], { ...env, FLOOR_BYTES: JSON.stringify(answerBytes) });
    children.add(floorServer);
    const floor = await measure('floor (same mix, no logic)', `http://127.0.0.1:${floorPort}`, headers, () => autocannonRequests(mixRequests(targets, { writes: WRITES, seed: 1 }), headers), {
      pid: floorServer.pid!,
      query,
    });
    await stopServer(floorServer);
    children.delete(floorServer);

    const bareAfter = await measureBare('after');
    // The machine's speed drifts over a run (a shared host): the reference is the mean of a reading before Landfall's
    // runs and one after them.
    const bare: Load = {
      ...bareAfter,
      rps: Math.round((bareBefore.rps + bareAfter.rps) / 2),
      p99: Math.max(bareBefore.p99, bareAfter.p99),
      non2xx: bareBefore.non2xx + bareAfter.non2xx,
      errors: bareBefore.errors + bareAfter.errors,
    };

    const single = landfall.find((run) => run.processes === 1) ?? landfall[0]!;
    const widest = landfall.reduce((a, b) => (b.processes > a.processes ? b : a));
    const best = landfall.reduce((a, b) => (b.result.rps > a.result.rps ? b : a));
    const non2xx = landfall.reduce((sum, run) => sum + run.result.non2xx + run.result.errors + run.mixed.non2xx + run.mixed.errors, 0) + bare.non2xx + bare.errors + floor.non2xx + floor.errors;
    if (non2xx > 0) process.exitCode = 1;
    console.log(
      `\nratio (best Landfall / bare) ${(best.result.rps / bare.rps).toFixed(3)} with ${best.processes} process(es); ` +
        `single process ${(single.result.rps / bare.rps).toFixed(3)}; non-2xx and errors in total: ${non2xx}`,
    );
    console.log(
      `mix (uncached, ${WRITES * 100}% writes): ${single.mixed.rps} req/s p99 ${single.mixed.p99} ms on one process (target ≥ 2,000 req/s, p99 < 50 ms), ` +
        `${(single.mixed.rps / bare.rps).toFixed(3)} of bare; ${widest.processes} processes ${widest.mixed.rps} req/s (scaling ${(widest.mixed.rps / single.mixed.rps).toFixed(2)})` +
        (pinned ? `; load generator pinned to CPU ${cpus - 1}` : `; load generator shares the ${cpus} CPUs`),
    );
    console.log(
      `floor (the same mix answered with one credential lookup, one row read or written and answers of the same size, no other work): ` +
        `${floor.rps} req/s p99 ${floor.p99} ms; Landfall's mix is ${(single.mixed.rps / floor.rps).toFixed(3)} of it` +
        (floor.rps < 2000 ? ` — this machine cannot answer this mix at 2,000 req/s even with no work per request` : ''),
    );
    console.log(
      JSON.stringify({
        bench: 'api',
        landfall_rps: best.result.rps,
        landfall_p99_ms: best.result.p99,
        bare_rps: bare.rps,
        bare_before_rps: bareBefore.rps,
        bare_after_rps: bareAfter.rps,
        bare_p99_ms: bare.p99,
        ratio: Number((best.result.rps / bare.rps).toFixed(3)),
        connections: CONNECTIONS,
        accounts: ACCOUNTS,
        landfall_processes: best.processes,
        single_process_rps: single.result.rps,
        single_process_p99_ms: single.result.p99,
        mixed_rps: single.mixed.rps,
        mixed_p99_ms: single.mixed.p99,
        mixed_ratio: Number((single.mixed.rps / bare.rps).toFixed(3)),
        mixed_app_cpu_ms: single.mixed.appCpuMs,
        mixed_db_cpu_ms: single.mixed.dbCpuMs,
        floor_rps: floor.rps,
        floor_p99_ms: floor.p99,
        floor_app_cpu_ms: floor.appCpuMs,
        floor_db_cpu_ms: floor.dbCpuMs,
        mixed_floor_ratio: Number((single.mixed.rps / floor.rps).toFixed(3)),
        scaling: Number((widest.mixed.rps / single.mixed.rps).toFixed(2)),
        processes: widest.processes,
        pinned,
        load_1m: Number(os.loadavg()[0]!.toFixed(2)),
        non2xx,
      }),
    );
  } finally {
    await cleanUp();
  }
}

await main();
