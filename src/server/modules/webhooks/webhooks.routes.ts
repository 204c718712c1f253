import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contract/common.ts';
import {
  RotateSecretInput,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointPatch,
  WebhookEndpointWithSecret,
} from '../../../contract/webhooks.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import * as service from './webhooks.service.ts';

const tags = ['webhooks'];
const config = { access: 'admin' as const };

export const webhookRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/webhook-endpoints', { config, schema: { tags, summary: 'Webhook endpoints of the workspace', response: { 200: z.array(WebhookEndpoint) } } }, (request) =>
      service.listEndpoints(requireCtx(request, services)),
    );

    app.post(
      '/webhook-endpoints',
      {
        config,
        schema: { tags, summary: 'Add a webhook endpoint (a public https URL) for some events; its signing secret is shown this once', body: WebhookEndpointInput, response: { 201: WebhookEndpointWithSecret } },
      },
      async (request, reply) => reply.status(201).send(await service.createEndpoint(requireCtx(request, services), request.body)),
    );

    app.patch(
      '/webhook-endpoints/:id',
      { config, schema: { tags, summary: 'Change a webhook endpoint: URL, description, events, or turn it on or off', params: IdParams, body: WebhookEndpointPatch, response: { 200: WebhookEndpoint } } },
      (request) => service.updateEndpoint(requireCtx(request, services), request.params.id, request.body),
    );

    app.delete(
      '/webhook-endpoints/:id',
      { config, schema: { tags, summary: 'Delete a webhook endpoint (its delivery log stays)', params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await service.deleteEndpoint(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/webhook-endpoints/:id/rotate-secret',
      {
        config,
        schema: { tags, summary: 'A new signing secret, shown once; the old one signs too until the overlap ends', params: IdParams, body: RotateSecretInput, response: { 200: WebhookEndpointWithSecret } },
      },
      (request) => service.rotateSecret(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/webhook-endpoints/:id/test',
      { config, schema: { tags, summary: 'Send a webhook.test event to the endpoint now, and say how it went', params: IdParams, body: z.strictObject({}).optional(), response: { 200: WebhookDelivery } } },
      (request) => service.sendTestEvent(requireCtx(request, services), request.params.id),
    );

    app.get(
      '/webhook-deliveries',
      { config, schema: { tags, summary: 'The delivery log: each message with its attempts, newest first', querystring: WebhookDeliveryQuery, response: { 200: z.array(WebhookDelivery) } } },
      (request) => service.listDeliveries(requireCtx(request, services), request.query),
    );

    app.post(
      '/webhook-deliveries/:id/replay',
      { config, schema: { tags, summary: 'Send a delivery again now (same webhook-id), and say how it went', params: IdParams, body: z.strictObject({}).optional(), response: { 200: WebhookDelivery } } },
      (request) => service.replayDelivery(requireCtx(request, services), request.params.id),
    );
  };
