import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { IdParams } from '../../../contract/common.ts';
import { CreatedInvite, Invite, InviteInput, InvitePreview, InviteTokenParams, Member, MemberPatch } from '../../../contract/members.ts';
import * as service from './members.service.ts';

const tags = ['members'];

// Accepting an invitation signs the new member in, so that route lives with auth (auth/sign-up.routes.ts).

export const memberRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/members', { schema: { tags, summary: 'Members of the workspace', response: { 200: z.array(Member) } } }, (request) =>
      service.listMembers(requireCtx(request, services)),
    );

    app.patch(
      '/members/:id',
      {
        config: { access: 'admin' },
        schema: { tags, summary: "Change a member's name or role", params: IdParams, body: MemberPatch, response: { 200: Member } },
      },
      (request) => service.updateMember(requireCtx(request, services), request.params.id, request.body),
    );

    app.delete(
      '/members/:id',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Remove a member (ends their sessions at once)', params: IdParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.removeMember(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/invites',
      { config: { access: 'admin' }, schema: { tags, summary: 'Pending invitations', response: { 200: z.array(Invite) } } },
      (request) => service.listInvites(requireCtx(request, services)),
    );

    app.post(
      '/invites',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Invite someone by email; the link is also returned once',
          body: InviteInput,
          response: { 201: CreatedInvite },
        },
      },
      async (request, reply) => reply.status(201).send(await service.inviteMember(requireCtx(request, services), request.body)),
    );

    app.delete(
      '/invites/:id',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Revoke a pending invitation', params: IdParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.revokeInvite(requireCtx(request, services), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/invitations/:token',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'What an invitation link is for', params: InviteTokenParams, response: { 200: InvitePreview } },
      },
      (request) => service.previewInvite(services, request.params.token),
    );
  };
