// Webhooks and the audit log in the demo: two endpoints (one healthy, one whose receiver has been failing since this
// morning, so the log shows retries), a month of deliveries, and a month of audit entries (sign-ins from the team's
// browsers, one failed attempt, a role change, a token, an export, a settings change). Receivers are on reserved
// domains (RFC 2606): nothing real is ever called.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Services } from '../context.ts';
import { members, projects } from '../db/schema.ts';
import { insertEntry } from '../audit/audit.repo.ts';
import { insertAttempt, insertDeliveries, insertEndpoint } from '../modules/webhooks/webhooks.repo.ts';
import { keyRing, seal } from '../security/sealed.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const BROWSERS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
];

export async function seedDemoIntegrations(services: Services, workspaceId: string): Promise<void> {
  const db = services.database.db;
  const now = services.now();
  const team = await db.select({ id: members.id, name: members.name, role: members.role, email: members.email }).from(members).where(and(eq(members.workspaceId, workspaceId), isNull(members.removedAt))).orderBy(asc(members.createdAt));
  const recent = await db.select({ id: projects.id, accountId: projects.accountId, name: projects.name }).from(projects).where(eq(projects.workspaceId, workspaceId)).orderBy(asc(projects.name)).limit(6);
  const admin = team[0]!;
  const keys = keyRing(services.config);
  const secret = () => seal(keys, `whsec_${randomBytes(24).toString('base64')}`);

  const crm = await insertEndpoint(db, {
    workspaceId,
    url: 'https://hooks.crm.example.com/landfall',
    description: 'CRM sync',
    eventTypes: ['project.created', 'milestone.reached', 'outcome.verified', 'contact.left', 'risk.raised'],
    secretSealed: secret(),
    createdAt: new Date(now.getTime() - 40 * DAY),
    updatedAt: new Date(now.getTime() - 40 * DAY),
  });
  const warehouse = await insertEndpoint(db, {
    workspaceId,
    url: 'https://ingest.warehouse.example.net/webhooks/landfall',
    description: 'Data warehouse',
    eventTypes: ['project.created', 'task.completed', 'milestone.reached', 'project.status_changed'],
    secretSealed: secret(),
    failingSince: new Date(now.getTime() - 7 * HOUR),
    createdAt: new Date(now.getTime() - 20 * DAY),
    updatedAt: new Date(now.getTime() - 20 * DAY),
  });

  // A month of deliveries: the CRM took every one; the warehouse answered 503 since this morning (retrying).
  for (const [index, project] of recent.entries()) {
    const at = new Date(now.getTime() - (index === 0 ? 6 * HOUR : (index * 4 + 1) * DAY));
    for (const endpoint of [crm, warehouse]) {
      const failing = endpoint === warehouse && index === 0;
      const eventType = index % 2 === 0 ? 'project.created' : 'milestone.reached';
      const payload = { type: eventType, timestamp: at.toISOString(), data: { workspaceId, projectId: project.id, accountId: project.accountId, ...(eventType === 'milestone.reached' ? { milestoneKind: 'go_live', taskKey: 'go-live' } : {}) } };
      const [row] = await insertDeliveries(db, [
        {
          workspaceId,
          endpointId: endpoint.id,
          messageId: `msg_${randomUUID().replaceAll('-', '')}`,
          eventType,
          payload,
          state: failing ? 'pending' : 'delivered',
          attempts: failing ? 3 : 1,
          lastStatus: failing ? 503 : 200,
          lastError: failing ? 'HTTP 503: Service Unavailable' : null,
          deliveredAt: failing ? null : new Date(at.getTime() + 400),
          nextAttemptAt: failing ? new Date(now.getTime() + 20 * 60_000) : at,
          createdAt: at,
          updatedAt: at,
        },
      ]);
      const tries = failing ? [0, 30_000, 150_000] : [0];
      for (const offset of tries) {
        await insertAttempt(db, { workspaceId, deliveryId: row!.id, at: new Date(at.getTime() + offset), status: failing ? 503 : 200, error: failing ? 'HTTP 503: Service Unavailable' : null, durationMs: failing ? 1200 : 180 + index * 20, trigger: 'delivery job' });
      }
    }
  }

  // A month of the audit log.
  const entry = (daysAgo: number, who: (typeof team)[number], change: { kind: string; summary: string; subjectType?: string; subjectId?: string; before?: unknown; after?: unknown }, browser = 0, ip = '203.0.113.24') =>
    insertEntry(db, {
      workspaceId,
      at: new Date(now.getTime() - daysAgo * DAY),
      actorKind: 'member',
      actorId: who.id,
      actorName: who.name,
      kind: change.kind,
      summary: change.summary,
      subjectType: change.subjectType ?? null,
      subjectId: change.subjectId ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
      ip,
      userAgent: BROWSERS[browser % BROWSERS.length]!,
    });
  for (const [index, member] of team.slice(0, 6).entries()) {
    for (const daysAgo of [28, 14, 3, 0.2]) await entry(daysAgo + index * 0.05, member, { kind: 'sign_in.succeeded', summary: `${member.name} signed in`, subjectType: 'member', subjectId: member.id }, index, `198.51.100.${10 + index}`);
  }
  const csm = team.find((member) => member.role === 'csm') ?? team[1]!;
  await entry(9, csm, { kind: 'sign_in.failed', summary: `Failed sign-in as ${csm.email}: wrong password`, subjectType: 'member', subjectId: csm.id }, 2, '192.0.2.77');
  await entry(40, admin, { kind: 'webhook_endpoint.created', summary: `Webhook endpoint added: ${crm.url}`, subjectType: 'webhook_endpoint', subjectId: crm.id, after: { url: crm.url, eventTypes: crm.eventTypes } });
  await entry(20, admin, { kind: 'webhook_endpoint.created', summary: `Webhook endpoint added: ${warehouse.url}`, subjectType: 'webhook_endpoint', subjectId: warehouse.id, after: { url: warehouse.url, eventTypes: warehouse.eventTypes } });
  await entry(18, admin, { kind: 'api_token.created', summary: 'API token "Salesforce sync" created (admin)', subjectType: 'api_token', subjectId: randomUUID(), after: { name: 'Salesforce sync', role: 'admin' } });
  const promoted = team.find((member) => member.role === 'onboarding_manager') ?? team[2]!;
  await entry(12, admin, { kind: 'member.role_changed', summary: `Role of ${promoted.name} changed from csm to onboarding_manager`, subjectType: 'member', subjectId: promoted.id, before: { role: 'csm' }, after: { role: 'onboarding_manager' } });
  await entry(6, admin, { kind: 'member.invited', summary: 'Invited new.hire@northwind.example as csm', subjectType: 'invite', subjectId: randomUUID(), after: { email: 'new.hire@northwind.example', role: 'csm' } });
  await entry(5, csm, { kind: 'export.downloaded', summary: 'Exported accounts to CSV', subjectType: 'export', subjectId: 'accounts', after: { filter: { status: 'active', segment: 'enterprise' } } }, 1);
  await entry(2, admin, { kind: 'workspace.settings_changed', summary: 'Workspace settings changed: holidays', subjectType: 'workspace', subjectId: workspaceId, before: { holidays: [] }, after: { holidays: ['2026-12-24', '2026-12-31'] } });
}
