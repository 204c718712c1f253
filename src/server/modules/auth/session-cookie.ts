import type { FastifyReply } from 'fastify';
import type { Services } from '../../context.ts';
import { SESSION_COOKIE } from './auth.service.ts';

export function setSessionCookie(reply: FastifyReply, services: Services, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.secureCookies,
    path: '/',
    maxAge: Math.floor(services.config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, services: Services): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: services.config.secureCookies });
}
