import { readFileSync } from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import type { DemoAdmin } from './demo-admin.ts';
import { contextFor, type Services } from '../context.ts';
import { projects } from '../db/schema.ts';
import { listContacts } from '../modules/contacts/contacts.repo.ts';
import { grantAccess } from '../modules/portal/portal-access.service.ts';
import { saveLogo, savePortalSettings } from '../modules/portal/portal-admin.service.ts';
import { decideApproval, portalComment, portalProject, rateMilestone } from '../modules/portal/portal.service.ts';
import { requestSignOff } from '../modules/projects/deliverables.service.ts';
import { assignProjectRole } from '../modules/projects/owners.service.ts';

/**
 * The demo's portal: the champions of the newest active projects have access, have visited, rated the
 * milestones already reached and asked a question, so the vendor's Portal tab shows what real use looks like.
 */
export async function seedDemoPortal(services: Services, workspaceId: string, admin: DemoAdmin): Promise<void> {
  const vendor = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  // Northwind's look: its logo and teal, in the portal, the executive summaries and their PDFs.
  await savePortalSettings(vendor, { brandColor: '#0f766e' });
  await saveLogo(vendor, readFileSync(new URL('./assets/northwind-logo.png', import.meta.url)));
  const rows = await services.database.db
    .select({ id: projects.id, accountId: projects.accountId })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.status, 'active')))
    .orderBy(desc(projects.day0))
    .limit(4);
  for (const [index, project] of rows.entries()) {
    const contacts = await listContacts(services.database.db, workspaceId, project.accountId, 'current');
    const champion = contacts.find((c) => c.role === 'champion') ?? contacts[0];
    if (!champion) continue;
    // The demo admin manages these projects, so their My work shows the customers' replies, mentions and sign-offs.
    await assignProjectRole(vendor, project.id, 'onboarding_manager', admin.id);
    await grantAccess(vendor, project.id, champion.id);
    if (index === rows.length - 1) continue; // one invitation not opened yet
    const customer = {
      ...contextFor(services, { kind: 'contact', workspaceId, contactId: champion.id, sessionId: 'demo', preview: false, name: champion.name }),
      actor: { kind: 'contact' as const, workspaceId, contactId: champion.id, sessionId: 'demo', preview: false, name: champion.name },
    };
    const view = await portalProject(customer, project.id);
    for (const milestone of view.milestones.filter((m) => m.reachedOn).slice(0, 2)) {
      await rateMilestone(customer, project.id, milestone.taskId, {
        score: index === 1 ? 3 : 5,
        comment: index === 1 ? 'Good, but the kickoff agenda came late.' : 'Clear plan, great team.',
      });
    }
    // The team submitted a deliverable for sign-off; on the second project the customer asked for changes first.
    const deliverable = view.tasks.find((t) => t.signOff === 'not_ready' && t.status !== 'not_started') ?? view.tasks.find((t) => t.signOff === 'not_ready');
    if (deliverable) {
      await requestSignOff(vendor, project.id, deliverable.id, 'Ready for your review: the design reflects the kickoff decisions.');
      if (index === 1) {
        await decideApproval(customer, project.id, deliverable.id, { decision: 'rejected', signedName: champion.name, comment: 'Please add our SSO flow to the diagram.' }, '203.0.113.24');
      }
    }
    const question = view.tasks.find((t) => t.side === 'customer' && t.status !== 'done');
    if (question && view.people[0]) {
      await portalComment(customer, project.id, question.id, `@${view.people[0].name} who on our side should own this?`);
    }
  }
}
