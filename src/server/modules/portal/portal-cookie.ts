import type { FastifyReply } from 'fastify';
import type { Services } from '../../context.ts';
import { PORTAL_COOKIE } from './portal-auth.service.ts';

/** The portal's own session cookie (staff cookies and tokens are never accepted on portal routes). */
export function setPortalCookie(reply: FastifyReply, services: Services, token: string, maxAgeMs: number) {
  reply.setCookie(PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.secureCookies,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}
