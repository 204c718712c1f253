import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPage, AuditQuery, AuditSettings, AuditSettingsInput } from '../../contract/audit.ts';
import type { Services } from '../context.ts';
import { requireCtx } from '../http/access.ts';
import { sendCsv } from '../http/csv.ts';
import * as service from './audit.service.ts';

const tags = ['audit log'];

/** The audit log: read, filtered and exported by admins. There is no route that edits or deletes an entry. */
export const auditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit-log',
      { config: { access: 'admin' }, schema: { tags, summary: 'The audit log, newest first, filtered by actor, kind and dates', querystring: AuditQuery, response: { 200: AuditPage } } },
      (request) => service.listAudit(requireCtx(request, services), request.query),
    );

    app.get(
      '/audit-log/export.csv',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'The audit log as CSV, with the same filters (the export is itself recorded)', querystring: AuditQuery.omit({ limit: true, offset: true }), response: { 200: z.string().describe('text/csv') } },
      },
      async (request, reply) => sendCsv(reply, 'landfall-audit-log.csv', await service.exportAudit(requireCtx(request, services), request.query)),
    );

    app.get(
      '/audit-log/settings',
      { config: { access: 'admin' }, schema: { tags, summary: 'How long the audit log is kept', response: { 200: AuditSettings } } },
      (request) => service.getAuditSettings(requireCtx(request, services)),
    );

    app.put(
      '/audit-log/settings',
      { config: { access: 'admin' }, schema: { tags, summary: 'Set how long the audit log is kept (older entries are deleted nightly)', body: AuditSettingsInput, response: { 200: AuditSettings } } },
      (request) => service.saveAuditSettings(requireCtx(request, services), request.body),
    );
  };
