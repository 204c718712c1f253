import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { CrmSyncInput, CrmSyncLogEntry, CrmSyncSettings } from '../../../contract/integrations.ts';
import * as service from './crm-sync.service.ts';

const tags = ['crm sync'];

export const crmSyncRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/crm-sync',
      { config: { access: 'admin' }, schema: { tags, summary: 'CRM write-back settings (the token is never shown)', response: { 200: CrmSyncSettings } } },
      (request) => service.crmSyncSettings(requireCtx(request, services)),
    );

    app.put(
      '/crm-sync',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Write projects back to HubSpot (private app token) or Salesforce (instance URL, OAuth token)', body: CrmSyncInput, response: { 200: CrmSyncSettings } },
      },
      (request) => service.saveCrmSync(requireCtx(request, services), request.body),
    );

    app.delete(
      '/crm-sync',
      { config: { access: 'admin' }, schema: { tags, summary: 'Stop writing back to the CRM (the log stays)', response: { 204: z.null() } } },
      async (request, reply) => {
        await service.removeCrmSync(requireCtx(request, services));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/crm-sync/log',
      { config: { access: 'admin' }, schema: { tags, summary: 'The last 100 write-backs: what was sent where, and how it went', response: { 200: z.array(CrmSyncLogEntry) } } },
      (request) => service.crmSyncLog(requireCtx(request, services)),
    );

    app.post(
      '/crm-sync/projects/:id',
      { config: { access: 'staff' }, schema: { tags, summary: "Write a project back to its CRM deal now", params: IdParams, response: { 202: CrmSyncSettings } } },
      async (request, reply) => reply.status(202).send(await service.syncProjectNow(requireCtx(request, services), request.params.id)),
    );
  };
