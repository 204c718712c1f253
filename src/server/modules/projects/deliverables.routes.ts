import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contract/common.ts';
import { FormDefinition, SignOff, SignOffRequestInput } from '../../../contract/portal.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { attachTaskFile, defineTaskForm, projectTask, requestSignOff, taskFile, taskSignOff } from './deliverables.service.ts';
import { multipartLimits, readUpload, sendFile, uploadSchema } from './uploads.http.ts';

const tags = ['tasks'];
const TaskParams = z.object({ id: IdParams.shape.id, taskId: IdParams.shape.id });
const FileParams = z.object({ id: IdParams.shape.id, fileId: IdParams.shape.id });

/** A task's form and files, from the staff side (the portal has its own routes for the customer). */
export const deliverableRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, multipartLimits);

    app.put(
      '/projects/:id/tasks/:taskId/form',
      { schema: { tags, summary: 'Define the form the customer fills in on a task (null removes it)', params: TaskParams, body: FormDefinition, response: { 200: FormDefinition } } },
      (request) => defineTaskForm(requireCtx(request, services), request.params.id, request.params.taskId, request.body.fields),
    );

    app.get(
      '/projects/:id/tasks/:taskId/sign-off',
      { schema: { tags, summary: "Where a deliverable stands with the customer's sign-off", params: TaskParams, response: { 200: SignOff } } },
      (request) => taskSignOff(requireCtx(request, services), request.params.id, request.params.taskId),
    );

    app.post(
      '/projects/:id/tasks/:taskId/sign-off-requests',
      {
        schema: {
          tags,
          summary: "Submit a deliverable for the customer's sign-off (they are asked only once it is submitted or done)",
          params: TaskParams,
          body: SignOffRequestInput,
          response: { 201: SignOff },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await requestSignOff(requireCtx(request, services), request.params.id, request.params.taskId, request.body.note)),
    );

    app.post(
      '/projects/:id/tasks/:taskId/files',
      { schema: { tags, summary: 'Attach a file to a task (multipart field "file")', params: TaskParams, ...uploadSchema } },
      async (request, reply) => {
        const ctx = requireCtx(request, services);
        const task = await projectTask(ctx, request.params.id, request.params.taskId); // an unknown task is 404 before the upload is read
        const upload = await readUpload(request);
        return reply.status(201).send(await attachTaskFile(ctx, task, { ...upload, fieldKey: request.query.fieldKey ?? null }));
      },
    );

    app.get(
      '/projects/:id/files/:fileId',
      { schema: { tags, summary: 'Download a file of a task (always as an attachment)', params: FileParams } },
      async (request, reply) => {
        const ctx = requireCtx(request, services);
        return sendFile(reply, services, ctx.workspaceId, await taskFile(ctx, request.params.id, request.params.fileId));
      },
    );
  };
