// Health in the demo: usage figures posted over the last two months for a third of the accounts (some growing,
// some fading), each account re-scored as it was on those days, so the account page shows a trend, contributions,
// renewal risk and LAER stage with history.
import { sql } from 'drizzle-orm';
import { contextFor, type Services } from '../context.ts';
import type { DemoAdmin } from './demo-admin.ts';
import { rescoreAllAccounts } from '../modules/health/health.service.ts';
import { postUsage } from '../modules/products/maturity.service.ts';
import { USAGE_METRICS } from '../../core/health/score.ts';

const DAY = 86_400_000;
const STEPS = [-60, -30, 0];

export async function seedDemoHealth(services: Services, workspaceId: string, admin: DemoAdmin) {
  const result = (await services.database.db.execute(
    sql`select id from accounts where workspace_id = ${workspaceId}::uuid and archived_at is null order by name`,
  )) as unknown as { rows: { id: string }[] };
  const accounts = result.rows.filter((_, i) => i % 3 === 0);
  for (const daysAgo of STEPS) {
    const then = { ...services, now: () => new Date(services.now().getTime() + daysAgo * DAY) };
    const ctx = contextFor(then, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
    const at = then.now().toISOString();
    for (const [i, { id }] of accounts.entries()) {
      const licensed = 20 + (i % 5) * 20;
      const growing = i % 2 === 0;
      const share = growing ? 0.3 + 0.2 * (STEPS.indexOf(daysAgo) + 1) : 0.8 - 0.25 * (STEPS.indexOf(daysAgo) + 1);
      // through the products module's usage endpoint (the one usage figure), as an integration would post them
      await postUsage(ctx, id, { metric: USAGE_METRICS.licensed, value: licensed, at });
      await postUsage(ctx, id, { metric: USAGE_METRICS.active, value: Math.round(licensed * share), at });
    }
    await rescoreAllAccounts(ctx);
  }
}
