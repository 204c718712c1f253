// Customer lifecycle on PostgreSQL: 10,000 accounts × 25 contacts, ONE contacts CSV import where 1,000 leave (champions/admins among them) and 1,000 join — time to every reaction (risks, successor playbooks, journeys) — then the 500-user people tab over HTTP. Run: npm run bench -- lifecycle [accounts]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/server/config.ts';
import { contextFor, systemActor, type Ctx, type Services } from '../src/server/context.ts';
import { installAll } from '../src/server/app/reactions.ts';
import { buildApp } from '../src/server/app/app.ts';
import { createApiToken } from '../src/server/modules/api-tokens/api-tokens.service.ts';
import { previewUpload, startImport } from '../src/server/modules/imports/imports.service.ts';
import { openBenchDatabase } from './lib/bench-database.ts';

const ACCOUNTS = Number(process.argv[2] ?? 10_000);
const PER_ACCOUNT = 25;
const LEAVERS = Math.min(1_000, ACCOUNTS / 4);
const JOINERS = Math.min(1_000, ACCOUNTS / 4);
const TAB_USERS = 500;
const TAB_REQUESTS = 50;
/** Contact n of each account: 1 champion, 2 sponsor, 3 project lead, 4 admin, 5 super-user, the rest end users. */
const ROLE_SQL = `(array['champion','executive_sponsor','project_lead','admin','super_user'])[n]`;

const { database, databaseUrl, close } = await openBenchDatabase('lf_bench_lifecycle');
installAll();
try {
  const q = database.query.bind(database);
  const [ws] = await q<{ id: string }>("insert into workspaces (name) values ('Lifecycle bench') returning id");
  const w = ws!.id;
  console.log(`Seeding ${ACCOUNTS} accounts × ${PER_ACCOUNT} contacts (each account a customer: its first project closed)…`);
  await q(`insert into accounts (workspace_id, external_id, name, industry, segment, touch_model, complexity, products, laer_stage)
    select $1, 'A-' || i, 'Account ' || i, 'Software', (array['enterprise','mid_market','smb'])[1 + i % 3], 'digital', 'low', array['Payroll'], 'adopt'
      from generate_series(1, $2::int) i`, [w, ACCOUNTS]);
  await q(`insert into contacts (workspace_id, account_id, external_id, name, email, role, joined_on)
    select a.workspace_id, a.id, 'C-' || substr(a.external_id, 3) || '-' || n, 'Person ' || n, 'p' || n || '@' || lower(a.external_id) || '.example',
           coalesce(${ROLE_SQL}, 'end_user'), '2025-01-06'
      from accounts a cross join generate_series(1, ${PER_ACCOUNT}) n where a.workspace_id = $1`, [w]);
  await q(`insert into projects (workspace_id, account_id, name, stages, day0, status, closed_outcome, finished)
    select a.workspace_id, a.id, 'First onboarding', '[]'::jsonb, '2025-01-06', 'closed', 'complete', true from accounts a where a.workspace_id = $1`, [w]);
  // The people-tab account: the last account grown to 500 users.
  const [tabAccount] = await q<{ id: string }>('select id from accounts where workspace_id = $1 and external_id = $2', [w, `A-${ACCOUNTS}`]);
  await q(`insert into contacts (workspace_id, account_id, name, email, role, joined_on, left_on)
    select $1, $2, 'Extra ' || n, 'extra' || n || '@tab.example', 'end_user', '2025-03-01', case when n % 10 = 0 then '2026-01-15'::date end
      from generate_series(1, $3::int) n`, [w, tabAccount!.id, TAB_USERS - PER_ACCOUNT]);
  await q('analyze');

  // One contacts file: 1,000 leave (every 4th a champion, every 4th an admin: the key leavers), 1,000 join.
  const today = new Date().toISOString().slice(0, 10);
  const lines = ['external_id,account_external_id,name,email,role,joined_on,left_on'];
  let keyLeavers = 0;
  for (let i = 1; i <= LEAVERS; i++) {
    const n = i % 4 === 0 ? 1 : i % 4 === 1 ? 4 : 10 + (i % 10);
    if (n === 1 || n === 4) keyLeavers++;
    const role = n === 1 ? 'champion' : n === 4 ? 'admin' : 'end_user';
    lines.push(`C-${i}-${n},A-${i},Person ${n},p${n}@a-${i}.example,${role},2025-01-06,${today}`);
  }
  for (let i = 1; i <= JOINERS; i++) {
    const a = LEAVERS + i;
    lines.push(`J-${a},A-${a},Joiner ${a},joiner@a-${a}.example,end_user,${today},`);
  }

  const config = loadConfig({ DATABASE_URL: databaseUrl, PUBLIC_URL: 'http://landfall.test', LOG_LEVEL: 'silent' });
  const services: Services = { database, config, now: () => new Date() };
  const ctx: Ctx = { db: database.db, actor: systemActor(w, 'csv-import'), workspaceId: w, services };
  const counts = async () => {
    const [row] = await q<{ risks: number; playbooks: number; journeys: number; left: number; joined: number }>(
      `select (select count(*)::int from account_risks where workspace_id = $1 and status = 'open') as risks,
              (select count(*)::int from account_risks where workspace_id = $1 and status = 'open' and jsonb_array_length(steps) > 0) as playbooks,
              (select count(*)::int from contact_journeys j join contacts c on c.workspace_id = j.workspace_id and c.id = j.contact_id
                where j.workspace_id = $1 and c.external_id like 'J-%') as journeys,
              (select count(*)::int from contacts where workspace_id = $1 and left_on is not null and external_id like 'C-%') as left,
              (select count(*)::int from contacts where workspace_id = $1 and external_id like 'J-%') as joined`,
      [w],
    );
    return row!;
  };

  console.log(`Importing one contacts file: ${LEAVERS} leave (${keyLeavers} champions/admins), ${JOINERS} join…`);
  const started = performance.now();
  // As POST /imports then POST /imports/:id/run: preview (parse, check, match), then the run and its reactions.
  const preview = await previewUpload(ctx, { kind: 'contacts', fileName: 'contacts.csv', bytes: Buffer.from(lines.join('\n')), keep: true });
  const { run } = await startImport(ctx, preview.import.id);
  const report = await run();
  if (report.status !== 'done') throw new Error(`import ${report.status}: ${report.error}`);
  const importS = (performance.now() - started) / 1000;
  let seen = await counts();
  const deadline = performance.now() + 300_000;
  while ((seen.risks < keyLeavers || seen.playbooks < keyLeavers || seen.journeys < JOINERS) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    seen = await counts();
  }
  const reactionsS = (performance.now() - started) / 1000;
  const complete = seen.risks >= keyLeavers && seen.playbooks >= keyLeavers && seen.journeys >= JOINERS;
  console.log(`Import ${importS.toFixed(1)} s; every reaction done at ${reactionsS.toFixed(1)} s (target < 30 s)${complete ? '' : ' — NOT all reactions seen'}: ` +
    `${seen.left} left, ${seen.joined} joined, ${seen.risks} open risks (${seen.playbooks} with the successor playbook; ${keyLeavers} key leavers), ${seen.journeys} journeys for joiners`);

  // The people tab of the 500-user account, over HTTP, with an admin's API token.
  const [member] = await q<{ id: string; name: string }>(
    "insert into members (workspace_id, email, name, role, password_hash) values ($1, 'bench@lifecycle.test', 'Bench Admin', 'admin', 'x') returning id, name", [w]);
  // As every way of adding a member does: the sign-in email's reference row (member_sign_in_emails).
  await q('insert into member_sign_in_emails (email, workspace_id, member_id) values ($1, $2, $3)', ['bench@lifecycle.test', w, member!.id]);
  const memberCtx = contextFor(services, { kind: 'member', workspaceId: w, memberId: member!.id, role: 'admin', sessionId: 'bench', name: member!.name });
  const { token } = await createApiToken(memberCtx, { name: 'lifecycle bench', role: 'admin' });
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/api/v1/accounts/${tabAccount!.id}/people`;
  const headers = { authorization: `Bearer ${token}` };
  const times: number[] = [];
  let users = 0;
  for (let i = 0; i < TAB_REQUESTS + 5; i++) {
    const t0 = performance.now();
    const response = await fetch(url, { headers });
    const body = (await response.json()) as { figures?: { currentUsers?: number } };
    if (response.status !== 200) throw new Error(`people tab ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= 5) times.push(performance.now() - t0); // the first five warm up
    users = body.figures?.currentUsers ?? users;
  }
  await app.close();
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)]!;
  console.log(`People tab (${users} current users): p50 ${p50.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms over ${times.length} requests (target < 100 ms)`);
  console.log(JSON.stringify({
    bench: 'lifecycle',
    engine: 'postgres',
    contacts: ACCOUNTS * PER_ACCOUNT + TAB_USERS - PER_ACCOUNT,
    accounts: ACCOUNTS,
    leavers: LEAVERS,
    key_leavers: keyLeavers,
    joiners: JOINERS,
    import_s: Number(importS.toFixed(2)),
    import_to_reactions_s: Number(reactionsS.toFixed(2)),
    reactions_complete: complete,
    open_risks: seen.risks,
    successor_playbooks: seen.playbooks,
    journeys_started: seen.journeys,
    people_tab_p50_ms: Number(p50.toFixed(1)),
    load_1m: Number(os.loadavg()[0]!.toFixed(2)),
  }));
} finally {
  await close();
}
