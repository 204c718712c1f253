// Webinars and their registrations: SQL only.
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { academyRegistrations, academyWebinars } from '../../db/schema.ts';

export type WebinarRow = typeof academyWebinars.$inferSelect;

const counts = {
  registered: sql<number>`(select count(*)::int from ${academyRegistrations} r where r.workspace_id = ${academyWebinars.workspaceId} and r.webinar_id = ${academyWebinars.id})`,
  attended: sql<number>`(select count(*)::int from ${academyRegistrations} r where r.workspace_id = ${academyWebinars.workspaceId} and r.webinar_id = ${academyWebinars.id} and r.attended)`,
};

export function listWebinars(db: Db, workspaceId: string, when: 'upcoming' | 'past' | 'all', now: Date) {
  return db
    .select({ webinar: academyWebinars, ...counts })
    .from(academyWebinars)
    .where(and(eq(academyWebinars.workspaceId, workspaceId), when === 'upcoming' ? gte(academyWebinars.startsAt, now) : when === 'past' ? lt(academyWebinars.startsAt, now) : undefined))
    .orderBy(when === 'past' ? desc(academyWebinars.startsAt) : asc(academyWebinars.startsAt));
}

export async function findWebinar(db: Db, workspaceId: string, webinarId: string, lock = false) {
  const query = db.select({ webinar: academyWebinars, ...counts }).from(academyWebinars).where(and(eq(academyWebinars.workspaceId, workspaceId), eq(academyWebinars.id, webinarId)));
  const [row] = lock ? await query.for('update', { of: academyWebinars }) : await query;
  return row;
}

export async function insertWebinar(db: Db, values: typeof academyWebinars.$inferInsert) {
  const [row] = await db.insert(academyWebinars).values(values).returning();
  return row!;
}

export async function updateWebinar(db: Db, workspaceId: string, webinarId: string, values: Partial<typeof academyWebinars.$inferInsert>) {
  const [row] = await db.update(academyWebinars).set(values).where(and(eq(academyWebinars.workspaceId, workspaceId), eq(academyWebinars.id, webinarId))).returning();
  return row;
}

export async function registrations(db: Db, workspaceId: string, webinarId: string) {
  const result = await db.execute(sql`select r.contact_id, c.name as contact_name, c.email, a.name as account_name, r.registered_at, r.via, r.attended
      from academy_webinar_registrations r join contacts c on c.workspace_id = r.workspace_id and c.id = r.contact_id
      join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
     where r.workspace_id = ${workspaceId} and r.webinar_id = ${webinarId} order by r.registered_at`);
  return (result as unknown as { rows: { contact_id: string; contact_name: string; email: string; account_name: string; registered_at: string | Date; via: string; attended: boolean }[] }).rows;
}

export async function register(db: Db, values: typeof academyRegistrations.$inferInsert) {
  const rows = await db.insert(academyRegistrations).values(values).onConflictDoNothing().returning({ contactId: academyRegistrations.contactId });
  return rows.length > 0;
}

export async function unregister(db: Db, workspaceId: string, webinarId: string, contactId: string) {
  await db
    .delete(academyRegistrations)
    .where(and(eq(academyRegistrations.workspaceId, workspaceId), eq(academyRegistrations.webinarId, webinarId), eq(academyRegistrations.contactId, contactId)));
}

export async function registeredWebinars(db: Db, workspaceId: string, contactId: string) {
  const rows = await db
    .select({ webinarId: academyRegistrations.webinarId })
    .from(academyRegistrations)
    .where(and(eq(academyRegistrations.workspaceId, workspaceId), eq(academyRegistrations.contactId, contactId)));
  return new Set(rows.map((r) => r.webinarId));
}

export async function setAttendance(db: Db, workspaceId: string, webinarId: string, attended: string[]) {
  await db.execute(sql`update academy_webinar_registrations set attended = (contact_id = any(${sql`array[${sql.join(attended.length ? attended.map((id) => sql`${id}::uuid`) : [sql`null::uuid`], sql`, `)}]`}))
     where workspace_id = ${workspaceId} and webinar_id = ${webinarId}`);
}
