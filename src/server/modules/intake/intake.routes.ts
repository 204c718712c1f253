import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canWrite } from '../../../core/people.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { AppError, forbidden, unauthenticated } from '../../http/errors.ts';
import { IdParams, WorkspaceParams } from '../../../contract/common.ts';
import { IntakeDelivery, IntakeResult, IntakeSettings, IntakeSettingsPatch, WonDeal } from '../../../contract/intake.ts';
import { fromHubspot, fromSalesforce } from './adapters.ts';
import * as service from './intake.service.ts';
import { verifyHubspot, verifyLandfall } from './signatures.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
    intakeWorkspaceId?: string;
  }
}

const tags = ['intake'];
const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A deal that does not fit the format, in problem+json naming each field, like every other 400. */
function parseDeal(candidate: unknown): WonDeal {
  const parsed = WonDeal.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message }));
  throw new AppError('invalid', `${errors[0]!.path.slice(1).join('.')}: ${errors[0]!.message}`, { errors });
}

export const intakeRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    // Signatures are computed over the raw body, so keep it.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      request.rawBody = body as string;
      try {
        done(null, body === '' ? undefined : JSON.parse(body as string));
      } catch (error) {
        (error as { statusCode?: number }).statusCode = 400;
        done(error as Error, undefined);
      }
    });

    /** An API token (or signed-in member) of the workspace, or a request signed with its webhook secret. */
    async function authenticateDeal(request: FastifyRequest, _reply: FastifyReply) {
      if (request.actor) {
        if (!canWrite(request.actor.role)) throw forbidden('Your role is read-only.');
        request.intakeWorkspaceId = request.actor.workspaceId;
        return;
      }
      const workspaceId = header(request, 'x-landfall-workspace');
      const settings = workspaceId && /^[0-9a-f-]{36}$/i.test(workspaceId) ? await service.settingsFor(services, workspaceId) : undefined;
      const verdict = settings
        ? verifyLandfall(
            settings.webhookSecret,
            { timestamp: header(request, 'x-landfall-timestamp'), signature: header(request, 'x-landfall-signature') },
            request.rawBody ?? '',
            services.now(),
          )
        : { ok: false as const, reason: 'Send an API token, or sign the request with your workspace webhook secret (x-landfall-workspace, x-landfall-timestamp, x-landfall-signature).' };
      if (!verdict.ok) throw unauthenticated(verdict.reason);
      request.intakeWorkspaceId = workspaceId;
    }

    app.post(
      '/intake/deals',
      {
        config: { access: 'public' },
        preValidation: authenticateDeal,
        schema: {
          tags,
          summary: 'Receive a won deal: account, contacts, project from the fitting playbook, hand-off (once per deal id)',
          description:
            'Authenticate with an API token, or sign: x-landfall-workspace: <workspace id>, x-landfall-timestamp: <Unix seconds>, ' +
            'x-landfall-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the workspace webhook secret>. ' +
            'Signatures older than 5 minutes are refused.',
          body: WonDeal,
          response: { 200: IntakeResult, 201: IntakeResult },
        },
      },
      async (request, reply) => {
        const source = request.actor ? 'api' : 'webhook';
        const result = await service.receiveDeal(services, request.intakeWorkspaceId!, source, request.body);
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.post(
      '/intake/hubspot/:workspaceId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'HubSpot workflow webhook for a deal won (X-HubSpot-Signature-v3)',
          params: WorkspaceParams,
          body: z.unknown(),
          response: { 200: IntakeResult, 201: IntakeResult },
        },
      },
      async (request, reply) => {
        const settings = await service.settingsFor(services, request.params.workspaceId);
        if (!settings?.hubspotClientSecret) throw unauthenticated('HubSpot is not set up for this workspace.');
        const verdict = verifyHubspot(
          settings.hubspotClientSecret,
          {
            method: request.method,
            uri: `${services.config.publicUrl}${request.url}`,
            timestamp: header(request, 'x-hubspot-request-timestamp'),
            signature: header(request, 'x-hubspot-signature-v3'),
          },
          request.rawBody ?? '',
          services.now(),
        );
        if (!verdict.ok) throw unauthenticated(verdict.reason);
        const result = await service.receiveDeal(services, request.params.workspaceId, 'hubspot', parseDeal(fromHubspot(request.body)));
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.post(
      '/intake/salesforce/:workspaceId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Salesforce won opportunity (platform event or flow JSON), checked against the configured organization id',
          description: 'Also needs the Landfall signature headers (or an API token of the workspace), set on the Named Credential.',
          params: WorkspaceParams,
          body: z.unknown(),
          response: { 200: IntakeResult, 201: IntakeResult },
        },
      },
      async (request, reply) => {
        const workspaceId = request.params.workspaceId;
        if (request.actor) {
          if (request.actor.workspaceId !== workspaceId) throw unauthenticated('That API token belongs to another workspace.');
        } else {
          request.headers['x-landfall-workspace'] = workspaceId;
          await authenticateDeal(request, reply);
        }
        const settings = await service.settingsFor(services, workspaceId);
        const { organizationId, deal } = fromSalesforce(request.body);
        if (!settings?.salesforceOrganizationId || organizationId !== settings.salesforceOrganizationId) {
          throw forbidden('The Salesforce organization id does not match the one configured for this workspace.');
        }
        const result = await service.receiveDeal(services, workspaceId, 'salesforce', parseDeal(deal));
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.get(
      '/intake/deliveries',
      {
        schema: {
          tags,
          summary: 'Deals received, newest first; failed ones keep their error and can be replayed',
          querystring: z.object({ status: z.enum(['processed', 'failed']).optional() }),
          response: { 200: z.array(IntakeDelivery) },
        },
      },
      (request) => service.listDeliveries(requireCtx(request, services), request.query.status),
    );

    app.post(
      '/intake/deliveries/:id/replay',
      { schema: { tags, summary: 'Run a failed delivery again', params: IdParams, response: { 200: IntakeResult, 201: IntakeResult } } },
      async (request, reply) => {
        const result = await service.replayDelivery(requireCtx(request, services), request.params.id);
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.get(
      '/intake/settings',
      { config: { access: 'admin' }, schema: { tags, summary: 'Webhook secret and CRM settings', response: { 200: IntakeSettings } } },
      (request) => service.intakeSettings(requireCtx(request, services)),
    );

    app.patch(
      '/intake/settings',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Set the HubSpot secret or Salesforce organization id; rotate the webhook secret', body: IntakeSettingsPatch, response: { 200: IntakeSettings } },
      },
      (request) => service.updateIntakeSettings(requireCtx(request, services), request.body),
    );
  };
