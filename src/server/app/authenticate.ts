// Who is asking: the one hook that establishes the actor of every request (session cookie, API token or portal
// session) and enforces the access each route declares (http/access.ts), so no route can forget.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canWrite } from '../../core/people.ts';
import type { Services } from '../context.ts';
import { AppError, forbidden, unauthenticated } from '../http/errors.ts';
import { SESSION_COOKIE, actorFromApiToken, actorFromSession, csrfTokenFor } from '../modules/auth/auth.service.ts';
import { PORTAL_COOKIE, contactFromPortalSession } from '../modules/portal/portal-auth.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('The Authorization header must be "Bearer <API token>".');
  return token;
}

export function registerAccess(app: FastifyInstance, services: Services): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('dataVersion', null);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('contactActor', undefined);

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access ?? 'staff';
    const unsafe = !SAFE_METHODS.has(request.method);
    // Browsers mark requests sent by other sites; no such request may change anything here.
    if (unsafe && request.headers['sec-fetch-site'] === 'cross-site' && !request.routeOptions.config.crossSite) {
      throw forbidden('Requests from other sites are not accepted.');
    }

    // SCIM routes authenticate with their own bearer token (modules/scim/scim.routes.ts).
    if (access === 'scim') return;

    if (access === 'portal') {
      const cookie = request.cookies[PORTAL_COOKIE];
      const actor = cookie ? await contactFromPortalSession(services, cookie) : undefined;
      if (!actor) throw unauthenticated('Your portal session has ended. Open the latest link from your email, or ask for a new one.');
      if (unsafe && request.headers['x-csrf-token'] !== csrfTokenFor(cookie!)) {
        throw new AppError('forbidden', 'The request is missing its CSRF token (x-csrf-token header). Reload the page and try again.');
      }
      if (unsafe && actor.preview && !request.routeOptions.config.previewAllowed) {
        throw forbidden('This is a preview of the portal: nothing can be changed in it.');
      }
      request.contactActor = actor;
      return;
    }

    const token = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    request.sessionToken = cookie;
    const authenticated = token ? await actorFromApiToken(services, token) : cookie ? await actorFromSession(services, cookie) : undefined;
    if (authenticated) {
      request.actor = authenticated.actor;
      request.dataVersion = authenticated.dataVersion;
    }

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
