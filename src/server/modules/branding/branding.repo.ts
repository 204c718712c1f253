// The workspace's branding as its customers and executives see it: name, colour, logo and the portal's welcome.
// Written by the portal's settings (portal.repo saveSettings); read here by every page that wears it — the portal,
// invitations and sign-in links, executive summaries and their PDFs.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { portalSettings, workspaces } from '../../db/schema.ts';

export async function findSettings(db: Db, workspaceId: string) {
  // Prepared: read by every portal page.
  const statement = prepared(db, 'portal_branding', (name) =>
    db
      .select({
        workspaceName: workspaces.name,
        brandColor: portalSettings.brandColor,
        hasLogo: sql<boolean>`${portalSettings.logo} is not null`,
        welcomeMessage: portalSettings.welcomeMessage,
        allowColleagueInvites: portalSettings.allowColleagueInvites,
        updatedAt: portalSettings.updatedAt,
      })
      .from(workspaces)
      .leftJoin(portalSettings, eq(portalSettings.workspaceId, workspaces.id))
      .where(eq(workspaces.id, sql.placeholder('workspaceId')))
      .prepare(name),
  );
  const [row] = await statement.execute({ workspaceId });
  return row
    ? {
        workspaceName: row.workspaceName,
        brandColor: row.brandColor ?? '#2563eb',
        hasLogo: row.hasLogo ?? false,
        welcomeMessage: row.welcomeMessage ?? null,
        allowColleagueInvites: row.allowColleagueInvites ?? true,
        updatedAt: row.updatedAt,
      }
    : undefined;
}

export async function findLogo(db: Db, workspaceId: string) {
  const [row] = await db
    .select({ logo: portalSettings.logo, logoType: portalSettings.logoType, updatedAt: portalSettings.updatedAt })
    .from(portalSettings)
    .where(eq(portalSettings.workspaceId, workspaceId));
  return row?.logo && row.logoType ? { bytes: row.logo, type: row.logoType, updatedAt: row.updatedAt } : undefined;
}
