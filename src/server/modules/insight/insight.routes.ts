import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forReading, type Ctx, type Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { answerCache, sendCachedJson } from '../../http/answer-cache.ts';
import {
  Benchmark,
  Dashboard,
  DashboardQuery,
  DayReport,
  DayReportQuery,
  DrillQuery,
  DrillResult,
  InsightSettings,
  InsightSettingsPatch,
  TtvQuery,
  TtvReport,
} from '../../../contract/insight.ts';
import * as service from './insight.service.ts';
import { capacityReport } from './capacity-report.service.ts';
import { CapacityQuery, CapacityReport } from '../../../contract/capacity.ts';

const tags = ['insight'];

// Reports already built, reused while their workspace's insight version (and today) is unchanged: up to 16 MB.
const REPORT_CACHE_BYTES = 16 * 1024 * 1024;

export const insightRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const reports = answerCache(REPORT_CACHE_BYTES);
    /** Answers from the cache while nothing the report reads has changed since it was built, else builds it. */
    const cached = async <Q extends object>(request: FastifyRequest, reply: FastifyReply, name: string, query: Q, build: (ctx: Ctx, query: Q) => Promise<unknown>) => {
      const ctx = forReading(requireCtx(request, services));
      const { key, version } = await service.answerKey(ctx, name, query);
      return sendCachedJson(request, reply, reports, key, () => build(ctx, query), version);
    };
    app.get(
      '/insight/capacity',
      {
        schema: {
          tags: ['capacity'],
          summary: 'Twelve weeks of hours booked and coming against hours available, per onboarding and implementation manager, with the deals not yet projects and a warning before anyone is over-booked',
          querystring: CapacityQuery,
          response: { 200: CapacityReport },
        },
      },
      (request) => capacityReport(forReading(requireCtx(request, services)), request.query),
    );

    app.get(
      '/insight/dashboard',
      { schema: { tags, summary: 'The home dashboard: your projects, or the portfolio (scope=portfolio)', querystring: DashboardQuery, response: { 200: Dashboard } } },
      (request, reply) => cached(request, reply, 'dashboard', request.query, service.dashboard),
    );

    app.get(
      '/insight/time-to-value',
      {
        schema: {
          tags,
          summary: 'Time to first engagement, live, first value or value: median, P75, P90 and distribution, gross and net of customer slip, by group',
          querystring: TtvQuery,
          response: { 200: TtvReport },
        },
      },
      (request, reply) => cached(request, reply, 'time-to-value', request.query, service.timeToValue),
    );

    app.get(
      '/insight/projects',
      { schema: { tags, summary: 'The projects behind a dashboard or time-to-value figure', querystring: DrillQuery, response: { 200: DrillResult } } },
      (request, reply) => cached(request, reply, 'projects', request.query, service.drill),
    );

    app.get(
      '/insight/day-report',
      {
        schema: {
          tags,
          summary: 'What happens each day from 60 days before the contract signature to 60 days after: planned vs actual, by stage and industry',
          querystring: DayReportQuery,
          response: { 200: DayReport },
        },
      },
      (request, reply) => cached(request, reply, 'day-report', request.query, service.dayReport),
    );

    app.get(
      '/insight/benchmark',
      { schema: { tags, summary: 'The anonymous benchmark of workspaces in your industry (shown from 5 workspaces)', response: { 200: Benchmark } } },
      (request) => service.benchmark(forReading(requireCtx(request, services))),
    );

    app.get(
      '/insight/settings',
      { schema: { tags, summary: 'Which milestone ends each measure, and the benchmark opt-in', response: { 200: InsightSettings } } },
      (request) => service.getSettings(requireCtx(request, services)),
    );

    app.patch(
      '/insight/settings',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Change the measures’ milestones or the benchmark opt-in', body: InsightSettingsPatch, response: { 200: InsightSettings } },
      },
      (request) => service.updateSettings(requireCtx(request, services), request.body),
    );
  };
