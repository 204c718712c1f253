import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contract/common.ts';
import { AccountPeople, AccountRisk, RiskParams, RiskResolution, SuccessorInput } from '../../../contract/turnover.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { accountPeople } from './people.service.ts';
import { nameSuccessor, resolveRisk } from './turnover.service.ts';

const tags = ['people'];

export const peopleRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts/:id/people',
      {
        schema: {
          tags,
          summary: "An account's people: who is there, who joined and left, turnover figures, risks and the lifecycle timeline",
          params: IdParams,
          response: { 200: AccountPeople },
        },
      },
      (request) => accountPeople(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/accounts/:id/risks/:riskId/successor',
      {
        schema: {
          tags,
          summary: 'Name the successor of a key person who left: they take the role, the open tasks and the metrics',
          params: RiskParams,
          body: SuccessorInput,
          response: { 200: AccountRisk },
        },
      },
      (request) => nameSuccessor(requireCtx(request, services), request.params.id, request.params.riskId, request.body),
    );

    app.post(
      '/accounts/:id/risks/:riskId/resolve',
      { schema: { tags, summary: 'Resolve an account risk by hand, saying how', params: RiskParams, body: RiskResolution, response: { 200: AccountRisk } } },
      (request) => resolveRisk(requireCtx(request, services), request.params.id, request.params.riskId, request.body),
    );
  };
