// Turnover in the demo: one account whose champion left last month (an open risk, no successor yet), and one whose
// champion left two months ago and whose successor was named (the risk waits on re-aligning the sponsor).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { addCalendarDays } from '../../core/calendar.ts';
import { contextFor, type Services } from '../context.ts';
import { contacts, projects } from '../db/schema.ts';
import { updateContact } from '../modules/contacts/contacts.service.ts';
import { accountPeople } from '../modules/people/people.service.ts';
import { nameSuccessor } from '../modules/people/turnover.service.ts';
import { calendarOf, todayFor } from '../modules/projects/plan.ts';

export async function seedDemoTurnover(services: Services, workspaceId: string, admin: { id: string; name: string }): Promise<void> {
  const vendor = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const today = todayFor(vendor, await calendarOf(vendor.db, workspaceId));
  // Accounts with an active project and a current champion plus at least one other current contact.
  const candidates = await services.database.db
    .selectDistinct({ accountId: projects.accountId, name: projects.name })
    .from(projects)
    .where(
      and(
        eq(projects.workspaceId, workspaceId),
        eq(projects.status, 'active'),
        sql`exists (select 1 from ${contacts} c where c.workspace_id = ${projects.workspaceId} and c.account_id = ${projects.accountId} and c.role = 'champion' and c.left_on is null)`,
        sql`(select count(*) from ${contacts} c where c.workspace_id = ${projects.workspaceId} and c.account_id = ${projects.accountId} and c.left_on is null) >= 2`,
      ),
    )
    .orderBy(asc(projects.name))
    .limit(2);
  for (const [index, { accountId }] of candidates.entries()) {
    const current = await services.database.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId), isNull(contacts.leftOn)))
      .orderBy(asc(contacts.name));
    const champion = current.find((c) => c.role === 'champion')!;
    const wanted = addCalendarDays(today, index === 0 ? -18 : -55);
    const leftOn = champion.joinedOn && champion.joinedOn > wanted ? champion.joinedOn : wanted;
    await updateContact(vendor, champion.id, { leftOn });
    if (index === 1) {
      const successor = current.find((c) => c.id !== champion.id && c.role !== 'executive_sponsor') ?? current.find((c) => c.id !== champion.id)!;
      const risk = (await accountPeople(vendor, accountId)).risks.find((r) => r.status === 'open' && r.contactId === champion.id);
      if (risk) await nameSuccessor(vendor, accountId, risk.id, { contactId: successor.id });
    }
  }
}
