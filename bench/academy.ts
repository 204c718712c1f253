// Academy enrolment rules on PostgreSQL: 10,000 accounts × 25 contacts and 20 rules — full re-evaluation, one new contact enrolled, a release's outbox rows. Run: npm run bench -- academy
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/server/config.ts';
import { systemActor, type Ctx } from '../src/server/context.ts';
import { enrolNewContact, reevaluateRules } from '../src/server/modules/academy/enrolment.service.ts';
import { createRelease, publishRelease } from '../src/server/modules/academy/releases.service.ts';
import { installAll } from '../src/server/app/reactions.ts';
import { openBenchDatabase } from './lib/bench-database.ts';

const ACCOUNTS = Number(process.argv[2] ?? 10_000);
const PER_ACCOUNT = 25;
const RULES = 20;
const { database, databaseUrl, close } = await openBenchDatabase('lf_bench_academy');
installAll();
try {
  const q = database.query.bind(database);
  const [ws] = await q<{ id: string }>("insert into workspaces (name) values ('Academy bench') returning id");
  const w = ws!.id;
  console.log(`Seeding ${ACCOUNTS} accounts × ${PER_ACCOUNT} contacts…`);
  await q(`insert into accounts (workspace_id, name, industry, segment, touch_model, complexity, products, laer_stage)
    select $1, 'Account ' || i, 'Software', (array['enterprise','mid_market','smb'])[1 + i % 3], 'digital', 'low',
           case when i % 2 = 0 then array['Payroll','CRM'] else array['Payroll'] end, (array['land','adopt','expand','renew'])[1 + i % 4]
      from generate_series(1, $2::int) i`, [w, ACCOUNTS]);
  await q(`insert into contacts (workspace_id, account_id, name, email, role, modules)
    select a.workspace_id, a.id, 'Person ' || n, 'p' || n || '-' || a.id || '@bench.test', (array['champion','executive_sponsor','project_lead','admin','end_user','end_user','end_user'])[1 + n % 7],
           array['m' || (n % 10), 'm' || ((n + 3) % 10)]
      from accounts a cross join generate_series(1, ${PER_ACCOUNT}) n where a.workspace_id = $1`, [w]);
  const [{ n: contacts } = { n: 0 }] = await q<{ n: number }>('select count(*)::int as n from contacts where workspace_id = $1', [w]);
  const [course] = await q<{ id: string }>("insert into academy_courses (workspace_id, title) values ($1, 'Delta') returning id", [w]);
  const roles = ['champion', 'executive_sponsor', 'project_lead', 'admin', 'end_user'];
  for (let i = 0; i < RULES; i++) {
    const [path] = await q<{ id: string }>('insert into academy_paths (workspace_id) values ($1) returning id', [w]);
    await q(`insert into academy_path_versions (workspace_id, path_id, version, title, description, audience, courses, electives_required)
      values ($1, $2, 1, $3, '', '{}', $4, 0)`, [w, path!.id, `Path ${i}`, JSON.stringify([{ courseId: course!.id, kind: 'core' }])]);
    await q(`insert into academy_rules (workspace_id, name, path_id, trigger, roles, segments, stages, modules)
      values ($1, $2, $3, 'matching', $4, $5, $6, $7)`, [w, `Rule ${i}`, path!.id, `{${roles[i % 5]}}`, i % 3 === 0 ? '{}' : `{${['enterprise', 'mid_market', 'smb'][i % 3]}}`, i % 4 === 0 ? '{adopt,expand}' : '{}', i % 5 === 0 ? `{m${i % 10}}` : '{}']);
  }
  await q('analyze');

  // Baseline: the same rows written by a bare INSERT…SELECT (no rule matching, no existing-enrolment check).
  await q('create table bench_baseline (contact_id uuid, path_id uuid)');
  let started = performance.now();
  await q(`insert into bench_baseline select c.id, r.path_id from academy_rules r join contacts c on c.workspace_id = r.workspace_id
      join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
     where r.workspace_id = $1 and (cardinality(r.roles) = 0 or c.role = any(r.roles)) and (cardinality(r.segments) = 0 or a.segment = any(r.segments))
       and (cardinality(r.stages) = 0 or a.laer_stage = any(r.stages)) and (cardinality(r.modules) = 0 or c.modules && r.modules)`, [w]);
  const baselineS = (performance.now() - started) / 1000;

  // The service POST /academy/rules/reevaluate calls (cold: nothing enrolled yet), then again with nothing new.
  const config = loadConfig({ DATABASE_URL: databaseUrl, PUBLIC_URL: 'http://landfall.test', LOG_LEVEL: 'silent' });
  const services = { database, config, now: () => new Date() };
  const ctx: Ctx = { db: database.db, actor: systemActor(w, 'academy'), workspaceId: w, services };
  console.log('Re-evaluating every rule…');
  started = performance.now();
  const enrolled = await reevaluateRules(ctx);
  const reevaluateS = (performance.now() - started) / 1000;
  started = performance.now();
  await reevaluateRules(ctx);
  const reevaluateAgainS = (performance.now() - started) / 1000;
  await q('analyze academy_enrolments'); // after the big load, as an operator (or autovacuum) would; not timed
  const [someAccount] = await q<{ id: string }>('select id from accounts where workspace_id = $1 limit 1', [w]);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const [contact] = await q<{ id: string }>("insert into contacts (workspace_id, account_id, name, email, role, modules) values ($1, $2, 'New', $3, 'end_user', '{m1}') returning id", [w, someAccount!.id, `new${i}@bench.test`]);
    const t = performance.now();
    await enrolNewContact(ctx, contact!.id);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)]!;

  console.log('Publishing a release to the users of one module…');
  const release = await createRelease(ctx, { product: 'Payroll', name: 'Payroll 2026.3', modules: ['m7'], notes: 'Faster approvals', courseId: course!.id, webinarId: null });
  started = performance.now();
  const published = await publishRelease(ctx, release.id);
  const releaseS = (performance.now() - started) / 1000;
  const [{ n: outboxRows } = { n: 0 }] = await q<{ n: number }>("select count(*)::int as n from mail_outbox where workspace_id = $1 and dedupe_key like 'release:%'", [w]);

  console.log(`${contacts} contacts, ${RULES} rules: re-evaluation ${reevaluateS.toFixed(2)} s for ${enrolled} enrolments (target < 10 s; again with nothing new: ${reevaluateAgainS.toFixed(2)} s; bare INSERT…SELECT of the same rows ${baselineS.toFixed(2)} s); one new contact enrolled p50 ${p50.toFixed(1)} ms (target < 50); release to ${published.audienceCount} users of one module: ${outboxRows} outbox rows in ${releaseS.toFixed(2)} s (target < 5 s)`);
  console.log(JSON.stringify({ bench: 'academy', engine: 'postgres', load_1m: Number(loadavg()[0]!.toFixed(2)), contacts, rules: RULES, enrolments: enrolled, reevaluate_s: Number(reevaluateS.toFixed(2)), reevaluate_again_s: Number(reevaluateAgainS.toFixed(2)), baseline_insert_select_s: Number(baselineS.toFixed(2)), enrol_one_p50_ms: Number(p50.toFixed(1)), release_audience: published.audienceCount, release_outbox_rows: outboxRows, release_outbox_s: Number(releaseS.toFixed(2)) }));
} finally {
  await close();
}
