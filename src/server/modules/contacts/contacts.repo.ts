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
