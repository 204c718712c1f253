// The capacity view's SQL: who is shown with their hours, their days off, the open work booked on them and the won
// deals not yet projects. Both engines; every query scoped to the workspace.
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberSettings, memberTimeOff } from '../../db/schema.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface PersonRow {
  id: string;
  name: string;
  role: string;
  weeklyHours: number;
}

/** Current members in the roles asked for (onboarding and implementation managers), with their weekly hours. */
export async function people(db: Db, workspaceId: string, roles: string[]): Promise<PersonRow[]> {
  const result = await db.execute(sql`select m.id, m.name, m.role, coalesce(s.weekly_hours, 40)::float8 as "weeklyHours"
    from members m left join member_settings s on s.workspace_id = m.workspace_id and s.member_id = m.id
    where m.workspace_id = ${workspaceId} and m.removed_at is null
      and m.role in (${sql.join(roles.map((r) => sql`${r}`), sql`, `)})
    order by m.name, m.id`);
  return rowsOf<PersonRow>(result).map((row) => ({ ...row, weeklyHours: Number(row.weeklyHours) }));
}

export interface BookedRow {
  memberId: string;
  effortHours: number | null;
  durationDays: number;
  milestoneKind: string | null;
  deliverable: boolean;
  needsApproval: boolean;
  start: string;
  finish: string;
}

/**
 * The open vendor tasks of active projects given to a member, with the plan's dates, finishing on or after `from` or
 * still open (work past its dates is still owed). The effort's default is core's, from the fields returned.
 */
export async function bookedTasks(db: Db, workspaceId: string, memberIds: string[], until: string): Promise<BookedRow[]> {
  if (memberIds.length === 0) return [];
  const result = await db.execute(sql`select t.assignee_member_id as "memberId", t.effort_hours::float8 as "effortHours", t.duration_days as "durationDays",
      t.milestone_kind as "milestoneKind", t.deliverable, t.needs_approval as "needsApproval",
      coalesce(t.projected_start, t.projected_finish)::text as start, coalesce(t.projected_finish, t.projected_start)::text as finish
    from project_tasks t join projects p on p.workspace_id = t.workspace_id and p.id = t.project_id
    where t.workspace_id = ${workspaceId} and p.status = 'active' and t.owner_side = 'vendor' and t.status not in ('done', 'skipped')
      and t.assignee_member_id in (${sql.join(memberIds.map((id) => sql`${id}`), sql`, `)})
      and coalesce(t.projected_start, t.projected_finish) is not null and coalesce(t.projected_start, t.projected_finish) < ${until}::date`);
  return rowsOf<BookedRow>(result).map((row) => ({ ...row, effortHours: row.effortHours === null ? null : Number(row.effortHours) }));
}

export interface TimeOffRow {
  id: string;
  memberId: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

const timeOffColumns = { id: memberTimeOff.id, memberId: memberTimeOff.memberId, startsOn: memberTimeOff.startsOn, endsOn: memberTimeOff.endsOn, note: memberTimeOff.note };

/** Days off ending on or after `from`, of everyone (or one member). */
export function timeOff(db: Db, workspaceId: string, from: string, memberId?: string): Promise<TimeOffRow[]> {
  return db
    .select(timeOffColumns)
    .from(memberTimeOff)
    .where(and(eq(memberTimeOff.workspaceId, workspaceId), gte(memberTimeOff.endsOn, from), memberId ? eq(memberTimeOff.memberId, memberId) : undefined))
    .orderBy(asc(memberTimeOff.startsOn), asc(memberTimeOff.id));
}

export async function insertTimeOff(db: Db, workspaceId: string, row: { memberId: string; startsOn: string; endsOn: string; note: string | null }) {
  const [inserted] = await db.insert(memberTimeOff).values({ workspaceId, ...row }).returning(timeOffColumns);
  return inserted!;
}

export async function deleteTimeOff(db: Db, workspaceId: string, memberId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(memberTimeOff)
    .where(and(eq(memberTimeOff.workspaceId, workspaceId), eq(memberTimeOff.memberId, memberId), eq(memberTimeOff.id, id)))
    .returning({ id: memberTimeOff.id });
  return deleted.length > 0;
}

export async function findSettings(db: Db, workspaceId: string, memberId: string) {
  const [row] = await db.select().from(memberSettings).where(and(eq(memberSettings.workspaceId, workspaceId), eq(memberSettings.memberId, memberId)));
  return row;
}

export async function saveSettings(db: Db, workspaceId: string, memberId: string, values: { weeklyHours?: number; weeklyDigest?: boolean; timeZone?: string | null }, now: Date) {
  await db
    .insert(memberSettings)
    .values({ workspaceId, memberId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: [memberSettings.workspaceId, memberSettings.memberId], set: { ...values, updatedAt: now } });
}

/** Won deals that did not become projects (their intake failed and waits for a replay): the projects coming. */
export async function dealsWaiting(db: Db, workspaceId: string) {
  const result = await db.execute(sql`select deal_id as "dealId", payload from intake_deliveries
    where workspace_id = ${workspaceId} and status = 'failed' and project_id is null order by received_at, id limit 200`);
  return rowsOf<{ dealId: string; payload: unknown }>(result);
}

/** Members who asked for the weekly digest, with the timezone to send it in. */
export async function digestSubscribers(db: Db) {
  const result = await db.execute(sql`select s.workspace_id as "workspaceId", m.id as "memberId", m.name, m.email, m.role, s.time_zone as "timeZone"
    from member_settings s join members m on m.workspace_id = s.workspace_id and m.id = s.member_id
    where s.weekly_digest and m.removed_at is null order by s.workspace_id, m.id`);
  return rowsOf<{ workspaceId: string; memberId: string; name: string; email: string; role: string; timeZone: string | null }>(result);
}
