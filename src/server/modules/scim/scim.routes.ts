// SCIM 2.0 (RFC 7644) under /scim/v2, for identity providers (Okta, Microsoft Entra). Authenticated by the
// workspace's SCIM bearer token (Settings → Provisioning), not by a session or API token; bodies are
// application/scim+json (or JSON); every error is a SCIM Error with its scimType.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ScimError } from '../../../core/scim/errors.ts';
import { ENTERPRISE_SCHEMA, ERROR_SCHEMA, GROUP_ATTRIBUTES, GROUP_SCHEMA, LIST_SCHEMA, USER_ATTRIBUTES, USER_SCHEMA, schemaResource } from '../../../core/scim/schemas.ts';
import {
  ScimAny,
  ScimGroupResource,
  ScimIdParams,
  ScimListQuery,
  ScimListResponse,
  ScimPatchInput,
  ScimResourceInput,
  ScimUserResource,
} from '../../../contract/scim.ts';
import type { Ctx, Services } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { plainClientMessage, statusOf } from '../../http/error-handler.ts';
import { AppError } from '../../http/errors.ts';
import { recordScimActivity, scimContext } from './provisioning.service.ts';
import * as scim from './scim.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The workspace a SCIM request provisions (from its bearer token), on /scim/v2 routes only. */
    scimCtx: Ctx | undefined;
    /** What a SCIM write did or why it was refused, for the activity Settings shows. */
    scimOutcome: string | undefined;
  }
}

const tags = ['SCIM'];
const security = [{ scimToken: [] }];
const NO_TOKEN = 'Send the SCIM token from Settings → Provisioning as "Authorization: Bearer <token>".';

function requireScim(request: FastifyRequest): Ctx {
  if (!request.scimCtx) throw new ScimError(401, NO_TOKEN);
  return request.scimCtx;
}

function sendError(reply: FastifyReply, status: number, detail: string, scimType?: string) {
  reply.request.scimOutcome = detail;
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="Landfall SCIM"');
  return reply
    .status(status)
    .type('application/scim+json; charset=utf-8')
    .send({ schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail });
}

function scimErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ScimError) return sendError(reply, error.status, error.message, error.scimType);
  if (error instanceof AppError) {
    const status = statusOf[error.code];
    return sendError(reply, status, error.message, status === 400 ? 'invalidValue' : status === 409 ? 'uniqueness' : undefined);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const where = [error.validationContext, ...(first?.instancePath.split('/').filter(Boolean) ?? [])].join('.');
    return sendError(reply, 400, `${where}: ${first?.message ?? 'is invalid'}`, 'invalidSyntax');
  }
  // Two requests creating the same userName or group at once: the database's unique index decides.
  if (isUniqueViolation(error)) return sendError(reply, 409, 'A resource with that userName, email or displayName exists already.', 'uniqueness');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendError(reply, error.statusCode, plainClientMessage(error).replace('(Content-Type: application/json)', '(Content-Type: application/scim+json)'), error.statusCode === 400 ? 'invalidSyntax' : undefined);
  }
  request.log.error({ err: error }, 'unhandled error in SCIM');
  return sendError(reply, 500, 'Something went wrong on our side. It has been logged.');
}

const serviceProviderConfig = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    { type: 'oauthbearertoken', name: 'SCIM token', description: 'The bearer token made in Settings → Provisioning (SCIM).', primary: true },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: '/ServiceProviderConfig' },
};

const resourceTypes = [
  { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'], id: 'User', name: 'User', endpoint: '/Users', schema: USER_SCHEMA, schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }], meta: { resourceType: 'ResourceType', location: '/ResourceTypes/User' } },
  { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'], id: 'Group', name: 'Group', endpoint: '/Groups', schema: GROUP_SCHEMA, meta: { resourceType: 'ResourceType', location: '/ResourceTypes/Group' } },
];

const schemas = [
  schemaResource(USER_SCHEMA, 'User', USER_ATTRIBUTES.attributes),
  schemaResource(ENTERPRISE_SCHEMA, 'EnterpriseUser', USER_ATTRIBUTES.extension!.attributes),
  schemaResource(GROUP_SCHEMA, 'Group', GROUP_ATTRIBUTES.attributes),
];

const list = (resources: Record<string, unknown>[]) => ({ schemas: [LIST_SCHEMA], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources });

export const scimRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.decorateRequest('scimCtx', undefined);
    app.decorateRequest('scimOutcome', undefined);
    app.addContentTypeParser('application/scim+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
    app.setErrorHandler(scimErrorHandler);
    const noEndpoint = (request: FastifyRequest, reply: FastifyReply) => sendError(reply, 404, `There is no ${request.method} ${request.url.split('?')[0]} endpoint in SCIM.`);
    app.setNotFoundHandler(noEndpoint);

    app.addHook('onRequest', async (request) => {
      const [scheme, token, extra] = (request.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token || extra !== undefined) throw new ScimError(401, NO_TOKEN);
      request.scimCtx = await scimContext(services, token);
      if (!request.scimCtx) throw new ScimError(401, 'That SCIM token is unknown or has been revoked. Make a new one in Settings → Provisioning.');
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.type('application/scim+json; charset=utf-8');
      return payload;
    });
    app.addHook('onResponse', async (request, reply) => {
      const ctx = request.scimCtx;
      if (!ctx || (request.method === 'GET' && reply.statusCode < 400)) return;
      const path = request.url.split('?')[0]!;
      const summary = request.scimOutcome ?? `${request.method === 'POST' ? 'Created' : request.method === 'DELETE' ? 'Deleted' : 'Changed'} ${path.replace(/^\/scim\/v2\//, '')}`;
      await recordScimActivity(services, ctx.workspaceId, { method: request.method, path, status: reply.statusCode, summary }).catch((err: unknown) => request.log.warn({ err }, 'SCIM activity not recorded'));
    });

    const config = { access: 'scim' as const };
    const read = (summary: string, response: z.ZodType) => ({ config, schema: { tags, summary, security, response: { 200: response } } });

    app.get('/ServiceProviderConfig', read('What this SCIM service supports', ScimAny), () => serviceProviderConfig);
    app.get('/ResourceTypes', read('The SCIM resource types (User, Group)', ScimListResponse), () => list(resourceTypes));
    app.get('/Schemas', read('The SCIM schemas of Users and Groups', ScimListResponse), () => list(schemas));

    // Ahead of the web app's catch-all (GET /*), which would answer an unknown SCIM path with a page.
    app.all('/*', { config, schema: { hide: true } }, noEndpoint);

    app.get('/Users', { config, schema: { tags, summary: 'Members as SCIM Users (filter userName/externalId/emails.value eq, paging)', security, querystring: ScimListQuery, response: { 200: ScimListResponse } } }, (request) =>
      scim.listUsers(requireScim(request), request.query),
    );
    app.post('/Users', { config, schema: { tags, summary: 'Provision a member (no password: they sign in through SSO or a link)', security, body: ScimResourceInput, response: { 201: ScimUserResource } } }, async (request, reply) =>
      reply.status(201).send(await scim.createUser(requireScim(request), request.body)),
    );
    app.get('/Users/:id', { config, schema: { tags, summary: 'One SCIM User', security, params: ScimIdParams, response: { 200: ScimUserResource } } }, (request) =>
      scim.getUser(requireScim(request), request.params.id),
    );
    app.put('/Users/:id', { config, schema: { tags, summary: 'Replace a SCIM User (active=false deactivates the member)', security, params: ScimIdParams, body: ScimResourceInput, response: { 200: ScimUserResource } } }, (request) =>
      scim.replaceUser(requireScim(request), request.params.id, request.body),
    );
    app.patch('/Users/:id', { config, schema: { tags, summary: 'Change a SCIM User by PatchOp (active=false deactivates the member)', security, params: ScimIdParams, body: ScimPatchInput, response: { 200: ScimUserResource } } }, (request) =>
      scim.patchUser(requireScim(request), request.params.id, request.body),
    );
    app.delete('/Users/:id', { config, schema: { tags, summary: 'Remove a provisioned member', security, params: ScimIdParams, response: { 204: z.null() } } }, async (request, reply) => {
      await scim.deleteUser(requireScim(request), request.params.id);
      return reply.status(204).send(null);
    });

    app.get('/Groups', { config, schema: { tags, summary: 'Groups (filter displayName/externalId eq, paging)', security, querystring: ScimListQuery, response: { 200: ScimListResponse } } }, (request) =>
      scim.listGroups(requireScim(request), request.query),
    );
    app.post('/Groups', { config, schema: { tags, summary: 'Push a group (its name may map to a role)', security, body: ScimResourceInput, response: { 201: ScimGroupResource } } }, async (request, reply) =>
      reply.status(201).send(await scim.createGroup(requireScim(request), request.body)),
    );
    app.get('/Groups/:id', { config, schema: { tags, summary: 'One group', security, params: ScimIdParams, querystring: ScimListQuery, response: { 200: ScimGroupResource } } }, (request) =>
      scim.getGroup(requireScim(request), request.params.id, request.query),
    );
    app.put('/Groups/:id', { config, schema: { tags, summary: 'Replace a group and its members', security, params: ScimIdParams, body: ScimResourceInput, response: { 200: ScimGroupResource } } }, (request) =>
      scim.replaceGroup(requireScim(request), request.params.id, request.body),
    );
    app.patch('/Groups/:id', { config, schema: { tags, summary: 'Add or remove members, or rename, by PatchOp', security, params: ScimIdParams, body: ScimPatchInput, response: { 204: z.null() } } }, async (request, reply) => {
      await scim.patchGroup(requireScim(request), request.params.id, request.body);
      return reply.status(204).send(null);
    });
    app.delete('/Groups/:id', { config, schema: { tags, summary: 'Delete a group (its members keep their member role unless another mapped group gives one)', security, params: ScimIdParams, response: { 204: z.null() } } }, async (request, reply) => {
      await scim.deleteGroup(requireScim(request), request.params.id);
      return reply.status(204).send(null);
    });
  };
