import { createHash } from 'node:crypto';
import type { MemberRole } from '../../../core/people.ts';
import { contextFor, systemActor, type Ctx, type Services, type StaffActor } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { invalid, rateLimited } from '../../http/errors.ts';
import { dummyPasswordHash, hashToken, randomToken, verifyPassword } from '../../security/secrets.ts';
import { recordSignIn } from '../../audit/audit.ts';
import { check } from '../../events/bus.ts';
import * as repo from './auth.repo.ts';

export const SESSION_COOKIE = 'lf_session';
const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;
const TOUCH_EVERY_MS = 60_000;

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
  /** The session cookie the browser still had, revoked so a sign-in always starts a fresh session. */
  previousToken: string | undefined;
}

export const newSessionToken = () => randomToken('lfs');

/** Derived from the session token, so it needs no storage and cannot be guessed without the cookie. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

/** Throws 429 (with Retry-After) when any key has had `limit` or more events within the window. */
export async function assertNotThrottled(
  services: Services,
  keys: { key: string; limit: number }[],
  windowMs: number,
  what: string,
) {
  const now = services.now();
  for (const { key, limit } of keys) {
    const { failures, oldest } = await repo.countFailuresSince(services.database.db, key, new Date(now.getTime() - windowMs));
    if (failures >= limit) {
      const retryAfter = oldest ? Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000)) : 60;
      throw rateLimited(`${what} Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, retryAfter);
    }
  }
}

/** Counts one event against each key (a failed sign-in, a requested link…), for assertNotThrottled. */
export async function recordThrottleEvent(services: Services, keys: string[]) {
  await repo.recordFailures(services.database.db, keys, services.now());
}

export async function signIn(services: Services, input: SignInInput) {
  const db = services.database.db;
  const email = input.email.trim().toLowerCase();
  const keys = [
    { key: `email:${email}`, limit: MAX_FAILURES_PER_EMAIL },
    { key: `ip:${input.ip}`, limit: MAX_FAILURES_PER_IP },
  ];
  await assertNotThrottled(services, keys, FAILURE_WINDOW_MS, 'Too many failed sign-ins.');

  const member = await repo.findActiveMemberByEmail(db, email);
  const passwordOk = await verifyPassword(input.password, member?.passwordHash ?? (await dummyPasswordHash()));
  const origin = { ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null };
  if (!member || !passwordOk) {
    await repo.recordFailures(db, keys.map((k) => k.key), services.now());
    // An unknown email belongs to no workspace, so only a wrong password for a member is in an audit log.
    if (member) await recordSignIn(db, services, { workspaceId: member.workspaceId, memberId: member.id, name: member.name, succeeded: false, email, origin, reason: 'wrong password' });
    // The same words whether the email exists or not.
    throw invalid('The email or password is incorrect.', { path: ['body', 'password'] });
  }
  // Single sign-on may refuse (a workspace that signs in through its identity provider): the guard throws why.
  await check(contextFor(services, systemActor(member.workspaceId, 'password-sign-in')), 'password.signing_in', { memberId: member.id, role: member.role });

  const now = services.now();
  const token = newSessionToken();
  const tokenHash = hashToken(token);
  const sessionId = await db.transaction(async (tx) => {
    if (input.previousToken) await repo.revokeSessionByTokenHash(tx, hashToken(input.previousToken), now);
    const id = await repo.insertSession(tx, {
      workspaceId: member.workspaceId,
      memberId: member.id,
      tokenHash,
      expiresAt: new Date(now.getTime() + services.config.sessionAbsoluteMs),
      userAgent: input.userAgent?.slice(0, 300),
      now,
    });
    await repo.clearFailures(tx, `email:${email}`);
    await recordSignIn(tx, services, { workspaceId: member.workspaceId, memberId: member.id, name: member.name, succeeded: true, email, origin });
    return id;
  });
  const actor: StaffActor = {
    kind: 'member',
    workspaceId: member.workspaceId,
    memberId: member.id,
    role: member.role as MemberRole,
    sessionId,
    name: member.name,
  };
  return { token, actor };
}

/** Starts a session for a member who has just proven who they are (first sign-up, accepted invite, single sign-on). */
export async function startSession(
  services: Services,
  member: { workspaceId: string; memberId: string; role: MemberRole; name: string },
  userAgent: string | undefined,
  db: Db = services.database.db,
) {
  const now = services.now();
  const token = newSessionToken();
  const sessionId = await repo.insertSession(db, {
    workspaceId: member.workspaceId,
    memberId: member.memberId,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + services.config.sessionAbsoluteMs),
    userAgent: userAgent?.slice(0, 300),
    now,
  });
  const actor: StaffActor = { kind: 'member', ...member, sessionId };
  return { token, actor };
}

export async function signOut(services: Services, token: string | undefined) {
  if (!token) return;
  await repo.revokeSessionByTokenHash(services.database.db, hashToken(token), services.now());
}

/** Ends every session of a member who was removed or deactivated (the reaction to member.removed and member.deactivated), in the same transaction. */
export async function endSessionsOfMember(ctx: Ctx, memberId: string) {
  await repo.revokeSessionsOfMember(ctx.db, ctx.workspaceId, memberId, ctx.services.now());
}

/**
 * Who is asking, and the version of their workspace's data read in the same statement (null before the first write),
 * so an answer cached for that version can be reused without another round trip.
 */
export interface Authenticated {
  actor: StaffActor;
  dataVersion: number | null;
}

/** The member behind a session cookie, or undefined when it is unknown, revoked, idle too long or too old. */
export async function actorFromSession(services: Services, token: string): Promise<Authenticated | undefined> {
  const db = services.database.db;
  const session = await repo.findSessionByTokenHash(db, hashToken(token));
  if (!session || session.revokedAt || session.memberRemovedAt || session.memberDeactivatedAt) return undefined;
  const now = services.now();
  if (session.expiresAt <= now) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > services.config.sessionIdleMs) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, session.workspaceId, session.sessionId, now);
  return {
    actor: {
      kind: 'member',
      workspaceId: session.workspaceId,
      memberId: session.memberId,
      role: session.role,
      sessionId: session.sessionId,
      name: session.memberName,
    },
    dataVersion: session.dataVersion,
  };
}

export async function actorFromApiToken(services: Services, token: string): Promise<Authenticated | undefined> {
  const db = services.database.db;
  const found = await repo.findApiTokenByHash(db, hashToken(token));
  if (!found || found.revokedAt) return undefined;
  const now = services.now();
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchApiToken(db, found.workspaceId, found.tokenId, now);
  }
  return {
    actor: { kind: 'token', workspaceId: found.workspaceId, tokenId: found.tokenId, role: found.role, name: found.tokenName },
    dataVersion: found.dataVersion,
  };
}
