import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { CloseInput, PauseInput, Project, ResumeInput } from '../../../contract/projects.ts';
import * as lifecycle from './lifecycle.service.ts';

const tags = ['projects'];

// One verb per change rather than a PATCH of the status: each asks for its own input (a reason, an outcome), is
// allowed from its own statuses, and answers 409 saying why when it is not.
export const lifecycleRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/projects/:id/pause',
      { schema: { tags, summary: 'Pause a project: its cadence and escalation ladder stop until it resumes', params: IdParams, body: PauseInput, response: { 200: Project } } },
      (request) => lifecycle.pauseProject(requireCtx(request, services), request.params.id, request.body.reason),
    );
    app.post(
      '/projects/:id/resume',
      { schema: { tags, summary: 'Resume a paused project', params: IdParams, body: ResumeInput, response: { 200: Project } } },
      (request) => lifecycle.resumeProject(requireCtx(request, services), request.params.id, request.body.note),
    );
    app.post(
      '/projects/:id/close',
      { schema: { tags, summary: 'Close a project as complete or cancelled; it leaves the active lists and still counts in reports', params: IdParams, body: CloseInput, response: { 200: Project } } },
      (request) => lifecycle.closeProject(requireCtx(request, services), request.params.id, request.body),
    );
    app.post(
      '/projects/:id/reopen',
      { schema: { tags, summary: 'Reopen a closed project', params: IdParams, body: ResumeInput, response: { 200: Project } } },
      (request) => lifecycle.reopenProject(requireCtx(request, services), request.params.id, request.body.note),
    );
  };
