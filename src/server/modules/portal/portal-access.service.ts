import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { lockProjectRow, lockProjectRows } from '../projects/projects.service.ts';
import { newInvitation } from './portal-auth.service.ts';
import * as authRepo from './portal-auth.repo.ts';
import * as repo from './portal.repo.ts';
import { brandingSettings } from '../branding/branding.service.ts';
import { actorOf, recordEvents } from '../history/history.service.ts';
import { contactOf, contactsOfAccount } from '../contacts/contacts.service.ts';

/** Grants a contact access to a project's portal (a new one, or again) and emails them the invitation. */
export async function grantAccess(ctx: Ctx, projectId: string, contactId: string, why?: string) {
  return inTransaction(ctx, async (tx) => {
    const project = await lockProjectRow(tx, projectId);
    if (!project) throw notFound('project');
    const contact = await contactOf(tx, contactId);
    if (!contact || contact.accountId !== project.accountId) throw invalid('contactId: is not a contact of this project\'s account', { path: ['body', 'contactId'] });
    if (contact.leftOn) throw conflict(`${contact.name} has left the company (${contact.leftOn}): they cannot be given access.`, { path: ['body', 'contactId'] });
    const who_ = actorOf(tx);
    const invitation = newInvitation(tx.services);
    const access = await authRepo.upsertAccess(tx.db, {
      workspaceId: tx.workspaceId,
      projectId,
      contactId,
      inviteTokenHash: invitation.tokenHash,
      invitedByName: who_.actorName,
      now: invitation.now,
      expiresAt: invitation.expiresAt,
    });
    const settings = await brandingSettings(tx.db, tx.workspaceId);
    await queueMail(tx.db, tx.services, tx.workspaceId, {
      dedupeKey: `portal-invite:${access.id}:${invitation.now.getTime()}`,
      to: contact.email,
      subject: `${who_.actorName} invited you to your onboarding portal: ${project.name}`,
      text:
        `Hello ${contact.name},\n\n${who_.actorName} (${settings.workspaceName}) invited you to the portal of ${project.name}: ` +
        `the plan, your tasks, files and sign-offs in one place, with no password to remember.\n\n` +
        (why ? `${why}\n\n` : '') +
        `Open your invitation:\n${invitation.url}\n\nIt sends you a one-time sign-in link each time you need one. It works for 30 days.`,
      credentials: [{ label: 'invitation link', value: invitation.url }],
    });
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId, ...who_, kind: 'portal_invited', toValue: `invited ${contact.name} to the portal`, createdAt: invitation.now },
    ]);
    return { contactId, inviteUrl: invitation.url, invitedAt: invitation.now.toISOString() };
  });
}

/**
 * Asks a contact to do something in the portal (fill in an assessment, confirm an outcome): by email, with a
 * link to the project; a contact without access yet is given it, and the invitation says why.
 */
export async function askInPortal(ctx: Ctx, projectId: string, contactId: string, ask: { subject: string; text: string }) {
  if (!(await repo.findLiveAccess(ctx.db, ctx.workspaceId, projectId, contactId))) {
    await grantAccess(ctx, projectId, contactId, ask.text);
    return;
  }
  const contact = (await contactOf(ctx, contactId))!;
  const now = ctx.services.now();
  await queueMail(ctx.db, ctx.services, ctx.workspaceId, {
    dedupeKey: `portal-ask:${projectId}:${contactId}:${now.getTime()}`,
    to: contact.email,
    subject: ask.subject,
    text: `Hello ${contact.name},\n\n${ask.text}\n\nOpen your portal: ${ctx.services.config.publicUrl}/portal/projects/${projectId}\n(If you are not signed in, it emails you a sign-in link.)`,
  });
}

/**
 * A project has started: its
 * contacts in these roles (the champion and the admin unless the workspace says otherwise) get access now, so
 * every portal link of the welcome and the cadence after it opens for them (the portal emails a sign-in link to
 * an address with access). No invitation of its own: the welcome is the first
 * email, and a second one the same minute would compete with it.
 */
export async function grantAccessAtStart(ctx: Ctx, projectId: string, roles: readonly string[]) {
  const project = await lockProjectRow(ctx, projectId);
  if (!project || roles.length === 0) return;
  const contacts = (await contactsOfAccount(ctx, project.accountId, 'current')).filter((contact) => roles.includes(contact.role));
  await grantAccessWithWelcome(ctx, contacts.map((contact) => ({ projectId, contact })), new Set([projectId]));
}

/**
 * Portal access for people starting a user onboarding journey, each on their account's project (current contacts of
 * that account, as the caller knows them): as grantAccessAtStart for one person, for many at once.
 */
export async function grantAccessToStarters(ctx: Ctx, grants: { projectId: string; contact: { id: string; name: string } }[]) {
  const locked = await lockProjectRows(ctx, [...new Set(grants.map((grant) => grant.projectId))]);
  await grantAccessWithWelcome(ctx, grants, new Set(locked.map((project) => project.id)));
}

/** Those without live access get it (no invitation email: the welcome is the first), with a history line each. */
async function grantAccessWithWelcome(ctx: Ctx, grants: { projectId: string; contact: { id: string; name: string } }[], projects: Set<string>) {
  const wanted = grants.filter((grant) => projects.has(grant.projectId));
  const live = await repo.liveAccessPairs(ctx.db, ctx.workspaceId, [...projects], wanted.map((grant) => grant.contact.id));
  const granting = [...new Map(wanted.filter((g) => !live.has(`${g.projectId}:${g.contact.id}`)).map((g) => [`${g.projectId}:${g.contact.id}`, g])).values()];
  if (granting.length === 0) return;
  const who_ = actorOf(ctx);
  const invitations = granting.map(() => newInvitation(ctx.services));
  await authRepo.upsertAccesses(
    ctx.db,
    granting.map(({ projectId, contact }, i) => ({
      workspaceId: ctx.workspaceId,
      projectId,
      contactId: contact.id,
      inviteTokenHash: invitations[i]!.tokenHash,
      invitedByName: who_.actorName,
      now: invitations[i]!.now,
      expiresAt: invitations[i]!.expiresAt,
    })),
  );
  await recordEvents(
    ctx,
    granting.map(({ projectId, contact }, i) => ({ projectId, ...who_, kind: 'portal_invited', toValue: `gave ${contact.name} portal access with the welcome`, createdAt: invitations[i]!.now })),
  );
}
