import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { Organization, OrganizationInput, OrganizationPatch } from '../../../contract/organizations.ts';
import * as service from './organizations.service.ts';

const tags = ['organizations'];

export const organizationRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts/:id/organizations',
      {
        schema: {
          tags,
          summary: 'Organizations (departments, new teams) inside an account',
          params: IdParams,
          response: { 200: z.array(Organization) },
        },
      },
      (request) => service.listOrganizations(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/accounts/:id/organizations',
      {
        schema: {
          tags,
          summary: 'Add an organization to an account',
          params: IdParams,
          body: OrganizationInput,
          response: { 201: Organization },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.addOrganization(requireCtx(request, services), request.params.id, request.body)),
    );

    app.get(
      '/organizations/:id',
      { schema: { tags, summary: 'One organization', params: IdParams, response: { 200: Organization } } },
      (request) => service.getOrganization(requireCtx(request, services), request.params.id),
    );

    app.patch(
      '/organizations/:id',
      {
        schema: { tags, summary: 'Edit an organization', params: IdParams, body: OrganizationPatch, response: { 200: Organization } },
      },
      (request) => service.updateOrganization(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/organizations/:id/archive',
      { schema: { tags, summary: 'Archive an organization', params: IdParams, response: { 200: Organization } } },
      (request) => service.archiveOrganization(requireCtx(request, services), request.params.id),
    );
  };
