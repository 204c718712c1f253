// Health in the demo: usage figures posted over the last two months for a third of the accounts (some growing,
// some fading), each account re-scored as it was on those days, so the account page shows a trend, contributions,
// renewal risk and LAER stage with history.
import { sql } from 'drizzle-orm';
import { todayInTimeZone } from '../../core/calendar.ts';
import { contextFor, type Services } from '../context.ts';
import type { DemoAdmin } from './demo-admin.ts';
import { recordUsage, rescoreAllAccounts } from '../modules/health/health.service.ts';

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
    const day = todayInTimeZone(then.now(), 'UTC');
    for (const [i, { id }] of accounts.entries()) {
      const licensed = 20 + (i % 5) * 20;
      const growing = i % 2 === 0;
      const share = growing ? 0.3 + 0.2 * (STEPS.indexOf(daysAgo) + 1) : 0.8 - 0.25 * (STEPS.indexOf(daysAgo) + 1);
      await recordUsage(ctx, id, { recordedOn: day, activeUsers: Math.round(licensed * share), licensedUsers: licensed });
    }
    await rescoreAllAccounts(ctx);
  }
}
