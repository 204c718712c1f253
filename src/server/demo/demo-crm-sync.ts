// CRM write-back in the demo: HubSpot is set up but paused (the demo never calls a real CRM), and the sync log
// shows a week of write-backs of the running projects (the deal, then its company), one of which HubSpot was too
// busy for at first.
import { and, asc, eq } from 'drizzle-orm';
import { hubspotCompanyProperties } from '../../core/integrations/crm.ts';
import type { Services } from '../context.ts';
import { crmSyncLog, crmSyncSettings, projects } from '../db/schema.ts';
import { keyRing, seal } from '../security/sealed.ts';

const HOUR = 3_600_000;

export async function seedDemoCrmSync(services: Services, workspaceId: string): Promise<void> {
  const db = services.database.db;
  const now = services.now();
  await db.insert(crmSyncSettings).values({
    workspaceId,
    provider: 'hubspot',
    enabled: 0,
    accessToken: seal(keyRing(services.config), 'pat-demo-not-a-real-token'),
    baseUrl: 'https://api.hubapi.com',
    updatedAt: now,
  });
  const running = await db
    .select({ id: projects.id, stage: projects.currentStage, health: projects.health, projectedEnd: projects.projectedEnd })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.status, 'active')))
    .orderBy(asc(projects.name))
    .limit(4);
  const rows = running.flatMap((project, index) => {
    const fields = {
      landfall_onboarding_stage: project.stage ?? '',
      landfall_projected_go_live: project.projectedEnd ?? '',
      landfall_health: project.health,
      landfall_status: 'active',
      landfall_value_achieved: '',
    };
    const objectId = String(18_700_230_000 + index * 137);
    const at = new Date(now.getTime() - (index * 30 + 5) * HOUR);
    const base = { workspaceId, projectId: project.id, provider: 'hubspot', object: 'deal', objectId, fields };
    const ok = { ...base, outcome: 'ok', error: null, reasons: ['A task was done', 'The plan changed'] };
    const company = {
      ...ok,
      object: 'company',
      objectId: String(9_412_880_000 + index * 53),
      fields: hubspotCompanyProperties({ healthBand: index === 2 ? 'amber' : 'green', healthScore: 81 - index * 9, valueAchievedPercent: null, renewalOn: null }),
    };
    if (index !== 1) return [{ ...ok, attempt: 1, at }, { ...company, attempt: 1, at }];
    const later = new Date(at.getTime() + 60_000);
    return [
      { ...base, outcome: 'retrying', error: 'The CRM answered 429: You have reached your secondly limit.', attempt: 1, reasons: ['A milestone was reached'], at },
      { ...ok, attempt: 2, reasons: ['A milestone was reached'], at: later },
      { ...company, attempt: 2, reasons: ['A milestone was reached'], at: later },
    ];
  });
  if (rows.length > 0) await db.insert(crmSyncLog).values(rows);
}
