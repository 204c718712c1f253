import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts, metricActuals, projects, projectTasks, successMetrics, successOutcomes, successPlans } from '../../db/schema.ts';

export type PlanRow = typeof successPlans.$inferSelect;
export type OutcomeRow = typeof successOutcomes.$inferSelect;
export type MetricRow = typeof successMetrics.$inferSelect;
export type ActualRow = typeof metricActuals.$inferSelect;

export async function findProject(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select({ id: projects.id, accountId: projects.accountId, status: projects.status })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, projectId)));
  return row;
}

export async function findPlan(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select()
    .from(successPlans)
    .where(and(eq(successPlans.workspaceId, workspaceId), eq(successPlans.projectId, projectId)));
  return row;
}

/** The project's plan, created empty the first time anyone touches it. */
export async function ensurePlan(db: Db, workspaceId: string, projectId: string) {
  await db.insert(successPlans).values({ workspaceId, projectId }).onConflictDoNothing();
  return (await findPlan(db, workspaceId, projectId))!;
}

export async function updatePlan(db: Db, workspaceId: string, projectId: string, values: Partial<typeof successPlans.$inferInsert>) {
  await db
    .update(successPlans)
    .set(values)
    .where(and(eq(successPlans.workspaceId, workspaceId), eq(successPlans.projectId, projectId)));
}

export function listOutcomes(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(successOutcomes)
    .where(and(eq(successOutcomes.workspaceId, workspaceId), eq(successOutcomes.projectId, projectId)))
    .orderBy(asc(successOutcomes.position), asc(successOutcomes.createdAt));
}

export function listMetrics(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(successMetrics)
    .where(and(eq(successMetrics.workspaceId, workspaceId), eq(successMetrics.projectId, projectId)))
    .orderBy(asc(successMetrics.position), asc(successMetrics.createdAt));
}

export function listActuals(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(metricActuals)
    .where(and(eq(metricActuals.workspaceId, workspaceId), eq(metricActuals.projectId, projectId)))
    .orderBy(asc(metricActuals.measuredOn), asc(metricActuals.createdAt));
}

export async function findOutcome(db: Db, workspaceId: string, outcomeId: string) {
  const [row] = await db
    .select()
    .from(successOutcomes)
    .where(and(eq(successOutcomes.workspaceId, workspaceId), eq(successOutcomes.id, outcomeId)));
  return row;
}

export async function findMetric(db: Db, workspaceId: string, metricId: string) {
  const [row] = await db
    .select()
    .from(successMetrics)
    .where(and(eq(successMetrics.workspaceId, workspaceId), eq(successMetrics.id, metricId)));
  return row;
}

export async function findActual(db: Db, workspaceId: string, actualId: string) {
  const [row] = await db
    .select()
    .from(metricActuals)
    .where(and(eq(metricActuals.workspaceId, workspaceId), eq(metricActuals.id, actualId)));
  return row;
}

export async function insertOutcome(db: Db, values: typeof successOutcomes.$inferInsert) {
  const [row] = await db.insert(successOutcomes).values(values).returning();
  return row!;
}

export async function updateOutcome(db: Db, workspaceId: string, outcomeId: string, values: Partial<typeof successOutcomes.$inferInsert>) {
  await db
    .update(successOutcomes)
    .set(values)
    .where(and(eq(successOutcomes.workspaceId, workspaceId), eq(successOutcomes.id, outcomeId)));
}

export async function deleteOutcome(db: Db, workspaceId: string, outcomeId: string) {
  await db.delete(successOutcomes).where(and(eq(successOutcomes.workspaceId, workspaceId), eq(successOutcomes.id, outcomeId)));
}

export async function insertMetric(db: Db, values: typeof successMetrics.$inferInsert) {
  const [row] = await db.insert(successMetrics).values(values).returning();
  return row!;
}

export async function updateMetric(db: Db, workspaceId: string, metricId: string, values: Partial<typeof successMetrics.$inferInsert>) {
  await db
    .update(successMetrics)
    .set(values)
    .where(and(eq(successMetrics.workspaceId, workspaceId), eq(successMetrics.id, metricId)));
}

export async function deleteMetric(db: Db, workspaceId: string, metricId: string) {
  await db.delete(successMetrics).where(and(eq(successMetrics.workspaceId, workspaceId), eq(successMetrics.id, metricId)));
}

export async function insertActual(db: Db, values: typeof metricActuals.$inferInsert) {
  const [row] = await db.insert(metricActuals).values(values).returning();
  return row!;
}

export async function deleteActual(db: Db, workspaceId: string, actualId: string) {
  await db.delete(metricActuals).where(and(eq(metricActuals.workspaceId, workspaceId), eq(metricActuals.id, actualId)));
}

export async function nextPosition(db: Db, workspaceId: string, table: 'outcomes' | 'metrics', parentId: string) {
  const [row] =
    table === 'outcomes'
      ? await db
          .select({ next: sql<number>`coalesce(max(${successOutcomes.position}), -1)::int + 1` })
          .from(successOutcomes)
          .where(and(eq(successOutcomes.workspaceId, workspaceId), eq(successOutcomes.projectId, parentId)))
      : await db
          .select({ next: sql<number>`coalesce(max(${successMetrics.position}), -1)::int + 1` })
          .from(successMetrics)
          .where(and(eq(successMetrics.workspaceId, workspaceId), eq(successMetrics.outcomeId, parentId)));
  return Number(row?.next ?? 0);
}

/** The project's first_value and value_achieved milestone tasks, when its playbook has them. */
export function valueMilestoneTasks(db: Db, workspaceId: string, projectId: string) {
  return db
    .select({ id: projectTasks.id, milestoneKind: projectTasks.milestoneKind, status: projectTasks.status, actualFinish: projectTasks.actualFinish })
    .from(projectTasks)
    .where(
      and(
        eq(projectTasks.workspaceId, workspaceId),
        eq(projectTasks.projectId, projectId),
        inArray(projectTasks.milestoneKind, ['first_value', 'value_achieved']),
      ),
    )
    .orderBy(asc(projectTasks.position));
}

/** Contacts of the project who did something it records: finished a task of theirs, recorded an actual, confirmed an outcome. */
export async function engagedContactNames(db: Db, workspaceId: string, projectId: string) {
  const rows = await db
    .selectDistinct({ name: contacts.name })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        sql`(${contacts.id} in (select t.assignee_contact_id from ${projectTasks} t
              where t.workspace_id = ${workspaceId} and t.project_id = ${projectId} and t.status = 'done')
          or ${contacts.id} in (select a.recorded_by_contact_id from ${metricActuals} a
              where a.workspace_id = ${workspaceId} and a.project_id = ${projectId})
          or ${contacts.id} in (select o.verified_by_contact_id from ${successOutcomes} o
              where o.workspace_id = ${workspaceId} and o.project_id = ${projectId}))`,
      ),
    )
    .orderBy(asc(contacts.name));
  return rows.map((row) => row.name);
}


/** The success metrics these contacts own, with their outcome and owner. */
export function metricsOwnedByContacts(db: Db, workspaceId: string, contactIds: string[]) {
  if (contactIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: successMetrics.id, outcomeId: successMetrics.outcomeId, ownerContactId: sql<string>`${successMetrics.ownerContactId}` })
    .from(successMetrics)
    .where(and(eq(successMetrics.workspaceId, workspaceId), inArray(successMetrics.ownerContactId, contactIds)));
}

/** Gives a contact's metrics (or the ones listed) and the plans they sponsor to another contact; answers how many metrics moved. */
export async function handOverMetrics(db: Db, workspaceId: string, fromContactId: string, toContactId: string, onlyIds?: readonly string[]) {
  const conditions = [eq(successMetrics.workspaceId, workspaceId), eq(successMetrics.ownerContactId, fromContactId)];
  if (onlyIds) {
    if (onlyIds.length === 0) return 0;
    conditions.push(inArray(successMetrics.id, [...onlyIds]));
  }
  const rows = await db.update(successMetrics).set({ ownerContactId: toContactId }).where(and(...conditions)).returning({ id: successMetrics.id });
  // The success plans they sponsored have the successor as their executive sponsor.
  await db
    .update(successPlans)
    .set({ executiveSponsorContactId: toContactId })
    .where(and(eq(successPlans.workspaceId, workspaceId), eq(successPlans.executiveSponsorContactId, fromContactId)));
  return rows.length;
}
