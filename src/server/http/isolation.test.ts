import { addTimeOff } from '../modules/capacity/capacity.service.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/api-tokens/api-tokens.service.ts';
import { listCadences } from '../modules/cadences/cadences.service.ts';
import { listJourneys } from '../modules/journeys/journeys.service.ts';
import { listPlaybooks } from '../modules/playbooks/playbooks.service.ts';
import { askHandoffQuestion } from '../modules/handoffs/handoffs.service.ts';
import { receiveDeal } from '../modules/intake/intake.service.ts';
import { createProject } from '../modules/projects/projects.service.ts';
import { addContact, updateContact } from '../modules/contacts/contacts.service.ts';
import { accountPeople } from '../modules/people/people.service.ts';
import { saveEscalationSettings } from '../modules/escalation/escalation.service.ts';
import { inviteMember } from '../modules/members/members.service.ts';
import { attachFile } from '../modules/projects/deliverables.service.ts';
import { listQuestionnaires } from '../modules/readiness/questionnaires.service.ts';
import { getProjectReadiness, saveAnswers, startAssessment, submitAssessment, vendorAuthor } from '../modules/readiness/readiness.service.ts';
import { addOrganization } from '../modules/organizations/organizations.service.ts';
import { addMetric, addOutcome, recordActual } from '../modules/success-plans/success-plans.service.ts';
import { httpClient, makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../test/harness.ts';
import { projectWithContact, signInAsContact } from '../test/portal.ts';
import { seedAcademyFor } from '../modules/academy/testing/academy-seed.ts';
import { createProduct } from '../modules/products/products.service.ts';
import { previewUpload } from '../modules/imports/imports.service.ts';
import { createEndpoint } from '../modules/webhooks/webhooks.service.ts';
import { saveSsoSettings } from '../modules/sso/sso.service.ts';
import { createScimToken } from '../modules/scim/provisioning.service.ts';
import { createCalendarFeed } from '../modules/calendars/calendars.service.ts';

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
    'success-outcomes': idsOfA.outcome,
    'success-metrics': idsOfA.metric,
    'metric-actuals': idsOfA.actual,
    questionnaires: idsOfA.questionnaire,
    'readiness-assessments': idsOfA.assessment,
    'project-risks': idsOfA.risk,
    courses: idsOfA.course,
    paths: idsOfA.path,
    rules: idsOfA.rule,
    enrolments: idsOfA.enrolment,
    webinars: idsOfA.webinar,
    releases: idsOfA.release,
    journeys: idsOfA.journey,
    products: idsOfA.product,
    imports: idsOfA.import,
    'webhook-endpoints': idsOfA.webhookEndpoint,
    'webhook-deliveries': idsOfA.webhookDelivery,
    tokens: idsOfA.scimToken,
    Users: idsOfA.scimUser,
    Groups: idsOfA.scimGroup,
    'calendar-feeds': idsOfA.calendarFeed,
    meetings: idsOfA.task,
    // PUT /slack/channels/:scope/:id: the id is a project's (scope = project).
    scope: idsOfA.project,
  };
  return collection ? byCollection[collection] : undefined;
};

// Path parameters other than :id, by name.
const idForParam = (name: string): string | undefined =>
  ({ taskId: idsOfA.task, riskId: idsOfA.accountRisk, contactId: idsOfA.contact, fileId: idsOfA.file, projectId: idsOfA.project, role: 'onboarding_manager', lessonId: idsOfA.lesson, scope: 'project', timeOffId: idsOfA.timeOff })[name];

const fillIds = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? idFor(url) : idForParam(name)) ?? `:${name}`);

// A valid body for each route that takes one, so that validation passes and the lookup is what answers.
const bodies: Record<string, unknown> = {
  'PATCH /api/v1/accounts/:id': { name: 'Stolen' },
  'PATCH /api/v1/members/:id/capacity': { weeklyHours: 1 },
  'POST /api/v1/members/:id/time-off': { startsOn: '2026-05-04', endsOn: '2026-05-08' },
  'PATCH /api/v1/projects/:id': { day0: '2026-01-05' },
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
  'POST /api/v1/projects/:id/portal/access': { contactId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/projects/:id/portal/preview': { contactId: '00000000-0000-4000-8000-000000000000' },
  'PUT /api/v1/projects/:id/tasks/:taskId/form': { fields: null },
  'POST /api/v1/projects/:id/tasks/:taskId/sign-off-requests': {},
  'PUT /api/v1/cadences/:id': { name: 'Hijacked', steps: [] },
  'POST /api/v1/cadences/:id/archive': { archived: true },
  'POST /api/v1/cadences/:id/pause': { paused: true },
  'PATCH /api/v1/journeys/:id': { name: 'Hijacked' },
  'PUT /api/v1/projects/:id/cadence': { cadenceId: null },
  'PUT /api/v1/projects/:id/success-plan': { goals: ['Stolen'] },
  'POST /api/v1/projects/:id/success-outcomes': { statement: 'Stolen' },
  'PATCH /api/v1/success-outcomes/:id': { statement: 'Stolen' },
  'POST /api/v1/success-outcomes/:id/metrics': { name: 'Stolen', direction: 'increase', baseline: 0, target: 1, targetDate: '2026-06-30' },
  'POST /api/v1/success-outcomes/:id/verification-request': {},
  'PATCH /api/v1/success-metrics/:id': { target: 2 },
  'POST /api/v1/success-metrics/:id/actuals': { value: 1, measuredOn: '2026-03-01' },
  'PUT /api/v1/readiness/questionnaires/:id': {
    name: 'Hijacked',
    questions: [{ key: 'a', area: 'people', type: 'yes_no', weight: 1, text: 'A?' }],
  },
  'POST /api/v1/readiness/questionnaires/:id/archive': { archived: true },
  'POST /api/v1/projects/:id/readiness/assessments': {},
  'POST /api/v1/projects/:id/readiness/override': { reason: 'Because' },
  'PATCH /api/v1/readiness-assessments/:id/answers': { answers: {} },
  'POST /api/v1/readiness-assessments/:id/send': { contactId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/project-risks/:id/resolve': { reason: 'Because' },
  'POST /api/v1/projects/:id/tasks': {
    title: 'Sneaky',
    stage: 'design',
    owner: { side: 'vendor', role: 'csm' },
    durationDays: 1,
  },
  'POST /api/v1/projects/:id/tasks/bulk': { order: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/v1/projects/:id/tasks/bulk-update': { taskIds: ['00000000-0000-4000-8000-000000000000'], set: { status: 'done' } },
  'POST /api/v1/projects/:id/pause': { reason: 'Stolen' },
  'POST /api/v1/accounts/:id/risks/:riskId/successor': { contactId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/accounts/:id/risks/:riskId/resolve': { reason: 'Because' },
  'POST /api/v1/projects/:id/resume': {},
  'POST /api/v1/projects/:id/close': { outcome: 'cancelled', reason: 'Stolen' },
  'POST /api/v1/projects/:id/reopen': {},
  'POST /api/v1/imports/:id/preview': { mapping: { email: 'email', name: 'name', account_domain: 'account_domain' } },
  'PUT /api/v1/projects/:id/assignments/:role': { memberId: '00000000-0000-4000-8000-000000000000' },
  'PATCH /api/v1/academy/courses/:id': { title: 'Stolen' },
  'POST /api/v1/academy/courses/:id/archive': { archived: true },
  'POST /api/v1/academy/courses/:id/lessons': { title: 'Sneaky', content: { kind: 'markdown', body: 'x' } },
  'PATCH /api/v1/academy/courses/:id/lessons/:lessonId': { title: 'Stolen' },
  'PUT /api/v1/academy/courses/:id/lesson-order': { lessonIds: ['00000000-0000-4000-8000-000000000000'] },
  'PUT /api/v1/academy/paths/:id': { title: 'Hijacked', courses: [{ courseId: '00000000-0000-4000-8000-000000000000', kind: 'core' }] },
  'POST /api/v1/academy/paths/:id/archive': { archived: true },
  'PATCH /api/v1/academy/rules/:id': { name: 'Hijacked' },
  'POST /api/v1/academy/enrolments/:id/withdraw': {},
  'PATCH /api/v1/academy/webinars/:id': { title: 'Hijacked' },
  'POST /api/v1/academy/webinars/:id/invitations': { contactIds: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/v1/academy/webinars/:id/attendance': { attendedContactIds: [] },
  'POST /api/v1/academy/webinars/:id/recording': { recordingUrl: 'https://video.example.com/r' },
  'PATCH /api/v1/products/:id': { description: 'Stolen' },
  'POST /api/v1/products/:id/archive': { archived: true },
  'POST /api/v1/accounts/:id/products': { product: 'Core Platform', mode: 'users_only' },
  'POST /api/v1/accounts/:id/organization-onboardings': { name: 'Shadow team', type: 'department', users: 5, mode: 'users_only' },
  'POST /api/v1/accounts/:id/usage': { metric: 'weekly_active', value: 1 },
  'PATCH /api/v1/webhook-endpoints/:id': { description: 'Stolen' },
  'POST /api/v1/webhook-endpoints/:id/rotate-secret': { overlapHours: 1 },
  'POST /api/v1/webhook-endpoints/:id/test': {},
  'POST /api/v1/webhook-deliveries/:id/replay': {},
  'PUT /api/v1/slack/channels/:scope/:id': { channelId: 'C0123ABCD' },
  'POST /api/v1/calendar/meetings/:id/invitation': { startsAt: '2026-03-05T14:00:00Z', contactIds: ['00000000-0000-4000-8000-000000000000'] },
};

// Routes that take no workspace id: a token (the secret is the scope), nothing, a webhook that names its
// workspace and proves it with that workspace's signature (intake.test.ts refuses a forged one), or reference
// data that is the same for everyone (public holidays by country).
const withoutWorkspaceIds = (url: string) => !url.includes(':') || url.includes(':token') || url.includes(':workspaceId') || url.includes(':country');

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
  await saveEscalationSettings(a.admin.ctx, { enabled: true, steps: [{ overdueDays: 3, action: 'tell_champion', enabled: true }] });
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
  const author = { side: 'vendor' as const, memberId: a.admin.id, name: 'Ada Admin' };
  const outcome = (await addOutcome(a.admin.ctx, author, project.id, { statement: 'Fewer tickets' })).outcomes[0]!;
  const metric = (
    await addMetric(a.admin.ctx, author, outcome.id, { name: 'Tickets', unit: '', direction: 'decrease', baseline: 10, target: 5, targetDate: '2026-06-30', owner: null })
  ).outcomes[0]!.metrics[0]!;
  const actual = (await recordActual(a.admin.ctx, author, metric.id, { value: 8, measuredOn: '2026-03-01' })).outcomes[0]!.metrics[0]!.actuals[0]!;
  // A submitted assessment that is not ready: its project has an open readiness risk.
  const assessment = await startAssessment(a.admin.ctx, project.id, {});
  const notReady = Object.fromEntries(
    assessment.questions.map((q) => [q.key, q.type === 'yes_no' ? false : q.type === 'scale' ? 1 : q.type === 'multiple_choice' ? [] : q.type === 'text' ? 'No' : q.choices.at(-1)!.label]),
  );
  await saveAnswers(a.admin.ctx, assessment.id, notReady, await vendorAuthor(a.admin.ctx));
  await submitAssessment(a.admin.ctx, assessment.id, await vendorAuthor(a.admin.ctx));
  Object.assign(idsOfA, await seedAcademyFor(a.admin.ctx, account.id, contact.id));
  // A sponsor who left: the account has an open turnover risk.
  const sponsor = await addContact(a.admin.ctx, account.id, { name: 'Rita', email: 'rita@acme.test', role: 'executive_sponsor' });
  await updateContact(a.admin.ctx, sponsor.id, { leftOn: '2026-03-01' });
  idsOfA.accountRisk = (await accountPeople(a.admin.ctx, account.id)).risks[0]!.id;
  await saveSsoSettings(a.admin.ctx, {
    protocol: 'oidc', enabled: false, displayName: 'A’s Okta', slug: 'workspace-a', oidcIssuer: 'https://a.okta.test', oidcClientId: 'a-client',
    oidcClientSecret: 'a-secret', samlIdpEntityId: null, samlIdpSsoUrl: null, samlIdpCertificate: null, allowedDomains: ['a.test'],
    jitProvisioning: true, defaultRole: 'csm', groupsClaim: 'groups', roleMappings: [], passwordSignIn: true,
  });
  idsOfA.timeOff = (await addTimeOff(a.admin.ctx, a.admin.id, { startsOn: '2026-05-04', endsOn: '2026-05-08' })).id;
  idsOfA.import = (await previewUpload(a.admin.ctx, { kind: 'contacts', fileName: 'people.csv', bytes: Buffer.from('email,name,account_domain\nx@acme.test,X,acme.test\n'), keep: true })).import.id;
  const webhookEndpoint = await createEndpoint(a.admin.ctx, { url: 'https://93.184.215.14/hook', eventTypes: ['project.created'] });
  await createProject(a.admin.ctx, { accountId: account.id, playbookId: playbook!.id });
  const identityProviderOfA = httpClient(env.app, { authorization: `Bearer ${(await createScimToken(a.admin.ctx, { name: 'IdP of A' })).token}` });
  Object.assign(idsOfA, {
    scimToken: (await createScimToken(a.admin.ctx, { name: 'Spare' })).id,
    scimUser: (await identityProviderOfA.post('/scim/v2/Users', { userName: 'scim.user@acme.test' })).body.id,
    scimGroup: (await identityProviderOfA.post('/scim/v2/Groups', { displayName: 'Admins of A' })).body.id,
  });
  Object.assign(idsOfA, {
    webhookEndpoint: webhookEndpoint.id,
    webhookDelivery: (await env.services.database.query<{ id: string }>('select id from webhook_deliveries where workspace_id = $1 limit 1', [a.workspace.id]))[0]!.id,
    questionnaire: (await listQuestionnaires(a.admin.ctx))[0]!.id,
    assessment: assessment.id,
    risk: (await getProjectReadiness(a.admin.ctx, project.id)).risk!.id,
    outcome: outcome.id,
    metric: metric.id,
    actual: actual.id,
    account: account.id,
    product: (await createProduct(a.admin.ctx, { name: 'Core Platform', description: null, modules: [], needsImplementation: true, playbookId: null, enablement: [], stages: [] })).id,
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
    journey: (await listJourneys(a.admin.ctx))[0]!.id,
    file: (await attachFile(a.admin.ctx, project.id, project.tasks[0]!.id, { name: 'notes.txt', bytes: Buffer.from('hello'), fieldKey: null })).id,
    calendarFeed: (await createCalendarFeed(a.admin.ctx, { scope: 'project', projectId: project.id })).id,
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
      const url = fillIds(route.url);
      expect(url, `${route.method} ${route.url}: say which id this route takes in isolation.test.ts`).not.toContain(':');
      const response = await api.request(route.method, url, bodies[`${route.method} ${route.url}`]);
      expect(response.status, `${route.method} ${route.url} → ${response.status} ${JSON.stringify(response.body)}`).toBe(404);
    }
  });

  it('answers 404 to every SCIM route called with another workspace’s SCIM token and ids', async () => {
    const b = await makeWorkspace(env.services, 'Workspace B');
    const identityProvider = httpClient(env.app, { authorization: `Bearer ${(await createScimToken(b.admin.ctx, { name: 'IdP of B' })).token}` });
    const scimBodies: Record<string, unknown> = {
      'PUT /scim/v2/Users/:id': { userName: 'stolen@evil.test' },
      'PATCH /scim/v2/Users/:id': { Operations: [{ op: 'replace', value: { active: false } }] },
      'PUT /scim/v2/Groups/:id': { displayName: 'Stolen' },
      'PATCH /scim/v2/Groups/:id': { Operations: [{ op: 'replace', value: { displayName: 'Stolen' } }] },
    };
    const routes = env.app.landfallRoutes.filter((route) => route.url.startsWith('/scim/v2/') && route.url.includes(':id'));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      const response = await identityProvider.request(route.method, fillIds(route.url), scimBodies[`${route.method} ${route.url}`]);
      expect(response.status, `${route.method} ${route.url} → ${response.status} ${JSON.stringify(response.body)}`).toBe(404);
    }
  });

  it('answers 404 to a project started as a copy of another workspace’s project, and starts nothing', async () => {
    const b = await makeWorkspace(env.services, 'Workspace D');
    const api = await signedInClient(env, b.admin);
    const account = await makeAccount(b.admin.ctx);
    const copy = await api.post('/api/v1/projects', { accountId: account.id, source: 'project', sourceProjectId: idsOfA.project });
    expect(copy.status, JSON.stringify(copy.body)).toBe(404);
    // Nor with A's account or A's playbook under B's own project.
    expect((await api.post('/api/v1/projects', { accountId: idsOfA.account, source: 'blank' })).status).toBe(404);
    expect((await api.post('/api/v1/projects', { accountId: account.id, playbookId: idsOfA.playbook })).status).toBe(404);
    expect((await api.get('/api/v1/projects?status=all')).body).toEqual([]);
  });

  it('answers 404 to a contact of another workspace on every academy portal route, and shows them none of its learning', async () => {
    const b = await makeWorkspace(env.services, 'Workspace D');
    const { project, contact } = await projectWithContact(b.admin.ctx);
    const { client } = await signInAsContact(env, b.admin.ctx, project.id, contact);
    const portalBodies: Record<string, unknown> = {
      'POST /api/portal/v1/academy/lessons/:lessonId/progress': { status: 'completed' },
      'POST /api/portal/v1/academy/lessons/:lessonId/quiz-attempts': { answers: [[0]] },
      'POST /api/portal/v1/academy/lessons/:lessonId/scorm/commit': { 'cmi.core.lesson_status': 'passed' },
      'POST /api/portal/v1/academy/courses/:id/feedback': { rating: 5 },
    };
    const routes = env.app.landfallRoutes.filter((route) => (route.url.startsWith('/api/portal/v1/academy') || route.url.startsWith('/portal/academy')) && route.url.includes(':'));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      const url = route.url.replace('/*', '/index.html').replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? (route.url.includes('webinars') ? idsOfA.webinar : idsOfA.course) : name === 'fileId' ? idsOfA.academyFile : idForParam(name)) ?? `:${name}`);
      expect(url, `${route.method} ${route.url}: say which id this route takes`).not.toContain(':');
      const response = await client.request(route.method, url, portalBodies[`${route.method} ${route.url}`]);
      expect(response.status, `${route.method} ${route.url} → ${response.status} ${JSON.stringify(response.body)}`).toBe(404);
    }
    // Nor any of its people: saying one of them left is a 404, and the colleagues are B's own.
    expect((await client.post(`/api/portal/v1/colleagues/${idsOfA.contact}/left`, {})).status).toBe(404);
    expect((await client.get('/api/portal/v1/colleagues')).body.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    const learning = (await client.get('/api/portal/v1/academy')).body;
    expect(learning.paths).toEqual([]);
    expect(learning.certificates).toEqual([]);
    expect((await client.get('/api/portal/v1/academy/certificates')).body).toEqual([]);
  });

  it('lists nothing of another workspace', async () => {
    const b = await makeWorkspace(env.services, 'Workspace C');
    const api = await signedInClient(env, b.admin);
    expect((await api.get('/api/v1/accounts?status=all')).body.total).toBe(0);
    expect((await api.get('/api/v1/members')).body.map((member: { id: string }) => member.id)).toEqual([b.admin.id]);
    expect((await api.get('/api/v1/invites')).body).toEqual([]);
    expect((await api.get('/api/v1/api-tokens')).body).toEqual([]);
    expect((await api.get('/api/v1/webhook-endpoints')).body).toEqual([]);
    expect((await api.get('/api/v1/webhook-deliveries')).body).toEqual([]);
    expect((await api.get('/api/v1/audit-log')).body.entries.every((entry: { summary: string }) => !entry.summary.includes('Ada Admin'))).toBe(true);
    expect((await api.get('/api/v1/sso-settings')).body).toMatchObject({ configured: false, oidcIssuer: null, allowedDomains: [] });
    expect((await api.get('/api/v1/accounts/facets')).body).toEqual({ industries: [], products: [] });
    expect((await api.get('/api/v1/projects?status=all')).body).toEqual([]);
    expect((await api.get('/api/v1/insight/dashboard')).body.projects).toEqual({ active: 0, closed: 0 });
    // Another workspace's ladder is not this one's: a workspace without settings sees the default.
    expect((await api.get('/api/v1/escalation/settings')).body.steps).toHaveLength(5);
  });
});
