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
import { brandingSettings } from '../branding/branding.service.ts';
import { actorOf, recordEvents } from '../history/history.service.ts';
import type { PortalSettingsInput } from '../../../contract/portal.ts';
import { textOn } from '../../../core/charts/contrast.ts';
import { recordAudit } from '../../audit/audit.ts';

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
  const settings = await brandingSettings(ctx.db, ctx.workspaceId);
  const text = textOn(settings.brandColor);
  return {
    brandColor: settings.brandColor,
    brandTextColor: text.color,
    brandContrastRatio: text.ratio,
    hasLogo: settings.hasLogo,
    welcomeMessage: settings.welcomeMessage,
    allowColleagueInvites: settings.allowColleagueInvites,
  };
}

/** Changes the portal's settings; the brand colour is the workspace's (the summary and its PDF use it too). Audited. */
export async function savePortalSettings(ctx: Ctx, input: PortalSettingsInput) {
  const before = await portalSettings(ctx);
  await inTransaction(ctx, async (tx) => {
    await repo.saveSettings(tx.db, tx.workspaceId, input, tx.services.now());
    const fields = (Object.keys(input) as (keyof PortalSettingsInput)[]).filter((field) => input[field] !== undefined && input[field] !== before[field]);
    if (fields.length === 0) return;
    await recordAudit(tx, {
      kind: 'workspace.settings_changed',
      summary: `Portal and branding settings changed: ${fields.join(', ')}`,
      subject: { type: 'workspace', id: tx.workspaceId },
      before: Object.fromEntries(fields.map((field) => [field, before[field]])),
      after: Object.fromEntries(fields.map((field) => [field, input[field]])),
    });
  });
  return portalSettings(ctx);
}

/** The logo types every place shows it can draw: the page, the portal and the PDF (pdfkit embeds PNG and JPEG only). */
const LOGO_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg' };
export const LOGO_MAX_BYTES = 512 * 1024;

/**
 * The workspace's logo, shown in the portal, the executive summary and its PDF: PNG or JPEG up to 512 kB, known by
 * its first bytes, not its name (never SVG: it can carry script). Audited.
 */
export async function saveLogo(ctx: Ctx, bytes: Buffer) {
  if (bytes.length > LOGO_MAX_BYTES) throw invalid('The logo is larger than 512 kB: make it smaller (a 400 × 120 PNG is plenty).', { path: ['body', 'file'] });
  const type = await fileTypeFromBuffer(bytes);
  const mime = type ? LOGO_TYPES[type.ext] : undefined;
  if (!mime) {
    const found = type ? `this file is ${type.ext.toUpperCase()}` : 'this file is not an image we recognise';
    throw invalid(`The logo must be a PNG or JPEG image (${found}).`, { path: ['body', 'file'] });
  }
  const had = (await portalSettings(ctx)).hasLogo;
  await inTransaction(ctx, async (tx) => {
    await repo.saveSettings(tx.db, tx.workspaceId, { logo: bytes, logoType: mime }, tx.services.now());
    await recordAudit(tx, {
      kind: 'workspace.settings_changed',
      summary: `Logo ${had ? 'replaced' : 'uploaded'} (${type!.ext.toUpperCase()}, ${Math.ceil(bytes.length / 1024)} kB)`,
      subject: { type: 'workspace', id: tx.workspaceId },
      before: { hasLogo: had },
      after: { hasLogo: true, logoType: mime, logoBytes: bytes.length },
    });
  });
  return portalSettings(ctx);
}

export async function removeLogo(ctx: Ctx) {
  const had = (await portalSettings(ctx)).hasLogo;
  await inTransaction(ctx, async (tx) => {
    await repo.saveSettings(tx.db, tx.workspaceId, { logo: null, logoType: null }, tx.services.now());
    if (had) {
      await recordAudit(tx, { kind: 'workspace.settings_changed', summary: 'Logo removed', subject: { type: 'workspace', id: tx.workspaceId }, before: { hasLogo: true }, after: { hasLogo: false } });
    }
  });
  return portalSettings(ctx);
}
