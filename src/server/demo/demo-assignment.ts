// Who takes new projects in the demo: a team lead, rules by segment and region, one enterprise deal in Europe that no
// rule covers (so it waits, unassigned, and the lead was told), a project paused at the customer's request, and
// the finished onboarding closed as complete.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DemoAdmin } from './demo-admin.ts';
import { contextFor, type Services } from '../context.ts';
import { members, projects } from '../db/schema.ts';
import { saveAssignmentSettings } from '../modules/assignment/assignment.service.ts';
import { createAccount } from '../modules/accounts/accounts.service.ts';
import { addContact } from '../modules/contacts/contacts.service.ts';
import { closeProject, pauseProject } from '../modules/projects/lifecycle.service.ts';
import { createProject } from '../modules/projects/projects.service.ts';

export async function seedDemoAssignment(services: Services, workspaceId: string, admin: DemoAdmin): Promise<void> {
  const ctx = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const db = services.database.db;
  const team = await db.select({ id: members.id, name: members.name }).from(members).where(eq(members.workspaceId, workspaceId));
  const id = (name: string) => team.find((m) => m.name === name)!.id;
  await saveAssignmentSettings(ctx, {
    teamLeadId: id('Priya Raman'),
    portalRoles: ['champion', 'admin'],
    rules: [
      { name: 'SMB deals → least loaded', role: 'onboarding_manager', match: { segments: ['smb'], products: [], regions: [] }, strategy: 'least_loaded', memberIds: [id('Marco Alvarez'), id('Jordan Lee'), id('Priya Raman')] },
      { name: 'Mid-market in the Americas → in turn', role: 'onboarding_manager', match: { segments: ['mid_market'], products: [], regions: ['America'] }, strategy: 'round_robin', memberIds: [id('Jordan Lee'), id('Marco Alvarez')] },
      { name: 'Integrations → Sam', role: 'implementation_manager', match: { segments: ['mid_market', 'enterprise'], products: [], regions: [] }, strategy: 'least_loaded', memberIds: [id('Sam Okoro')] },
    ],
  });

  // An enterprise deal in Norway: no rule covers it, so it starts with nobody and Priya, the lead, was told.
  const today = services.now().toISOString().slice(0, 10);
  const fjord = await createAccount(ctx, {
    name: 'Fjordkraft Analytics',
    domain: 'fjordkraft.example',
    industry: 'Energy',
    segment: 'enterprise',
    complexity: 'high',
    contractValue: 240_000,
    currency: 'EUR',
    contractSignedOn: today,
    renewalOn: null,
    products: [],
    timezone: 'Europe/Oslo',
    laerStage: 'land',
    owners: [],
  });
  await addContact(ctx, fjord.id, { name: 'Ingrid Solberg', email: 'ingrid.solberg@fjordkraft.example', title: 'Head of Data', role: 'champion' });
  await addContact(ctx, fjord.id, { name: 'Lars Haugen', email: 'lars.haugen@fjordkraft.example', title: 'IT administrator', role: 'admin' });
  await createProject(ctx, { accountId: fjord.id });

  const open = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.status, 'active'), eq(projects.finished, false)))
    .orderBy(asc(projects.day0))
    .limit(1);
  if (open[0]) await pauseProject(ctx, open[0].id, 'The customer asked to pause: an IT freeze until their fiscal year closes on the 31st.');

  const finished = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.finished, true)))
    .orderBy(desc(projects.day0));
  for (const project of finished) await closeProject(ctx, project.id, { outcome: 'complete', reason: 'Live, outcomes verified by the customer, handed over to the CSM.' });
}
