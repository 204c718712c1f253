// Courses and their lessons, on the staff side, and how a lesson is shown (to staff with quiz answers, to a
// learner without).
import type { Course, CourseInput, CoursePatch, CourseSummary, Lesson, LessonContent, LessonContentView, LessonInput, LessonPatch } from '../../../contract/academy.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { check } from '../../events/bus.ts';
import { invalid, notFound } from '../../http/errors.ts';
import * as repo from './content.repo.ts';

/** A lesson's content as stored: the contract's, or a SCORM package reference. */
export type StoredContent = LessonContent | { kind: 'scorm'; packageId: string };

export const presentCourseSummary = (row: repo.CourseRow, lessonCount: number): CourseSummary => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  product: row.product,
  modules: row.modules,
  estimatedMinutes: row.estimatedMinutes,
  lessonCount,
  source: row.source as 'authored' | 'scorm',
  archived: row.archivedAt !== null,
  updatedAt: row.updatedAt.toISOString(),
});

/** How each lesson reads, resolving file names and SCORM packages; `forLearner` hides which quiz options are correct. */
export async function presentLessons(ctx: Ctx, rows: repo.LessonRow[], forLearner: boolean): Promise<Lesson[]> {
  const contents = rows.map((row) => row.content as StoredContent);
  const fileIds = contents.flatMap((c) => (c.kind === 'file' ? [c.fileId] : c.kind === 'video' && c.fileId ? [c.fileId] : []));
  const packageIds = contents.flatMap((c) => (c.kind === 'scorm' ? [c.packageId] : []));
  const files = new Map((await repo.filesByIds(ctx.db, ctx.workspaceId, fileIds)).map((f) => [f.id, f]));
  const packages = new Map((await repo.packagesByIds(ctx.db, ctx.workspaceId, packageIds)).map((p) => [p.id, p]));
  return rows.map((row) => {
    const content = row.content as StoredContent;
    let view: LessonContentView;
    switch (content.kind) {
      case 'scorm': {
        const pkg = packages.get(content.packageId);
        view = { kind: 'scorm', version: (pkg?.version ?? '1.2') as '1.2' | '2004', launchHref: pkg?.launchHref ?? '', fileCount: pkg?.fileCount ?? 0 };
        break;
      }
      case 'file':
        view = { kind: 'file', fileId: content.fileId, fileName: files.get(content.fileId)?.fileName ?? null };
        break;
      case 'quiz':
        view = {
          kind: 'quiz',
          passMark: content.passMark,
          maxAttempts: content.maxAttempts,
          questions: content.questions.map((q) => ({ prompt: q.prompt, choice: q.choice, options: q.options.map((o) => (forLearner ? { text: o.text } : o)) })),
        };
        break;
      default:
        view = content;
    }
    return { id: row.id, courseId: row.courseId, position: row.position, title: row.title, content: view };
  });
}

export async function listCourses(ctx: Ctx, includeArchived: boolean) {
  return (await repo.listCourses(ctx.db, ctx.workspaceId, includeArchived)).map((r) => presentCourseSummary(r.course, r.lessonCount));
}

export async function getCourse(ctx: Ctx, courseId: string): Promise<Course> {
  const course = await repo.findCourse(ctx.db, ctx.workspaceId, courseId);
  if (!course) throw notFound('course');
  const lessons = await presentLessons(ctx, await repo.lessonsOf(ctx.db, ctx.workspaceId, [courseId]), false);
  return { ...presentCourseSummary(course, lessons.length), lessons };
}

export async function createCourse(ctx: Ctx, input: CourseInput, source: 'authored' | 'scorm' = 'authored') {
  await check(ctx, 'products.naming', { products: [input.product ?? null], path: ['body', 'product'] });
  const row = await repo.insertCourse(ctx.db, { workspaceId: ctx.workspaceId, ...input, source });
  return getCourse(ctx, row.id);
}

export async function updateCourse(ctx: Ctx, courseId: string, patch: CoursePatch) {
  if (patch.product) await check(ctx, 'products.naming', { products: [patch.product], path: ['body', 'product'] });
  const row = await repo.updateCourse(ctx.db, ctx.workspaceId, courseId, { ...patch, updatedAt: ctx.services.now() });
  if (!row) throw notFound('course');
  return getCourse(ctx, courseId);
}

export async function setCourseArchived(ctx: Ctx, courseId: string, archived: boolean) {
  const row = await repo.updateCourse(ctx.db, ctx.workspaceId, courseId, { archivedAt: archived ? ctx.services.now() : null, updatedAt: ctx.services.now() });
  if (!row) throw notFound('course');
  return getCourse(ctx, courseId);
}

async function assertFilesExist(ctx: Ctx, content: LessonContent) {
  const fileId = content.kind === 'file' ? content.fileId : content.kind === 'video' ? content.fileId : null;
  if (!fileId) return;
  const [file] = await repo.filesByIds(ctx.db, ctx.workspaceId, [fileId]);
  if (!file) throw invalid('content.fileId: is not a file uploaded to the academy (POST /academy/files first)', { path: ['body', 'content', 'fileId'] });
}

export async function addLesson(ctx: Ctx, courseId: string, input: LessonInput): Promise<Lesson> {
  return inTransaction(ctx, async (tx) => {
    const course = await repo.findCourse(tx.db, tx.workspaceId, courseId);
    if (!course) throw notFound('course');
    await assertFilesExist(tx, input.content);
    const position = await repo.nextLessonPosition(tx.db, tx.workspaceId, courseId);
    const row = await repo.insertLesson(tx.db, { workspaceId: tx.workspaceId, courseId, position, title: input.title, kind: input.content.kind, content: input.content });
    await repo.updateCourse(tx.db, tx.workspaceId, courseId, { updatedAt: tx.services.now() });
    return (await presentLessons(tx, [row], false))[0]!;
  });
}

/** A lesson of this course, or 404. */
export async function lessonOfCourse(ctx: Ctx, courseId: string, lessonId: string) {
  const lesson = await repo.findLesson(ctx.db, ctx.workspaceId, lessonId);
  if (!lesson || lesson.courseId !== courseId) throw notFound('lesson');
  return lesson;
}

export async function updateLesson(ctx: Ctx, courseId: string, lessonId: string, patch: LessonPatch): Promise<Lesson> {
  return inTransaction(ctx, async (tx) => {
    const lesson = await lessonOfCourse(tx, courseId, lessonId);
    if (patch.content) {
      if (lesson.kind === 'scorm') throw invalid('content: a SCORM lesson keeps its package; import a new package to replace it', { path: ['body', 'content'] });
      await assertFilesExist(tx, patch.content);
    }
    const row = await repo.updateLesson(tx.db, tx.workspaceId, lessonId, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.content !== undefined ? { content: patch.content, kind: patch.content.kind } : {}),
      updatedAt: tx.services.now(),
    });
    return (await presentLessons(tx, [row!], false))[0]!;
  });
}

export async function removeLesson(ctx: Ctx, courseId: string, lessonId: string) {
  await lessonOfCourse(ctx, courseId, lessonId);
  await repo.deleteLesson(ctx.db, ctx.workspaceId, lessonId);
}

export async function reorderLessons(ctx: Ctx, courseId: string, lessonIds: string[]) {
  return inTransaction(ctx, async (tx) => {
    const course = await repo.findCourse(tx.db, tx.workspaceId, courseId);
    if (!course) throw notFound('course');
    const current = (await repo.lessonsOf(tx.db, tx.workspaceId, [courseId])).map((l) => l.id);
    const given = new Set(lessonIds);
    if (given.size !== lessonIds.length || current.length !== lessonIds.length || current.some((id) => !given.has(id))) {
      throw invalid('lessonIds: must list every lesson of the course exactly once', { path: ['body', 'lessonIds'] });
    }
    await repo.setLessonPositions(tx.db, tx.workspaceId, lessonIds, tx.services.now());
    return getCourse(tx, courseId);
  });
}
