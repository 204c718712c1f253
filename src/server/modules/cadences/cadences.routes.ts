import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import {
  Cadence,
  CadenceInput,
  CadenceStats,
  PauseInput,
  CadenceListQuery,
  CadenceSettings,
  ContactTimeline,
  MessagePreview,
  MessagePreviewInput,
  ProjectCadence,
  ProjectCadenceInput,
  TestSent,
} from '../../../contract/cadences.ts';
import { ArchiveInput, IdParams } from '../../../contract/common.ts';
import * as service from './cadences.service.ts';

const tags = ['cadences'];

export const cadenceRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cadences',
      { schema: { tags, summary: 'Communication cadences (the built-in ones are added on first use)', querystring: CadenceListQuery, response: { 200: z.array(Cadence) } } },
      (request) => service.listCadences(requireCtx(request, services), request.query.archived === 'include'),
    );

    app.get(
      '/cadences/settings',
      { schema: { tags, summary: 'When a welcome goes for a deal that arrives after its hour', response: { 200: CadenceSettings } } },
      (request) => service.getCadenceSettings(requireCtx(request, services)),
    );

    app.put(
      '/cadences/settings',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Choose whether an afternoon deal’s welcome goes at once or the next business morning', body: CadenceSettings, response: { 200: CadenceSettings } },
      },
      (request) => service.saveCadenceSettings(requireCtx(request, services), request.body),
    );

    app.post(
      '/cadences',
      { schema: { tags, summary: 'Create a cadence', body: CadenceInput, response: { 201: Cadence } } },
      async (request, reply) => reply.status(201).send(await service.createCadence(requireCtx(request, services), request.body)),
    );

    app.get(
      '/cadences/:id',
      { schema: { tags, summary: 'One cadence with its steps', params: IdParams, response: { 200: Cadence } } },
      (request) => service.getCadence(requireCtx(request, services), request.params.id),
    );

    app.put(
      '/cadences/:id',
      {
        schema: {
          tags,
          summary: 'Save a cadence (steps keep their ids: a step already sent is not sent again)',
          params: IdParams,
          body: CadenceInput,
          response: { 200: Cadence },
        },
      },
      (request) => service.updateCadence(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/cadences/:id/archive',
      { schema: { tags, summary: 'Archive or restore a cadence', params: IdParams, body: ArchiveInput, response: { 200: Cadence } } },
      (request) => service.setCadenceArchived(requireCtx(request, services), request.params.id, request.body.archived),
    );

    app.post(
      '/cadences/:id/pause',
      {
        schema: {
          tags,
          summary: 'Pause a cadence (nothing new is planned for its projects) or resume it (its projects are planned at once)',
          params: IdParams,
          body: PauseInput,
          response: { 200: Cadence },
        },
      },
      (request) => service.setCadencePaused(requireCtx(request, services), request.params.id, request.body.paused),
    );

    app.get(
      '/cadences/:id/stats',
      {
        schema: {
          tags,
          summary: "Each step's messages: sent, waiting, failed, bounced (opens and clicks are not tracked: null)",
          params: IdParams,
          response: { 200: CadenceStats },
        },
      },
      (request) => service.cadenceStats(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/cadences/preview',
      {
        schema: {
          tags,
          summary: "Render a step's subject and body with a real contact's data (or sample data), as HTML and plain text",
          body: MessagePreviewInput,
          response: { 200: MessagePreview },
        },
      },
      (request) => service.previewMessage(requireCtx(request, services), request.body),
    );

    app.post(
      '/cadences/test-send',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Send the rendered step to yourself, marked [Test]',
          body: MessagePreviewInput,
          response: { 202: TestSent },
        },
      },
      async (request, reply) => reply.status(202).send(await service.sendTestMessage(requireCtx(request, services), request.body)),
    );

    app.get(
      '/projects/:id/cadence',
      { schema: { tags, summary: "A project's cadence and every message it will send, to whom and when", params: IdParams, response: { 200: ProjectCadence } } },
      (request) => service.projectCadence(requireCtx(request, services), request.params.id),
    );

    app.put(
      '/projects/:id/cadence',
      {
        schema: {
          tags,
          summary: "Change a project's cadence (null: none); messages still scheduled by the old one are suppressed",
          params: IdParams,
          body: ProjectCadenceInput,
          response: { 200: ProjectCadence },
        },
      },
      (request) => service.setProjectCadence(requireCtx(request, services), request.params.id, request.body.cadenceId),
    );

    app.get(
      '/contacts/:id/messages',
      { schema: { tags, summary: 'Every message a contact got and will get', params: IdParams, response: { 200: ContactTimeline } } },
      (request) => service.contactTimeline(requireCtx(request, services), request.params.id),
    );
  };
