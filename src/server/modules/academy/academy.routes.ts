import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcademyFile,
  AccountLearning,
  Certificate,
  CertificateQuery,
  Course,
  CourseFeedback,
  CourseInput,
  CourseListQuery,
  CourseParams,
  CoursePatch,
  CourseSummary,
  EnrolmentPage,
  EnrolmentQuery,
  Enrolment,
  EnrolmentRule,
  LearningPath,
  Lesson,
  LessonInput,
  LessonOrderInput,
  LessonParams,
  LessonPatch,
  ManualEnrolmentInput,
  ManualEnrolmentResult,
  NudgeResult,
  PathInput,
  PathSummary,
  PathVersionQuery,
  Rates,
  RuleInput,
  RulePatch,
  RuleSaved,
  RulesReevaluated,
  StuckLearner,
  StuckQuery,
  WithdrawInput,
  XapiQuery,
  XapiStatement,
  EmailRegistrationInput,
  QueuedMail,
  RegistrationResult,
  Webinar,
  WebinarAttendanceInput,
  WebinarDetail,
  WebinarInput,
  WebinarInvitationInput,
  WebinarListQuery,
  WebinarPatch,
  WebinarRecordingInput,
  Release,
  ReleaseInput,
  ScormPreview,
} from '../../../contract/academy.ts';
import { ArchiveInput, IdParams } from '../../../contract/common.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { readUpload } from '../projects/uploads.http.ts';
import * as content from './content.service.ts';
import * as enrolment from './enrolment.service.ts';
import { MAX_LESSON_FILE_BYTES, uploadLessonFile } from './files.service.ts';
import * as paths from './paths.service.ts';
import { certificatesOf } from './progress.service.ts';
import * as reports from './reports.service.ts';
import { importScormCourse, MAX_SCORM_ZIP_BYTES, sendScormFile, scormPreview, scormPreviewFile } from './scorm.service.ts';
import { attachRecording, inviteToWebinar, registerByToken } from './webinar-mail.service.ts';
import * as webinars from './webinars.service.ts';
import * as releases from './releases.service.ts';

const tags = ['academy'];
const ListQuery = z.object({ archived: z.enum(['include', 'exclude']).default('exclude') });

/** The education team's side of the academy: courses, paths, rules, enrolments, reports. Mounted at /api/v1. */
export const academyRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_SCORM_ZIP_BYTES, files: 1, fields: 5 } });
    const ctx = (request: Parameters<typeof requireCtx>[0]) => requireCtx(request, services);

    // ---- courses and lessons ----
    app.get('/academy/courses', { schema: { tags, summary: 'The academy’s courses', querystring: CourseListQuery, response: { 200: z.array(CourseSummary) } } }, (request) =>
      content.listCourses(ctx(request), request.query.archived === 'include'),
    );
    app.post('/academy/courses', { schema: { tags, summary: 'Create a course', body: CourseInput, response: { 201: Course } } }, async (request, reply) =>
      reply.status(201).send(await content.createCourse(ctx(request), request.body)),
    );
    app.post(
      '/academy/courses/scorm',
      { schema: { tags, summary: 'Import a SCORM 1.2 or 2004 package (a zip, multipart field "file") as a course', consumes: ['multipart/form-data'], response: { 201: Course } } },
      async (request, reply) => {
        const c = ctx(request);
        const upload = await readUpload(request, MAX_SCORM_ZIP_BYTES, 'a SCORM package');
        return reply.status(201).send(await importScormCourse(c, upload.name, upload.bytes));
      },
    );
    app.get('/academy/courses/:id', { schema: { tags, summary: 'A course with its lessons (quiz answers included)', params: CourseParams, response: { 200: Course } } }, (request) =>
      content.getCourse(ctx(request), request.params.id),
    );
    app.patch('/academy/courses/:id', { schema: { tags, summary: 'Change a course (only the fields sent)', params: CourseParams, body: CoursePatch, response: { 200: Course } } }, (request) =>
      content.updateCourse(ctx(request), request.params.id, request.body),
    );
    app.post('/academy/courses/:id/archive', { schema: { tags, summary: 'Archive (or restore) a course', params: CourseParams, body: ArchiveInput, response: { 200: Course } } }, (request) =>
      content.setCourseArchived(ctx(request), request.params.id, request.body.archived),
    );
    app.post('/academy/courses/:id/lessons', { schema: { tags, summary: 'Add a lesson at the end of the course', params: CourseParams, body: LessonInput, response: { 201: Lesson } } }, async (request, reply) =>
      reply.status(201).send(await content.addLesson(ctx(request), request.params.id, request.body)),
    );
    app.patch('/academy/courses/:id/lessons/:lessonId', { schema: { tags, summary: 'Change a lesson (only the fields sent)', params: LessonParams, body: LessonPatch, response: { 200: Lesson } } }, (request) =>
      content.updateLesson(ctx(request), request.params.id, request.params.lessonId, request.body),
    );
    app.delete('/academy/courses/:id/lessons/:lessonId', { schema: { tags, summary: 'Remove a lesson', params: LessonParams, response: { 204: z.null() } } }, async (request, reply) => {
      await content.removeLesson(ctx(request), request.params.id, request.params.lessonId);
      return reply.status(204).send(null);
    });
    app.get('/academy/courses/:id/lessons/:lessonId/scorm-preview', { schema: { tags, summary: 'Preview a SCORM lesson as the learner sees it (nothing is recorded): its version and launch URL', params: LessonParams, response: { 200: ScormPreview } } }, (request) =>
      scormPreview(ctx(request), request.params.id, request.params.lessonId),
    );
    app.get(
      '/academy/lessons/:lessonId/scorm-preview/*',
      { schema: { tags, summary: 'A file of a SCORM lesson’s package, for the course editor’s preview (served in the SCORM sandbox)', params: z.object({ lessonId: z.uuid({ message: 'must be an id (a UUID)' }), '*': z.string().max(1000) }) } },
      async (request, reply) => {
        const c = ctx(request);
        const file = await scormPreviewFile(c, request.params.lessonId, request.params['*']);
        return sendScormFile(reply, c, file);
      },
    );
    app.put('/academy/courses/:id/lesson-order', { schema: { tags, summary: 'Put the lessons in this order', params: CourseParams, body: LessonOrderInput, response: { 200: Course } } }, (request) =>
      content.reorderLessons(ctx(request), request.params.id, request.body.lessonIds),
    );
    app.post(
      '/academy/files',
      { schema: { tags, summary: 'Upload a lesson’s video or file (multipart field "file"; checked by content)', consumes: ['multipart/form-data'], response: { 201: AcademyFile } } },
      async (request, reply) => {
        const c = ctx(request);
        const upload = await readUpload(request, MAX_LESSON_FILE_BYTES, 'a lesson file');
        return reply.status(201).send(await uploadLessonFile(c, upload.name, upload.bytes));
      },
    );
    app.get('/academy/courses/:id/feedback', { schema: { tags, summary: 'Learners’ ratings and comments on a course', params: CourseParams, response: { 200: CourseFeedback } } }, (request) =>
      reports.courseFeedback(ctx(request), request.params.id),
    );

    // ---- paths ----
    app.get('/academy/paths', { schema: { tags, summary: 'Learning paths', querystring: ListQuery, response: { 200: z.array(PathSummary) } } }, (request) =>
      paths.listPaths(ctx(request), request.query.archived === 'include'),
    );
    app.post('/academy/paths', { schema: { tags, summary: 'Create a learning path', body: PathInput, response: { 201: LearningPath } } }, async (request, reply) =>
      reply.status(201).send(await paths.createPath(ctx(request), request.body)),
    );
    app.get('/academy/paths/:id', { schema: { tags, summary: 'A learning path (its current version, or the one asked for)', params: IdParams, querystring: PathVersionQuery, response: { 200: LearningPath } } }, (request) =>
      paths.getPath(ctx(request), request.params.id, request.query.version),
    );
    app.put('/academy/paths/:id', { schema: { tags, summary: 'Save a path as a new version (running enrolments keep theirs)', params: IdParams, body: PathInput, response: { 200: LearningPath } } }, (request) =>
      paths.updatePath(ctx(request), request.params.id, request.body),
    );
    app.post('/academy/paths/:id/archive', { schema: { tags, summary: 'Archive (or restore) a path', params: IdParams, body: ArchiveInput, response: { 200: LearningPath } } }, (request) =>
      paths.setPathArchived(ctx(request), request.params.id, request.body.archived),
    );

    // ---- rules and enrolments ----
    app.get('/academy/rules', { schema: { tags, summary: 'Enrolment rules', response: { 200: z.array(EnrolmentRule) } } }, (request) => enrolment.listRules(ctx(request)));
    app.post('/academy/rules', { schema: { tags, summary: 'Create an enrolment rule (a matching rule enrols everyone who fits, now)', body: RuleInput, response: { 201: RuleSaved } } }, async (request, reply) =>
      reply.status(201).send(await enrolment.createRule(ctx(request), request.body)),
    );
    app.patch('/academy/rules/:id', { schema: { tags, summary: 'Change a rule (only the fields sent); it is re-evaluated', params: IdParams, body: RulePatch, response: { 200: RuleSaved } } }, (request) =>
      enrolment.updateRule(ctx(request), request.params.id, request.body),
    );
    app.post('/academy/rules/reevaluate', { schema: { tags, summary: 'Re-evaluate every matching rule over every current contact now (one statement)', response: { 200: RulesReevaluated } } }, async (request) => ({
      newlyEnrolled: await enrolment.reevaluateRules(ctx(request)),
    }));
    app.delete('/academy/rules/:id', { schema: { tags, summary: 'Delete a rule (its running enrolments without progress are withdrawn; those with progress stay)', params: IdParams, response: { 204: z.null() } } }, async (request, reply) => {
      await enrolment.deleteRule(ctx(request), request.params.id);
      return reply.status(204).send(null);
    });
    app.get('/academy/enrolments', { schema: { tags, summary: 'Enrolments and progress, per account, contact, path or course', querystring: EnrolmentQuery, response: { 200: EnrolmentPage } } }, (request) => {
      const { limit, offset, ...filter } = request.query;
      return enrolment.listEnrolments(ctx(request), filter, limit, offset);
    });
    app.post('/academy/enrolments', { schema: { tags, summary: 'Enrol by hand: some contacts, or every current contact of an account', body: ManualEnrolmentInput, response: { 200: ManualEnrolmentResult } } }, (request) =>
      enrolment.enrolByHand(ctx(request), request.body),
    );
    app.post('/academy/enrolments/:id/withdraw', { schema: { tags, summary: 'Withdraw an enrolment (kept as history)', params: IdParams, body: WithdrawInput, response: { 200: Enrolment } } }, (request) =>
      enrolment.withdraw(ctx(request), request.params.id, request.body.reason),
    );
    app.post('/academy/enrolments/:id/nudge', { schema: { tags, summary: 'Email a stuck learner a nudge back to their path', params: IdParams, response: { 200: NudgeResult } } }, (request) =>
      enrolment.nudge(ctx(request), request.params.id),
    );
    app.get('/academy/stuck', { schema: { tags, summary: 'Learners enrolled more than N days ago with no progress in N days', querystring: StuckQuery, response: { 200: z.array(StuckLearner) } } }, (request) =>
      enrolment.stuckLearners(ctx(request), request.query.days),
    );

    // ---- reports ----
    app.get('/academy/reports/rates', { schema: { tags, summary: 'Completion and pass rates per course and path', response: { 200: Rates } } }, (request) => reports.rates(ctx(request)));
    app.get('/academy/xapi/statements', { schema: { tags, summary: 'Learning events as xAPI statements (a JSON array)', querystring: XapiQuery, response: { 200: z.array(XapiStatement) } } }, (request) => {
      const { limit, ...filter } = request.query;
      return reports.exportStatements(ctx(request), filter, limit);
    });
    app.get('/academy/certificates', { schema: { tags, summary: 'Certificates (the newest per person and path)', querystring: CertificateQuery, response: { 200: z.array(Certificate) } } }, async (request) => {
      const all = await certificatesOf(ctx(request), { accountId: request.query.accountId });
      return request.query.status ? all.filter((c) => c.status === request.query.status) : all;
    });
    app.get('/accounts/:id/academy', { schema: { tags, summary: 'An account’s learning: trained and active users, certified super-users', params: IdParams, response: { 200: AccountLearning } } }, (request) =>
      reports.accountLearning(ctx(request), request.params.id),
    );

    // ---- webinars ----
    app.get('/academy/webinars', { schema: { tags, summary: 'Webinars', querystring: WebinarListQuery, response: { 200: z.array(Webinar) } } }, (request) =>
      webinars.listWebinars(ctx(request), request.query.when),
    );
    app.post('/academy/webinars', { schema: { tags, summary: 'Schedule a webinar', body: WebinarInput, response: { 201: WebinarDetail } } }, async (request, reply) =>
      reply.status(201).send(await webinars.createWebinar(ctx(request), request.body)),
    );
    app.get('/academy/webinars/:id', { schema: { tags, summary: 'A webinar with its registrations', params: IdParams, response: { 200: WebinarDetail } } }, (request) =>
      webinars.getWebinar(ctx(request), request.params.id),
    );
    app.patch('/academy/webinars/:id', { schema: { tags, summary: 'Change a webinar (only the fields sent)', params: IdParams, body: WebinarPatch, response: { 200: WebinarDetail } } }, (request) =>
      webinars.updateWebinar(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/academy/webinars/:id/invitations',
      { schema: { tags, summary: 'Email invitations (registration link and calendar file) to contacts or the audience', params: IdParams, body: WebinarInvitationInput, response: { 200: QueuedMail } } },
      (request) => inviteToWebinar(ctx(request), request.params.id, request.body),
    );
    app.post('/academy/webinars/:id/attendance', { schema: { tags, summary: 'Record who attended', params: IdParams, body: WebinarAttendanceInput, response: { 200: WebinarDetail } } }, (request) =>
      webinars.recordAttendance(ctx(request), request.params.id, request.body.attendedContactIds),
    );
    app.post(
      '/academy/webinars/:id/recording',
      { schema: { tags, summary: 'Attach the recording and send it to those registered who did not attend', params: IdParams, body: WebinarRecordingInput, response: { 200: WebinarDetail } } },
      (request) => attachRecording(ctx(request), request.params.id, request.body.recordingUrl),
    );
    app.post(
      '/academy/webinar-registrations',
      { config: { access: 'public' }, schema: { tags, summary: 'Register through the link of an invitation email', body: EmailRegistrationInput, response: { 200: RegistrationResult } } },
      (request) => registerByToken(services, request.body.token),
    );

    // ---- releases ----
    app.get('/academy/releases', { schema: { tags, summary: 'Product releases', response: { 200: z.array(Release) } } }, (request) => releases.listReleases(ctx(request)));
    app.post('/academy/releases', { schema: { tags, summary: 'Record a release (published separately)', body: ReleaseInput, response: { 201: Release } } }, async (request, reply) =>
      reply.status(201).send(await releases.createRelease(ctx(request), request.body)),
    );
    app.get('/academy/releases/:id', { schema: { tags, summary: 'A release', params: IdParams, response: { 200: Release } } }, (request) => releases.getRelease(ctx(request), request.params.id));
    app.post(
      '/academy/releases/:id/publish',
      { schema: { tags, summary: 'Publish a release to the contacts who use its modules (news, delta course, webinar)', params: IdParams, response: { 200: Release } } },
      (request) => releases.publishRelease(ctx(request), request.params.id),
    );
  };
