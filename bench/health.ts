// Health re-score of every account on PostgreSQL (seeded as `landfall seed` does: 10,000 accounts by default), one JSON line. Run: npm run bench -- health [accounts]
import { loadConfig } from '../src/server/config.ts';
import { installAll } from '../src/server/app/reactions.ts';
import { seedAccounts } from '../src/server/demo/demo.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { timeHealthRescore } from './lib/health-rescore.ts';

const ACCOUNTS = Number(process.argv[2] ?? 10_000);
const { database, databaseUrl, close } = await openBenchDatabase('lf_bench_health');
installAll();
try {
  const config = loadConfig({ DATABASE_URL: databaseUrl, PUBLIC_URL: 'http://landfall.test', LOG_LEVEL: 'silent' });
  const services = { database, config, now: () => new Date() };
  const seeded = await seedAccounts(services, { accounts: ACCOUNTS, progress: false });
  // Until `landfall seed` grows projects (issue 17's reports work), two projects per account with 50 tasks each (one a
  // go-live milestone), some late and owing slip to a side, so the project facts are read over ~1,000,000 tasks.
  const w = seeded.workspaceId;
  await database.query(`insert into projects (workspace_id, account_id, name, stages, day0, baseline_end, projected_end, current_stage, product)
    select a.workspace_id, a.id, 'Onboarding ' || n, '[]'::jsonb, date '2026-01-05' + (n * 20), date '2026-04-01' + n * 30,
           date '2026-04-01' + n * 30 + ((abs(hashtext(a.id::text)) + n) % 20), (array['design','launch','adoption'])[1 + (abs(hashtext(a.id::text)) + n) % 3],
           'Product ' || n
      from accounts a cross join generate_series(1, 2) n where a.workspace_id = $1`, [w]);
  await database.query(`insert into project_tasks (workspace_id, project_id, key, position, title, stage, owner_side, owner_role, duration_days, milestone_kind, status, baseline_finish, actual_finish)
    select p.workspace_id, p.id, 'task_' || k, k, 'Task ' || k, 'launch', case when k % 2 = 0 then 'vendor' else 'customer' end, 'champion', 2,
           case when k = 25 then 'go_live' end, case when k < 20 then 'done' else 'not_started' end, p.day0 + k, case when k < 20 then p.day0 + k + (k % 3) end
      from projects p cross join generate_series(1, 50) k where p.workspace_id = $1`, [w]);
  await database.query(`insert into milestone_slips (workspace_id, project_id, milestone_task_id, cause_task_id, side, days)
    select t.workspace_id, t.project_id, t.id, t.id, case when abs(hashtext(t.project_id::text)) % 2 = 0 then 'vendor' else 'customer' end, 3
      from project_tasks t where t.workspace_id = $1 and t.milestone_kind = 'go_live'`, [w]);
  await database.query('analyze');
  const [{ n: projects } = { n: 0 }] = await database.query<{ n: number }>('select count(*)::int as n from projects where workspace_id = $1', [seeded.workspaceId]);
  const [{ n: tasks } = { n: 0 }] = await database.query<{ n: number }>('select count(*)::int as n from project_tasks where workspace_id = $1', [seeded.workspaceId]);
  const timing = await timeHealthRescore(services, seeded.workspaceId);
  console.log(JSON.stringify({ ...timing, projects, tasks, target_s: 60 }));
} finally {
  await close();
}
