// Where learners stand: lesson progress rolled up into courses and paths (core/academy/completion.ts), a path
// completed when its rule is met, a certificate issued for it, and every learning event kept as an xAPI statement.
import { randomUUID } from 'node:crypto';
import { certificateStatus, expiryOf, renewableFrom, renewedExpiry } from '../../../core/academy/certificates.ts';
import { courseState, lessonDone, pathStanding, type CourseState, type PathStanding } from '../../../core/academy/completion.ts';
import type { LessonStatus, XapiVerb } from '../../../core/academy/words.ts';
import { xapiStatement, type LearningEvent } from '../../../core/academy/xapi.ts';
import type { Certificate, Progress } from '../../../contract/academy.ts';
import type { Ctx } from '../../context.ts';
import { emit } from '../../events/bus.ts';
import * as content from './content.repo.ts';
import * as enrolments from './enrolment.repo.ts';
import * as repo from './learning.repo.ts';
import * as paths from './paths.repo.ts';
import { versionOf, type PathVersion } from './paths.service.ts';

export interface EnrolmentKey {
  id: string;
  contactId: string;
  pathId: string;
  pathVersion: number;
}

export interface Standing {
  version: PathVersion;
  standing: PathStanding;
  courses: Map<string, CourseState & { lessonCount: number; lessonsDone: number }>;
  /** The first lesson not done, in path and lesson order. */
  resume: { courseId: string; lessonId: string; lessonTitle: string } | null;
  lastActivityAt: Date | null;
}

const today = (ctx: Ctx) => ctx.services.now().toISOString().slice(0, 10);

/** Where each enrolment stands, computed for the whole set at once (a page of a list, a learner's paths). */
export async function standingsOf(ctx: Ctx, keys: EnrolmentKey[]): Promise<Map<string, Standing>> {
  const versions = await paths.versionsOf(ctx.db, ctx.workspaceId, [...new Map(keys.map((k) => [`${k.pathId}:${k.pathVersion}`, { pathId: k.pathId, version: k.pathVersion }])).values()]);
  const courseIds = [...new Set([...versions.values()].flatMap((v) => versionOf(v).courses.map((c) => c.courseId)))];
  const lessons = await content.lessonsOf(ctx.db, ctx.workspaceId, courseIds);
  const progress = await repo.progressOf(ctx.db, ctx.workspaceId, [...new Set(keys.map((k) => k.contactId))], lessons.map((l) => l.id));
  const byContact = new Map<string, Map<string, repo.ProgressRow>>();
  for (const row of progress) byContact.set(row.contactId, (byContact.get(row.contactId) ?? new Map()).set(row.lessonId, row));
  const out = new Map<string, Standing>();
  for (const key of keys) {
    const row = versions.get(`${key.pathId}:${key.pathVersion}`);
    if (!row) continue;
    const version = versionOf(row);
    const mine = byContact.get(key.contactId) ?? new Map<string, repo.ProgressRow>();
    const courses = new Map<string, CourseState & { lessonCount: number; lessonsDone: number }>();
    let resume: Standing['resume'] = null;
    let lastActivityAt: Date | null = null;
    for (const { courseId } of version.courses) {
      const courseLessons = lessons.filter((l) => l.courseId === courseId);
      const states = courseLessons.map((l) => ({ status: (mine.get(l.id)?.status ?? 'not_started') as LessonStatus, score: mine.get(l.id)?.score ?? null }));
      courses.set(courseId, { ...courseState(states), lessonCount: courseLessons.length, lessonsDone: states.filter((s) => lessonDone(s.status)).length });
      for (const lesson of courseLessons) {
        const p = mine.get(lesson.id);
        if (p && (!lastActivityAt || p.updatedAt > lastActivityAt)) lastActivityAt = p.updatedAt;
        if (!resume && !lessonDone((p?.status ?? 'not_started') as LessonStatus)) resume = { courseId, lessonId: lesson.id, lessonTitle: lesson.title };
      }
    }
    out.set(key.id, { version, standing: pathStanding(version, courses), courses, resume, lastActivityAt });
  }
  return out;
}

export const presentProgress = (s: Standing | undefined): Progress => ({
  completedCourses: s ? [...s.courses.values()].filter((c) => c.completed).length : 0,
  totalCourses: s?.version.courses.length ?? 0,
  percent: s?.standing.percent ?? 0,
  score: s?.standing.score ?? null,
  lastActivityAt: s?.lastActivityAt?.toISOString() ?? null,
});

// ---- xAPI ----

export interface Learner {
  id: string;
  name: string;
  email: string;
}

export async function recordStatement(
  ctx: Ctx,
  learner: Learner,
  verb: XapiVerb,
  activity: { kind: 'course' | 'lesson' | 'path' | 'webinar'; id: string; courseId: string | null; name: string; assessment?: boolean },
  result?: LearningEvent['result'],
) {
  const base = ctx.services.config.publicUrl.replace(/\/$/, '');
  const iri =
    activity.kind === 'lesson' ? `${base}/academy/courses/${activity.courseId}/lessons/${activity.id}` : `${base}/academy/${activity.kind === 'course' ? 'courses' : activity.kind === 'path' ? 'paths' : 'webinars'}/${activity.id}`;
  const type = activity.assessment ? 'assessment' : activity.kind === 'lesson' ? 'lesson' : activity.kind === 'webinar' ? 'meeting' : 'course';
  const now = ctx.services.now();
  const id = randomUUID();
  const statement = xapiStatement({ id, learner, verb, activity: { iri, name: activity.name, type }, ...(result ? { result } : {}), timestamp: now, stored: now });
  await repo.insertStatement(ctx.db, { id, workspaceId: ctx.workspaceId, contactId: learner.id, courseId: activity.courseId, verb, statement, timestamp: now, stored: now });
}

// ---- recording what a learner did ----

export interface LessonOutcome {
  status: LessonStatus;
  score: number | null;
  location?: string | null;
  suspendData?: string | null;
  sessionSeconds?: number;
  cmi?: Record<string, unknown> | null;
  /** A quiz attempt counts one. */
  attempt?: boolean;
}

/**
 * Saves a lesson's progress (never moving a completed or passed lesson back), writes its xAPI statements, and
 * completes the course and the learner's paths that this finishes. Call inside a transaction.
 */
export async function recordLessonOutcome(ctx: Ctx, learner: Learner, lesson: content.LessonRow, outcome: LessonOutcome, best: (a: LessonStatus, b: LessonStatus) => LessonStatus) {
  const now = ctx.services.now();
  const before = await repo.findProgress(ctx.db, ctx.workspaceId, learner.id, lesson.id);
  const previous = (before?.status ?? 'not_started') as LessonStatus;
  const status = best(previous, outcome.status);
  // The best score earned counts, as the best status does.
  const score = outcome.score === null ? (before?.score ?? null) : Math.max(outcome.score, before?.score ?? 0);
  await repo.saveProgress(ctx.db, {
    workspaceId: ctx.workspaceId,
    contactId: learner.id,
    lessonId: lesson.id,
    status,
    score,
    attempts: (before?.attempts ?? 0) + (outcome.attempt ? 1 : 0),
    location: outcome.location === undefined ? (before?.location ?? null) : outcome.location,
    suspendData: outcome.suspendData === undefined ? (before?.suspendData ?? null) : outcome.suspendData,
    sessionSeconds: (before?.sessionSeconds ?? 0) + (outcome.sessionSeconds ?? 0),
    cmi: outcome.cmi === undefined ? (before?.cmi ?? null) : outcome.cmi,
    updatedAt: now,
    completedAt: before?.completedAt ?? (lessonDone(status) ? now : null),
  });
  const activity = { kind: 'lesson' as const, id: lesson.id, courseId: lesson.courseId, name: lesson.title, assessment: lesson.kind === 'quiz' };
  const seconds = outcome.sessionSeconds ? { seconds: outcome.sessionSeconds } : {};
  if (outcome.attempt) await recordStatement(ctx, learner, 'attempted', activity, { scorePercent: outcome.score, ...seconds });
  if (outcome.status === 'passed' || outcome.status === 'failed') await recordStatement(ctx, learner, outcome.status, activity, { scorePercent: outcome.score, success: outcome.status === 'passed', ...seconds });
  else if (outcome.status === 'completed' && previous !== 'completed') await recordStatement(ctx, learner, 'completed', activity, { completion: true, ...seconds });
  else if (outcome.status === 'in_progress') await recordStatement(ctx, learner, 'progressed', activity, seconds);
  if (!lessonDone(previous) && lessonDone(status)) await afterLessonDone(ctx, learner, lesson.courseId);
  return { status, score };
}

/** A lesson was finished: the course may be complete, and with it some of the learner's paths. */
async function afterLessonDone(ctx: Ctx, learner: Learner, courseId: string) {
  const running = (await enrolments.enrolmentsOfContact(ctx.db, ctx.workspaceId, learner.id)).filter((e) => e.status === 'active');
  const standings = await standingsOf(ctx, running);
  let courseCompleted = false;
  for (const enrolment of running) {
    const s = standings.get(enrolment.id);
    if (!s) continue;
    if (s.courses.get(courseId)?.completed) courseCompleted = true;
    if (s.standing.complete) await completeEnrolment(ctx, learner, enrolment, s);
  }
  if (courseCompleted) {
    const course = await content.findCourse(ctx.db, ctx.workspaceId, courseId);
    await recordStatement(ctx, learner, 'completed', { kind: 'course', id: courseId, courseId, name: course?.title ?? '' }, { completion: true });
  }
}

async function completeEnrolment(ctx: Ctx, learner: Learner, enrolment: enrolments.EnrolmentRow, s: Standing) {
  if (!(await enrolments.markCompleted(ctx.db, ctx.workspaceId, enrolment.id, ctx.services.now()))) return;
  await recordStatement(ctx, learner, 'completed', { kind: 'path', id: enrolment.pathId, courseId: null, name: s.version.title }, { completion: true, ...(s.standing.score !== null ? { scorePercent: s.standing.score, success: true } : {}) });
  const certificate = s.version.certificate;
  const announce = (certificateId: string | null) =>
    emit(ctx, 'path.completed', { enrolmentId: enrolment.id, contactId: learner.id, accountId: enrolment.accountId, pathId: enrolment.pathId, certificateId });
  if (!certificate) return announce(null);
  const previous = await repo.latestCertificate(ctx.db, ctx.workspaceId, learner.id, enrolment.pathId);
  const issuedOn = today(ctx);
  const issued = await repo.insertCertificate(ctx.db, {
    workspaceId: ctx.workspaceId,
    contactId: learner.id,
    accountId: enrolment.accountId,
    pathId: enrolment.pathId,
    enrolmentId: enrolment.id,
    title: certificate.title,
    issuedOn,
    expiresOn: previous ? renewedExpiry(previous.expiresOn, issuedOn, certificate.validForMonths) : expiryOf(issuedOn, certificate.validForMonths),
  });
  await announce(issued?.id ?? null);
}

export const presentCertificate = (row: repo.CertificateRow, contactName: string, on: string): Certificate => ({
  id: row.id,
  contactId: row.contactId,
  contactName,
  accountId: row.accountId,
  title: row.title,
  pathId: row.pathId,
  issuedOn: row.issuedOn,
  expiresOn: row.expiresOn,
  status: certificateStatus(row.expiresOn, on),
  renewableFrom: renewableFrom(row.expiresOn),
});

export async function certificatesOf(ctx: Ctx, filter: { accountId?: string | undefined; contactId?: string | undefined }) {
  const on = today(ctx);
  return (await repo.certificates(ctx.db, ctx.workspaceId, filter)).map((r) => presentCertificate(r.certificate, r.contactName, on));
}
