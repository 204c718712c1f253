import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canWrite } from '../../core/people.ts';
import { contextFor, type Actor, type Ctx, type Services } from '../context.ts';
import {
  SESSION_COOKIE,
  actorFromApiToken,
  actorFromSession,
  csrfTokenFor,
} from '../modules/auth/auth.service.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';

/**
 * Who may call a route. Every route has one (default: staff), and this file is the one place
 * that enforces it, so no route can forget.
 * - public: anyone, signed in or not
 * - member: a signed-in workspace member (session cookie), any role
 * - staff: a member or an API token; leaders (read-only) may not write
 * - admin: an admin member or an admin API token
 */
export type Access = 'public' | 'member' | 'staff' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    sessionToken: string | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireCtx(request: FastifyRequest, services: Services): Ctx {
  if (!request.actor) throw unauthenticated();
  return contextFor(services, request.actor);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('The Authorization header must be "Bearer <API token>".');
  return token;
}

export function registerAccess(app: FastifyInstance, services: Services): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access ?? 'staff';
    const unsafe = !SAFE_METHODS.has(request.method);
    // Browsers mark requests sent by other sites; no such request may change anything here.
    if (unsafe && request.headers['sec-fetch-site'] === 'cross-site') {
      throw forbidden('Requests from other sites are not accepted.');
    }

    const token = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    request.sessionToken = cookie;
    if (token) request.actor = await actorFromApiToken(services, token);
    else if (cookie) request.actor = await actorFromSession(services, cookie);

    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) {
      throw token ? unauthenticated('That API token is unknown or has been revoked.') : unauthenticated();
    }
    if (access === 'member' && actor.kind !== 'member') throw forbidden('This endpoint is for signed-in members, not API tokens.');
    if (actor.kind === 'member' && unsafe && cookie) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== csrfTokenFor(cookie)) {
        throw new AppError('forbidden', 'The request is missing its CSRF token (x-csrf-token header). Reload the page and try again.');
      }
    }
    if (access === 'admin' && actor.role !== 'admin') throw forbidden('Only workspace admins can do this.');
    if (access === 'staff' && unsafe && !canWrite(actor.role)) {
      throw forbidden('Your role is read-only: leaders can look at everything but not change it.');
    }
  });
}
