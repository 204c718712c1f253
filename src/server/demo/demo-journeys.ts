// The demo's user onboarding journeys (issue 16): in a customer that is live, a super-user, three recent joiners
// part-way through their role's journey with a guide, one joiner onboarded (path done in 12 days), and one who
// lapsed (joined six weeks ago, no progress since). The journeys themselves were installed on workspace.created.
import { sql } from 'drizzle-orm';
import { addCalendarDays, todayInTimeZone } from '../../core/calendar.ts';
import { contextFor, type Services } from '../context.ts';
import { createAccount } from '../modules/accounts/accounts.service.ts';
import { addContact } from '../modules/contacts/contacts.service.ts';
import { runDueJourneys } from '../modules/journeys/journeys.service.ts';
import { closeProject } from '../modules/projects/lifecycle.service.ts';
import { createProject } from '../modules/projects/projects.service.ts';
import type { DemoAdmin } from './demo-admin.ts';
import { demoMailDomain } from './demo.generator.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const DAY = 86_400_000;

export async function seedDemoJourneys(services: Services, workspaceId: string, admin: DemoAdmin): Promise<void> {
  const vendor = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const db = services.database.db;
  const now = services.now();
  const today = todayInTimeZone(now, 'UTC');
  // A live customer of the demo (a project closed or past go-live), else one made for the purpose.
  let [live] = rowsOf<{ id: string; domain: string | null }>(
    await db.execute(sql`
      select a.id, a.domain from accounts a
       where a.workspace_id = ${workspaceId} and a.archived_at is null
         and exists (select 1 from projects p where p.workspace_id = a.workspace_id and p.account_id = a.id
                      and (p.status = 'closed' or exists (select 1 from project_tasks t where t.workspace_id = p.workspace_id and t.project_id = p.id
                                                            and t.milestone_kind = 'go_live' and t.status = 'done')))
       order by a.name limit 1`),
  );
  if (!live) {
    const account = await createAccount(vendor, {
      name: 'Harbor Logistics',
      domain: 'harbor-logistics.example',
      industry: 'Logistics',
      segment: 'mid_market',
      complexity: 'moderate',
      contractValue: 84_000,
      currency: 'USD',
      contractSignedOn: addCalendarDays(today, -150),
      products: ['Core Platform'],
      laerStage: 'adopt',
      owners: [],
    });
    const project = await createProject(vendor, { accountId: account.id });
    await closeProject(vendor, project.id, { outcome: 'complete', reason: 'Live: every team onboarded' });
    live = { id: account.id, domain: 'harbor-logistics.example' };
  }
  const domain = demoMailDomain(live.domain ?? 'customer.example');
  const person = (name: string, role: 'super_user' | 'end_user' | 'admin', joinedDaysAgo: number) =>
    addContact(vendor, live.id, {
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.journey@${domain}`,
      role,
      joinedOn: addCalendarDays(today, -joinedDaysAgo),
    });
  await person('Priya Raman', 'super_user', 200);
  const joiners = [await person('Tomás Ferreira', 'end_user', 2), await person('Grace Okafor', 'admin', 4), await person('Lena Vogel', 'end_user', 6)];
  const onboarded = await person('Kenji Sato', 'end_user', 25);
  const lapsed = await person('Maya Lindqvist', 'end_user', 45);

  // Their journeys started when they joined: part-way now.
  const backdate = async (contactId: string, daysAgo: number) => {
    const at = new Date(now.getTime() - daysAgo * DAY);
    await db.execute(sql`update contact_journeys set started_at = ${at.toISOString()}::timestamptz, next_run_at = ${now.toISOString()}::timestamptz
                          where workspace_id = ${workspaceId} and contact_id = ${contactId}`);
    await db.execute(sql`update academy_enrolments set enrolled_at = ${at.toISOString()}::timestamptz where workspace_id = ${workspaceId} and contact_id = ${contactId}`);
  };
  for (const [i, joiner] of joiners.entries()) await backdate(joiner.id, [2, 4, 6][i]!);
  await backdate(onboarded.id, 25);
  await backdate(lapsed.id, 45);
  await runDueJourneys(services);
  // Kenji finished his path twelve days after joining: his journey is done. Maya never started hers.
  const done = new Date(now.getTime() - 13 * DAY).toISOString();
  await db.execute(sql`update academy_enrolments set status = 'completed', completed_at = ${done}::timestamptz where workspace_id = ${workspaceId} and contact_id = ${onboarded.id}`);
  await db.execute(sql`update contact_journeys set completed_at = ${done}::timestamptz, next_run_at = null where workspace_id = ${workspaceId} and contact_id = ${onboarded.id}`);
  await db.execute(sql`update contact_journeys set next_run_at = null where workspace_id = ${workspaceId} and contact_id = ${lapsed.id}`);
  await db.execute(sql`update contact_journeys set completed_at = null where workspace_id = ${workspaceId} and contact_id = ${lapsed.id}`);
}
