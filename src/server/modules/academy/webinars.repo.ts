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

export interface Invitee {
  id: string;
  name: string;
  email: string;
  timezone: string | null;
}

/** Current contacts by id, or every current contact the audience matches (one query). */
export async function invitees(db: Db, workspaceId: string, who: { contactIds: string[] } | { audience: Record<string, string[]> }) {
  const filter =
    'contactIds' in who
      ? sql`c.id in (${sql.join(who.contactIds.map((id) => sql`${id}::uuid`), sql`, `)})`
      : sql`(cardinality(${arr(who.audience.roles)}::text[]) = 0 or c.role = any(${arr(who.audience.roles)}::text[]))
        and (cardinality(${arr(who.audience.segments)}::text[]) = 0 or a.segment = any(${arr(who.audience.segments)}::text[]))
        and (cardinality(${arr(who.audience.products)}::text[]) = 0 or a.products && ${arr(who.audience.products)}::text[])
        and (cardinality(${arr(who.audience.modules)}::text[]) = 0 or c.modules && ${arr(who.audience.modules)}::text[])
        and (cardinality(${arr(who.audience.organizationIds)}::uuid[]) = 0 or c.organization_id = any(${arr(who.audience.organizationIds)}::uuid[]))
        and (cardinality(${arr(who.audience.stages)}::text[]) = 0 or a.laer_stage = any(${arr(who.audience.stages)}::text[]))`;
  const result = await db.execute(sql`select c.id, c.name, c.email, coalesce(c.timezone, a.timezone) as timezone from contacts c
      join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
     where c.workspace_id = ${workspaceId} and c.left_on is null and a.archived_at is null and ${filter} limit 50000`);
  return (result as unknown as { rows: Invitee[] }).rows;
}

const arr = (values: string[] | undefined) => `{${(values ?? []).map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** Webinars starting between the two times (the reminder window). */
export function startingBetween(db: Db, from: Date, to: Date) {
  return db.select().from(academyWebinars).where(and(gte(academyWebinars.startsAt, from), lt(academyWebinars.startsAt, to)));
}

/** Registered contacts of a webinar (attended or not), with their address. */
export async function registeredContacts(db: Db, workspaceId: string, webinarId: string, attended?: boolean) {
  const result = await db.execute(sql`select c.id, c.name, c.email, c.timezone from academy_webinar_registrations r
      join contacts c on c.workspace_id = r.workspace_id and c.id = r.contact_id
     where r.workspace_id = ${workspaceId} and r.webinar_id = ${webinarId} and c.left_on is null ${attended === undefined ? sql`` : sql`and r.attended = ${attended}`}`);
  return (result as unknown as { rows: Invitee[] }).rows;
}
