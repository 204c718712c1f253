import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { CreatedScimToken, ProvisioningSettings, RoleMapping, RoleMappingsInput, ScimTokenInput } from '../../../contract/scim.ts';
import * as provisioning from './provisioning.service.ts';

const tags = ['provisioning'];
const config = { access: 'admin' as const };

export const provisioningRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/provisioning',
      { config, schema: { tags, summary: 'SCIM provisioning: base URL, tokens, group → role mapping, recent activity', response: { 200: ProvisioningSettings } } },
      (request) => provisioning.provisioningSettings(requireCtx(request, services)),
    );
    app.post(
      '/provisioning/tokens',
      { config, schema: { tags, summary: 'Create a SCIM token for the identity provider (shown once)', body: ScimTokenInput, response: { 201: CreatedScimToken } } },
      async (request, reply) => reply.status(201).send(await provisioning.createScimToken(requireCtx(request, services), request.body)),
    );
    app.delete(
      '/provisioning/tokens/:id',
      { config, schema: { tags, summary: 'Revoke a SCIM token', params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await provisioning.revokeScimToken(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/provisioning/role-mappings',
      { config, schema: { tags, summary: 'Set which group gives which role (applied to current members at once)', body: RoleMappingsInput, response: { 200: z.array(RoleMapping) } } },
      (request) => provisioning.saveRoleMappings(requireCtx(request, services), request.body.mappings),
    );
  };
