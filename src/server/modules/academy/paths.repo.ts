// Learning paths and their versions: SQL only.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { academyEnrolments, academyPaths, academyPathVersions } from '../../db/schema.ts';

export type PathVersionRow = typeof academyPathVersions.$inferSelect;

/** Running enrolments per path, one grouped count (enrolments have no path index: see the table). */
export async function activeCounts(db: Db, workspaceId: string, pathId?: string) {
  const rows = await db
    .select({ pathId: academyEnrolments.pathId, n: sql<number>`count(*)::int` })
    .from(academyEnrolments)
    .where(and(eq(academyEnrolments.workspaceId, workspaceId), eq(academyEnrolments.status, 'active'), pathId ? eq(academyEnrolments.pathId, pathId) : undefined))
    .groupBy(academyEnrolments.pathId);
  return new Map(rows.map((r) => [r.pathId, r.n]));
}

export function listPaths(db: Db, workspaceId: string, includeArchived: boolean) {
  return db
    .select({ path: academyPaths, version: academyPathVersions })
    .from(academyPaths)
    .innerJoin(academyPathVersions, and(eq(academyPathVersions.workspaceId, academyPaths.workspaceId), eq(academyPathVersions.pathId, academyPaths.id), eq(academyPathVersions.version, academyPaths.currentVersion)))
    .where(and(eq(academyPaths.workspaceId, workspaceId), includeArchived ? undefined : isNull(academyPaths.archivedAt)))
    .orderBy(asc(academyPathVersions.title));
}

export async function findPath(db: Db, workspaceId: string, pathId: string, version?: number) {
  const [row] = await db
    .select({ path: academyPaths, version: academyPathVersions })
    .from(academyPaths)
    .innerJoin(
      academyPathVersions,
      and(eq(academyPathVersions.workspaceId, academyPaths.workspaceId), eq(academyPathVersions.pathId, academyPaths.id), version === undefined ? eq(academyPathVersions.version, academyPaths.currentVersion) : eq(academyPathVersions.version, version)),
    )
    .where(and(eq(academyPaths.workspaceId, workspaceId), eq(academyPaths.id, pathId)))
    .orderBy(desc(academyPathVersions.version))
    .limit(1);
  return row;
}

export async function insertPath(db: Db, workspaceId: string, now: Date) {
  const [row] = await db.insert(academyPaths).values({ workspaceId, currentVersion: 1, createdAt: now, updatedAt: now }).returning();
  return row!;
}

export async function insertVersion(db: Db, values: typeof academyPathVersions.$inferInsert) {
  await db.insert(academyPathVersions).values(values);
}

export async function bumpVersion(db: Db, workspaceId: string, pathId: string, now: Date) {
  const [row] = await db
    .update(academyPaths)
    .set({ currentVersion: sql`${academyPaths.currentVersion} + 1`, updatedAt: now })
    .where(and(eq(academyPaths.workspaceId, workspaceId), eq(academyPaths.id, pathId)))
    .returning();
  return row;
}

export async function setArchived(db: Db, workspaceId: string, pathId: string, at: Date | null, now: Date) {
  const [row] = await db.update(academyPaths).set({ archivedAt: at, updatedAt: now }).where(and(eq(academyPaths.workspaceId, workspaceId), eq(academyPaths.id, pathId))).returning();
  return row;
}

/** The versions named, by "pathId:version". */
export async function versionsOf(db: Db, workspaceId: string, keys: { pathId: string; version: number }[]) {
  if (keys.length === 0) return new Map<string, PathVersionRow>();
  const values = sql.join(keys.map((k) => sql`(${k.pathId}::uuid, ${k.version}::int)`), sql`, `);
  const rows = await db
    .select()
    .from(academyPathVersions)
    .where(and(eq(academyPathVersions.workspaceId, workspaceId), sql`(${academyPathVersions.pathId}, ${academyPathVersions.version}) in (${values})`));
  return new Map(rows.map((row) => [`${row.pathId}:${row.version}`, row]));
}
