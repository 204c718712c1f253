// Courses, lessons, lesson files and SCORM packages: SQL only.
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { academyCourses, academyFiles, academyLessons, academyScormFiles, academyScormPackages } from '../../db/schema.ts';

export type CourseRow = typeof academyCourses.$inferSelect;
export type LessonRow = typeof academyLessons.$inferSelect;

export function listCourses(db: Db, workspaceId: string, includeArchived: boolean) {
  return db
    .select({ course: academyCourses, lessonCount: sql<number>`(select count(*)::int from ${academyLessons} l where l.workspace_id = ${academyCourses.workspaceId} and l.course_id = ${academyCourses.id})` })
    .from(academyCourses)
    .where(and(eq(academyCourses.workspaceId, workspaceId), includeArchived ? undefined : isNull(academyCourses.archivedAt)))
    .orderBy(asc(academyCourses.title));
}

export async function findCourse(db: Db, workspaceId: string, courseId: string) {
  const [row] = await db.select().from(academyCourses).where(and(eq(academyCourses.workspaceId, workspaceId), eq(academyCourses.id, courseId)));
  return row;
}

export function coursesByIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(academyCourses).where(and(eq(academyCourses.workspaceId, workspaceId), inArray(academyCourses.id, ids)));
}

export async function insertCourse(db: Db, values: typeof academyCourses.$inferInsert) {
  const [row] = await db.insert(academyCourses).values(values).returning();
  return row!;
}

export async function updateCourse(db: Db, workspaceId: string, courseId: string, values: Partial<typeof academyCourses.$inferInsert>) {
  const [row] = await db.update(academyCourses).set(values).where(and(eq(academyCourses.workspaceId, workspaceId), eq(academyCourses.id, courseId))).returning();
  return row;
}

export function lessonsOf(db: Db, workspaceId: string, courseIds: string[]) {
  if (courseIds.length === 0) return Promise.resolve([] as LessonRow[]);
  return db
    .select()
    .from(academyLessons)
    .where(and(eq(academyLessons.workspaceId, workspaceId), inArray(academyLessons.courseId, courseIds)))
    .orderBy(asc(academyLessons.courseId), asc(academyLessons.position));
}

export async function findLesson(db: Db, workspaceId: string, lessonId: string) {
  const [row] = await db.select().from(academyLessons).where(and(eq(academyLessons.workspaceId, workspaceId), eq(academyLessons.id, lessonId)));
  return row;
}

export async function insertLesson(db: Db, values: typeof academyLessons.$inferInsert) {
  const [row] = await db.insert(academyLessons).values(values).returning();
  return row!;
}

export async function updateLesson(db: Db, workspaceId: string, lessonId: string, values: Partial<typeof academyLessons.$inferInsert>) {
  const [row] = await db.update(academyLessons).set(values).where(and(eq(academyLessons.workspaceId, workspaceId), eq(academyLessons.id, lessonId))).returning();
  return row;
}

export async function deleteLesson(db: Db, workspaceId: string, lessonId: string) {
  await db.delete(academyLessons).where(and(eq(academyLessons.workspaceId, workspaceId), eq(academyLessons.id, lessonId)));
}

export async function setLessonPositions(db: Db, workspaceId: string, lessonIds: string[], now: Date) {
  for (const [position, id] of lessonIds.entries()) {
    await db.update(academyLessons).set({ position, updatedAt: now }).where(and(eq(academyLessons.workspaceId, workspaceId), eq(academyLessons.id, id)));
  }
}

export async function nextLessonPosition(db: Db, workspaceId: string, courseId: string) {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${academyLessons.position}) + 1, 0)::int` })
    .from(academyLessons)
    .where(and(eq(academyLessons.workspaceId, workspaceId), eq(academyLessons.courseId, courseId)));
  return row?.next ?? 0;
}

// ---- files ----

export async function insertFile(db: Db, values: typeof academyFiles.$inferInsert) {
  const [row] = await db.insert(academyFiles).values(values).returning();
  return row!;
}

export function filesByIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as (typeof academyFiles.$inferSelect)[]);
  return db.select().from(academyFiles).where(and(eq(academyFiles.workspaceId, workspaceId), inArray(academyFiles.id, ids)));
}

// ---- SCORM packages ----

export async function insertPackage(db: Db, values: typeof academyScormPackages.$inferInsert) {
  const [row] = await db.insert(academyScormPackages).values(values).returning();
  return row!;
}

export async function insertPackageFiles(db: Db, rows: (typeof academyScormFiles.$inferInsert)[]) {
  for (let start = 0; start < rows.length; start += 500) await db.insert(academyScormFiles).values(rows.slice(start, start + 500));
}

export function packagesByIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as (typeof academyScormPackages.$inferSelect)[]);
  return db.select().from(academyScormPackages).where(and(eq(academyScormPackages.workspaceId, workspaceId), inArray(academyScormPackages.id, ids)));
}

export async function findPackageFile(db: Db, workspaceId: string, packageId: string, path: string) {
  const [row] = await db
    .select()
    .from(academyScormFiles)
    .where(and(eq(academyScormFiles.workspaceId, workspaceId), eq(academyScormFiles.packageId, packageId), eq(academyScormFiles.path, path)));
  return row;
}

export async function countCourses(db: Db, workspaceId: string) {
  const [row] = await db.select({ n: count() }).from(academyCourses).where(eq(academyCourses.workspaceId, workspaceId));
  return row?.n ?? 0;
}

/** The lessons whose content uses an uploaded file. */
export function lessonsWithFile(db: Db, workspaceId: string, fileId: string) {
  return db
    .select()
    .from(academyLessons)
    .where(and(eq(academyLessons.workspaceId, workspaceId), sql`${academyLessons.content}->>'fileId' = ${fileId}`));
}
