import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contract/common.ts';
import { PortalColleague, PortalLeftInput } from '../../../contract/turnover.ts';
import type { Services } from '../../context.ts';
import { requirePortalCtx } from '../../http/access.ts';
import { colleaguesOf, markLeftInPortal } from './turnover.service.ts';

const tags = ['portal: people'];
const portal = { access: 'portal' as const };

/** Who is on the customer's side, and saying someone left. Mounted at /api/portal/v1. */
export const peoplePortalRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/colleagues',
      { config: portal, schema: { tags, summary: 'Your current colleagues (a champion, project lead or admin sees everyone; others see themselves)', response: { 200: z.array(PortalColleague) } } },
      (request) => colleaguesOf(requirePortalCtx(request, services)),
    );
    app.post(
      '/colleagues/:id/left',
      {
        config: portal,
        schema: {
          tags,
          summary: 'Say a colleague has left (champion, project lead or admin), or that you left yourself',
          params: IdParams,
          body: PortalLeftInput,
          response: { 200: PortalColleague },
        },
      },
      (request) => markLeftInPortal(requirePortalCtx(request, services), request.params.id, request.body),
    );
  };
