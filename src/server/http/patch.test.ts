import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../core/calendar.ts';
import { addContact } from '../modules/contacts/contacts.service.ts';
import { addOrganization } from '../modules/organizations/organizations.service.ts';
import { sendAssessment, startAssessment } from '../modules/readiness/readiness.service.ts';
import { addMetric, addOutcome } from '../modules/success-plans/success-plans.service.ts';
import { signInAsContact, projectWithContact } from '../test/portal.ts';
import { seedAcademyFor } from '../modules/academy/testing/academy-seed.ts';
import { keyRing, seal } from '../security/sealed.ts';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../test/harness.ts';

/**
 * A PATCH changes only what it names: each PATCH route is sent one field, and everything else it shows reads the
 * same after. The account that lost its value, owners, currency and stage to the create schema's defaults is here.
 * A new PATCH route fails the last test until it has a case.
 */

interface Case {
  /** The request, with what it changes. */
  url: string;
  body: Record<string, unknown>;
  /** What the resource looks like, read back (a GET). */
  read: () => Promise<Record<string, unknown>>;
  /** Keys the change may move besides the one sent and updatedAt. */
  moves?: string[];
}

let env: TestEnv;
let cases: Record<string, Case>;

const answerFor = (q: { type: string; choices?: { label: string }[] }, first: boolean) =>
  q.type === 'yes_no' ? first : q.type === 'scale' ? (first ? 5 : 1) : q.type === 'multiple_choice' ? [q.choices![first ? 0 : 1]!.label] : q.type === 'text' ? (first ? 'Yes' : 'No') : q.choices![first ? 0 : 1]!.label;

beforeAll(async () => {
  env = await startTestEnv();
  const { workspace, admin } = await makeWorkspace(env.services, 'Patchwork');
  const api: HttpClient = await signedInClient(env, admin);
  const csm = await makeMember(env.services, workspace.id, 'csm', 'Cleo Csm');
  const account = await makeAccount(admin.ctx, {
    contractValue: 250_000,
    currency: 'EUR',
    laerStage: 'expand',
    owners: [{ role: 'csm', memberId: csm.id }],
    renewalOn: '2027-02-16',
  });
  const contact = await addContact(admin.ctx, account.id, { name: 'Carol', email: 'carol@acme.test', role: 'champion', title: 'VP Ops', joinedOn: '2026-01-05' });
  const organization = await addOrganization(admin.ctx, account.id, { name: 'Finance', kind: 'new_implementation', startedOn: '2026-02-01' });
  const { project, contact: champion } = await projectWithContact(admin.ctx);
  const task = project.tasks[0]!;
  const author = { side: 'vendor' as const, memberId: admin.id, name: 'Ada Admin' };
  const outcome = (await addOutcome(admin.ctx, author, project.id, { statement: 'Fewer tickets' })).outcomes[0]!;
  const metric = (
    await addMetric(admin.ctx, author, outcome.id, { name: 'Tickets', unit: 'a week', direction: 'decrease', baseline: 10, target: 5, targetDate: '2026-06-30', owner: { kind: 'member', id: csm.id } })
  ).outcomes[0]!.metrics[0]!;
  const assessment = await startAssessment(admin.ctx, project.id, {});
  await sendAssessment(admin.ctx, assessment.id, champion.id);
  const [first, second] = assessment.questions;
  await api.patch(`/api/v1/readiness-assessments/${assessment.id}/answers`, { answers: { [first!.key]: answerFor(first!, true), [second!.key]: answerFor(second!, true) } });
  const portal = (await signInAsContact(env, admin.ctx, project.id, champion)).client;
  await api.patch('/api/v1/intake/settings', { salesforceOrganizationId: '00D000000000001', hubspotClientSecret: 'hubspot-secret' });
  // A connected Slack (as PUT /slack leaves it after auth.test): slack.test.ts connects through a local Slack.
  const keys = keyRing(env.services.config);
  await env.services.database.query(
    `insert into slack_connections (workspace_id, bot_token, signing_secret, team_id, team_name, channel_per, routes) values ($1, $2, $3, 'T0', 'Patchwork HQ', 'project', '{"milestone.reached":["own"]}')`,
    [workspace.id, seal(keys, 'xoxb-1-2-3'), seal(keys, 'a'.repeat(32))],
  );

  const plan = async () => (await api.get(`/api/v1/projects/${project.id}/success-plan`)).body;
  const academy = await seedAcademyFor(admin.ctx, account.id, contact.id);
  const product = (await api.post('/api/v1/products', { name: 'Core Platform', modules: ['Ledger', 'Reports'], stages: [{ key: 'basic', name: 'Basic' }] })).body;
  await api.post('/api/v1/products', { name: 'Analytics', needsImplementation: false });
  await api.patch(`/api/v1/academy/courses/${academy.course}`, { modules: ['Reports'], estimatedMinutes: 20, product: 'Core Platform' });
  const journey = (await api.get('/api/v1/journeys')).body[0] as { id: string };
  // A public address literal: the SSRF guard needs no DNS for it.
  const webhook = (await api.post('/api/v1/webhook-endpoints', { url: 'https://93.184.215.14/hook', description: 'CRM', eventTypes: ['project.created'] })).body as { id: string };
  cases = {
    'PATCH /api/v1/webhook-endpoints/:id': {
      url: `/api/v1/webhook-endpoints/${webhook.id}`,
      body: { description: 'CRM sync' },
      read: async () => (await api.get('/api/v1/webhook-endpoints')).body.find((e: { id: string }) => e.id === webhook.id),
    },
    'PATCH /api/v1/journeys/:id': { url: `/api/v1/journeys/${journey.id}`, body: { stallDays: 12 }, read: async () => (await api.get(`/api/v1/journeys/${journey.id}`)).body },
    'PATCH /api/v1/academy/courses/:id': { url: `/api/v1/academy/courses/${academy.course}`, body: { summary: 'Start here' }, read: async () => (await api.get(`/api/v1/academy/courses/${academy.course}`)).body },
    'PATCH /api/v1/academy/courses/:id/lessons/:lessonId': {
      url: `/api/v1/academy/courses/${academy.course}/lessons/${academy.lesson}`,
      body: { title: 'The guide' },
      read: async () => (await api.get(`/api/v1/academy/courses/${academy.course}`)).body.lessons[0],
    },
    'PATCH /api/v1/academy/rules/:id': {
      url: `/api/v1/academy/rules/${academy.rule}`,
      body: { name: 'Workspace admins' },
      read: async () => (await api.get('/api/v1/academy/rules')).body.find((r: { id: string }) => r.id === academy.rule),
    },
    'PATCH /api/v1/academy/webinars/:id': {
      url: `/api/v1/academy/webinars/${academy.webinar}`,
      body: { capacity: 80 },
      read: async () => without((await api.get(`/api/v1/academy/webinars/${academy.webinar}`)).body, []),
    },
    'PATCH /api/v1/products/:id': {
      url: `/api/v1/products/${product.id}`,
      body: { description: 'The ledger and its reports' },
      read: async () => (await api.get(`/api/v1/products/${product.id}`)).body,
    },
    'PATCH /api/v1/organization-rule': { url: '/api/v1/organization-rule', body: { separateFromUsers: 80 }, read: async () => (await api.get('/api/v1/organization-rule')).body },
    'PATCH /api/v1/health/model': { url: '/api/v1/health/model', body: { kind: 'worst_of' }, read: async () => (await api.get('/api/v1/health/model')).body, moves: ['isDefault'] },
    'PATCH /api/v1/workspace': { url: '/api/v1/workspace', body: { name: 'Patchwork Ltd' }, read: async () => (await api.get('/api/v1/workspace')).body },
    'PATCH /api/v1/members/:id': {
      url: `/api/v1/members/${csm.id}`,
      body: { name: 'Cleo Renamed' },
      read: async () => (await api.get('/api/v1/members')).body.find((m: { id: string }) => m.id === csm.id),
    },
    'PATCH /api/v1/accounts/:id': {
      url: `/api/v1/accounts/${account.id}`,
      body: { products: ['Core Platform', 'Analytics'] },
      read: async () => (await api.get(`/api/v1/accounts/${account.id}`)).body,
    },
    'PATCH /api/v1/contacts/:id': { url: `/api/v1/contacts/${contact.id}`, body: { title: 'COO' }, read: async () => (await api.get(`/api/v1/contacts/${contact.id}`)).body },
    'PATCH /api/v1/organizations/:id': {
      url: `/api/v1/organizations/${organization.id}`,
      body: { name: 'Finance EMEA' },
      read: async () => (await api.get(`/api/v1/organizations/${organization.id}`)).body,
    },
    'PATCH /api/v1/tasks/:id': { url: `/api/v1/tasks/${task.id}`, body: { title: 'Agree the goals' }, read: async () => (await api.get(`/api/v1/projects/${project.id}`)).body.tasks.find((t: { id: string }) => t.id === task.id) },
    'PATCH /api/v1/projects/:id': {
      url: `/api/v1/projects/${project.id}`,
      body: { day0: addCalendarDays(project.day0, 7) },
      read: async () => (await api.get(`/api/v1/projects/${project.id}`)).body,
      // A new day 0 re-plans: the dates of work not started, and what follows from them.
      moves: ['tasks', 'milestones', 'criticalPath', 'baselineGoLive', 'projectedGoLive', 'baselineEnd', 'projectedEnd', 'health', 'delayDays', 'stage', 'stageName'],
    },
    'PATCH /api/v1/intake/settings': {
      url: '/api/v1/intake/settings',
      body: { salesforceOrganizationId: '00D000000000002' },
      read: async () => (await api.get('/api/v1/intake/settings')).body,
    },
    'PATCH /api/v1/slack': { url: '/api/v1/slack', body: { channelPer: 'account' }, read: async () => (await api.get('/api/v1/slack')).body },
    'PATCH /api/v1/members/:id/capacity': {
      url: `/api/v1/members/${admin.id}/capacity`,
      body: { weeklyHours: 36 },
      read: async () => (await api.get(`/api/v1/members/${admin.id}/capacity`)).body,
    },
    'PATCH /api/v1/insight/settings': { url: '/api/v1/insight/settings', body: { vendorIndustry: 'HR software' }, read: async () => (await api.get('/api/v1/insight/settings')).body },
    'PATCH /api/v1/success-outcomes/:id': {
      url: `/api/v1/success-outcomes/${outcome.id}`,
      body: { statement: 'Half the tickets' },
      read: async () => (await plan()).outcomes.find((o: { id: string }) => o.id === outcome.id),
    },
    'PATCH /api/v1/success-metrics/:id': {
      url: `/api/v1/success-metrics/${metric.id}`,
      body: { target: 4 },
      read: async () => (await plan()).outcomes[0].metrics.find((m: { id: string }) => m.id === metric.id),
    },
    'PATCH /api/v1/readiness-assessments/:id/answers': {
      url: `/api/v1/readiness-assessments/${assessment.id}/answers`,
      body: { answers: { [first!.key]: answerFor(first!, false) } },
      read: async () => (await api.get(`/api/v1/readiness-assessments/${assessment.id}`)).body,
      moves: ['score', 'areas'],
    },
    'PATCH /api/portal/v1/projects/:projectId/readiness/:assessmentId/answers': {
      url: `/api/portal/v1/projects/${project.id}/readiness/${assessment.id}/answers`,
      body: { answers: { [second!.key]: answerFor(second!, false) } },
      read: async () => (await portal.get(`/api/portal/v1/projects/${project.id}/readiness/${assessment.id}`)).body,
      moves: ['score', 'areas'],
    },
  };
  // The portal's own route is called with the portal's session.
  for (const [route, c] of Object.entries(cases)) if (route.includes('/api/portal/')) Object.assign(c, { client: portal });
  Object.assign(cases, Object.fromEntries(Object.entries(cases).map(([route, c]) => [route, { client: api, ...c }])));
});
afterAll(() => env.close());

/** Every key of a resource but those named. */
function without(resource: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(Object.entries(resource).filter(([key]) => !keys.includes(key)));
}

describe('a PATCH', () => {
  it('changes only the field it names, on every PATCH route', async () => {
    for (const [route, c] of Object.entries(cases) as [string, Case & { client: HttpClient }][]) {
      const before = await c.read();
      expect(before?.status, `${route}: read before ${JSON.stringify(before)}`).not.toBeTypeOf('number');
      const response = await c.client.patch(c.url, c.body);
      expect(response.status, `${route} → ${JSON.stringify(response.body)}`).toBe(200);
      const after = await c.read();
      const [field] = Object.keys(c.body);
      if (field === 'answers') {
        const [key, value] = Object.entries(c.body.answers as Record<string, unknown>)[0]!;
        expect((after.answers as Record<string, { value: unknown }>)[key]?.value, route).toEqual(value);
        expect(without(after.answers as Record<string, unknown>, [key]), `${route}: the other answers`).toEqual(without(before.answers as Record<string, unknown>, [key]));
      } else {
        expect(after[field!], route).toEqual(c.body[field!]);
      }
      const moves = [field!, 'updatedAt', ...(c.moves ?? [])];
      expect(without(after, moves), `${route}: what it did not name`).toEqual(without(before, moves));
    }
  });

  it('refuses an empty patch with a 400, not a 500', async () => {
    for (const [route, c] of Object.entries(cases) as [string, Case & { client: HttpClient }][]) {
      if (route.endsWith('/answers') || route.endsWith('/intake/settings')) continue; // an empty set of answers or settings is a no-op
      const response = await c.client.patch(c.url, {});
      expect(response.status, `${route} {} → ${JSON.stringify(response.body)}`).toBe(400);
    }
  });

  it('has a case for every PATCH route', () => {
    // SCIM's PATCH is RFC 7644's list of operations, not a merge of named fields: modules/scim/scim.test.ts and
    // core/scim/scim.test.ts check that it changes only what its operations name, and nothing when one is refused.
    const routes = env.app.landfallRoutes.filter((r) => r.method === 'PATCH' && !r.url.startsWith('/scim/v2/')).map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((route) => !cases[route])).toEqual([]);
  });
});
