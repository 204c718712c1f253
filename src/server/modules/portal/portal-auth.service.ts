import { randomInt } from 'node:crypto';
import { contextFor, inTransaction, systemActor, type Actor, type Services } from '../../context.ts';
import { recordEvents } from '../history/history.service.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { hashToken, randomToken } from '../../security/secrets.ts';
import { assertNotThrottled, recordThrottleEvent } from '../auth/auth.service.ts';
import * as repo from './portal-auth.repo.ts';

export const PORTAL_COOKIE = 'lf_portal';
/** An invitation leads to the page that sends sign-in links; it stays usable for a month. */
export const INVITATION_LIFETIME_MS = 30 * 86400_000;
/** A sign-in link (and its code) works once, for 15 minutes. */
export const SIGN_IN_LINK_LIFETIME_MS = 15 * 60_000;
const PREVIEW_LIFETIME_MS = 3600_000;
const TOUCH_EVERY_MS = 60_000;
const LINK_WINDOW_MS = 15 * 60_000;
const LINKS_PER_EMAIL = 5;
const LINKS_PER_IP = 30;
const CODE_TRIES_PER_IP = 30;

export type ContactActor = Extract<Actor, { kind: 'contact' }>;

export const invitationUrl = (services: Services, token: string) => `${services.config.publicUrl}/portal/invite/${encodeURIComponent(token)}`;
const signInUrl = (services: Services, token: string) => `${services.config.publicUrl}/portal/sign-in/${encodeURIComponent(token)}`;

/** "d•••@example.com": enough for a person to recognise their address, not enough to harvest it. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

/** A fresh invitation token for a contact's access to a project; the caller mails it (inside its transaction). */
export function newInvitation(services: Services) {
  const token = randomToken('lfp');
  const now = services.now();
  return { token, tokenHash: hashToken(token), now, expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS), url: invitationUrl(services, token) };
}

async function usableInvitation(services: Services, token: string) {
  const found = await repo.findInvitation(services.database.db, hashToken(token));
  if (!found || found.access.revokedAt || found.contactLeftOn) throw notFound('invitation');
  if (found.access.inviteExpiresAt <= services.now()) {
    throw conflict(`This invitation has expired. Ask ${found.access.invitedByName} for a new one, or request a sign-in link with your email.`);
  }
  return found;
}

/** What the invitation page shows. Reading it signs nobody in and spends nothing. */
export async function invitationInfo(services: Services, token: string) {
  const found = await usableInvitation(services, token);
  return {
    workspaceId: found.access.workspaceId,
    workspaceName: found.workspaceName,
    projectName: found.projectName,
    contactName: found.contactName,
    email: maskEmail(found.contactEmail),
    invitedBy: found.access.invitedByName,
  };
}

async function throttleLinks(services: Services, email: string, ip: string) {
  const keys = [
    { key: `portal-link:email:${email.toLowerCase()}`, limit: LINKS_PER_EMAIL },
    { key: `portal-link:ip:${ip}`, limit: LINKS_PER_IP },
  ];
  await assertNotThrottled(services, keys, LINK_WINDOW_MS, 'Too many sign-in links were asked for.');
  await recordThrottleEvent(services, keys.map((k) => k.key));
}

/** Writes a one-time sign-in link with its 6-digit code and mails both to the contact. */
async function mailSignInLink(
  services: Services,
  access: repo.AccessRow,
  contact: { name: string; email: string },
  projectName: string,
) {
  const token = randomToken('lfl');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const tokenHash = hashToken(token);
  const now = services.now();
  await services.database.db.transaction(async (db) => {
    const linkId = await repo.insertLink(db, {
      workspaceId: access.workspaceId,
      contactId: access.contactId,
      projectId: access.projectId,
      tokenHash,
      codeHash: hashToken(`${tokenHash}:${code}`),
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS),
      createdAt: now,
    });
    await queueMail(db, services, access.workspaceId, {
      dedupeKey: `portal-link:${linkId}`,
      to: contact.email,
      subject: `Your sign-in link for ${projectName}`,
      text:
        `Hello ${contact.name},\n\nOpen this link to sign in to your onboarding portal for ${projectName}:\n${signInUrl(services, token)}\n\n` +
        `Or enter this code on the page you came from: ${code}\n\n` +
        `The link and the code work once, for 15 minutes. If you did not ask for them, you can ignore this email.`,
      credentials: [
        { label: 'sign-in link', value: signInUrl(services, token) },
        { label: 'sign-in code', value: code },
      ],
    });
  });
}

/** The invitation page's button: a fresh sign-in link (and code) goes to the invited address. */
export async function sendLinkForInvitation(services: Services, inviteToken: string, ip: string) {
  const found = await usableInvitation(services, inviteToken);
  await throttleLinks(services, found.contactEmail, ip);
  await mailSignInLink(services, found.access, { name: found.contactName, email: found.contactEmail }, found.projectName);
  return { sentTo: maskEmail(found.contactEmail) };
}

/**
 * "Email me a sign-in link": the same answer whether or not the address has access, so the form tells
 * nobody who our customers are. The rate limits apply to unknown addresses as well.
 */
export async function sendLinkForEmail(services: Services, email: string, ip: string) {
  await throttleLinks(services, email, ip);
  const accesses = await repo.accessesByEmail(services.database.db, email);
  const latest = accesses.find((row) => row.access.inviteExpiresAt > services.now()) ?? accesses[0];
  if (latest) await mailSignInLink(services, latest.access, { name: latest.contactName, email: latest.contactEmail }, latest.projectName);
  else await tellWhoToAsk(services, email);
  return { message: 'If that address can sign in to a Landfall portal, an email is on its way: a sign-in link that works for 15 minutes, or whom to ask for access.' };
}

/**
 * A known contact without access asked for a sign-in link: they are emailed whom to ask, and the project's
 * manager (or, with none, the workspace admins) is emailed and the history says so. Once a day per contact.
 * The answer on the page stays the same as for anyone, so it still tells nobody who our customers are.
 */
async function tellWhoToAsk(services: Services, email: string) {
  for (const asker of await repo.contactsWithoutAccess(services.database.db, email)) {
    const ctx = contextFor(services, systemActor(asker.workspace_id, 'portal-sign-in'));
    const day = services.now().toISOString().slice(0, 10);
    const owners = asker.manager_email
      ? [{ name: asker.manager_name!, email: asker.manager_email }]
      : await repo.adminsOf(ctx.db, asker.workspace_id);
    const whom = asker.manager_name ? `${asker.manager_name} (${asker.manager_email}), who manages your onboarding` : `your onboarding team at ${asker.workspace_name}`;
    await inTransaction(ctx, async (tx) => {
      await queueMail(tx.db, services, asker.workspace_id, {
        dedupeKey: `portal-no-access:${asker.contact_id}:${day}`,
        to: asker.contact_email,
        subject: `How to get into your onboarding portal for ${asker.project_name}`,
        text:
          `Hello ${asker.contact_name},\n\nYou asked for a sign-in link to the onboarding portal of ${asker.project_name}, ` +
          `but this address has not been given access yet.\n\nAsk ${whom}: we have let them know you asked. ` +
          `Once they invite you, you will get an email with your invitation.\n\nIf you did not ask, you can ignore this email.`,
      });
      for (const owner of owners) {
        await queueMail(tx.db, services, asker.workspace_id, {
          dedupeKey: `portal-no-access:${asker.contact_id}:${day}:${owner.email}`,
          to: owner.email,
          subject: `${asker.contact_name} asked to get into the portal of ${asker.project_name}`,
          text:
            `Hello ${owner.name},\n\n${asker.contact_name} (${asker.contact_email}) asked for a sign-in link to the portal of ` +
            `${asker.project_name}, but has no access. If they should have it, give it on the project page:\n` +
            `${services.config.publicUrl}/projects/${asker.project_id}`,
        });
      }
      await recordEvents(tx, [
        {
          projectId: asker.project_id,
          kind: 'portal_access_asked',
          toValue: `${asker.contact_name} asked for a sign-in link without access`,
          reason: owners.length > 0 ? `told ${owners.map((o) => o.name).join(', ')}` : 'nobody to tell: the project has no manager and the workspace no admin',
        },
      ]);
    });
  }
}

/** Opens a portal session for a contact; a preview session (a member looking as the contact) is short and read-only. */
async function startSession(services: Services, workspaceId: string, contactId: string, preview?: { memberId: string }) {
  const token = randomToken('lfc');
  const now = services.now();
  await repo.insertSession(services.database.db, {
    workspaceId,
    contactId,
    tokenHash: hashToken(token),
    previewMemberId: preview?.memberId ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + (preview ? PREVIEW_LIFETIME_MS : services.config.sessionAbsoluteMs)),
  });
  return token;
}

const unusableLink = (link: { spentAt: Date | null }) =>
  conflict(
    link.spentAt
      ? 'This sign-in link has already been used. Ask for a new one: it arrives in a minute.'
      : 'This sign-in link has expired (links work for 15 minutes). Ask for a new one.',
  );

/** What the page of a sign-in link shows before the click: whose portal it opens, or why it no longer can. Spends nothing. */
export async function signInLinkInfo(services: Services, token: string) {
  const link = await repo.findLink(services.database.db, hashToken(token));
  if (!link) throw notFound('sign-in link');
  if (link.spentAt || link.expiresAt <= services.now()) throw unusableLink(link);
  return { workspaceId: link.workspaceId };
}

/** The person's click on a sign-in link (a POST): spends the link and opens a session. */
export async function redeemLink(services: Services, token: string) {
  const now = services.now();
  const tokenHash = hashToken(token);
  const link = await repo.spendLink(services.database.db, tokenHash, now);
  if (!link) {
    const known = await repo.findLink(services.database.db, tokenHash);
    if (!known) throw notFound('sign-in link');
    throw unusableLink(known);
  }
  return { sessionToken: await startSession(services, link.workspaceId, link.contactId), projectId: link.projectId };
}

/** The 6-digit code from the email, typed on the invitation page (or after "email me a link"). */
export async function redeemCode(
  services: Services,
  input: { code: string; inviteToken?: string | undefined; email?: string | undefined },
  ip: string,
) {
  const keys = [{ key: `portal-code:ip:${ip}`, limit: CODE_TRIES_PER_IP }];
  await assertNotThrottled(services, keys, LINK_WINDOW_MS, 'Too many wrong codes.');
  const db = services.database.db;
  const now = services.now();
  let candidates: { workspaceId: string; contactIds: string[] }[];
  if (input.inviteToken) {
    const found = await usableInvitation(services, input.inviteToken);
    candidates = [{ workspaceId: found.access.workspaceId, contactIds: [found.access.contactId] }];
  } else if (input.email) {
    const byWorkspace = new Map<string, string[]>();
    for (const row of await repo.accessesByEmail(db, input.email)) {
      byWorkspace.set(row.access.workspaceId, [...(byWorkspace.get(row.access.workspaceId) ?? []), row.access.contactId]);
    }
    candidates = [...byWorkspace].map(([workspaceId, contactIds]) => ({ workspaceId, contactIds }));
  } else {
    throw invalid('Say which invitation or email address the code belongs to.', { path: ['body', 'email'] });
  }
  const links = (await Promise.all(candidates.map((c) => repo.openLinksOf(db, c.workspaceId, c.contactIds, now)))).flat();
  const match = links.find((link) => link.codeHash === hashToken(`${link.tokenHash}:${input.code}`));
  if (!match) {
    await recordThrottleEvent(services, keys.map((k) => k.key));
    for (const link of links) await repo.countWrongCode(db, link.workspaceId, link.id, now);
    throw invalid('That code is not right, or it has expired. Check the latest email, or ask for a new code.', { path: ['body', 'code'] });
  }
  const spent = await repo.spendLinkById(db, match.workspaceId, match.id, now);
  if (!spent) throw conflict('That code has just been used. Ask for a new one.');
  return { sessionToken: await startSession(services, spent.workspaceId, spent.contactId), projectId: spent.projectId };
}

/** A member looking at the portal as one of the project's contacts: a short, read-only session. */
export function startPreviewSession(services: Services, workspaceId: string, contactId: string, memberId: string) {
  return startSession(services, workspaceId, contactId, { memberId });
}

/** The contact behind a portal cookie, or undefined when it is unknown, revoked, idle too long, too old, or the person has left. */
export async function contactFromPortalSession(services: Services, token: string): Promise<ContactActor | undefined> {
  const db = services.database.db;
  const found = await repo.findSession(db, hashToken(token));
  if (!found || found.session.revokedAt || found.contactLeftOn) return undefined;
  const { session } = found;
  const now = services.now();
  if (session.expiresAt <= now) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > services.config.sessionIdleMs) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, session.workspaceId, session.id, now);
  return {
    kind: 'contact',
    workspaceId: session.workspaceId,
    contactId: session.contactId,
    sessionId: session.id,
    preview: session.previewMemberId !== null,
    name: found.contactName,
  };
}

export async function signOutOfPortal(services: Services, token: string | undefined) {
  if (token) await repo.revokeSession(services.database.db, hashToken(token), services.now());
}
