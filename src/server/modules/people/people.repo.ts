import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
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

/** A raised risk; undefined when the leaver already has an open one (raised once per departure). */
export async function insertRisk(db: Db, workspaceId: string, risk: NewRisk) {
  const [row] = await db
    .insert(accountRisks)
    .values({ ...risk, workspaceId })
    .onConflictDoNothing()
    .returning();
  return row;
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
  const [row] = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.accountId, accountId), eq(projects.status, 'active')))
    .orderBy(desc(projects.createdAt))
    .limit(1);
  return row;
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
 * How many contacts a contact guides (contacts.guide_contact_id, added with user journeys): null when the column is
 * not there in this database, so the risk says "not recorded" rather than 0.
 */
export async function traineesOf(db: Db, workspaceId: string, contactId: string): Promise<number | null> {
  const result = await db.execute(sql`select exists (select 1 from information_schema.columns
    where table_name = 'contacts' and column_name = 'guide_contact_id' and table_schema = current_schema()) as "has"`);
  const has = (result as unknown as { rows: { has: boolean }[] }).rows[0]?.has;
  if (!has) return null;
  const counted = await db.execute(sql`select count(*)::int as n from contacts
    where workspace_id = ${workspaceId} and guide_contact_id = ${contactId} and left_on is null`);
  return (counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}
