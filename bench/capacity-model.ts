// Capacity model for 10,000 workspaces × 1,000 projects: generates the data shape small on PostgreSQL, measures bytes per row and CPU per request, extrapolates (docs/scaling.md).
// Run: npm run bench -- capacity-model [--life-workspaces 2] [--life-projects 3] [--scale-projects 1000] [--duration 10]
//
// What it generates, in a database of its own (lf_bench_capacity_<pid>, dropped at the end), all through the
// product's code:
//   1. The demo workspace (seedDemoWorkspace, what `npm start` shows): the per-workspace content (team, playbooks,
//      academy courses and enrolments, journeys, webhooks, SSO, SCIM, CRM sync, audit log) and a portfolio of 43
//      projects: 10 played through the services (tasks started and done day by day, re-plans, slips, reminders and
//      escalation, portal visits, ratings, sign-offs, success plans) and 33 finished ones from the bulk generator.
//   2. `--life-workspaces` workspaces (seedAccounts: team, customers, contacts) of `--life-projects` projects each,
//      every project played through its whole life by the services (demo-projects.ts's playForward, day 0 ~220 days
//      ago: from signature to onboarding complete), a webhook endpoint for every event type (deliveries), the
//      champion given portal access, a portal visit, up to two milestone ratings and a question, and two comments
//      from the team.
//   3. One workspace at the target size (seedAccounts with the bulk generator: 1,000 customers, 1,000 projects,
//      40 tasks each): the request mix runs against it (bench/lib/api-mix.ts), and it gives the big tables volume.
// Then VACUUM ANALYZE, and per table: rows per workspace, per account or per project (the scope is read from its
// columns: a project_id or task_id makes it grow with projects, an account_id or contact_id with customers,
// else with workspaces; the outboxes and delivery logs grow with projects' activity), the largest rate of any
// workspace (the richest life seen); bytes per row = pg_total_relation_size (heap, TOAST, every index) / rows for a
// table of ≥ 1,000 rows, else estimated from the rows' widths (pg_column_size, pg_stats) and its indexes; and write
// amplification (row writes per row kept, from pg_stat_user_tables).
// Per request: one Landfall process (bench/lib/landfall-server.ts) under the api bench's mix (10% writes, 32
// connections); CPU of the app process and of the database's backends from /proc/<pid>/stat, divided by the
// requests answered. (pg_stat_statements needs shared_preload_libraries, which this PostgreSQL does not load.)
// Assumed, not measured: the fleet and user figures in DEFAULT_ASSUMPTIONS (bench/lib/capacity-model.ts), one
// customer per project, and the jobs that run over a project's life (cadence mail, health history) only as the
// demo has them.
// Ends with one JSON line.
import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addCalendarDays, type BusinessCalendar } from '../src/core/calendar.ts';
import { WEBHOOK_EVENT_TYPES } from '../src/contract/webhooks.ts';
import { installAll } from '../src/server/app/reactions.ts';
import { loadConfig } from '../src/server/config.ts';
import { contextFor, type Ctx, type Services } from '../src/server/context.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { seedAccounts, seedDemoWorkspace } from '../src/server/demo/demo.ts';
import { at, playForward } from '../src/server/demo/demo-projects.ts';
import { seededRandom } from '../src/server/demo/demo.generator.ts';
import { createApiToken } from '../src/server/modules/api-tokens/api-tokens.service.ts';
import { findActiveMemberByEmail } from '../src/server/modules/auth/auth.repo.ts';
import { listContacts } from '../src/server/modules/contacts/contacts.repo.ts';
import { grantAccess } from '../src/server/modules/portal/portal-access.service.ts';
import { portalComment, portalProject, rateMilestone } from '../src/server/modules/portal/portal.service.ts';
import { calendarOf, todayFor } from '../src/server/modules/projects/plan.ts';
import { addComment } from '../src/server/modules/projects/tasks.service.ts';
import { insertEndpoint } from '../src/server/modules/webhooks/webhooks.repo.ts';
import { keyRing, seal } from '../src/server/security/sealed.ts';
import { autocannonRequests, mixRequests, mixTargets } from './lib/api-mix.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { capacityModel, DEFAULT_ASSUMPTIONS, type Scope, type TableCost } from './lib/capacity-model.ts';
import { backendsCpu, cpuMs } from './lib/cpu.ts';
import { freePort, runLoad, startServer, stopServer } from './lib/http-load.ts';

const { values } = parseArgs({
  options: {
    'life-workspaces': { type: 'string', default: '2' },
    'life-projects': { type: 'string', default: '3' },
    'scale-projects': { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
  },
});
const LIFE_WORKSPACES = Number(values['life-workspaces']);
const LIFE_PROJECTS = Number(values['life-projects']);
const SCALE_PROJECTS = Number(values['scale-projects']);
const DURATION = Number(values.duration);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 32;
const WRITES = 0.1;
/** Below this many rows a table's size is mostly its first pages: bytes per row are estimated from widths instead. */
const MEASURED_ROWS = 1_000;
/** Tables that grow with what happens in projects though they carry no project column. */
const ACTIVITY_TABLES = new Set(['mail_outbox', 'webhook_deliveries', 'webhook_attempts', 'comment_mentions']);

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const log = (line: string) => console.log(line);

/** Plays `LIFE_PROJECTS` projects of a new workspace from signature to completion, with the portal and comments. */
async function seedLifeWorkspace(services: Services, index: number) {
  const seeded = await seedAccounts(services, { accounts: LIFE_PROJECTS, progress: false });
  const admin = await findActiveMemberByEmail(services.database.db, seeded.email);
  if (!admin) throw new Error('the life workspace has no admin');
  const workspaceId = seeded.workspaceId;
  const vendor = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'bench', name: admin.name });
  await insertEndpoint(services.database.db, {
    workspaceId,
    url: 'https://hooks.warehouse.example.net/landfall',
    description: 'Every event (capacity model)',
    eventTypes: [...WEBHOOK_EVENT_TYPES],
    secretSealed: seal(keyRing(services.config), 'whsec_capacity-model'),
    createdAt: services.now(),
    updatedAt: services.now(),
  });
  const calendar: BusinessCalendar = await calendarOf(services.database.db, workspaceId);
  const today = todayFor(vendor, calendar);
  const random = seededRandom(100 + index);
  const accounts = await services.database.query<{ id: string }>('select id from accounts where workspace_id = $1 order by name', [workspaceId]);
  for (const [n, account] of accounts.entries()) {
    const day0 = addCalendarDays(today, -(210 + 7 * n));
    const projectId = await playForward(vendor, account.id, day0, today, calendar, random.next, random.next);
    await lifeInThePortal(vendor, projectId, account.id, today, calendar);
  }
  return workspaceId;
}

async function lifeInThePortal(vendor: Ctx, projectId: string, accountId: string, today: string, calendar: BusinessCalendar) {
  const contacts = await listContacts(vendor.db, vendor.workspaceId, accountId, 'current');
  const champion = contacts.find((c) => c.role === 'champion') ?? contacts[0];
  if (!champion) return;
  const now = at(vendor, today, calendar.timeZone);
  await grantAccess(now, projectId, champion.id);
  const actor = { kind: 'contact' as const, workspaceId: vendor.workspaceId, contactId: champion.id, sessionId: 'bench', preview: false, name: champion.name };
  const customer = { ...contextFor(now.services, actor), actor };
  const view = await portalProject(customer, projectId);
  for (const milestone of view.milestones.filter((m) => m.reachedOn).slice(0, 2)) {
    await rateMilestone(customer, projectId, milestone.taskId, { score: 4, comment: 'Clear plan, good team.' });
  }
  const open = view.tasks.find((t) => t.side === 'customer' && t.status !== 'done') ?? view.tasks.find((t) => t.side === 'customer');
  if (open) await portalComment(customer, projectId, open.id, 'Who on our side should own this?');
  for (const task of view.tasks.filter((t) => t.side === 'vendor').slice(0, 2)) {
    await addComment(now, task.id, 'Talked it through with the customer; notes in the shared folder.');
  }
}

interface TableFacts {
  table: string;
  rows: number;
  totalBytes: number;
  estimatedBytesPerRow: number;
  columns: Set<string>;
  writes: number;
  hotUpdates: number;
  updates: number;
  indexes: number;
}

/** Per table: rows, size on disk, an estimate from widths for small tables, and the writes since the stats reset. */
async function tableFacts(database: Database): Promise<TableFacts[]> {
  const q = database.query.bind(database);
  const tables = await q<{ table: string; total: number; ins: number; upd: number; hot: number; del: number; indexes: number }>(
    `select s.relname as table, pg_total_relation_size(s.relid)::bigint as total, s.n_tup_ins as ins, s.n_tup_upd as upd, s.n_tup_hot_upd as hot,
       s.n_tup_del as del, (select count(*)::int from pg_index i where i.indrelid = s.relid) as indexes
     from pg_stat_user_tables s where s.schemaname = 'public' order by s.relname`,
  );
  const columns = await q<{ table: string; column: string }>(`select table_name as table, column_name as column from information_schema.columns where table_schema = 'public'`);
  // An index entry: 8 bytes of header and 4 of line pointer plus its keys' widths (pg_stats), leaves 90% full; a
  // trigram (GIN) index about three entries per character. Expressions count 16 bytes.
  const indexWidths = await q<{ table: string; bytes: number }>(
    `select c.relname as table, sum(case when am.amname = 'btree' then (12 + ceil(coalesce(k.width, 16) / 8.0) * 8) / 0.9
        else 12 + 3 * coalesce(k.width, 16) end)::float8 as bytes
     from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
     join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
     cross join lateral (select sum(case when a.attnum = 0 then 16 else coalesce(st.avg_width, 8) end) as width
       from unnest(i.indkey::int2[]) a(attnum)
       left join pg_attribute att on att.attrelid = c.oid and att.attnum = a.attnum
       left join pg_stats st on st.schemaname = 'public' and st.tablename = c.relname and st.attname = att.attname) k
     group by c.relname`,
  );
  const facts: TableFacts[] = [];
  for (const t of tables) {
    const [{ rows, width } = { rows: 0, width: 0 }] = await q<{ rows: number; width: number | null }>(`select count(*)::int as rows, avg(pg_column_size(t.*))::float8 as width from "${t.table}" t`);
    const heap = ((width ?? 0) + 4) / 0.95; // the row with its header, its line pointer, pages not quite full
    facts.push({
      table: t.table,
      rows,
      totalBytes: t.total,
      estimatedBytesPerRow: Math.round(heap + (indexWidths.find((i) => i.table === t.table)?.bytes ?? 0)),
      columns: new Set(columns.filter((c) => c.table === t.table).map((c) => c.column)),
      writes: t.ins + t.upd + t.del,
      hotUpdates: t.hot,
      updates: t.upd,
      indexes: t.indexes,
    });
  }
  return facts;
}

function scopeOf(facts: TableFacts): Scope {
  if (facts.table === 'projects' || facts.columns.has('project_id') || facts.columns.has('task_id') || ACTIVITY_TABLES.has(facts.table)) return 'project';
  if (['accounts', 'contacts', 'organizations'].includes(facts.table) || facts.columns.has('account_id') || facts.columns.has('contact_id')) return 'account';
  return 'workspace';
}

/** Rows per workspace of every tenant table, and each workspace's projects and accounts. */
async function rowsByWorkspace(database: Database, facts: TableFacts[]) {
  const units = await database.query<{ id: string; projects: number; accounts: number }>(
    `select w.id, (select count(*)::int from projects p where p.workspace_id = w.id) as projects,
       (select count(*)::int from accounts a where a.workspace_id = w.id) as accounts from workspaces w`,
  );
  const counts = new Map<string, Map<string, number>>();
  for (const t of facts) {
    if (t.rows === 0) continue;
    const byWorkspace = new Map<string, number>();
    if (t.table === 'workspaces') for (const u of units) byWorkspace.set(u.id, 1);
    else if (t.columns.has('workspace_id')) {
      for (const row of await database.query<{ workspace_id: string; n: number }>(`select workspace_id, count(*)::int as n from "${t.table}" group by 1`)) {
        byWorkspace.set(row.workspace_id, row.n);
      }
    } else for (const u of units) byWorkspace.set(u.id, t.rows / units.length); // not a tenant table: shared out evenly
    counts.set(t.table, byWorkspace);
  }
  return { units, counts };
}

const writeCounters = (database: Database) =>
  database.query<{ table: string; writes: number; indexed: number }>(
    `select s.relname as table, (s.n_tup_ins + s.n_tup_upd + s.n_tup_del)::float8 as writes,
       ((s.n_tup_ins + s.n_tup_upd - s.n_tup_hot_upd) * (select count(*) from pg_index i where i.indrelid = s.relid))::float8 as indexed
     from pg_stat_user_tables s where s.schemaname = 'public'`,
  );

async function main() {
  const started = performance.now();
  log(`capacity-model bench: ${os.cpus().length} CPUs, Node ${process.version}; uptime: ${execSync('uptime').toString().trim()}`);
  const bench = await openBenchDatabase('lf_bench_capacity');
  const children: { stop: () => Promise<void> }[] = [];
  process.once('SIGINT', () => void Promise.all(children.map((c) => c.stop())).then(() => bench.close()).finally(() => process.exit(130)));
  try {
    const [{ n: existing } = { n: 0 }] = await bench.database.query<{ n: number }>('select count(*)::int as n from workspaces');
    if (existing > 0) throw new Error('DATABASE_URL holds workspaces already: the model measures a database of its own (unset DATABASE_URL)');
    await bench.database.query('select pg_stat_reset()');

    // The seeding runs on a pool of its own, closed afterwards: its backends exit and report their writes.
    const database = await openDatabase({ databaseUrl: bench.databaseUrl, poolSize: 4 });
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: bench.databaseUrl });
    const services: Services = { database, config, now: () => new Date() };
    installAll();
    let step = performance.now();
    await seedDemoWorkspace(services);
    log(`1. demo workspace (services): ${seconds(step)} s`);
    step = performance.now();
    for (let index = 0; index < LIFE_WORKSPACES; index++) await seedLifeWorkspace(services, index);
    log(`2. ${LIFE_WORKSPACES} workspaces × ${LIFE_PROJECTS} projects played from signature to completion (services): ${seconds(step)} s`);
    step = performance.now();
    const scale = await seedAccounts(services, { accounts: SCALE_PROJECTS, projects: SCALE_PROJECTS, tasks: SCALE_PROJECTS * 40, progress: false });
    log(`3. a workspace at the target size, ${SCALE_PROJECTS} customers and projects (bulk generator): ${seconds(step)} s`);
    const admin = await findActiveMemberByEmail(database.db, scale.email);
    if (!admin) throw new Error('the seeded workspace has no admin');
    const scaleCtx = contextFor(services, { kind: 'member', workspaceId: scale.workspaceId, memberId: admin.id, role: 'admin', sessionId: 'bench', name: admin.name });
    const { token } = await createApiToken(scaleCtx, { name: 'capacity model', role: 'admin' });
    const targets = await mixTargets(database, scale.workspaceId);
    await database.close();

    step = performance.now();
    await bench.database.query('vacuum analyze');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the vacuum's statistics reach the views
    const facts = await tableFacts(bench.database);
    const { units, counts } = await rowsByWorkspace(bench.database, facts);
    log(`4. vacuum analyze and per-table figures: ${seconds(step)} s`);

    // Rows per unit: the largest of any workspace (with projects, for the project tables; accounts, for theirs).
    const costs: (TableCost & { measured: boolean; writesPerRow: number; hotShare: number | null })[] = [];
    for (const t of facts) {
      const byWorkspace = counts.get(t.table);
      if (!byWorkspace) continue;
      const scope = scopeOf(t);
      let rate = 0;
      for (const u of units) {
        const rows = byWorkspace.get(u.id) ?? 0;
        const per = scope === 'workspace' ? 1 : scope === 'project' ? u.projects : u.accounts;
        if (per > 0) rate = Math.max(rate, rows / per);
      }
      const measured = t.rows >= MEASURED_ROWS;
      costs.push({
        table: t.table,
        scope,
        rowsPerUnit: rate,
        bytesPerRow: measured ? Math.round(t.totalBytes / t.rows) : t.estimatedBytesPerRow,
        measured,
        writesPerRow: t.writes / t.rows,
        hotShare: t.updates > 0 ? t.hotUpdates / t.updates : null,
      });
    }

    // The request mix against one process, with the CPU it and the database's backends spend.
    step = performance.now();
    const port = await freePort();
    const server = await startServer(path.join(import.meta.dirname, 'lib/landfall-server.ts'), [String(port), '1'], { ...process.env, DATABASE_URL: bench.databaseUrl });
    children.push({ stop: () => stopServer(server) });
    const headers = { authorization: `Bearer ${token}` };
    const base = `http://127.0.0.1:${port}`;
    let seed = 1;
    const mix = () => autocannonRequests(mixRequests(targets, { writes: WRITES, seed: seed++ }), headers);
    await runLoad(base, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS, headers, requests: mix() });
    const appBefore = cpuMs(server.pid!)!;
    const dbBefore = await backendsCpu((sql) => bench.database.query(sql));
    const writesBefore = await writeCounters(bench.database);
    const load = await runLoad(base, { connections: CONNECTIONS, seconds: DURATION, headers, requests: mix() });
    const appAfter = cpuMs(server.pid!)!;
    const dbAfter = await backendsCpu((sql) => bench.database.query(sql));
    await stopServer(server); // its backends exit, and report their row writes
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const writesAfter = await writeCounters(bench.database);
    const gone = [...dbBefore.keys()].filter((pid) => !dbAfter.has(pid)).length;
    let dbMs = 0;
    for (const [pid, ms] of dbAfter) dbMs += ms - (dbBefore.get(pid) ?? 0);
    const request = { appCpuMs: (appAfter - appBefore) / load.requests, dbCpuMs: dbMs / load.requests };
    const writeRequests = load.requests * WRITES;
    const rowWrites = writesAfter.reduce((sum, t) => sum + t.writes - (writesBefore.find((b) => b.table === t.table)?.writes ?? 0), 0);
    const indexWrites = writesAfter.reduce((sum, t) => sum + t.indexed - (writesBefore.find((b) => b.table === t.table)?.indexed ?? 0), 0);
    log(
      `5. request mix (${WRITES * 100}% writes, ${CONNECTIONS} connections, ${DURATION} s, 1 process): ${load.rps} req/s, p99 ${load.p99} ms, ` +
        `${load.requests} requests (non-2xx ${load.non2xx}, errors ${load.errors}); CPU per request: app ${request.appCpuMs.toFixed(2)} ms, ` +
        `PostgreSQL ${request.dbCpuMs.toFixed(2)} ms${gone ? ` (${gone} backends exited during the run: their CPU is missing)` : ''}; ` +
        `per write request ${(rowWrites / writeRequests).toFixed(1)} rows and ${(indexWrites / writeRequests).toFixed(1)} index entries written (${seconds(step)} s)`,
    );

    const model = capacityModel(costs, request, DEFAULT_ASSUMPTIONS);
    const cost = new Map(costs.map((c) => [c.table, c]));
    const gb = (bytes: number) => (bytes / 1e9).toFixed(1);
    log(`\nPer table (largest first): scope, rows per unit (largest of ${units.length} workspaces), bytes per row (m: measured, e: estimated), row writes per row kept while seeding, HOT share of updates; at ${DEFAULT_ASSUMPTIONS.workspaces.toLocaleString('en')} × ${DEFAULT_ASSUMPTIONS.projectsPerWorkspace.toLocaleString('en')}: rows, GB`);
    for (const t of model.tables.slice(0, 25)) {
      const c = cost.get(t.table)!;
      log(
        `  ${t.table.padEnd(30)} ${t.scope.padEnd(9)} ${c.rowsPerUnit.toFixed(2).padStart(9)} ${String(c.bytesPerRow).padStart(6)} ${c.measured ? 'm' : 'e'} ` +
          `${c.writesPerRow.toFixed(2).padStart(6)} ${c.hotShare === null ? '   -' : `${Math.round(c.hotShare * 100)}%`.padStart(4)}  ${t.rows.toLocaleString('en').padStart(15)} ${gb(t.bytes).padStart(8)}`,
      );
    }
    const rest = model.tables.slice(25);
    log(`  … ${rest.length} more tables: ${rest.reduce((s, t) => s + t.rows, 0).toLocaleString('en')} rows, ${gb(rest.reduce((s, t) => s + t.bytes, 0))} GB`);
    const estimatedBytes = model.tables.filter((t) => !cost.get(t.table)!.measured).reduce((s, t) => s + t.bytes, 0);
    // The estimate checked where both exist: estimated / measured bytes per row on the tables measured.
    const checks = facts
      .filter((t) => t.rows >= MEASURED_ROWS)
      .map((t) => ({ table: t.table, ratio: t.estimatedBytesPerRow / (t.totalBytes / t.rows) }))
      .sort((x, y) => x.ratio - y.ratio);
    const median = checks[Math.floor(checks.length / 2)]?.ratio ?? 1;
    log(
      `Bytes per row estimated from widths (tables under ${MEASURED_ROWS} rows here): ${((100 * estimatedBytes) / (model.dataGb * 1e9)).toFixed(1)}% of the data; ` +
        `on the ${checks.length} tables measured, estimate / measured: median ${median.toFixed(2)} (${checks.map((c) => `${c.table} ${c.ratio.toFixed(2)}`).join(', ')})`,
    );
    log('\nModel:');
    for (const formula of model.formulas) log(`  ${formula}`);
    log(`\nuptime: ${execSync('uptime').toString().trim()}; whole run ${seconds(started)} s`);
    log(
      JSON.stringify({
        bench: 'capacity-model',
        workspaces: DEFAULT_ASSUMPTIONS.workspaces,
        projects_per_workspace: DEFAULT_ASSUMPTIONS.projectsPerWorkspace,
        rows_total: model.rowsTotal,
        data_gb: model.dataGb,
        peak_rps: model.peakRps,
        app_cores: model.appCores,
        db_cores: model.dbCores,
        shards: model.shards,
        workers: model.workers,
        per_project_bytes: model.perProjectBytes,
        app_cpu_ms: Number(request.appCpuMs.toFixed(3)),
        db_cpu_ms: Number(request.dbCpuMs.toFixed(3)),
        mix_rps: load.rps,
        load_1m: Number(os.loadavg()[0]!.toFixed(2)),
      }),
    );
    if (load.non2xx + load.errors > 0) process.exitCode = 1;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await bench.close();
  }
}

await main();
