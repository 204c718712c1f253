// Learning paths: an ordered set of core and elective courses with a completion rule, versioned like playbooks
// (saving makes a new version; an enrolment keeps the version it started on).
import type { Audience, LearningPath, PathInput, PathSummary } from '../../../contract/academy.ts';
import type { PathCourseKind } from '../../../core/academy/words.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import * as content from './content.repo.ts';
import * as repo from './paths.repo.ts';

export interface PathVersion {
  pathId: string;
  version: number;
  title: string;
  description: string;
  audience: Audience;
  courses: { courseId: string; kind: PathCourseKind }[];
  electivesRequired: number;
  minimumScore: number | null;
  certificate: { title: string; validForMonths: number | null } | null;
}

export const versionOf = (row: repo.PathVersionRow): PathVersion => ({
  pathId: row.pathId,
  version: row.version,
  title: row.title,
  description: row.description,
  audience: row.audience as Audience,
  courses: row.courses as PathVersion['courses'],
  electivesRequired: row.electivesRequired,
  minimumScore: row.minimumScore,
  certificate: row.certificate as PathVersion['certificate'],
});

type Found = NonNullable<Awaited<ReturnType<typeof repo.findPath>>>;

const summary = (found: Found, activeEnrolments: number): PathSummary => {
  const v = versionOf(found.version);
  return {
    id: found.path.id,
    title: v.title,
    description: v.description,
    version: v.version,
    audience: v.audience,
    courseCount: v.courses.length,
    certificateTitle: v.certificate?.title ?? null,
    activeEnrolments,
    archived: found.path.archivedAt !== null,
    updatedAt: found.path.updatedAt.toISOString(),
  };
};

export async function listPaths(ctx: Ctx, includeArchived: boolean) {
  const counts = await repo.activeCounts(ctx.db, ctx.workspaceId);
  return (await repo.listPaths(ctx.db, ctx.workspaceId, includeArchived)).map((found) => summary(found, counts.get(found.path.id) ?? 0));
}

export async function getPath(ctx: Ctx, pathId: string, version?: number): Promise<LearningPath> {
  const found = await repo.findPath(ctx.db, ctx.workspaceId, pathId, version);
  if (!found) throw notFound(version ? `version ${version} of that path` : 'learning path');
  const v = versionOf(found.version);
  const courseIds = v.courses.map((c) => c.courseId);
  const courses = new Map((await content.coursesByIds(ctx.db, ctx.workspaceId, courseIds)).map((c) => [c.id, c]));
  const lessons = await content.lessonsOf(ctx.db, ctx.workspaceId, courseIds);
  return {
    ...summary(found, (await repo.activeCounts(ctx.db, ctx.workspaceId, pathId)).get(pathId) ?? 0),
    courses: v.courses.map((c) => ({ ...c, title: courses.get(c.courseId)?.title ?? '(deleted course)', lessonCount: lessons.filter((l) => l.courseId === c.courseId).length })),
    electivesRequired: v.electivesRequired,
    minimumScore: v.minimumScore,
    certificate: v.certificate,
  };
}

/** The path's version as plain data (the current one unless asked), or undefined. */
export async function pathVersion(ctx: Ctx, pathId: string, version?: number) {
  const found = await repo.findPath(ctx.db, ctx.workspaceId, pathId, version);
  return found && { ...versionOf(found.version), archived: found.path.archivedAt !== null };
}

async function assertCourses(ctx: Ctx, input: PathInput) {
  const ids = input.courses.map((c) => c.courseId);
  const found = new Map((await content.coursesByIds(ctx.db, ctx.workspaceId, ids)).map((c) => [c.id, c]));
  const errors = input.courses.flatMap((c, index) => {
    const course = found.get(c.courseId);
    if (!course) return [{ path: ['body', 'courses', index, 'courseId'], message: 'is not a course of this workspace' }];
    if (course.archivedAt) return [{ path: ['body', 'courses', index, 'courseId'], message: `is the archived course "${course.title}": restore it first` }];
    return [];
  });
  if (errors.length > 0) throw new AppError('invalid', errors.map((e) => `courses[${e.path[2]}].courseId: ${e.message}`).join('; '), { errors });
}

const versionValues = (workspaceId: string, pathId: string, version: number, input: PathInput, now: Date) => ({
  workspaceId,
  pathId,
  version,
  title: input.title,
  description: input.description,
  audience: input.audience,
  courses: input.courses,
  electivesRequired: input.electivesRequired,
  minimumScore: input.minimumScore,
  certificate: input.certificate,
  createdAt: now,
});

export async function createPath(ctx: Ctx, input: PathInput) {
  await assertCourses(ctx, input);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.services.now();
    const path = await repo.insertPath(tx.db, tx.workspaceId, now);
    await repo.insertVersion(tx.db, versionValues(tx.workspaceId, path.id, 1, input, now));
    return path.id;
  });
  return getPath(ctx, id);
}

/** Saves the path as a new version: enrolments under way keep theirs; new enrolments take this one. */
export async function updatePath(ctx: Ctx, pathId: string, input: PathInput) {
  if (!(await repo.findPath(ctx.db, ctx.workspaceId, pathId))) throw notFound('learning path');
  await assertCourses(ctx, input);
  await inTransaction(ctx, async (tx) => {
    const now = tx.services.now();
    const path = await repo.bumpVersion(tx.db, tx.workspaceId, pathId, now);
    if (!path) throw notFound('learning path');
    await repo.insertVersion(tx.db, versionValues(tx.workspaceId, pathId, path.currentVersion, input, now));
  });
  return getPath(ctx, pathId);
}

export async function setPathArchived(ctx: Ctx, pathId: string, archived: boolean) {
  const now = ctx.services.now();
  if (!(await repo.setArchived(ctx.db, ctx.workspaceId, pathId, archived ? now : null, now))) throw notFound('learning path');
  return getPath(ctx, pathId);
}
