import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextFor, type Ctx, type Services } from '../../context.ts';
import { forbidden } from '../../http/errors.ts';
import { requireCtx } from '../../http/access.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { getMember } from '../members/members.service.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import { SessionInfo, SignInInput } from '../../../contract/auth.ts';
import { csrfTokenFor, signIn, signOut } from './auth.service.ts';

const tags = ['session'];

export async function sessionInfo(ctx: Ctx, token: string) {
  if (ctx.actor.kind !== 'member') throw forbidden('This endpoint is for signed-in members, not API tokens.');
  return { member: await getMember(ctx, ctx.actor.memberId), workspace: await getWorkspace(ctx), csrfToken: csrfTokenFor(token) };
}

export const authRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/session',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Sign in with email and password', body: SignInInput, response: { 200: SessionInfo } },
      },
      async (request, reply) => {
        const session = await signIn(services, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          previousToken: request.sessionToken,
        });
        setSessionCookie(reply, services, session.token);
        return sessionInfo(contextFor(services, session.actor), session.token);
      },
    );

    app.get(
      '/session',
      { config: { access: 'member' }, schema: { tags, summary: 'Who is signed in', response: { 200: SessionInfo } } },
      async (request) => {
        return sessionInfo(requireCtx(request, services), request.sessionToken ?? '');
      },
    );

    app.delete(
      '/session',
      { config: { access: 'member' }, schema: { tags, summary: 'Sign out (revokes the session)', response: { 204: z.null() } } },
      async (request, reply) => {
        await signOut(services, request.sessionToken);
        clearSessionCookie(reply, services);
        return reply.status(204).send(null);
      },
    );
  };
