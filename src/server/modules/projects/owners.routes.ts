import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { WorkNeedingOwner } from '../../../contract/projects.ts';
import * as owners from './owners.service.ts';

export const ownerRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/needs-new-owner',
      {
        schema: {
          tags: ['projects'],
          summary: 'Open projects and tasks whose owner was removed or deactivated, to re-assign',
          response: { 200: WorkNeedingOwner },
        },
      },
      (request) => owners.workNeedingOwner(requireCtx(request, services)),
    );
  };
