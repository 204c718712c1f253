// The workspace's branding, for every page that wears it: the portal (and its invitations and sign-in links),
// executive summaries and their PDFs. The portal's settings page writes it (portal-admin.service).
import { markOnWhite, textOn } from '../../../core/charts/contrast.ts';
import type { Ctx, Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import * as repo from './branding.repo.ts';

export type BrandingSettings = NonNullable<Awaited<ReturnType<typeof repo.findSettings>>>;

/** The workspace's portal settings and branding (defaults where none were saved). */
export async function brandingSettings(db: Db, workspaceId: string): Promise<BrandingSettings> {
  return (await repo.findSettings(db, workspaceId))!;
}

/** How the portal looks for a workspace: its name, colour, logo and welcome. */
export function brandingOf(workspaceId: string, settings: BrandingSettings) {
  return {
    workspaceName: settings.workspaceName,
    brandColor: settings.brandColor,
    brandTextColor: textOn(settings.brandColor).color,
    logoUrl: settings.hasLogo ? `/api/portal/v1/branding/${workspaceId}/logo?v=${settings.updatedAt?.getTime() ?? 0}` : null,
    welcomeMessage: settings.welcomeMessage,
  };
}

export async function brandingFor(db: Db, workspaceId: string) {
  return brandingOf(workspaceId, await brandingSettings(db, workspaceId));
}

/** The branding an executive summary wears: name, colour (and the shade of it that reads on white) and logo. */
export async function workspaceBranding(ctx: Ctx) {
  const branding = await brandingFor(ctx.db, ctx.workspaceId);
  return {
    workspaceName: branding.workspaceName,
    brandColor: branding.brandColor,
    brandTextColor: branding.brandTextColor,
    brandMarkColor: markOnWhite(branding.brandColor),
    logoUrl: branding.logoUrl,
  };
}

/** The workspace's logo: its bytes, type and version. */
export function logoOf(services: Services, workspaceId: string) {
  return repo.findLogo(services.database.db, workspaceId);
}
