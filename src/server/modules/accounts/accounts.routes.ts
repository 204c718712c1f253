import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { answerCache, sendCachedJson } from '../../http/answer-cache.ts';
import { Account, AccountFacets, AccountInput, AccountListQuery, AccountPage, AccountPatch } from '../../../contract/accounts.ts';
import { IdParams } from '../../../contract/common.ts';
import * as service from './accounts.service.ts';

const tags = ['accounts'];

// A page of accounts is the API's hottest and largest answer (~40 KB): checking each one against the zod schema
// cost more than building it. The first answers of every app (so every test) and then one in 1,000 are still checked.
const CHECKED_FIRST = 100;
const CHECKED_EVERY = 1000;
const sampledSerializerCompiler = (route: Parameters<FastifySerializerCompiler<unknown>>[0]) => {
  const checked = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  let answered = 0;
  return (data: unknown) => (answered++ < CHECKED_FIRST || answered % CHECKED_EVERY === 0 ? checked(data) : JSON.stringify(data));
};

// Pages already built, reused while their workspace's data version is unchanged: ~40 KB each, up to 32 MB.
const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

/** Everything a page depends on besides the workspace's data, in a fixed order. */
const pageKey = (workspaceId: string, q: AccountListQuery) =>
  JSON.stringify([workspaceId, q.q, q.segment, q.industry, q.complexity, q.laerStage, q.owner, q.status, q.sort, q.limit, q.offset]);

export const accountRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const pages = answerCache(PAGE_CACHE_BYTES);

    app.get(
      '/accounts',
      {
        schema: {
          tags,
          summary: 'List accounts with search, filters, sorting and pagination',
          querystring: AccountListQuery,
          response: { 200: AccountPage },
        },
        serializerCompiler: sampledSerializerCompiler,
      },
      (request, reply) => {
        const ctx = requireCtx(request, services);
        return sendCachedJson(request, reply, pages, pageKey(ctx.workspaceId, request.query), () =>
          service.listAccounts(ctx, request.query),
        );
      },
    );

    app.get(
      '/accounts/facets',
      { schema: { tags, summary: 'Industries and products in use, for filters', response: { 200: AccountFacets } } },
      (request) => service.accountFacets(requireCtx(request, services)),
    );

    app.post(
      '/accounts',
      { schema: { tags, summary: 'Create an account', body: AccountInput, response: { 201: Account } } },
      async (request, reply) => reply.status(201).send(await service.createAccount(requireCtx(request, services), request.body)),
    );

    app.get(
      '/accounts/:id',
      { schema: { tags, summary: 'One account', params: IdParams, response: { 200: Account } } },
      (request) => service.getAccount(requireCtx(request, services), request.params.id),
    );

    app.patch(
      '/accounts/:id',
      { schema: { tags, summary: 'Edit an account', params: IdParams, body: AccountPatch, response: { 200: Account } } },
      (request) => service.updateAccount(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/accounts/:id/archive',
      { schema: { tags, summary: 'Archive an account (hidden from lists, kept)', params: IdParams, response: { 200: Account } } },
      (request) => service.setAccountArchived(requireCtx(request, services), request.params.id, true),
    );

    app.post(
      '/accounts/:id/restore',
      { schema: { tags, summary: 'Bring an archived account back', params: IdParams, response: { 200: Account } } },
      (request) => service.setAccountArchived(requireCtx(request, services), request.params.id, false),
    );
  };
