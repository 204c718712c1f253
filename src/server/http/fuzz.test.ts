import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/api-tokens/api-tokens.service.ts';
import { createScimToken } from '../modules/scim/provisioning.service.ts';
import { listCadences } from '../modules/cadences/cadences.service.ts';
import { addContact } from '../modules/contacts/contacts.service.ts';
import { askHandoffQuestion } from '../modules/handoffs/handoffs.service.ts';
import { receiveDeal } from '../modules/intake/intake.service.ts';
import { inviteMember } from '../modules/members/members.service.ts';
import { addOrganization } from '../modules/organizations/organizations.service.ts';
import { listPlaybooks } from '../modules/playbooks/playbooks.service.ts';
import { attachFile } from '../modules/projects/deliverables.service.ts';
import { listQuestionnaires } from '../modules/readiness/questionnaires.service.ts';
import { sendAssessment, startAssessment } from '../modules/readiness/readiness.service.ts';
import { addMetric, addOutcome } from '../modules/success-plans/success-plans.service.ts';
import { httpClient, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../test/harness.ts';
import { projectWithContact, signInAsContact } from '../test/portal.ts';
import type { Ctx } from '../context.ts';
import { createEndpoint } from '../modules/webhooks/webhooks.service.ts';

/**
 * Garbage in, never a 5xx out. Every operation of the OpenAPI is called, signed in as an admin with real ids (and as
 * the customer for the portal's routes), with bad ids, bad queries and bad bodies built from its own schema: NUL,
 * huge strings, wrong types, deep nesting, arrays for objects, broken JSON and broken multipart. A new route is
 * covered without touching this test. The list of calls is fixed, so a failure reproduces.
 */

type Schema = { [key: string]: any };
interface Operation {
  method: string;
  /** As Fastify writes it: /api/v1/accounts/:id */
  url: string;
  query: [string, Schema][];
  json?: Schema;
}

let env: TestEnv;
let spec: Schema;
const ids: Record<string, string> = {};
let staff: () => Promise<HttpClient>;
let customer: () => Promise<HttpClient>;
let identityProvider: HttpClient;
let adminCtx: Ctx;

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
const NUL = 'a\u0000b';
const HUGE = 'x'.repeat(100_000);

beforeAll(async () => {
  // Webhooks go to a closed local port (refused at once): no call leaves the machine.
  env = await startTestEnv({ webhooks: { allowPrivate: true, httpsOnly: false } });
  const { workspace, admin } = await makeWorkspace(env.services, 'Fuzz');
  adminCtx = admin.ctx;
  const csm = await makeMember(env.services, workspace.id, 'csm');
  const { account, contact, project } = await projectWithContact(admin.ctx);
  const other = await addContact(admin.ctx, account.id, { name: 'Otto', email: 'otto@acme.test', role: 'end_user' });
  const author = { side: 'vendor' as const, memberId: admin.id, name: 'Ada Admin' };
  const outcome = (await addOutcome(admin.ctx, author, project.id, { statement: 'Fewer tickets' })).outcomes[0]!;
  const metric = (await addMetric(admin.ctx, author, outcome.id, { name: 'Tickets', unit: '', direction: 'decrease', baseline: 10, target: 5, targetDate: '2026-06-30', owner: null }))
    .outcomes[0]!.metrics[0]!;
  const assessment = await startAssessment(admin.ctx, project.id, {});
  await sendAssessment(admin.ctx, assessment.id, contact.id);
  const task = project.tasks.find((t) => t.customerVisible)!;
  const delivery = await receiveDeal(env.services, workspace.id, 'api', {
    dealId: 'deal-fuzz',
    company: { name: 'Deal Co', industry: 'Retail', segment: 'smb', complexity: 'low' },
    products: [],
    contractValue: 1000,
    currency: 'USD',
    closedOn: '2026-03-02',
    contacts: [],
    salesRep: { email: 'nobody@vendor.test' },
  });
  Object.assign(ids, {
    workspace: workspace.id,
    account: account.id,
    contact: other.id,
    organization: (await addOrganization(admin.ctx, account.id, { name: 'Finance', kind: 'new_implementation' })).id,
    member: csm.id,
    invite: (await inviteMember(admin.ctx, { email: 'newbie@vendor.test', role: 'csm' })).id,
    apiToken: (await createApiToken(admin.ctx, { name: 'CRM', role: 'admin' })).id,
    playbook: (await listPlaybooks(admin.ctx))[0]!.id,
    project: project.id,
    task: task.id,
    delivery: delivery.deliveryId,
    question: (await askHandoffQuestion(admin.ctx, project.id, { text: 'Why did they buy?' })).questions[0]!.id,
    cadence: (await listCadences(admin.ctx))[0]!.id,
    file: (await attachFile(admin.ctx, project.id, task.id, { name: 'notes.txt', bytes: Buffer.from('hello'), fieldKey: null })).id,
    outcome: outcome.id,
    metric: metric.id,
    questionnaire: (await listQuestionnaires(admin.ctx))[0]!.id,
    assessment: assessment.id,
    mail: (await env.services.database.query<{ id: string }>('select id from mail_outbox where workspace_id = $1 limit 1', [workspace.id]))[0]!.id,
    webhookEndpoint: (await createEndpoint(admin.ctx, { url: 'http://127.0.0.1:1/hook', eventTypes: ['project.created'] })).id,
  });
  await projectWithContact(admin.ctx);
  ids.webhookDelivery = (await env.services.database.query<{ id: string }>('select id from webhook_deliveries where workspace_id = $1 limit 1', [workspace.id]))[0]!.id;
  // A fresh staff session for each route; the customer signs in once, and the routes that sign out go last.
  staff = () => signedInClient(env, admin);
  const portal = (await signInAsContact(env, admin.ctx, project.id, contact)).client;
  customer = async () => portal;
  // SCIM routes (/scim/v2) take the workspace's SCIM token, and a User and a Group of its own.
  identityProvider = httpClient(env.app, { authorization: `Bearer ${(await createScimToken(admin.ctx, { name: 'Fuzz IdP' })).token}` });
  Object.assign(ids, {
    scimToken: (await createScimToken(admin.ctx, { name: 'Spare' })).id,
    scimUser: (await identityProvider.post('/scim/v2/Users', { userName: 'fuzz.user@acme.test' })).body.id,
    scimGroup: (await identityProvider.post('/scim/v2/Groups', { displayName: 'Fuzzers' })).body.id,
  });
  spec = env.app.swagger() as Schema;
});
afterAll(() => env.close());

/** A real id for a path parameter or an id-like field, by its name and the collection before it. */
function realId(name: string, url = ''): string {
  const byName: Record<string, string | undefined> = {
    projectId: ids.project,
    taskId: ids.task,
    fileId: ids.file,
    contactId: ids.contact,
    memberId: ids.member,
    assessmentId: ids.assessment,
    metricId: ids.metric,
    outcomeId: ids.outcome,
    workspaceId: ids.workspace,
    organizationId: ids.organization,
    questionnaireId: ids.questionnaire,
    playbookId: ids.playbook,
    accountId: ids.account,
    cadenceId: ids.cadence,
    executiveSponsorContactId: ids.contact,
  };
  if (name !== 'id') return byName[name] ?? ZERO_UUID;
  const collection = /([\w-]+)\/:id/.exec(url)?.[1] ?? '';
  const byCollection: Record<string, string | undefined> = {
    accounts: ids.account,
    contacts: ids.contact,
    organizations: ids.organization,
    members: ids.member,
    invites: ids.invite,
    'api-tokens': ids.apiToken,
    playbooks: ids.playbook,
    projects: ids.project,
    tasks: ids.task,
    deliveries: ids.delivery,
    'handoff-questions': ids.question,
    cadences: ids.cadence,
    mail: ids.mail,
    'success-outcomes': ids.outcome,
    'success-metrics': ids.metric,
    questionnaires: ids.questionnaire,
    'readiness-assessments': ids.assessment,
    'webhook-endpoints': ids.webhookEndpoint,
    'webhook-deliveries': ids.webhookDelivery,
    tokens: ids.scimToken,
    Users: ids.scimUser,
    Groups: ids.scimGroup,
  };
  return byCollection[collection] ?? ZERO_UUID;
}

const resolve = (schema: Schema | undefined): Schema => {
  if (!schema) return {};
  if (typeof schema.$ref === 'string') return resolve(spec.components?.schemas?.[schema.$ref.split('/').at(-1)!]);
  return schema;
};

/** A plausible value for a JSON schema: what a careless but well-meaning caller would send. */
function plausible(raw: Schema | undefined, name = '', depth = 0): unknown {
  const schema = resolve(raw);
  if (depth > 8) return null;
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return plausible(choice.find((s: Schema) => resolve(s).type !== 'null') ?? choice[0], name, depth + 1);
  if (schema.allOf) return plausible(schema.allOf[0], name, depth + 1);
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, plausible(property, key, depth + 1)]));
    }
    case 'array':
      return [plausible(schema.items, name, depth + 1)];
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid' || /id$/i.test(name)) return realId(name);
      if (schema.format === 'date') return '2026-03-10';
      if (schema.format === 'date-time') return '2026-03-10T09:00:00.000Z';
      if (schema.format === 'email') return 'someone@example.com';
      return 'Something';
    default:
      return 'Something';
  }
}

/** The same value with every leaf replaced by what `leaf` makes of it. */
function mapLeaves(value: unknown, leaf: (value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, leaf));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapLeaves(item, leaf)]));
  return leaf(value);
}

const deep = (levels: number) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { nested: [value] };
  return value;
};

const swapType = (value: unknown) => (typeof value === 'string' ? 12345 : typeof value === 'number' ? String(value) : typeof value === 'boolean' ? 'yes' : {});

/** Bodies for a JSON operation: the plausible one, then garbage derived from it. */
function jsonBodies(schema: Schema): [string, string][] {
  const base = plausible(schema);
  const object = base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const firstKey = Object.keys(object)[0] ?? 'name';
  return [
    ['plausible', JSON.stringify(base)],
    ['NUL in every string', JSON.stringify(mapLeaves(base, (v) => (typeof v === 'string' ? NUL : v)))],
    ['NUL in a key', JSON.stringify({ ...object, [`k${NUL}`]: 1 })],
    ['huge strings', JSON.stringify(mapLeaves(base, (v) => (typeof v === 'string' ? HUGE : v)))],
    ['empty strings', JSON.stringify(mapLeaves(base, (v) => (typeof v === 'string' ? '' : v)))],
    ['wrong types', JSON.stringify(mapLeaves(base, swapType))],
    ['extreme numbers', JSON.stringify(mapLeaves(base, (v) => (typeof v === 'number' ? 1e300 : v)))],
    ['negative fractions', JSON.stringify(mapLeaves(base, (v) => (typeof v === 'number' ? -1.5 : v)))],
    ['impossible dates', JSON.stringify(mapLeaves(base, (v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\d/.test(v) ? '2026-02-30' : v)))],
    ['an array for the object', JSON.stringify([base])],
    ['a string for the object', JSON.stringify('body')],
    ['null', 'null'],
    ['empty object', '{}'],
    ['deep nesting', JSON.stringify({ ...object, [firstKey]: deep(2000) })],
    ['broken JSON', '{"' + firstKey + '": '],
  ];
}

const BOUNDARY = 'fuzzboundary';
const part = (name: string, filename: string, content: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`;

/** Multipart bodies: [variant, content type, payload]. */
const multipartBodies: [string, string, string][] = [
  ['a good file', `multipart/form-data; boundary=${BOUNDARY}`, `${part('file', 'notes.txt', 'hello')}--${BOUNDARY}--\r\n`],
  ['no boundary', 'multipart/form-data', 'garbage'],
  ['truncated', `multipart/form-data; boundary=${BOUNDARY}`, part('file', 'notes.txt', 'hello').slice(0, 60)],
  ['unterminated', `multipart/form-data; boundary=${BOUNDARY}`, part('file', 'notes.txt', 'hello')],
  ['NUL in the file name', `multipart/form-data; boundary=${BOUNDARY}`, `${part('file', 'no\u0000tes.txt', 'hello')}--${BOUNDARY}--\r\n`],
  ['another field', `multipart/form-data; boundary=${BOUNDARY}`, `${part('other', 'notes.txt', 'hello')}--${BOUNDARY}--\r\n`],
  ['empty', `multipart/form-data; boundary=${BOUNDARY}`, ''],
  ['JSON instead', 'application/json', '{"file": "notes.txt"}'],
];

function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, byMethod] of Object.entries(spec.paths as Record<string, Record<string, Schema>>)) {
    for (const [method, operation] of Object.entries(byMethod)) {
      const content = operation.requestBody?.content ?? {};
      found.push({
        method: method.toUpperCase(),
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        query: ((operation.parameters ?? []) as Schema[]).filter((p) => p.in === 'query').map((p) => [p.name as string, resolve(p.schema)]),
        json: content['application/json']?.schema,
      });
    }
  }
  return found;
}

/** The path with real ids, then with garbage in each of its parameters. */
function urls(url: string): [string, string][] {
  const withIds = (garbage?: string) => url.replace(/:(\w+)/g, (_, name: string) => garbage ?? encodeURIComponent(realId(name, url)));
  if (!url.includes(':')) return [['real ids', url]];
  return [
    ['real ids', withIds()],
    ['not an id', withIds('not-an-id')],
    ['NUL id', withIds('%00')],
    ['unknown id', withIds(ZERO_UUID)],
    ['huge id', withIds('9'.repeat(5000))],
    ['bad percent-encoding', withIds('%E0%A4%A')],
  ];
}

function queries(query: [string, Schema][]): [string, string][] {
  if (query.length === 0) return [['no query', '']];
  const all = (value: (schema: Schema) => string) => '?' + query.map(([name, schema]) => `${name}=${value(schema)}`).join('&');
  return [
    ['plausible query', all((schema) => encodeURIComponent(String(plausible(schema))))],
    ['NUL in the query', all(() => 'a%00b')],
    ['huge query', all(() => 'q'.repeat(20_000))],
    ['repeated parameters', '?' + query.map(([name]) => `${name}=1&${name}=2`).join('&')],
    ['wrong types', all(() => 'not-a-value')],
    ['extreme numbers', all(() => '-1e309')],
  ];
}

describe('garbage in', () => {
  it('never answers 5xx, on any route, and the server is healthy after', { timeout: 420_000 }, async () => {
    const endsSession = (op: Operation) => /sign-out|\/session$/.test(op.url) && op.method !== 'GET';
    // What removes the real ids goes after what uses them, and signing out goes last.
    const order = (op: Operation) => (endsSession(op) ? 2 : op.method === 'DELETE' ? 1 : 0);
    const routes = operations().sort((a, b) => order(a) - order(b));
    const access = new Map(env.app.landfallRoutes.map((r) => [`${r.method} ${r.url}`, r.access]));
    const failures: string[] = [];
    let calls = 0;
    const statuses: Record<string, number> = {};
    const anonymous = httpClient(env.app);
    for (const op of routes) {
      const kind = access.get(`${op.method} ${op.url}`);
      const client = kind === 'portal' ? await customer() : kind === 'public' ? anonymous : kind === 'scim' ? identityProvider : await staff();
      const call = async (variant: string, url: string, contentType?: string, payload?: string) => {
        calls++;
        const response = await env.app.inject({
          method: op.method as 'GET',
          url,
          headers: { ...client.headers, ...(contentType ? { 'content-type': contentType } : {}) },
          ...(payload === undefined ? {} : { payload }),
        });
        const kind = `${String(response.statusCode)[0]}xx`;
        statuses[kind] = (statuses[kind] ?? 0) + 1;
        if (response.statusCode >= 500) failures.push(`${op.method} ${op.url} [${variant}] → ${response.statusCode} ${response.body.slice(0, 300)}`);
      };
      // The OpenAPI does not describe a multipart body (the upload routes read theirs by hand), so a write without a
      // JSON body is sent broken multipart and stray JSON too.
      const bodies: [string, string | undefined, string | undefined][] = op.json
        ? jsonBodies(op.json).map(([variant, payload]) => [variant, 'application/json', payload])
        : op.method === 'GET' || op.method === 'DELETE'
          ? [['no body', undefined, undefined]]
          : [['no body', undefined, undefined], ...multipartBodies, ['stray JSON', 'application/json', '{"a":1}'], ['broken JSON', 'application/json', '{"a":']];
      const [plausibleBody] = bodies;
      const [, realUrl] = urls(op.url)[0]!;
      // The real ids with each query and each body; then each bad path with the plausible body.
      for (const [variant, query] of queries(op.query)) await call(variant, realUrl + query, plausibleBody![1], plausibleBody![2]);
      for (const [variant, contentType, payload] of bodies.slice(1)) await call(variant, realUrl, contentType, payload);
      for (const [variant, url] of urls(op.url).slice(1)) await call(variant, url, plausibleBody![1], plausibleBody![2]);
    }
    console.info(`fuzz: ${calls} calls on ${routes.length} routes, ${failures.length} answered 5xx (${JSON.stringify(statuses)})`);
    expect(routes.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    const health = await httpClient(env.app).get('/api/health');
    expect(health.status).toBe(200);
  });

  it('refuses a NUL character with a 400 naming where it was, in a query, a path or a body', async () => {
    const api = await staff();
    const query = await api.get('/api/v1/accounts?q=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.detail).toBe('q: cannot contain the NUL character (U+0000)');
    expect(query.body.errors).toEqual([{ path: ['query', 'q'], message: 'cannot contain the NUL character (U+0000)' }]);
    const path = await httpClient(env.app).get('/api/v1/invitations/ab%00cd');
    expect(path.status).toBe(400);
    expect(path.body.errors[0].path).toEqual(['params', 'token']);
    const body = await api.post(`/api/v1/projects/${ids.project}/success-outcomes`, { statement: 'Fewer\u0000 tickets' });
    expect(body.status).toBe(400);
    expect(body.body.errors).toEqual([{ path: ['body', 'statement'], message: 'cannot contain the NUL character (U+0000)' }]);
  });

  it('answers a broken multipart upload with a 400 that says how to send the file', async () => {
    const api = await staff();
    // The fuzzing above may have started the product catalogue: the test account's product must be in it.
    await env.services.database.query(`insert into products (workspace_id, name) values ($1, 'Core Platform') on conflict do nothing`, [adminCtx.workspaceId]);
    const { project } = await projectWithContact(adminCtx); // the fuzzing above may have deleted its own
    for (const url of ['/api/v1/portal/settings/logo', `/api/v1/projects/${project.id}/tasks/${project.tasks[0]!.id}/files`]) {
      const method = url.endsWith('logo') ? 'PUT' : 'POST';
      for (const [variant, contentType, payload] of multipartBodies.slice(1, 5)) {
        const response = await env.app.inject({ method, url, headers: { ...api.headers, 'content-type': contentType }, payload });
        expect(response.statusCode, `${method} ${url} [${variant}] → ${response.body}`).toBe(400);
      }
    }
  });
});
