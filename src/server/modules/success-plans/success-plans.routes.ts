import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import {
  ActualInput,
  ExecutiveSummary,
  MetricInput,
  MetricPatch,
  OutcomeInput,
  PlanInput,
  SuccessPlan,
  VerificationRequestInput,
} from '../../../contract/success-plans.ts';
import { renderSummaryPdf, summaryFilename } from './executive-summary.pdf.ts';
import { executiveSummaryOf, summaryLogo } from './executive-summary.service.ts';
import * as service from './success-plans.service.ts';

const tags = ['success plans'];

// The vendor side of the mutual success plan. The customer edits the same plan through the portal (same service
// functions, with a customer Author); only the customer can verify an outcome, so there is no vendor route for it.
export const successPlanRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const author = async (request: Parameters<typeof requireCtx>[0]) => {
      const ctx = requireCtx(request, services);
      return { ctx, author: await service.vendorAuthor(ctx) };
    };

    app.get(
      '/projects/:id/success-plan',
      { schema: { tags, summary: 'The mutual success plan: goals, sponsor, cadence, outcomes with metrics, actuals and verification', params: IdParams, response: { 200: SuccessPlan } } },
      (request) => service.getSuccessPlan(requireCtx(request, services), request.params.id),
    );

    app.put(
      '/projects/:id/success-plan',
      {
        schema: {
          tags,
          summary: 'Change the goals, the executive sponsor (a contact of the account) or the communication cadence; fields left out stay',
          params: IdParams,
          body: PlanInput,
          response: { 200: SuccessPlan },
        },
      },
      async (request) => {
        const { ctx, author: by } = await author(request);
        return service.updateSuccessPlan(ctx, by, request.params.id, request.body);
      },
    );

    app.post(
      '/projects/:id/success-outcomes',
      { schema: { tags, summary: 'Add a business outcome the customer wants', params: IdParams, body: OutcomeInput, response: { 201: SuccessPlan } } },
      async (request, reply) => {
        const { ctx, author: by } = await author(request);
        return reply.status(201).send(await service.addOutcome(ctx, by, request.params.id, request.body));
      },
    );

    app.patch(
      '/success-outcomes/:id',
      { schema: { tags, summary: 'Reword an outcome (refused once the customer confirmed it)', params: IdParams, body: OutcomeInput, response: { 200: SuccessPlan } } },
      async (request) => {
        const { ctx, author: by } = await author(request);
        return service.updateOutcome(ctx, by, request.params.id, request.body);
      },
    );

    app.delete(
      '/success-outcomes/:id',
      { schema: { tags, summary: 'Remove an outcome and its metrics (refused once the customer confirmed it)', params: IdParams, response: { 200: SuccessPlan } } },
      async (request) => {
        const { ctx, author: by } = await author(request);
        return service.removeOutcome(ctx, by, request.params.id);
      },
    );

    app.post(
      '/success-outcomes/:id/metrics',
      {
        schema: {
          tags,
          summary: 'Add a success metric to an outcome: name, unit, baseline, target, target date, owner, direction',
          params: IdParams,
          body: MetricInput,
          response: { 201: SuccessPlan },
        },
      },
      async (request, reply) => {
        const { ctx, author: by } = await author(request);
        return reply.status(201).send(await service.addMetric(ctx, by, request.params.id, request.body));
      },
    );

    app.post(
      '/success-outcomes/:id/verification-request',
      {
        schema: {
          tags,
          summary: 'Ask the customer to confirm an outcome (the portal shows the request; only the customer can verify)',
          params: IdParams,
          body: VerificationRequestInput,
          response: { 200: SuccessPlan },
        },
      },
      async (request) => {
        const { ctx, author: by } = await author(request);
        return service.requestVerification(ctx, by, request.params.id, request.body);
      },
    );

    app.patch(
      '/success-metrics/:id',
      { schema: { tags, summary: 'Change a success metric (refused once its outcome is confirmed)', params: IdParams, body: MetricPatch, response: { 200: SuccessPlan } } },
      async (request) => {
        const { ctx, author: by } = await author(request);
        return service.updateMetric(ctx, by, request.params.id, request.body);
      },
    );

    app.delete(
      '/success-metrics/:id',
      { schema: { tags, summary: 'Remove a success metric and its actuals', params: IdParams, response: { 200: SuccessPlan } } },
      async (request) => {
        const { ctx, author: by } = await author(request);
        return service.removeMetric(ctx, by, request.params.id);
      },
    );

    app.post(
      '/success-metrics/:id/actuals',
      { schema: { tags, summary: 'Record a measured value of a metric on a date', params: IdParams, body: ActualInput, response: { 201: SuccessPlan } } },
      async (request, reply) => {
        const { ctx, author: by } = await author(request);
        return reply.status(201).send(await service.recordActual(ctx, by, request.params.id, request.body));
      },
    );

    app.delete(
      '/metric-actuals/:id',
      { schema: { tags, summary: 'Remove an actual recorded by mistake (the history keeps it)', params: IdParams, response: { 200: SuccessPlan } } },
      async (request) => {
        const { ctx, author: by } = await author(request);
        return service.removeActual(ctx, by, request.params.id);
      },
    );

    app.get(
      '/projects/:id/executive-summary',
      {
        schema: {
          tags,
          summary: "The executive summary: timeline planned against actual, milestones, outcomes with their evidence, adoption so far",
          params: IdParams,
          response: { 200: ExecutiveSummary },
        },
      },
      (request) => executiveSummaryOf(requireCtx(request, services), request.params.id),
    );

    app.get(
      '/projects/:id/executive-summary.pdf',
      {
        schema: {
          tags,
          summary: 'The executive summary as a PDF download: the workspace logo and colour, the timeline and metric charts',
          params: IdParams,
          produces: ['application/pdf'],
          response: { 200: z.any().describe('A PDF document (application/pdf), sent as an attachment') },
        },
      },
      async (request, reply) => {
        const ctx = requireCtx(request, services);
        const summary = await executiveSummaryOf(ctx, request.params.id);
        const pdf = await renderSummaryPdf(summary, await summaryLogo(ctx));
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${summaryFilename(summary)}"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
  };
