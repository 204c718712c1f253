import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { Contact, ContactInput, ContactListQuery, ContactOverview, ContactPatch } from '../../../contract/contacts.ts';
import * as service from './contacts.service.ts';

const tags = ['contacts'];

export const contactRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts/:id/contacts',
      {
        schema: {
          tags,
          summary: "An account's contacts (people who left come last)",
          params: IdParams,
          querystring: ContactListQuery,
          response: { 200: z.array(Contact) },
        },
      },
      (request) => service.listContacts(requireCtx(request, services), request.params.id, request.query.status),
    );

    app.post(
      '/accounts/:id/contacts',
      { schema: { tags, summary: 'Add a contact to an account', params: IdParams, body: ContactInput, response: { 201: Contact } } },
      async (request, reply) =>
        reply.status(201).send(await service.addContact(requireCtx(request, services), request.params.id, request.body)),
    );

    app.get(
      '/contacts/:id',
      { schema: { tags, summary: 'One contact', params: IdParams, response: { 200: Contact } } },
      (request) => service.getContact(requireCtx(request, services), request.params.id),
    );

    app.get(
      '/contacts/:id/overview',
      {
        schema: {
          tags,
          summary: "A contact's page: role, projects, tasks, messages sent to them, portal activity and learning",
          params: IdParams,
          response: { 200: ContactOverview },
        },
      },
      (request) => service.contactOverview(requireCtx(request, services), request.params.id),
    );

    app.patch(
      '/contacts/:id',
      {
        schema: {
          tags,
          summary: 'Edit a contact (set leftOn when they leave)',
          params: IdParams,
          body: ContactPatch,
          response: { 200: Contact },
        },
      },
      (request) => service.updateContact(requireCtx(request, services), request.params.id, request.body),
    );

    app.delete(
      '/contacts/:id',
      {
        schema: {
          tags,
          summary: 'Delete a contact added by mistake (for people who leave, set leftOn instead)',
          params: IdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.deleteContact(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
