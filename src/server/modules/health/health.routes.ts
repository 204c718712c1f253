import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { AccountHealth, HealthModel, HealthModelPatch, LaerSummary, RescoreResult } from '../../../contract/health.ts';
import * as service from './health.service.ts';

const tags = ['health'];

export const healthRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health/model',
      { schema: { tags, summary: 'The workspace’s health model: weighted or worst-of, measures with weights, thresholds and missing-fact rules', response: { 200: HealthModel } } },
      (request) => service.getHealthModel(requireCtx(request, services)),
    );

    app.patch(
      '/health/model',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Change the model’s kind or its measures (admins); every account is re-scored with it', body: HealthModelPatch, response: { 200: HealthModel } },
      },
      (request) => service.updateHealthModel(requireCtx(request, services), request.body),
    );

    app.post(
      '/health/rescore',
      { config: { access: 'admin' }, schema: { tags, summary: 'Re-score every active account now (admins; the nightly job does it too)', response: { 200: RescoreResult } } },
      (request) => service.rescoreAllAccounts(requireCtx(request, services)),
    );

    app.get(
      '/health/laer',
      { schema: { tags, summary: 'Accounts per LAER stage and the average days they have spent in it, by segment', response: { 200: LaerSummary } } },
      (request) => service.laerSummary(requireCtx(request, services)),
    );

    app.get(
      '/accounts/:id/health',
      { schema: { tags, summary: 'An account’s health: score, each measure’s contribution, trend, renewal risk and LAER stage', params: IdParams, response: { 200: AccountHealth } } },
      (request) => service.accountHealth(requireCtx(request, services), request.params.id),
    );
  };
