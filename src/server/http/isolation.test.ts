import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/api-tokens/api-tokens.service.ts';
import { listCadences } from '../modules/cadences/cadences.service.ts';
import { listPlaybooks } from '../modules/playbooks/playbooks.service.ts';
import { askHandoffQuestion } from '../modules/handoffs/handoffs.service.ts';
import { receiveDeal } from '../modules/intake/intake.service.ts';
import { createProject } from '../modules/projects/projects.service.ts';
import { addContact } from '../modules/contacts/contacts.service.ts';
import { inviteMember } from '../modules/members/members.service.ts';
import { addOrganization } from '../modules/organizations/organizations.service.ts';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../test/harness.ts';

/**
 * A member of workspace B calls every /api/v1 route, enumerated from the router, with workspace A's ids,
 * and must get 404 every time. A new route with a path parameter fails here until it says which id it takes.
 */

let env: TestEnv;
const idsOfA: Record<string, string> = {};

// Which of workspace A's ids each path parameter takes, by the collection the route addresses.
const idFor = (url: string): string | undefined => {
  const collection = /([\w-]+)\/:id/.exec(url)?.[1];
  const byCollection: Record<string, string | undefined> = {
    accounts: idsOfA.account,
    contacts: idsOfA.contact,
    organizations: idsOfA.organization,
    members: idsOfA.member,
    invites: idsOfA.invite,
    'api-tokens': idsOfA.apiToken,
    playbooks: idsOfA.playbook,
    projects: idsOfA.project,
    tasks: idsOfA.task,
    deliveries: idsOfA.delivery,
    'handoff-questions': idsOfA.question,
    cadences: idsOfA.cadence,
    mail: idsOfA.mail,
  };
  return collection ? byCollection[collection] : undefined;
};

// A valid body for each route that takes one, so that validation passes and the lookup is what answers.
const bodies: Record<string, unknown> = {
  'PATCH /api/v1/accounts/:id': { name: 'Stolen' },
  'POST /api/v1/accounts/:id/contacts': { name: 'Eve', email: 'eve@evil.test', role: 'champion' },
  'POST /api/v1/accounts/:id/organizations': { name: 'Shadow team', kind: 'added_users' },
  'PATCH /api/v1/contacts/:id': { name: 'Eve' },
  'PATCH /api/v1/organizations/:id': { name: 'Shadow team' },
  'PATCH /api/v1/members/:id': { role: 'admin' },
  'PATCH /api/v1/tasks/:id': { status: 'done' },
  'PUT /api/v1/projects/:id/handoff': { why_they_bought: 'Stolen' },
  'POST /api/v1/projects/:id/handoff/questions': { text: 'Who are you?' },
  'POST /api/v1/handoff-questions/:id/answer': { answer: 'Nobody' },
  'PUT /api/v1/playbooks/:id': {
    name: 'Hijacked',
    touchModel: 'digital',
    targetDays: 30,
    selection: { segments: [], complexities: [], products: [] },
    stages: [{ key: 'design', name: 'Design' }],
    tasks: [{ key: 'only', title: 'Only task', stage: 'design', owner: { side: 'vendor', role: 'csm' }, durationDays: 1 }],
  },
  'POST /api/v1/tasks/:id/comments': { body: 'Hello' },
  'PUT /api/v1/cadences/:id': { name: 'Hijacked', steps: [] },
  'POST /api/v1/cadences/:id/archive': { archived: true },
  'PUT /api/v1/projects/:id/cadence': { cadenceId: null },
  'POST /api/v1/projects/:id/tasks': {
    title: 'Sneaky',
    stage: 'design',
    owner: { side: 'vendor', role: 'csm' },
    durationDays: 1,
  },
};

// Routes that take no workspace id: a token (the secret is the scope), nothing, or a webhook that names its
// workspace and proves it with that workspace's signature (intake.test.ts refuses a forged one).
const withoutWorkspaceIds = (url: string) => !url.includes(':') || url.includes(':token') || url.includes(':workspaceId');

beforeAll(async () => {
  env = await startTestEnv();
  const a = await makeWorkspace(env.services, 'Workspace A');
  const csmOfA = await makeMember(env.services, a.workspace.id, 'csm');
  const account = await makeAccount(a.admin.ctx);
  const organization = await addOrganization(a.admin.ctx, account.id, { name: 'Finance', kind: 'new_implementation' });
  const contact = await addContact(a.admin.ctx, account.id, { name: 'Carol', email: 'carol@acme.test', role: 'champion' });
  const invite = await inviteMember(a.admin.ctx, { email: 'newbie@vendor.test', role: 'csm' });
  const apiToken = await createApiToken(a.admin.ctx, { name: 'CRM', role: 'admin' });
  const [playbook] = await listPlaybooks(a.admin.ctx);
  const project = await createProject(a.admin.ctx, { accountId: account.id, playbookId: playbook!.id });
  const delivery = await receiveDeal(env.services, a.workspace.id, 'api', {
    dealId: 'deal-a',
    company: { name: 'Deal Co', industry: 'Retail', segment: 'smb', complexity: 'low' },
    products: [],
    contractValue: 1000,
    currency: 'USD',
    closedOn: '2026-03-02',
    contacts: [],
    salesRep: { email: 'nobody@vendor.test' },
  });
  Object.assign(idsOfA, {
    account: account.id,
    organization: organization.id,
    contact: contact.id,
    member: csmOfA.id,
    invite: invite.id,
    apiToken: apiToken.id,
    playbook: playbook!.id,
    project: project.id,
    task: project.tasks[0]!.id,
    delivery: delivery.deliveryId,
    question: (await askHandoffQuestion(a.admin.ctx, project.id, { text: 'Why did they buy?' })).questions[0]!.id,
    cadence: (await listCadences(a.admin.ctx))[0]!.id,
    mail: (await env.services.database.query<{ id: string }>('select id from mail_outbox where workspace_id = $1 limit 1', [a.workspace.id]))[0]!.id,
  });
});
afterAll(() => env.close());

describe('workspace isolation', () => {
  it('answers 404 to every route called with another workspace’s ids', async () => {
    const b = await makeWorkspace(env.services, 'Workspace B');
    const api = await signedInClient(env, b.admin);
    const routes = env.app.landfallRoutes.filter((route) => route.url.startsWith('/api/v1/') && !withoutWorkspaceIds(route.url));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const id = idFor(route.url);
      expect(id, `${route.method} ${route.url}: say which id this route takes in isolation.test.ts`).toBeDefined();
      const url = route.url.replace(':id', id!);
      const response = await api.request(route.method, url, bodies[`${route.method} ${route.url}`]);
      expect(response.status, `${route.method} ${route.url} → ${response.status} ${JSON.stringify(response.body)}`).toBe(404);
    }
  });

  it('lists nothing of another workspace', async () => {
    const b = await makeWorkspace(env.services, 'Workspace C');
    const api = await signedInClient(env, b.admin);
    expect((await api.get('/api/v1/accounts?status=all')).body.total).toBe(0);
    expect((await api.get('/api/v1/members')).body.map((member: { id: string }) => member.id)).toEqual([b.admin.id]);
    expect((await api.get('/api/v1/invites')).body).toEqual([]);
    expect((await api.get('/api/v1/api-tokens')).body).toEqual([]);
    expect((await api.get('/api/v1/accounts/facets')).body).toEqual({ industries: [], products: [] });
    expect((await api.get('/api/v1/projects?status=all')).body).toEqual([]);
  });
});
