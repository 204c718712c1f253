// Mixed traffic against a real `landfall serve` on PostgreSQL while it is SIGKILLed and restarted: requests, error rate, p50/p99, writes lost. Run: npm run bench -- soak [--seconds 600] [--kill-every 60] [--pg-restart]
//
// Staff writes (accounts, task changes), CRM intake deliveries (some sent twice) and the mail the new projects'
// cadences send go on from 8 clients; every --kill-every seconds the serve process is killed with SIGKILL and
// started again; with --pg-restart PostgreSQL itself is restarted once, halfway (don't use it while other work
// shares the server). Afterwards every write that was answered 2xx must be in the database, each deal must have
// one project, and each message must have reached the SMTP server once (at most once more for a message in flight
// at a kill). The first fifth of the run has no kill: its p50/p99 are the baseline of the same run.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startCountingSmtpServer } from '../src/server/mail/testing/counting-smtp.ts';
import { MAIL_SEND_CONCURRENCY } from '../src/server/mail/mail.service.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '600' },
    'kill-every': { type: 'string', default: '60' },
    'pg-restart': { type: 'boolean', default: false },
    /** Exit non-zero when a promise is broken (CI): a write lost, a duplicate project, a message lost or sent twice too often. */
    check: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
const KILL_EVERY_MS = Number(values['kill-every']) * 1000;
const CLIENTS = 8;
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ok = (status: number) => status >= 200 && status < 300;

const dbName = `lf_soak_${randomBytes(4).toString('hex')}`;
// Short-lived connections of the bench's own: PostgreSQL may be restarted under them.
async function asAdmin(sql: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
await asAdmin(`create database ${dbName}`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
const smtp = await startCountingSmtpServer();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;

let serve: ChildProcess | undefined;
function startServe() {
  serve = spawn(process.execPath, [path.join(root, 'bin/landfall.mjs'), 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl.toString(), PORT: String(port), HOST: '127.0.0.1', LANDFALL_DEMO: '0', SMTP_URL: smtp.url, PUBLIC_URL: base, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
async function waitHealthy(limitMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return Date.now() - started;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error(`Landfall did not answer within ${limitMs / 1000} s`);
}

// The workspace's timezone: one where it is now working hours, so the day-0 welcome of each new project (sent at
// 09:00 local) goes during the run and mail flows through the kills.
const offset = Array.from({ length: 27 }, (_, i) => i - 12).find((o) => {
  const hour = (new Date().getUTCHours() + o + 24) % 24;
  return hour >= 10 && hour < 20;
})!;
const timezone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;

// ---- Set up: the first admin, an API token ----
startServe();
await waitHealthy();
const signUp = await fetch(`${base}/api/v1/setup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ workspaceName: 'Soak Co', name: 'Sam Soak', email: 'sam@soak.test', password: 'correct horse battery staple', timezone }),
});
const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await signUp.json()) as { csrfToken: string };
const tokenAnswer = await fetch(`${base}/api/v1/api-tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
  body: JSON.stringify({ name: 'Soak bench', role: 'admin' }),
});
const { token } = (await tokenAnswer.json()) as { token: string };
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

// ---- What was accepted, to check afterwards ----
const accepted = { accounts: new Set<string>(), projects: new Map<string, string>(), tasks: new Map<string, string>() };
const openTasks: string[] = [];
const deals: string[] = [];
interface Sample { at: number; ms: number; ok: boolean }
const samples: Sample[] = [];
const restartWindows: { from: number; to: number }[] = [];

async function call(method: string, url: string, body?: unknown) {
  const started = performance.now();
  try {
    const response = await fetch(base + url, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    const json = response.headers.get('content-type')?.includes('json') ? await response.json() : undefined;
    samples.push({ at: Date.now(), ms: performance.now() - started, ok: response.status < 500 });
    return { status: response.status, body: json as Record<string, unknown> | undefined };
  } catch {
    samples.push({ at: Date.now(), ms: performance.now() - started, ok: false });
    await sleep(200); // a client that cannot connect tries again a moment later, as browsers and CRMs do
    return { status: 0, body: undefined };
  }
}

let counter = 0;
async function oneAction() {
  const pick = Math.random();
  const n = ++counter;
  if (pick < 0.3) {
    const resend = deals.length > 0 && Math.random() < 0.2;
    const dealId = resend ? deals[Math.floor(Math.random() * deals.length)]! : `soak-${n}`;
    const answer = await call('POST', '/api/v1/intake/deals', {
      dealId,
      company: { name: `Soak ${dealId}`, domain: `${dealId}.example`, industry: 'Software', segment: 'smb', complexity: 'low' },
      products: ['Core Platform'],
      contractValue: 12000,
      closedOn: new Date().toISOString().slice(0, 10),
      contacts: [{ name: 'Carla Champion', email: `carla@${dealId}.example`, role: 'champion' }],
      salesRep: { email: 'sam@soak.test' },
    });
    if (!resend) deals.push(dealId);
    if (ok(answer.status) && answer.body?.projectId) accepted.projects.set(dealId, answer.body.projectId as string);
  } else if (pick < 0.55) {
    const answer = await call('POST', '/api/v1/accounts', { name: `Account ${n}`, industry: 'Retail', segment: 'mid_market', complexity: 'moderate', contractSignedOn: '2026-12-01' });
    if (ok(answer.status) && answer.body?.id) accepted.accounts.add(answer.body.id as string);
  } else if (pick < 0.8 && openTasks.length > 0) {
    const taskId = openTasks.splice(Math.floor(Math.random() * openTasks.length), 1)[0]!;
    const answer = await call('PATCH', `/api/v1/tasks/${taskId}`, { status: 'in_progress' });
    if (ok(answer.status)) accepted.tasks.set(taskId, 'in_progress');
  } else {
    const projects = [...accepted.projects.values()];
    if (projects.length === 0) return void (await call('GET', '/api/v1/projects'));
    const answer = await call('GET', `/api/v1/projects/${projects[Math.floor(Math.random() * projects.length)]}`);
    const tasks = (answer.body?.tasks as { id: string; status: string; owner: { side: string } }[] | undefined) ?? [];
    for (const task of tasks) if (task.status === 'not_started' && task.owner.side === 'vendor' && !accepted.tasks.has(task.id)) openTasks.push(task.id);
  }
}

// Transactional mail due all along the run (ten a second), so sending goes on through the kills.
const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: 2 });
pool.on('error', () => undefined); // an idle connection cut by a PostgreSQL restart; the next query opens another
const MAILS = SECONDS * 10;
await pool.query(
  `insert into mail_outbox (workspace_id, dedupe_key, to_address, subject, text_body, html_body, message_id, kind, send_after)
   select (select id from workspaces limit 1), 'soak:' || n, 'person' || n || '@customer.test', 'Message ' || n, 'Hello ' || n, '<p>Hello ' || n || '</p>',
          '<soak-' || n || '@landfall.test>', 'transactional', now() + make_interval(secs => n / 10.0)
     from generate_series(1, $1::int) as n`,
  [MAILS],
);

// ---- Run ----
const started = Date.now();
const endAt = started + SECONDS * 1000;
const quietUntil = started + SECONDS * 200; // the first fifth: the baseline, no kill
let kills = 0;
let pgRestarted = false;
const recoveries: number[] = [];
const clients = Array.from({ length: CLIENTS }, async () => {
  while (Date.now() < endAt) await oneAction();
});
const chaos = (async () => {
  let nextKill = quietUntil;
  while (Date.now() < endAt) {
    await sleep(250);
    if (values['pg-restart'] && !pgRestarted && Date.now() > started + SECONDS * 500) {
      pgRestarted = true;
      const from = Date.now();
      const cluster = execFileSync('ls', ['/etc/postgresql']).toString().trim().split('\n')[0]!;
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'restart']);
      recoveries.push(await waitHealthy());
      restartWindows.push({ from, to: Date.now() + 5000 });
    }
    if (KILL_EVERY_MS > 0 && Date.now() >= nextKill && Date.now() < endAt - 5000) {
      nextKill = Date.now() + KILL_EVERY_MS;
      const from = Date.now();
      serve!.kill('SIGKILL');
      kills++;
      startServe();
      recoveries.push(await waitHealthy());
      restartWindows.push({ from, to: Date.now() + 2000 });
    }
  }
})();
await Promise.all([...clients, chaos]);

// ---- Let the mail drain, then check ----
const due = async () =>
  Number((await pool.query("select count(*) as n from mail_outbox where state in ('scheduled', 'sending') and send_after <= now()")).rows[0].n);
const drainStarted = Date.now();
while ((await due()) > 0 && Date.now() - drainStarted < 120_000) await sleep(1000);

const lostBy = { accounts: 0, projects: 0, tasks: 0 };
const exists = async (sql: string, id: string) => (await pool.query(sql, [id])).rowCount === 1;
for (const id of accepted.accounts) if (!(await exists('select 1 from accounts where id = $1', id))) lostBy.accounts++;
for (const id of accepted.projects.values()) if (!(await exists('select 1 from projects where id = $1', id))) lostBy.projects++;
for (const [id, status] of accepted.tasks) {
  const row = (await pool.query('select status from project_tasks where id = $1', [id])).rows[0];
  if (!row || (row.status !== status && row.status === 'not_started')) lostBy.tasks++;
}
const lost = lostBy.accounts + lostBy.projects + lostBy.tasks;
if (lost) console.error('lost:', lostBy);
// One account and one project per deal, however often it arrived.
const duplicateProjects = Number(
  (
    await pool.query(
      "select count(*) as n from (select a.name from accounts a join projects p on p.account_id = a.id where a.name like 'Soak soak-%' group by a.name having count(*) > 1) d",
    )
  ).rows[0].n,
);
const sentRows = Number((await pool.query("select count(*) as n from mail_outbox where state = 'sent'")).rows[0].n);
const mailDuplicates = smtp.total() - smtp.received.size;

const inRestart = (at: number) => restartWindows.some((w) => at >= w.from && at <= w.to);
const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1)) : 0;
};
const outside = samples.filter((s) => !inRestart(s.at));
const baseline = samples.filter((s) => s.at < quietUntil);
const result = {
  bench: 'soak',
  seconds: SECONDS,
  requests: samples.length,
  error_rate: Number((samples.filter((s) => !s.ok).length / Math.max(1, samples.length)).toFixed(4)),
  error_rate_outside_restarts: Number((outside.filter((s) => !s.ok).length / Math.max(1, outside.length)).toFixed(4)),
  p50_ms: pct(samples.filter((s) => s.ok).map((s) => s.ms), 50),
  p99_ms: pct(samples.filter((s) => s.ok).map((s) => s.ms), 99),
  baseline_p50_ms: pct(baseline.filter((s) => s.ok).map((s) => s.ms), 50),
  baseline_p99_ms: pct(baseline.filter((s) => s.ok).map((s) => s.ms), 99),
  lost,
  accepted_writes: accepted.accounts.size + accepted.projects.size + accepted.tasks.size,
  duplicate_projects: duplicateProjects,
  mail_sent: sentRows,
  mail_received: smtp.received.size,
  mail_duplicates: mailDuplicates,
  mail_lost: sentRows - smtp.received.size,
  kills,
  pg_restarted: pgRestarted,
  max_recovery_ms: Math.max(0, ...recoveries),
  clients: CLIENTS,
};

serve?.kill('SIGTERM');
await pool.end();
await smtp.close();
await sleep(500);
await asAdmin(`drop database if exists ${dbName} with (force)`);
console.log(JSON.stringify(result));
if (values.check) {
  const broken = [
    result.lost > 0 && `${result.lost} accepted writes lost`,
    result.duplicate_projects > 0 && `${result.duplicate_projects} deals with more than one project`,
    result.mail_lost > 0 && `${result.mail_lost} messages marked sent never reached the SMTP server`,
    // A SIGKILL can fall between the SMTP server's "accepted" and the database's "sent" for each send under way; a
    // database restart no longer adds any (the "sent" is recorded through it).
    result.mail_duplicates > kills * MAIL_SEND_CONCURRENCY && `${result.mail_duplicates} messages sent twice (at most ${MAIL_SEND_CONCURRENCY} per kill, the sends under way)`,
    result.error_rate_outside_restarts > 0.001 && `error rate ${result.error_rate_outside_restarts} outside the restart windows`,
    result.max_recovery_ms > 30_000 && `back only after ${result.max_recovery_ms} ms`,
  ].filter(Boolean);
  console.log(broken.length ? `soak: 0 passed, ${broken.length} failed: ${broken.join('; ')}` : 'soak: 1 passed, 0 failed');
  process.exit(broken.length ? 1 : 0);
}
process.exit(0);
