import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Certificate,
  CourseFeedbackInput,
  CourseParams,
  LessonProgress,
  LessonProgressInput,
  PortalCourse,
  PortalLessonParams,
  QuizAttemptInput,
  QuizResult,
  ScormCommit,
  ScormCommitResult,
  ScormLaunch,
  Webinar,
  YourLearning,
} from '../../../contract/academy.ts';
import { IdParams } from '../../../contract/common.ts';
import type { Services } from '../../context.ts';
import { requirePortalCtx } from '../../http/access.ts';
import { attachmentHeader } from '../projects/file-store.ts';
import { fileStream } from './files.service.ts';
import { sendScormFile } from './scorm.service.ts';
import * as learner from './learner.service.ts';
import { certificatesOf } from './progress.service.ts';
import { registerContact, unregisterContact, upcomingWebinarsFor } from './webinars.service.ts';

const tags = ['portal: academy'];
const portal = { access: 'portal' as const };
const FileParams = z.object({ fileId: z.uuid({ message: 'must be an id (a UUID)' }) });

/** The learner's academy in the customer portal. Mounted at /api/portal/v1. */
export const academyPortalRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = (request: Parameters<typeof requirePortalCtx>[0]) => requirePortalCtx(request, services);

    app.get('/academy', { config: portal, schema: { tags, summary: 'Your learning: assigned paths first, progress, where to resume, certificates, webinars', response: { 200: YourLearning } } }, (request) =>
      learner.yourLearning(ctx(request)),
    );
    app.get('/academy/courses/:id', { config: portal, schema: { tags, summary: 'A course of one of your paths, with your progress', params: CourseParams, response: { 200: PortalCourse } } }, (request) =>
      learner.portalCourse(ctx(request), request.params.id),
    );
    app.post(
      '/academy/lessons/:lessonId/progress',
      { config: portal, schema: { tags, summary: 'Mark a lesson in progress or done', params: PortalLessonParams, body: LessonProgressInput, response: { 200: LessonProgress } } },
      (request) => learner.recordLessonProgress(ctx(request), request.params.lessonId, request.body),
    );
    app.post(
      '/academy/lessons/:lessonId/quiz-attempts',
      { config: portal, schema: { tags, summary: 'Answer a quiz', params: PortalLessonParams, body: QuizAttemptInput, response: { 200: QuizResult } } },
      (request) => learner.attemptQuiz(ctx(request), request.params.lessonId, request.body.answers),
    );
    app.get(
      '/academy/lessons/:lessonId/scorm',
      { config: portal, schema: { tags, summary: 'What scorm-again needs to start or resume a SCORM lesson', params: PortalLessonParams, response: { 200: ScormLaunch } } },
      (request) => learner.scormLaunch(ctx(request), request.params.lessonId),
    );
    app.post(
      '/academy/lessons/:lessonId/scorm/commit',
      { config: portal, schema: { tags, summary: 'scorm-again’s commit (flattened CMI): status, score, time, resume point', params: PortalLessonParams, body: ScormCommit, response: { 200: ScormCommitResult } } },
      (request) => learner.commitScorm(ctx(request), request.params.lessonId, request.body),
    );
    app.post(
      '/academy/courses/:id/feedback',
      { config: portal, schema: { tags, summary: 'Rate a course and say why', params: CourseParams, body: CourseFeedbackInput, response: { 200: z.object({ saved: z.boolean() }) } } },
      (request) => learner.giveFeedback(ctx(request), request.params.id, request.body),
    );
    app.get('/academy/certificates', { config: portal, schema: { tags, summary: 'Your certificates', response: { 200: z.array(Certificate) } } }, (request) => {
      const c = ctx(request);
      return certificatesOf(c, { contactId: c.actor.contactId });
    });
    app.get('/academy/webinars', { config: portal, schema: { tags, summary: 'Upcoming webinars for you', response: { 200: z.array(Webinar.extend({ youRegistered: z.boolean() })) } } }, (request) => {
      const c = ctx(request);
      return upcomingWebinarsFor(c, c.actor.contactId);
    });
    app.post('/academy/webinars/:id/registration', { config: portal, schema: { tags, summary: 'Register for a webinar', params: IdParams, response: { 200: z.object({ registered: z.boolean() }) } } }, async (request) => {
      const c = ctx(request);
      await registerContact(c, request.params.id, c.actor.contactId, 'portal');
      return { registered: true };
    });
    app.delete('/academy/webinars/:id/registration', { config: portal, schema: { tags, summary: 'Cancel your registration', params: IdParams, response: { 200: z.object({ registered: z.boolean() }) } } }, async (request) => {
      const c = ctx(request);
      await unregisterContact(c, request.params.id, c.actor.contactId);
      return { registered: false };
    });
    app.get('/academy/files/:fileId', { config: portal, schema: { tags, summary: 'A lesson’s file (always a download)', params: FileParams } }, async (request, reply) => {
      const c = ctx(request);
      const file = await learner.lessonFileFor(c, request.params.fileId);
      return reply
        .header('content-disposition', attachmentHeader(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .type(file.contentType)
        .send(fileStream(c, file.id));
    });
  };


export const academyScormFileRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/portal/academy/scorm/:lessonId/*',
      { config: portal, schema: { hide: true, params: z.object({ lessonId: z.uuid({ message: 'must be an id (a UUID)' }), '*': z.string().max(1000) }) } },
      async (request, reply) => {
        const c = requirePortalCtx(request, services);
        const file = await learner.scormFileFor(c, request.params.lessonId, request.params['*']);
        return sendScormFile(reply, c, file);
      },
    );
  };
