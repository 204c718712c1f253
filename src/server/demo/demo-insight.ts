// The dashboard's history for the demo workspace: the played projects are all recent (the last 150 days), so
// trends by month would be empty. The customers without a project get one from 5 to 17 months ago, written by the
// bulk generator (finished and closed for most, slips owed to either side, CSAT ratings on reached milestones).
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Services } from '../context.ts';
import { publicHolidays } from '../modules/workspaces/public-holidays.ts';
import { seedBulkProjects } from './demo-bulk-projects.ts';

export async function seedDemoInsight(services: Services, workspaceId: string, timeZone: string, holidayCountry: string) {
  const result = await services.database.db.execute(sql`select a.id from accounts a
    where a.workspace_id = ${workspaceId} and a.archived_at is null
      and not exists (select 1 from projects p where p.workspace_id = a.workspace_id and p.account_id = a.id)
    order by a.name`);
  const accountIds = (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
  if (accountIds.length === 0) return;
  const today = DateTime.fromJSDate(services.now(), { zone: timeZone }).toISODate()!;
  await seedBulkProjects(services, workspaceId, { projects: accountIds.length, tasks: accountIds.length * 40, today, accountIds, newestDaysAgo: 155, spreadDays: 365, holidays: publicHolidays(holidayCountry, null) });
}
