import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { academyCertificates, academyFeedback, academyLessonProgress, academyRegistrations, academyStatements, accountRisks, contacts, organizations, projectTasks, readinessAssessments, successMetrics, successOutcomes, successPlans } from '../../db/schema.ts';

export type ContactValues = Omit<typeof contacts.$inferInsert, 'id' | 'workspaceId' | 'accountId' | 'createdAt' | 'updatedAt'>;

export function listContacts(db: Db, workspaceId: string, accountId: string | string[], status: 'current' | 'left' | 'all') {
  const conditions = [eq(contacts.workspaceId, workspaceId), Array.isArray(accountId) ? inArray(contacts.accountId, accountId) : eq(contacts.accountId, accountId)];
  if (status === 'current') conditions.push(isNull(contacts.leftOn));
  if (status === 'left') conditions.push(isNotNull(contacts.leftOn));
  return db
    .select()
    .from(contacts)
    .where(and(...conditions))
    .orderBy(sql`${contacts.leftOn} is not null`, asc(contacts.name));
}

export async function findContact(db: Db, workspaceId: string, contactId: string) {
  const [row] = await findContacts(db, workspaceId, [contactId]);
  return row;
}

export function findContacts(db: Db, workspaceId: string, contactIds: string[]) {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds)));
}

export async function insertContact(db: Db, workspaceId: string, accountId: string, values: ContactValues) {
  const [row] = await db
    .insert(contacts)
    .values({ ...values, workspaceId, accountId })
    .returning();
  return row!;
}

export async function updateContact(db: Db, workspaceId: string, contactId: string, values: Partial<ContactValues>, now: Date) {
  const [row] = await db
    .update(contacts)
    .set({ ...values, updatedAt: now })
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
    .returning();
  return row;
}

export async function deleteContact(db: Db, workspaceId: string, contactId: string) {
  const [row] = await db
    .delete(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  return row;
}

/** What still names the contact (rows that must not lose their person): counted, to say why it cannot be deleted. */
export async function contactReferences(db: Db, workspaceId: string, contactId: string) {
  const count = (table: PgTable & { workspaceId: AnyPgColumn }, column: AnyPgColumn) =>
    sql<number>`(select count(*)::int from ${table} where ${table.workspaceId} = ${workspaceId} and ${column} = ${contactId})`;
  const [row] = await db
    .select({
      tasks: count(projectTasks, projectTasks.assigneeContactId),
      sponsorOf: count(successPlans, successPlans.executiveSponsorContactId),
      verified: count(successOutcomes, successOutcomes.verifiedByContactId),
      metrics: count(successMetrics, successMetrics.ownerContactId),
      assessments: count(readinessAssessments, readinessAssessments.sentToContactId),
      learning: sql<number>`(${count(academyLessonProgress, academyLessonProgress.contactId)} + ${count(academyStatements, academyStatements.contactId)} + ${count(academyCertificates, academyCertificates.contactId)} + ${count(academyFeedback, academyFeedback.contactId)} + ${count(academyRegistrations, academyRegistrations.contactId)})`,
      risks: sql<number>`(select count(*)::int from ${accountRisks} where ${accountRisks.workspaceId} = ${workspaceId} and (${accountRisks.contactId} = ${contactId} or ${accountRisks.successorContactId} = ${contactId}))`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

/** Whether the organization exists in this workspace and belongs to the account. */
export async function organizationBelongsTo(db: Db, workspaceId: string, accountId: string, organizationId: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(eq(organizations.workspaceId, workspaceId), eq(organizations.accountId, accountId), eq(organizations.id, organizationId)),
    );
  return Boolean(row);
}

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The projects a contact may open in the portal or holds a task on. */
export async function projectsOfContact(db: Db, workspaceId: string, contactId: string) {
  return rowsOf<{ id: string; name: string; status: string; portal_access: boolean; last_visit_at: string | null }>(
    await db.execute(sql`
      select p.id, p.name, p.status, (pa.id is not null and pa.revoked_at is null) as portal_access, ${iso('pa.last_visit_at')} as last_visit_at
        from projects p
        left join portal_access pa on pa.workspace_id = p.workspace_id and pa.project_id = p.id and pa.contact_id = ${contactId}
       where p.workspace_id = ${workspaceId}
         and (pa.id is not null or exists (select 1 from project_tasks t where t.workspace_id = p.workspace_id and t.project_id = p.id and t.assignee_contact_id = ${contactId}))
       order by p.status = 'closed', p.name`),
  );
}

export async function tasksOfContact(db: Db, workspaceId: string, contactId: string) {
  return rowsOf<{ id: string; project_id: string; project_name: string; title: string; status: string; due_on: string | null }>(
    await db.execute(sql`
      select t.id, t.project_id, p.name as project_name, t.title, t.status, t.projected_finish::text as due_on
        from project_tasks t join projects p on p.workspace_id = t.workspace_id and p.id = t.project_id
       where t.workspace_id = ${workspaceId} and t.assignee_contact_id = ${contactId}
       order by t.status in ('done', 'skipped'), t.projected_finish nulls last limit 200`),
  );
}

/** Mail and portal messages to the contact: recorded with their id (cadences) or to their address (sign-in links, invitations). */
export async function messagesToContact(db: Db, workspaceId: string, contactId: string, email: string) {
  return rowsOf<{ id: string; subject: string; state: string; channel: string; at: string; sent_at: string | null }>(
    await db.execute(sql`
      select m.id, m.subject, m.state, m.channel, ${iso('m.created_at')} as at, ${iso('m.sent_at')} as sent_at
        from mail_outbox m
       where m.workspace_id = ${workspaceId} and (m.contact_id = ${contactId} or lower(m.to_address) = lower(${email}))
       order by m.created_at desc limit 50`),
  );
}

export async function portalActivityOf(db: Db, workspaceId: string, contactId: string) {
  return rowsOf<{ at: string; project_id: string; project_name: string; text: string }>(
    await db.execute(sql`
      select ${iso('e.created_at')} as at, e.project_id, p.name as project_name,
             coalesce(case when e.field is not null then e.field || ': ' || coalesce(e.to_value, '—') end, e.to_value, replace(e.kind, '_', ' ')) as text
        from project_events e join projects p on p.workspace_id = e.workspace_id and p.id = e.project_id
       where e.workspace_id = ${workspaceId} and e.actor_contact_id = ${contactId}
       order by e.created_at desc limit 50`),
  );
}

export async function learningOf(db: Db, workspaceId: string, contactId: string) {
  return rowsOf<{ id: string; title: string; status: string; enrolled_at: string; completed_at: string | null }>(
    await db.execute(sql`
      select en.id, v.title, en.status, ${iso('en.enrolled_at')} as enrolled_at, ${iso('en.completed_at')} as completed_at
        from academy_enrolments en
        join academy_path_versions v on v.workspace_id = en.workspace_id and v.path_id = en.path_id and v.version = en.path_version
       where en.workspace_id = ${workspaceId} and en.contact_id = ${contactId}
       order by en.enrolled_at desc`),
  );
}

export async function accountName(db: Db, workspaceId: string, accountId: string): Promise<string | undefined> {
  return rowsOf<{ name: string }>(await db.execute(sql`select name from accounts where workspace_id = ${workspaceId} and id = ${accountId}`))[0]?.name;
}
