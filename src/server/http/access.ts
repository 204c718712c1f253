import type { FastifyRequest } from 'fastify';
import { contextFor, type Actor, type Ctx, type RequestOrigin, type Services, type StaffActor } from '../context.ts';
import { unauthenticated } from './errors.ts';

/**
 * Who may call a route. Every route has one (default: staff); app/authenticate.ts is the one place
 * that enforces it, so no route can forget.
 * - public: anyone, signed in or not
 * - member: a signed-in workspace member (session cookie), any role
 * - staff: a member or an API token; leaders (read-only) may not write
 * - admin: an admin member or an admin API token
 * - portal: a customer contact signed in to the portal (its own cookie; staff cookies and tokens are ignored)
 * - scim: an identity provider with the workspace's SCIM token (modules/scim checks it; cookies and API tokens are ignored)
 */
export type Access = 'public' | 'member' | 'staff' | 'admin' | 'portal' | 'scim';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A portal write a member previewing the portal may still make (signing out of the preview). */
    previewAllowed?: boolean;
    /** A write another site may send: the SAML response an identity provider's page posts. It proves itself by its signature. */
    crossSite?: boolean;
  }
  interface FastifyRequest {
    /** A member or API token; customer contacts (the portal) never appear here. */
    actor: StaffActor | undefined;
    /** The actor's workspace data version, read with the actor (see data_versions): what a cached answer is checked against. */
    dataVersion: number | null;
    sessionToken: string | undefined;
    /** A customer contact, on portal routes only. */
    contactActor: Extract<Actor, { kind: 'contact' }> | undefined;
  }
}

export function requireCtx(request: FastifyRequest, services: Services): Ctx {
  if (!request.actor) throw unauthenticated();
  return { ...contextFor(services, request.actor), origin: originOf(request) };
}

/** The client's address (behind the proxies TRUST_PROXY names) and its user agent, for the audit log. */
export const originOf = (request: FastifyRequest): RequestOrigin => ({ ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null });

/** The context of a portal route: the signed-in contact (the access hook has checked there is one). */
export function requirePortalCtx(request: FastifyRequest, services: Services): Ctx & { actor: Extract<Actor, { kind: 'contact' }> } {
  const actor = request.contactActor;
  if (!actor) throw unauthenticated('Open the sign-in link from your email to continue.');
  return { ...contextFor(services, actor), actor };
}

