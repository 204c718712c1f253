// Provisioning in the demo: Okta connected by SCIM a few weeks ago, three groups mapped to roles, four people
// provisioned, and one of them deactivated this week whose project and open tasks now need a new owner.
import { and, asc, eq } from 'drizzle-orm';
import { contextFor, systemActor, type Services } from '../context.ts';
import { projects, projectTasks } from '../db/schema.ts';
import { createScimToken, recordScimActivity, saveRoleMappings } from '../modules/scim/provisioning.service.ts';
import { createGroup, createUser, patchUser } from '../modules/scim/scim.service.ts';
import type { DemoAdmin } from './demo-admin.ts';

const PEOPLE = [
  { given: 'Noor', family: 'Haddad', group: 'Landfall Onboarding' },
  { given: 'Tomás', family: 'Ibarra', group: 'Landfall Onboarding' },
  { given: 'Mei', family: 'Tanaka', group: 'Landfall CSMs' },
  { given: 'Ruth', family: 'Okafor', group: 'Landfall Admins' },
];

export async function seedDemoProvisioning(services: Services, workspaceId: string, admin: DemoAdmin): Promise<void> {
  const vendor = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const idp = contextFor(services, systemActor(workspaceId, 'scim'));
  const log = (method: string, path: string, status: number, summary: string) => recordScimActivity(services, workspaceId, { method, path, status, summary });
  await createScimToken(vendor, { name: 'Okta' });
  await saveRoleMappings(vendor, [
    { groupName: 'Landfall Admins', role: 'admin' },
    { groupName: 'Landfall Onboarding', role: 'onboarding_manager' },
    { groupName: 'Landfall CSMs', role: 'csm' },
  ]);
  const users = [];
  for (const person of PEOPLE) {
    const email = `${person.given.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${person.family.toLowerCase()}@northwind.example`;
    const user = await createUser(idp, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: email,
      name: { givenName: person.given, familyName: person.family },
      emails: [{ primary: true, type: 'work', value: email }],
      active: true,
      externalId: `00u${users.length + 1}demo`,
    });
    await log('POST', '/scim/v2/Users', 201, `Created ${user.userName}`);
    users.push({ ...person, id: user.id });
  }
  for (const group of ['Landfall Admins', 'Landfall Onboarding', 'Landfall CSMs']) {
    const members = users.filter((u) => u.group === group).map((u) => ({ value: u.id }));
    await createGroup(idp, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: group, members });
    await log('POST', '/scim/v2/Groups', 201, `Created group ${group} with ${members.length} member${members.length === 1 ? '' : 's'}`);
  }
  // Noor managed a running project and had work on it when Okta deactivated her.
  const leaver = users[0]!;
  const [project] = await services.database.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.status, 'active'), eq(projects.finished, false)))
    .orderBy(asc(projects.name))
    .limit(1);
  if (project) {
    await services.database.db.update(projects).set({ onboardingManagerId: leaver.id }).where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, project.id)));
    const open = await services.database.db
      .select({ id: projectTasks.id })
      .from(projectTasks)
      .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.projectId, project.id), eq(projectTasks.ownerSide, 'vendor'), eq(projectTasks.status, 'not_started')))
      .orderBy(asc(projectTasks.position))
      .limit(2);
    for (const task of open) await services.database.db.update(projectTasks).set({ assigneeMemberId: leaver.id }).where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, task.id)));
  }
  await patchUser(idp, leaver.id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: { active: false } }] });
  await log('PATCH', `/scim/v2/Users/${leaver.id}`, 200, `Deactivated ${leaver.given} ${leaver.family}`);
  await log('PATCH', '/scim/v2/Users/00000000-0000-4000-8000-000000000000', 404, 'No User with id "00000000-0000-4000-8000-000000000000" exists here.');
}
