// EXPLAIN (ANALYZE, BUFFERS) of each insight query against an already seeded database, for finding where a cold
// report spends: DATABASE_URL=postgres://…/db npx tsx bench/lib/explain-insight.ts [name…] (the workspace with the most projects).
// CPU=5: instead, runs each query 5 times and prints the CPU time its PostgreSQL backend spent (from /proc, so the
// database must run on this machine): a figure that, unlike the wall clock, does not grow with the machine's load.
// JIT=on: with jit on in the session (the app turns it off).
import fs from 'node:fs';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { DEFAULT_DEFINITIONS } from '../../src/core/insight/measures.ts';
import type { Db } from '../../src/server/db/client.ts';
import * as repo from '../../src/server/modules/insight/insight.repo.ts';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
// As the app's connections do (src/server/db/client.ts), unless JIT=on.
if (process.env.JIT !== 'on') await client.query('set jit = off');
const { rows: [top] } = await client.query<{ workspace_id: string; industry: string }>(
  `select p.workspace_id, (select industry from accounts a where a.workspace_id = p.workspace_id group by 1 order by count(*) desc limit 1) as industry
   from projects p group by 1 order by count(*) desc limit 1`,
);
const set = { workspaceId: top!.workspace_id } as repo.ProjectSet;
const day = new Date().toISOString().slice(0, 10);
const dialect = new PgDialect();
/** A Db that only records the statements a repo function would run (each answered with no rows). */
const recorder = (into: SQL[]) =>
  ({ execute: async (query: SQL) => (into.push(query), { rows: [{}] }) }) as unknown as Db;
const parts: Record<string, (db: Db) => Promise<unknown>> = {
  portfolioCounts: (db) => repo.portfolioCounts(db, set),
  stageNames: (db) => repo.stageNames(db, set),
  measureLive: (db) => repo.measureSummary(db, set, DEFAULT_DEFINITIONS.live, day),
  slipByMonth: (db) => repo.slipByMonth(db, set, day),
  csatByMonth: (db) => repo.csatByMonth(db, set, day),
  outcomeCounts: (db) => repo.outcomeCounts(db, set),
  revenueAtRisk: (db) => repo.revenueAtRisk(db, set),
  renewals: (db) => repo.renewals(db, set, day, 90),
  workload: (db) => repo.workload(db, set),
  ttv: (db) => repo.ttvData(db, set, DEFAULT_DEFINITIONS.value, day, 'segment_cohort'),
  dayReport: (db) => repo.dayReport(db, { ...set, industry: top!.industry }, -60, 60),
  stagesInOrder: (db) => repo.stagesInOrder(db, { ...set, industry: top!.industry }),
};
const only = process.argv.slice(2);
const cpuRuns = Number(process.env.CPU ?? 0);
const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
/** User + system CPU of the backend so far, in ms (clock ticks of 10 ms). */
const backendCpuMs = () => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
for (const [name, run] of Object.entries(parts)) {
  if (only.length && !only.includes(name)) continue;
  const statements: SQL[] = [];
  await run(recorder(statements)).catch(() => undefined);
  for (const statement of statements) {
    const { sql: text, params } = dialect.sqlToQuery(statement);
    if (cpuRuns) {
      const before = backendCpuMs();
      for (let i = 0; i < cpuRuns; i++) await client.query(text, params);
      console.log(`${name}: ${((backendCpuMs() - before) / cpuRuns).toFixed(0)} ms CPU per run`);
      continue;
    }
    const { rows } = await client.query(`explain (analyze, buffers, settings) ${text}`, params);
    console.log(`\n── ${name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}
await client.end();
