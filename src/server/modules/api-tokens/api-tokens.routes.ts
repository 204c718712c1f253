import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { ApiToken, ApiTokenInput, CreatedApiToken } from '../../../contract/api-tokens.ts';
import { IdParams } from '../../../contract/common.ts';
import * as service from './api-tokens.service.ts';

const tags = ['api tokens'];

export const apiTokenRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api-tokens',
      { config: { access: 'admin' }, schema: { tags, summary: 'API tokens in use', response: { 200: z.array(ApiToken) } } },
      (request) => service.listApiTokens(requireCtx(request, services)),
    );

    app.post(
      '/api-tokens',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Create an API token for an integration (shown once)',
          body: ApiTokenInput,
          response: { 201: CreatedApiToken },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createApiToken(requireCtx(request, services), request.body)),
    );

    app.delete(
      '/api-tokens/:id',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.revokeApiToken(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
