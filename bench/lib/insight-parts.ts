// Times each query of the insight dashboard (uncached, twice) against an already seeded database, for finding the
// slow one: DATABASE_URL=postgres://…/db npx tsx bench/lib/insight-parts.ts (the workspace with the most projects).
import { openDatabase } from '../../src/server/db/client.ts';
import { DEFAULT_DEFINITIONS } from '../../src/core/insight/measures.ts';
import * as repo from '../../src/server/modules/insight/insight.repo.ts';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 1 });
const [{ workspace_id: workspaceId } = { workspace_id: '' }] = await database.query<{ workspace_id: string }>(
  'select workspace_id from projects group by 1 order by count(*) desc limit 1',
);
const set = { workspaceId } as repo.ProjectSet;
const day = new Date().toISOString().slice(0, 10);
const parts: Record<string, () => Promise<unknown>> = {
  portfolioCounts: () => repo.portfolioCounts(database.db, set),
  stageNames: () => repo.stageNames(database.db, set),
  measureLive: () => repo.measureSummary(database.db, set, DEFAULT_DEFINITIONS.live, day),
  measureValue: () => repo.measureSummary(database.db, set, DEFAULT_DEFINITIONS.value, day),
  slipByMonth: () => repo.slipByMonth(database.db, set, day),
  csatByMonth: () => repo.csatByMonth(database.db, set, day),
  outcomeCounts: () => repo.outcomeCounts(database.db, set),
  revenueAtRisk: () => repo.revenueAtRisk(database.db, set),
  renewals: () => repo.renewals(database.db, set, day, 90),
  workload: () => repo.workload(database.db, set),
};
for (const [name, run] of Object.entries(parts)) {
  const started = performance.now();
  await run();
  const first = performance.now() - started;
  const again = performance.now();
  await run();
  console.log(`${name}: ${first.toFixed(0)} ms, again ${(performance.now() - again).toFixed(0)} ms`);
}
await database.close();
