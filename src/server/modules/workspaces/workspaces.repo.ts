import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { workspaces } from '../../db/schema.ts';

export async function countWorkspaces(db: Db) {
  const [row] = await db.select({ workspaces: count() }).from(workspaces);
  return row?.workspaces ?? 0;
}

export interface NewWorkspaceRow {
  name: string;
  timezone: string;
  holidayCountry?: string | null;
  holidayRegion?: string | null;
}

export async function insertWorkspace(db: Db, workspace: NewWorkspaceRow) {
  const [row] = await db.insert(workspaces).values(workspace).returning();
  return row!;
}

export async function findWorkspace(db: Db, workspaceId: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return row;
}

export async function updateWorkspace(
  db: Db,
  workspaceId: string,
  patch: {
    name?: string;
    timezone?: string;
    workingWeekdays?: number[];
    holidays?: string[];
    holidayCountry?: string | null;
    holidayRegion?: string | null;
  },
) {
  const [row] = await db.update(workspaces).set(patch).where(eq(workspaces.id, workspaceId)).returning();
  return row;
}

/** What the business-day calendar of the workspace is made of. */
export async function findCalendar(db: Db, workspaceId: string) {
  // Prepared: read by every project page, portal page and re-plan.
  const statement = prepared(db, 'workspace_calendar', (name) =>
    db
      .select({
        timezone: workspaces.timezone,
        workingWeekdays: workspaces.workingWeekdays,
        holidays: workspaces.holidays,
        holidayCountry: workspaces.holidayCountry,
        holidayRegion: workspaces.holidayRegion,
      })
      .from(workspaces)
      .where(eq(workspaces.id, sql.placeholder('workspaceId')))
      .prepare(name),
  );
  const [row] = await statement.execute({ workspaceId });
  return row;
}
