// The two ways in that start a session for someone new: the first admin of an installation, and a member
// accepting an invitation. They sit with auth so that workspaces and members need not know about sessions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type Services } from '../../context.ts';
import { SessionInfo } from '../../../contract/auth.ts';
import { AcceptInviteInput, InviteTokenParams } from '../../../contract/members.ts';
import { SetupInput, SetupStatus } from '../../../contract/workspaces.ts';
import { acceptInvite } from '../members/members.service.ts';
import { needsSetup } from '../workspaces/workspaces.service.ts';
import { sessionInfo } from './auth.routes.ts';
import { startSession } from './auth.service.ts';
import { setSessionCookie } from './session-cookie.ts';
import { setUpFirstWorkspace } from './sign-up.service.ts';

/** GET and POST /setup: the installation's first workspace and admin (tagged with the workspace, as before). */
export const setupRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['workspace'];

    app.get(
      '/setup',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Whether this installation still needs its first admin', response: { 200: SetupStatus } },
      },
      async () => ({ needsSetup: await needsSetup(services) }),
    );

    app.post(
      '/setup',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Create the first workspace and its admin (only on an empty installation)',
          body: SetupInput,
          response: { 201: SessionInfo },
        },
      },
      async (request, reply) => {
        const { workspace, admin } = await setUpFirstWorkspace(services, request.body);
        const session = await startSession(
          services,
          { workspaceId: workspace.id, memberId: admin.id, role: 'admin', name: admin.name },
          request.headers['user-agent'],
        );
        setSessionCookie(reply, services, session.token);
        return reply.status(201).send(await sessionInfo(contextFor(services, session.actor), session.token));
      },
    );
  };

/** POST /invitations/:token/accept: become a member and sign in (tagged with the members, as before). */
export const acceptInvitationRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/invitations/:token/accept',
      {
        config: { access: 'public' },
        schema: {
          tags: ['members'],
          summary: 'Accept an invitation: become a member and sign in',
          params: InviteTokenParams,
          body: AcceptInviteInput,
          response: { 201: SessionInfo },
        },
      },
      async (request, reply) => {
        const member = await acceptInvite(services, request.params.token, request.body);
        const session = await startSession(services, member, request.headers['user-agent']);
        setSessionCookie(reply, services, session.token);
        return reply.status(201).send(await sessionInfo(contextFor(services, session.actor), session.token));
      },
    );
  };
