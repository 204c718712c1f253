import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx, requirePortalCtx } from '../../http/access.ts';
import { JourneyMap, JourneyMapQuery, TouchpointRatingInput, TouchpointRatingOut, TouchpointWeightInput } from '../../../contract/journey.ts';
import { TaskParams } from '../../../contract/portal.ts';
import * as service from './journey.service.ts';

const tags = ['journey map'];

export const journeyRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/journey-map',
      {
        schema: {
          tags,
          summary: 'Every touchpoint of the playbooks in use on its stage: importance (customers’ ratings, else staff’s weight) × performance (on time, CSAT)',
          querystring: JourneyMapQuery,
          response: { 200: JourneyMap },
        },
      },
      (request) => service.journeyMap(requireCtx(request, services), request.query),
    );

    app.put(
      '/journey-map/weights',
      { schema: { tags, summary: 'Set staff’s default importance (1–5) of a playbook task, used until customers rate it', body: TouchpointWeightInput, response: { 200: z.object({ ok: z.literal(true) }) } } },
      (request) => service.setTouchpointWeight(requireCtx(request, services), request.body),
    );
  };

/** The customer's side: one tap to say how valuable a task of their project was to them. */
export const journeyPortalRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/projects/:projectId/tasks/:taskId/value-rating',
      {
        config: { access: 'portal' },
        schema: { tags, summary: 'Rate how valuable this step was to you, 1 to 5, with an optional comment', params: TaskParams, body: TouchpointRatingInput, response: { 200: TouchpointRatingOut } },
      },
      (request) => service.rateTouchpoint(requirePortalCtx(request, services), request.params.projectId, request.params.taskId, request.body),
    );
  };
