// Insight reports on PostgreSQL at scale: the dashboard, time to value by segment × cohort and the day −60…+60 report for one industry, through the HTTP routes. Run: npm run bench -- reports [--accounts 10000] [--projects 20000] [--tasks 1000000]
//
// Seeds a workspace with `landfall seed`'s generator (accounts, then projects and tasks by INSERT … SELECT), starts
// Landfall's HTTP app in a child process and times each report through its route with an API token.
// Cold: the first request of each report in a freshly started server process (new database connections, no
// prepared plans, nothing in Node's caches, so the report answer cache is empty), each with filter
// values not asked before. PostgreSQL's shared buffers and the OS page cache stay as the seed left them (this bench
// cannot drop them without restarting the database). Warm: the p50 of RUNS further requests (answered from the report cache while the workspace's insight version holds).
// Uses DATABASE_URL when set (a new workspace is seeded in it, and kept), else creates landfall_bench_reports_<pid> and drops it.
// --reuse (with DATABASE_URL): no seeding, no re-score; times the reports of the workspace already seeded there with the
// most projects (for iterating on the queries without writing a million tasks again).
import { execSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { installAll } from '../src/server/app/reactions.ts';
import { loadConfig } from '../src/server/config.ts';
import { contextFor, type Services } from '../src/server/context.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { seedAccounts } from '../src/server/demo/demo.ts';
import { createApiToken } from '../src/server/modules/api-tokens/api-tokens.service.ts';
import { findActiveMemberByEmail } from '../src/server/modules/auth/auth.repo.ts';
import { timeHealthRescore } from './lib/health-rescore.ts';
import { freePort, startServer, stopServer } from './lib/http-load.ts';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const here = import.meta.dirname;
const { values } = parseArgs({
  options: { accounts: { type: 'string' }, projects: { type: 'string' }, tasks: { type: 'string' }, runs: { type: 'string' }, reuse: { type: 'boolean' } },
});
const ACCOUNTS = Number(values.accounts ?? 10_000);
const PROJECTS = Number(values.projects ?? ACCOUNTS * 2);
const TASKS = Number(values.tasks ?? PROJECTS * 50);
const RUNS = Number(values.runs ?? 20);

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return ms;
}

/** The workspace a previous run seeded (the one with the most projects) and its admin, for --reuse. */
async function seededBefore(database: Database) {
  const [found] = await database.query<{ workspace_id: string; email: string; accounts: number; projects: number; tasks: number }>(
    `select p.workspace_id, (select m.email from members m where m.workspace_id = p.workspace_id and m.role = 'admin' order by m.created_at limit 1) as email,
       (select count(*) from accounts a where a.workspace_id = p.workspace_id)::int as accounts, count(*)::int as projects,
       (select count(*) from project_tasks t where t.workspace_id = p.workspace_id)::int as tasks
     from projects p group by 1 order by count(*) desc limit 1`,
  );
  if (!found) throw new Error('--reuse: no seeded workspace in DATABASE_URL; run once without --reuse');
  return { workspaceId: found.workspace_id, email: found.email, accounts: found.accounts, projects: { projects: found.projects, tasks: found.tasks } };
}

const p50 = (times: number[]) => times.toSorted((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  const own = databaseUrl ? undefined : `landfall_bench_reports_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  if (own) {
    await admin.connect();
    await admin.query(`create database ${own}`);
    databaseUrl = `postgres://postgres@127.0.0.1:5432/${own}`;
  }
  let server: ChildProcess | undefined;
  try {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl });
    const database = await openDatabase({ databaseUrl, poolSize: 4 });
    await migrateDatabase(database);
    const services: Services = { database, config, now: () => new Date() };
    installAll();
    let started = performance.now();
    if (values.reuse && own) throw new Error('--reuse needs DATABASE_URL (the database a previous run seeded)');
    const seeded = values.reuse ? await seededBefore(database) : await seedAccounts(services, { accounts: ACCOUNTS, progress: true, projects: PROJECTS, tasks: TASKS });
    const seedS = values.reuse ? 0 : (performance.now() - started) / 1000;
    console.error(`${values.reuse ? 'Reusing' : 'Seeded'} ${seeded.accounts} accounts, ${seeded.projects?.projects} projects, ${seeded.projects?.tasks} tasks in ${seedS.toFixed(1)} s`);
    const member = await findActiveMemberByEmail(database.db, seeded.email);
    const ctx = contextFor(services, { kind: 'member', workspaceId: seeded.workspaceId, memberId: member!.id, role: 'admin', sessionId: 'bench', name: member!.name });
    const { token } = await createApiToken(ctx, { name: 'reports bench', role: 'admin' });
    const [{ industry } = { industry: 'Software' }] = await database.query<{ industry: string }>(
      'select industry from accounts where workspace_id = $1 group by 1 order by count(*) desc limit 1',
      [seeded.workspaceId],
    );
    started = performance.now();
    let healthRescoreS: number | null = null;
    if (!values.reuse) {
      const rescore = await timeHealthRescore(services, seeded.workspaceId);
      healthRescoreS = rescore.health_rescore_s;
      console.error(`health re-score of ${rescore.accounts} accounts: ${healthRescoreS} s, again ${rescore.health_rescore_again_s} s (${rescore.changed_again} changed), both in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await database.close();

    const port = await freePort();
    server = await startServer(path.join(here, 'lib/landfall-server.ts'), [String(port), '1'], { ...process.env, DATABASE_URL: databaseUrl });
    const headers = { authorization: `Bearer ${token}` };
    const base = `http://127.0.0.1:${port}/api/v1/insight`;
    const reports = {
      dashboard: `${base}/dashboard`,
      ttv: `${base}/time-to-value?measure=value&groupBy=segment_cohort`,
      day_report: `${base}/day-report?industry=${encodeURIComponent(industry)}`,
    };
    // Cold: the first request of each, in a fresh process, with filters not asked before (nothing prepared for them).
    const cold: Record<string, number> = {};
    for (const [name, url] of Object.entries(reports)) cold[name] = await timed(url, headers);
    const warm: Record<string, number> = {};
    for (const [name, url] of Object.entries(reports)) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await timed(url, headers));
      warm[name] = p50(times);
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    console.error(`cold: ${Object.entries(cold).map(([k, v]) => `${k} ${round(v)} ms`).join(', ')}`);
    console.error(`uptime: ${execSync('uptime').toString().trim()}`);
    console.log(
      JSON.stringify({
        dashboard_p50_ms: round(warm.dashboard!),
        ttv_p50_ms: round(warm.ttv!),
        day_report_p50_ms: round(warm.day_report!),
        cold_max_ms: round(Math.max(...Object.values(cold))),
        health_rescore_s: healthRescoreS,
        tasks: seeded.projects?.tasks ?? 0,
        projects: seeded.projects?.projects ?? 0,
        accounts: seeded.accounts,
        seed_s: round(seedS),
      }),
    );
  } finally {
    if (server) await stopServer(server);
    if (own) {
      await admin.query(`drop database if exists ${own} with (force)`);
      await admin.end();
    }
  }
}

await main();
