import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contract/common.ts';
import { MyWork, MyWorkDismissal } from '../../../contract/my-work.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import * as service from './my-work.service.ts';

const tags = ['my work'];

export const myWorkRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/my-work',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: "The signed-in member's work: tasks due and overdue, sign-offs, answers, mentions, customer replies, projects changed since they last looked",
          response: { 200: MyWork },
        },
      },
      (request) => service.myWork(requireCtx(request, services)),
    );

    app.post(
      '/my-work/dismissals',
      {
        config: { access: 'member' },
        schema: { tags, summary: 'Mark a My work item done, or snooze it until a day', body: MyWorkDismissal, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.dismissItem(requireCtx(request, services), request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/projects/:id/seen',
      {
        config: { access: 'member' },
        schema: { tags, summary: 'The member opened the project: its changes so far drop off their My work', params: IdParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.markProjectSeen(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
