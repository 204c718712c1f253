import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { sendCsv } from '../../http/csv.ts';
import { readUpload } from '../projects/uploads.http.ts';
import { AccountListQuery } from '../../../contract/accounts.ts';
import { IdParams } from '../../../contract/common.ts';
import { ContactListQuery } from '../../../contract/contacts.ts';
import { ImportJob, ImportKind, ImportList, ImportPreview, ImportPreviewInput, TemplateQuery } from '../../../contract/imports.ts';
import { ProjectListQuery } from '../../../contract/projects.ts';
import { TEMPLATES } from '../../../core/imports/csv-cells.ts';
import { MAX_IMPORT_BYTES } from './csv-file.ts';
import * as exports from './exports.service.ts';
import * as service from './imports.service.ts';

const tags = ['imports'];
const csvResponse = { 200: z.string().describe('text/csv') };

const today = () => new Date().toISOString().slice(0, 10);

export const importRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });

    app.post(
      '/imports',
      {
        schema: {
          tags,
          summary: 'Upload a CSV (multipart field "file") and get its dry-run preview: the suggested column mapping, what would be created or updated, and each bad row',
          consumes: ['multipart/form-data'],
          querystring: z.object({ kind: ImportKind }),
          response: { 201: ImportPreview },
        },
      },
      async (request, reply) => {
        const ctx = requireCtx(request, services);
        const upload = await readUpload(request, MAX_IMPORT_BYTES, 'an import');
        const preview = await service.previewUpload(ctx, { kind: request.query.kind, fileName: upload.name, bytes: upload.bytes, keep: true });
        return reply.status(201).send(preview);
      },
    );

    app.get('/imports', { schema: { tags, summary: 'The latest imports with their counts', response: { 200: ImportList } } }, (request) =>
      service.listImports(requireCtx(request, services)),
    );

    app.get(
      '/imports/template.csv',
      { schema: { tags, summary: 'A CSV template to fill in, with two example rows', querystring: TemplateQuery, response: csvResponse } },
      async (request, reply) => {
        requireCtx(request, services);
        const rows = TEMPLATES[request.query.kind].map((row) => [...row]);
        return sendCsv(reply, `landfall-${request.query.kind}-template.csv`, (async function* () { yield* rows; })());
      },
    );

    app.get(
      '/imports/:id',
      { schema: { tags, summary: "An import's progress, then its report: created, updated, unchanged, skipped and why", params: IdParams, response: { 200: ImportJob } } },
      (request) => service.getImport(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/imports/:id/preview',
      { schema: { tags, summary: 'Preview the uploaded file again with another column mapping', params: IdParams, body: ImportPreviewInput, response: { 200: ImportPreview } } },
      (request) => service.previewAgain(requireCtx(request, services), request.params.id, request.body.mapping),
    );

    app.post(
      '/imports/:id/run',
      { schema: { tags, summary: 'Run a previewed import: it goes on in the background, batch by batch; follow it with GET /imports/:id', params: IdParams, response: { 202: ImportJob } } },
      async (request, reply) => {
        const { job, run } = await service.startImport(requireCtx(request, services), request.params.id);
        run().catch((error: unknown) => request.log.error({ err: error }, 'import run failed'));
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/accounts/export.csv',
      { schema: { tags: ['accounts'], summary: 'The accounts list as CSV, with the same filters and sort as the list', querystring: AccountListQuery.omit({ limit: true, offset: true }), response: csvResponse } },
      async (request, reply) => sendCsv(reply, `accounts-${today()}.csv`, await exports.accountsCsv(requireCtx(request, services), request.query)),
    );

    app.get(
      '/accounts/:id/contacts/export.csv',
      { schema: { tags: ['contacts'], summary: "An account's people as CSV (current, left or all)", params: IdParams, querystring: ContactListQuery, response: csvResponse } },
      async (request, reply) =>
        sendCsv(reply, `contacts-${today()}.csv`, await exports.contactsCsv(requireCtx(request, services), request.params.id, request.query.status)),
    );

    app.get(
      '/projects/export.csv',
      { schema: { tags: ['projects'], summary: 'The projects list as CSV, with the same filters as the list', querystring: ProjectListQuery, response: csvResponse } },
      async (request, reply) => sendCsv(reply, `projects-${today()}.csv`, await exports.projectsCsv(requireCtx(request, services), request.query)),
    );
  };
