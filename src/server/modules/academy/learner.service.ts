// The learner's side, in the customer portal: "your learning", a course with their progress, marking lessons
// done, quiz attempts, SCORM launch and commits, feedback. A contact only ever reaches courses of paths they are
// enrolled in, in their own workspace.
import { attemptsLeft, passes, scoreQuiz } from '../../../core/academy/quiz.ts';
import { bestStatus, readCommit, resumeCmi, type FlatCmi } from '../../../core/academy/scorm.ts';
import type { LessonStatus, ScormVersion } from '../../../core/academy/words.ts';
import type { CourseFeedbackInput, LessonContent, PortalCourse, QuizResult, ScormCommit, ScormLaunch, YourLearning } from '../../../contract/academy.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { contactOf } from '../contacts/contacts.service.ts';
import * as content from './content.repo.ts';
import { presentLessons } from './content.service.ts';
import * as enrolments from './enrolment.repo.ts';
import * as repo from './learning.repo.ts';
import { certificatesOf, presentProgress, recordLessonOutcome, recordStatement, standingsOf, type Learner } from './progress.service.ts';
import { scormLesson, packageFile } from './scorm.service.ts';
import { upcomingWebinarsFor } from './webinars.service.ts';

type PortalCtx = Ctx & { actor: { kind: 'contact'; contactId: string } };

const inPortalTransaction = <T>(ctx: PortalCtx, work: (tx: PortalCtx) => Promise<T>) => inTransaction(ctx, (tx) => work({ ...tx, actor: ctx.actor }));

export async function learnerOf(ctx: Ctx, contactId: string): Promise<Learner> {
  const contact = await contactOf(ctx, contactId);
  if (!contact) throw notFound('contact');
  return { id: contact.id, name: contact.name, email: contact.email };
}

/** The lesson, if the contact may open it (enrolled in a path holding its course); 404 otherwise, never "forbidden". */
async function openLesson(ctx: PortalCtx, lessonId: string) {
  const lesson = await content.findLesson(ctx.db, ctx.workspaceId, lessonId);
  if (!lesson || !(await enrolments.courseOpenTo(ctx.db, ctx.workspaceId, ctx.actor.contactId, lesson.courseId))) throw notFound('lesson');
  return lesson;
}

export async function yourLearning(ctx: PortalCtx): Promise<YourLearning> {
  const learner = await learnerOf(ctx, ctx.actor.contactId);
  const mine = await enrolments.enrolmentsOfContact(ctx.db, ctx.workspaceId, learner.id);
  const standings = await standingsOf(ctx, mine);
  const courseIds = [...new Set([...standings.values()].flatMap((s) => s.version.courses.map((c) => c.courseId)))];
  const courses = new Map((await content.coursesByIds(ctx.db, ctx.workspaceId, courseIds)).map((c) => [c.id, c]));
  // Running paths first, then completed; each newest first.
  const ordered = [...mine].sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active'));
  return {
    contactName: learner.name,
    paths: ordered.flatMap((e) => {
      const s = standings.get(e.id);
      if (!s) return [];
      return [
        {
          enrolmentId: e.id,
          pathId: e.pathId,
          title: s.version.title,
          description: s.version.description,
          status: e.status as 'active' | 'completed',
          progress: presentProgress(s),
          resume: s.resume && e.status === 'active' ? { ...s.resume, courseTitle: courses.get(s.resume.courseId)?.title ?? '' } : null,
          courses: s.version.courses.map((c) => {
            const state = s.courses.get(c.courseId);
            return { courseId: c.courseId, title: courses.get(c.courseId)?.title ?? '', kind: c.kind, completed: state?.completed ?? false, lessonCount: state?.lessonCount ?? 0, lessonsDone: state?.lessonsDone ?? 0 };
          }),
        },
      ];
    }),
    certificates: await certificatesOf(ctx, { contactId: learner.id }),
    webinars: await upcomingWebinarsFor(ctx, learner.id),
  };
}

export async function portalCourse(ctx: PortalCtx, courseId: string): Promise<PortalCourse> {
  const course = await content.findCourse(ctx.db, ctx.workspaceId, courseId);
  if (!course || !(await enrolments.courseOpenTo(ctx.db, ctx.workspaceId, ctx.actor.contactId, courseId))) throw notFound('course');
  const rows = await content.lessonsOf(ctx.db, ctx.workspaceId, [courseId]);
  const lessons = await presentLessons(ctx, rows, true);
  const progress = new Map((await repo.progressOf(ctx.db, ctx.workspaceId, [ctx.actor.contactId], rows.map((r) => r.id))).map((p) => [p.lessonId, p]));
  const shown = lessons.map((lesson) => {
    const p = progress.get(lesson.id);
    return {
      id: lesson.id,
      title: lesson.title,
      position: lesson.position,
      content: lesson.content,
      progress: { lessonId: lesson.id, status: (p?.status ?? 'not_started') as LessonStatus, score: p?.score ?? null, attempts: p?.attempts ?? 0, location: p?.location ?? null, updatedAt: p?.updatedAt.toISOString() ?? null },
    };
  });
  const done = (s: LessonStatus) => s === 'completed' || s === 'passed';
  return {
    id: course.id,
    title: course.title,
    summary: course.summary,
    estimatedMinutes: course.estimatedMinutes,
    lessons: shown,
    completed: shown.length > 0 && shown.every((l) => done(l.progress.status)),
    resumeLessonId: shown.find((l) => !done(l.progress.status))?.id ?? null,
    feedbackGiven: await repo.hasFeedback(ctx.db, ctx.workspaceId, ctx.actor.contactId, courseId),
  };
}

/** Marks a reading, video, file or embedded lesson in progress or done (quizzes and SCORM lessons report their own). */
export async function recordLessonProgress(ctx: PortalCtx, lessonId: string, input: { status: 'in_progress' | 'completed'; location?: string | undefined }) {
  return inPortalTransaction(ctx, async (tx) => {
    const lesson = await openLesson(tx, lessonId);
    if (lesson.kind === 'quiz' || lesson.kind === 'scorm') {
      throw invalid(`status: a ${lesson.kind === 'quiz' ? 'quiz is done by passing it' : 'SCORM lesson reports its own progress'}`, { path: ['body', 'status'] });
    }
    const learner = await learnerOf(tx, tx.actor.contactId);
    const saved = await recordLessonOutcome(tx, learner, lesson, { status: input.status, score: null, ...(input.location !== undefined ? { location: input.location } : {}) }, bestStatus);
    return { lessonId, status: saved.status, score: saved.score, attempts: 0, location: input.location ?? null, updatedAt: tx.services.now().toISOString() };
  });
}

export async function attemptQuiz(ctx: PortalCtx, lessonId: string, answers: number[][]): Promise<QuizResult> {
  return inPortalTransaction(ctx, async (tx) => {
    const lesson = await openLesson(tx, lessonId);
    if (lesson.kind !== 'quiz') throw notFound('quiz');
    const quiz = lesson.content as Extract<LessonContent, { kind: 'quiz' }>;
    if (answers.length !== quiz.questions.length) throw invalid(`answers: the quiz has ${quiz.questions.length} questions, the answer lists ${answers.length}`, { path: ['body', 'answers'] });
    const before = await repo.findProgress(tx.db, tx.workspaceId, tx.actor.contactId, lessonId);
    const used = before?.attempts ?? 0;
    if (before?.status === 'passed') throw new AppError('conflict', 'You have already passed this quiz.');
    if (attemptsLeft(quiz.maxAttempts, used) === 0) throw new AppError('conflict', `You have used all ${quiz.maxAttempts} attempts at this quiz: ask your vendor contact to reset it.`);
    const { score, correct } = scoreQuiz(quiz.questions, answers);
    const passed = passes(score, quiz.passMark);
    const learner = await learnerOf(tx, tx.actor.contactId);
    await recordLessonOutcome(tx, learner, lesson, { status: passed ? 'passed' : 'failed', score, attempt: true }, bestStatus);
    return { score, passed, attemptsUsed: used + 1, attemptsLeft: attemptsLeft(quiz.maxAttempts, used + 1), correct };
  });
}

export async function scormLaunch(ctx: PortalCtx, lessonId: string): Promise<ScormLaunch> {
  const lesson = await openLesson(ctx, lessonId);
  const { pkg } = await scormLesson(ctx, lesson.id);
  const [saved] = await repo.progressOf(ctx.db, ctx.workspaceId, [ctx.actor.contactId], [lessonId]);
  const learner = await learnerOf(ctx, ctx.actor.contactId);
  const version = pkg.version as ScormVersion;
  const identity: Record<string, string> =
    version === '1.2' ? { 'cmi.core.student_id': learner.id, 'cmi.core.student_name': learner.name } : { 'cmi.learner_id': learner.id, 'cmi.learner_name': learner.name };
  await recordStatement(ctx, learner, 'launched', { kind: 'lesson', id: lesson.id, courseId: lesson.courseId, name: lesson.title });
  return {
    version,
    launchUrl: `/portal/academy/scorm/${lessonId}/${pkg.launchHref}`,
    commitUrl: `/api/portal/v1/academy/lessons/${lessonId}/scorm/commit`,
    cmi: { ...identity, ...resumeCmi(version, saved && { location: saved.location, suspendData: saved.suspendData, status: saved.status as LessonStatus }) },
  };
}

export async function commitScorm(ctx: PortalCtx, lessonId: string, cmi: ScormCommit) {
  return inPortalTransaction(ctx, async (tx) => {
    const lesson = await openLesson(tx, lessonId);
    const { pkg } = await scormLesson(tx, lesson.id);
    const outcome = readCommit(pkg.version as ScormVersion, cmi as FlatCmi);
    const learner = await learnerOf(tx, tx.actor.contactId);
    const saved = await recordLessonOutcome(tx, learner, lesson, { ...outcome, cmi }, bestStatus);
    return { result: true as const, errorCode: 0 as const, status: saved.status, score: saved.score };
  });
}

/** A file of a SCORM lesson's package, for a contact enrolled in its course. */
export async function scormFileFor(ctx: PortalCtx, lessonId: string, path: string) {
  const lesson = await openLesson(ctx, lessonId);
  const { pkg } = await scormLesson(ctx, lesson.id);
  return packageFile(ctx, pkg.id, path);
}

/** A lesson's uploaded file (video or document), for a contact enrolled in its course. */
export async function lessonFileFor(ctx: PortalCtx, fileId: string) {
  const [file] = await content.filesByIds(ctx.db, ctx.workspaceId, [fileId]);
  const lessons = file ? await lessonsUsingFile(ctx, fileId) : [];
  for (const lesson of lessons) if (await enrolments.courseOpenTo(ctx.db, ctx.workspaceId, ctx.actor.contactId, lesson.courseId)) return file!;
  throw notFound('file');
}

async function lessonsUsingFile(ctx: Ctx, fileId: string) {
  return content.lessonsWithFile(ctx.db, ctx.workspaceId, fileId);
}

export async function giveFeedback(ctx: PortalCtx, courseId: string, input: CourseFeedbackInput) {
  if (!(await enrolments.courseOpenTo(ctx.db, ctx.workspaceId, ctx.actor.contactId, courseId))) throw notFound('course');
  await repo.saveFeedback(ctx.db, { workspaceId: ctx.workspaceId, contactId: ctx.actor.contactId, courseId, rating: input.rating, comment: input.comment, createdAt: ctx.services.now() });
  return { saved: true };
}
