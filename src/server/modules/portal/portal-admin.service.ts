import { fileTypeFromBuffer } from 'file-type';
import { describeActivity } from '../../../core/portal/activity.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { contactOf } from '../contacts/contacts.service.ts';
import { projectHeadline } from '../projects/projects.service.ts';
import { getProject } from '../projects/projects.service.ts';
import { startPreviewSession } from './portal-auth.service.ts';
import * as authRepo from './portal-auth.repo.ts';
import * as repo from './portal.repo.ts';
import { actorOf, recordEvents } from '../history/history.service.ts';
import type { PortalSettingsInput } from '../../../contract/portal.ts';

/** The vendor's view of a project's portal: who has access and when they came, what they did, on-time customer work, CSAT. */
export async function portalOverview(ctx: Ctx, projectId: string) {
  const project = await getProject(ctx, projectId);
  const access = await repo.accessList(ctx.db, ctx.workspaceId, projectId, project.accountId);
  const activity = await repo.portalActivity(ctx.db, ctx.workspaceId, projectId, 200);
  const ratings = await repo.ratingsOfProject(ctx.db, ctx.workspaceId, projectId);
  const now = ctx.services.now();
  const titles = new Map(project.tasks.map((task) => [task.id, task.title]));

  const customerTasks = project.tasks.filter((task) => task.owner.side === 'customer');
  const done = customerTasks.filter((task) => task.status === 'done' && task.actualFinish);
  const onTime = done.filter((task) => !task.baselineFinish || task.actualFinish! <= task.baselineFinish);
  const overdue = customerTasks.filter(
    (task) => task.status !== 'done' && task.status !== 'skipped' && task.baselineFinish && task.baselineFinish < project.today,
  );
  return {
    contacts: access.map(({ contact, access }) => ({
      contactId: contact.id,
      name: contact.name,
      email: contact.email,
      role: contact.role,
      leftOn: contact.leftOn,
      access: access
        ? {
            state: (access.revokedAt ? 'revoked' : access.lastVisitAt ? 'active' : access.inviteExpiresAt <= now ? 'invitation_expired' : 'invited') as
              | 'revoked'
              | 'active'
              | 'invitation_expired'
              | 'invited',
            invitedAt: access.invitedAt.toISOString(),
            invitedBy: access.invitedByName,
            lastVisitAt: access.lastVisitAt?.toISOString() ?? null,
            revokedAt: access.revokedAt?.toISOString() ?? null,
          }
        : null,
    })),
    activity: activity.flatMap((event) => {
      const what = describeActivity({ ...event, taskTitle: event.taskId ? (titles.get(event.taskId) ?? null) : null });
      if (what === null) return [];
      return [
        {
          id: event.id,
          at: event.createdAt.toISOString(),
          actorName: event.actorName,
          fromCustomer: event.actorContactId !== null,
          kind: event.kind,
          taskId: event.taskId,
          what,
          reason: event.reason,
        },
      ];
    }),
    customerTasks: { total: customerTasks.length, done: done.length, onTime: onTime.length, late: done.length - onTime.length, overdue: overdue.length },
    csat: {
      average: ratings.length ? Math.round((ratings.reduce((sum, r) => sum + r.score, 0) / ratings.length) * 10) / 10 : null,
      answers: ratings.map((r) => ({
        milestoneTaskId: r.taskId,
        milestone: r.milestone,
        contactName: r.contactName,
        score: r.score,
        comment: r.comment,
        at: r.updatedAt.toISOString(),
      })),
    },
  };
}

export async function revokeAccess(ctx: Ctx, projectId: string, contactId: string) {
  return inTransaction(ctx, async (tx) => {
    const now = tx.services.now();
    const row = await repo.revokeAccess(tx.db, tx.workspaceId, projectId, contactId, now);
    if (!row) throw notFound('portal access');
    // Signed out everywhere once no project of theirs is left open to them.
    if ((await repo.projectsOfContact(tx.db, tx.workspaceId, contactId)).length === 0) {
      await authRepo.revokeSessionsOfContact(tx.db, tx.workspaceId, contactId, now);
    }
    const contactName = (await contactOf(tx, contactId))?.name ?? 'a contact';
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId, ...(actorOf(tx)), kind: 'portal_revoked', toValue: `removed ${contactName}'s portal access`, createdAt: now },
    ]);
  });
}

/** Opens the portal as a contact sees it, read-only, for the member asking. */
export async function previewAs(ctx: Ctx, projectId: string, contactId: string) {
  if (ctx.actor.kind !== 'member') throw forbidden('The preview opens in a browser: sign in as a member to use it.');
  const access = await repo.findLiveAccess(ctx.db, ctx.workspaceId, projectId, contactId);
  if (!(await projectHeadline(ctx, projectId))) throw notFound('project');
  if (!access) throw conflict('Give this contact portal access first: the preview shows what they see.', { path: ['body', 'contactId'] });
  const token = await startPreviewSession(ctx.services, ctx.workspaceId, contactId, ctx.actor.memberId);
  return { token, redirectTo: `/portal/projects/${projectId}` };
}

export async function portalSettings(ctx: Ctx) {
  const settings = (await repo.findSettings(ctx.db, ctx.workspaceId))!;
  return {
    brandColor: settings.brandColor,
    hasLogo: settings.hasLogo,
    welcomeMessage: settings.welcomeMessage,
    allowColleagueInvites: settings.allowColleagueInvites,
  };
}

export async function savePortalSettings(ctx: Ctx, input: PortalSettingsInput) {
  await repo.saveSettings(ctx.db, ctx.workspaceId, input, ctx.services.now());
  return portalSettings(ctx);
}

const LOGO_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };

/** A logo for the portal: PNG, JPEG, WebP or GIF up to 512 kB (never SVG: it can carry script). */
export async function saveLogo(ctx: Ctx, bytes: Buffer) {
  if (bytes.length > 512 * 1024) throw invalid('logo: at most 512 kB', { path: ['body', 'logo'] });
  const type = await fileTypeFromBuffer(bytes);
  const mime = type ? LOGO_TYPES[type.ext] : undefined;
  if (!mime) throw invalid('logo: upload a PNG, JPEG, WebP or GIF image', { path: ['body', 'logo'] });
  await repo.saveSettings(ctx.db, ctx.workspaceId, { logo: bytes, logoType: mime }, ctx.services.now());
  return portalSettings(ctx);
}

export async function removeLogo(ctx: Ctx) {
  await repo.saveSettings(ctx.db, ctx.workspaceId, { logo: null, logoType: null }, ctx.services.now());
  return portalSettings(ctx);
}
