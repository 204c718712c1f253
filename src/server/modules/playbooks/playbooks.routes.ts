import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { Playbook, PlaybookDefinition, PlaybookProposal, PlaybookSummary, PlaybookVersionQuery, ProposalQuery } from '../../../contract/playbooks.ts';
import * as service from './playbooks.service.ts';

const tags = ['playbooks'];

export const playbookRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/playbooks',
      {
        schema: {
          tags,
          summary: 'Playbooks of the workspace',
          querystring: z.object({ archived: z.enum(['include', 'exclude']).default('exclude') }),
          response: { 200: z.array(PlaybookSummary) },
        },
      },
      (request) => service.listPlaybooks(requireCtx(request, services), request.query.archived === 'include'),
    );

    app.get(
      '/playbooks/proposals',
      {
        schema: {
          tags,
          summary: 'The playbooks that fit an account, best first, with reasons',
          querystring: ProposalQuery,
          response: { 200: z.array(PlaybookProposal) },
        },
      },
      (request) => service.proposePlaybooks(requireCtx(request, services), request.query.accountId),
    );

    app.post(
      '/playbooks',
      {
        schema: {
          tags,
          summary: 'Create a playbook, or import one from its exported JSON',
          body: PlaybookDefinition,
          response: { 201: Playbook },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createPlaybook(requireCtx(request, services), request.body)),
    );

    app.get(
      '/playbooks/:id',
      {
        schema: {
          tags,
          summary: 'A playbook, at its newest version or the one asked for',
          params: IdParams,
          querystring: PlaybookVersionQuery,
          response: { 200: Playbook },
        },
      },
      (request) => service.getPlaybook(requireCtx(request, services), request.params.id, request.query.version),
    );

    app.put(
      '/playbooks/:id',
      {
        schema: {
          tags,
          summary: 'Save an edit of a playbook as its next version (running projects keep theirs)',
          params: IdParams,
          body: PlaybookDefinition,
          response: { 200: Playbook },
        },
      },
      (request) => service.updatePlaybook(requireCtx(request, services), request.params.id, request.body),
    );

    app.get(
      '/playbooks/:id/export',
      {
        schema: {
          tags,
          summary: 'Download a playbook as JSON (the import format)',
          params: IdParams,
          querystring: PlaybookVersionQuery,
          response: { 200: PlaybookDefinition },
        },
      },
      async (request, reply) => {
        const playbook = await service.getPlaybook(requireCtx(request, services), request.params.id, request.query.version);
        const filename = `${playbook.name.replace(/[^\w.-]+/g, '-')}-v${playbook.version}.json`;
        reply.header('content-disposition', `attachment; filename="${filename}"`);
        return playbook.definition;
      },
    );

    app.post(
      '/playbooks/:id/archive',
      { schema: { tags, summary: 'Archive a playbook', params: IdParams, response: { 200: Playbook } } },
      (request) => service.setPlaybookArchived(requireCtx(request, services), request.params.id, true),
    );

    app.post(
      '/playbooks/:id/restore',
      { schema: { tags, summary: 'Restore an archived playbook', params: IdParams, response: { 200: Playbook } } },
      (request) => service.setPlaybookArchived(requireCtx(request, services), request.params.id, false),
    );
  };
