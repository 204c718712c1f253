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
  await database.query('analyze');
  const [{ n: projects } = { n: 0 }] = await database.query<{ n: number }>('select count(*)::int as n from projects where workspace_id = $1', [seeded.workspaceId]);
  const [{ n: tasks } = { n: 0 }] = await database.query<{ n: number }>('select count(*)::int as n from project_tasks where workspace_id = $1', [seeded.workspaceId]);
  const timing = await timeHealthRescore(services, seeded.workspaceId);
  console.log(JSON.stringify({ ...timing, projects, tasks, target_s: 60 }));
} finally {
  await close();
}
