import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchAnswer, SearchQuery } from '../../../contract/search.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { search } from './search.service.ts';

export const searchRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Find accounts, contacts, projects, tasks and playbooks by name, domain or email (the Ctrl/⌘+K palette)',
          querystring: SearchQuery,
          response: { 200: SearchAnswer },
        },
      },
      (request) => search(requireCtx(request, services), request.query),
    );
  };
