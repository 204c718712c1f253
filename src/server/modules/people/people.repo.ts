import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountRisks, contacts, projects, projectTasks } from '../../db/schema.ts';

export type RiskRow = typeof accountRisks.$inferSelect;
export type NewRisk = Omit<typeof accountRisks.$inferInsert, 'id' | 'workspaceId'>;

/** The account's people, current first; one indexed read (contacts_account_idx) for the People tab. */
export function peopleOfAccount(db: Db, workspaceId: string, accountId: string) {
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      title: contacts.title,
      role: contacts.role,
      joinedOn: contacts.joinedOn,
      leftOn: contacts.leftOn,
      modules: contacts.modules,
      createdAt: contacts.createdAt,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId)))
    .orderBy(sql`${contacts.leftOn} is not null`, asc(contacts.name));
}

/** Raised risks, those written: a leaver who already has an open one gets none (raised once per departure). */
export async function insertRisks(db: Db, workspaceId: string, risks: NewRisk[]) {
  if (risks.length === 0) return [];
  return db
    .insert(accountRisks)
    .values(risks.map((risk) => ({ ...risk, workspaceId })))
    .onConflictDoNothing()
    .returning();
}

export async function findRisk(db: Db, workspaceId: string, accountId: string, riskId: string) {
  const [row] = await db
    .select()
    .from(accountRisks)
    .where(and(eq(accountRisks.workspaceId, workspaceId), eq(accountRisks.accountId, accountId), eq(accountRisks.id, riskId)))
    .for('update');
  return row;
}

export async function updateRisk(db: Db, workspaceId: string, riskId: string, values: Partial<NewRisk>) {
  const [row] = await db
    .update(accountRisks)
    .set(values)
    .where(and(eq(accountRisks.workspaceId, workspaceId), eq(accountRisks.id, riskId)))
    .returning();
  return row!;
}

/** The open risk a contact's departure raised, if any (they came back: it is resolved). */
export async function openRiskOfContact(db: Db, workspaceId: string, contactId: string) {
  const [row] = await db
    .select()
    .from(accountRisks)
    .where(and(eq(accountRisks.workspaceId, workspaceId), eq(accountRisks.contactId, contactId), eq(accountRisks.status, 'open')));
  return row;
}

export function risksOfAccount(db: Db, workspaceId: string, accountId: string) {
  return db
    .select()
    .from(accountRisks)
    .where(and(eq(accountRisks.workspaceId, workspaceId), eq(accountRisks.accountId, accountId)))
    .orderBy(sql`${accountRisks.status} = 'resolved'`, desc(accountRisks.raisedAt));
}

/** The account's active project most recently started: where the history of a departure is written. */
export async function activeProjectOfAccount(db: Db, workspaceId: string, accountId: string) {
  return (await activeProjectsOfAccounts(db, workspaceId, [accountId])).get(accountId);
}

/** activeProjectOfAccount for many accounts, in one statement, by account. */
export async function activeProjectsOfAccounts(db: Db, workspaceId: string, accountIds: string[]) {
  const rows =
    accountIds.length === 0
      ? []
      : await db
          .selectDistinctOn([projects.accountId], { id: projects.id, name: projects.name, accountId: projects.accountId })
          .from(projects)
          .where(and(eq(projects.workspaceId, workspaceId), inArray(projects.accountId, accountIds), eq(projects.status, 'active')))
          .orderBy(projects.accountId, desc(projects.createdAt));
  return new Map(rows.map(({ accountId, ...project }) => [accountId, project]));
}

/** The account's projects, with the day each went live (its go-live milestone done), for the lifecycle timeline. */
export function projectsForTimeline(db: Db, workspaceId: string, accountId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      createdAt: projects.createdAt,
      liveOn: sql<string | null>`(select max(${projectTasks.actualFinish})::text from ${projectTasks}
        where ${projectTasks.workspaceId} = ${projects.workspaceId} and ${projectTasks.projectId} = ${projects.id}
          and ${projectTasks.milestoneKind} = 'go_live' and ${projectTasks.status} = 'done')`,
    })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.accountId, accountId)));
}

/** Current contacts of a workspace at an address (a hard bounce names an address, not a contact). */
export function currentContactsAt(db: Db, workspaceId: string, address: string) {
  return db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), sql`lower(${contacts.email}) = lower(${address})`, isNull(contacts.leftOn)));
}

/**
 * How many contacts each of these contacts guides (contacts.guide_contact_id, added with user journeys): null when the
 * column is not there in this database, so the risk says "not recorded" rather than 0.
 */
export async function traineesOf(db: Db, workspaceId: string, contactIds: string[]): Promise<Map<string, number> | null> {
  const result = await db.execute(sql`select exists (select 1 from information_schema.columns
    where table_name = 'contacts' and column_name = 'guide_contact_id' and table_schema = current_schema()) as "has"`);
  const has = (result as unknown as { rows: { has: boolean }[] }).rows[0]?.has;
  if (!has) return null;
  const counts = new Map(contactIds.map((id) => [id, 0]));
  if (contactIds.length === 0) return counts;
  const counted = await db.execute(sql`select guide_contact_id as id, count(*)::int as n from contacts
    where workspace_id = ${workspaceId} and guide_contact_id = any(${sql.param(contactIds)}::uuid[]) and left_on is null group by guide_contact_id`);
  for (const row of (counted as unknown as { rows: { id: string; n: number }[] }).rows) counts.set(row.id, row.n);
  return counts;
}
