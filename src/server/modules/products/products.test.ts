import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { httpClient, makeAccount, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { evaluateAll } from './maturity.service.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let crm: HttpClient;
let path: { id: string };
let nextPath: { id: string };

const count = async (table: string) => (await env.services.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

async function makePath(title: string) {
  const course = (await api.post('/api/v1/academy/courses', { title: `${title} course` })).body;
  await api.post(`/api/v1/academy/courses/${course.id}/lessons`, { title: 'Welcome', content: { kind: 'markdown', body: '# Hi' } });
  const created = await api.post('/api/v1/academy/paths', { title, courses: [{ courseId: course.id, kind: 'core' }] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string };
}

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
  const token = await createApiToken(admin.ctx, { name: 'CRM', role: 'onboarding_manager' });
  crm = httpClient(env.app, { authorization: `Bearer ${token.token}` });
  path = await makePath('Ledger essentials');
  nextPath = await makePath('Advanced reporting');
  const playbook = (await api.get('/api/v1/playbooks')).body[0];
  const core = await api.post('/api/v1/products', {
    name: 'Core Platform',
    modules: ['Ledger', 'Reports'],
    playbookId: playbook.id,
    enablement: [{ pathId: path.id, roles: ['end_user'] }],
    stages: [
      { key: 'basic', name: 'Basic', criteria: { modules: ['Ledger'] } },
      { key: 'intermediate', name: 'Intermediate', criteria: { paths: [{ pathId: path.id, percent: 50 }] } },
      { key: 'advanced', name: 'Advanced', criteria: { usage: [{ metric: 'weekly_active', atLeast: 20 }] }, pathId: nextPath.id },
    ],
  });
  expect(core.status, JSON.stringify(core.body)).toBe(201);
  expect((await api.post('/api/v1/products', { name: 'Analytics', modules: ['Dashboards'], needsImplementation: false })).status).toBe(201);
  expect((await api.post('/api/v1/products', { name: 'Payments', modules: ['Payouts'], playbookId: playbook.id })).status).toBe(201);
});
afterAll(() => env.close());

describe('the product catalogue', () => {
  it('lists what the workspace sells, with modules, playbook, enablement and stages', async () => {
    const products = (await api.get('/api/v1/products')).body;
    expect(products.map((p: { name: string }) => p.name)).toEqual(['Analytics', 'Core Platform', 'Payments']);
    expect(products[1]).toMatchObject({ modules: ['Ledger', 'Reports'], needsImplementation: true, playbookName: expect.any(String), stages: [{ key: 'basic' }, { key: 'intermediate' }, { key: 'advanced' }] });
  });

  it('refuses a duplicate name, a stage on a module the product lacks, and unknown keys, writing nothing', async () => {
    const before = await count('products');
    const duplicate = await api.post('/api/v1/products', { name: 'core platform' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toMatch(/already has a product called "Core Platform"/);
    const badStage = await api.post('/api/v1/products', { name: 'Billing', modules: ['Invoices'], stages: [{ key: 'basic', name: 'Basic', criteria: { modules: ['Ledger'] } }] });
    expect(badStage.status).toBe(400);
    expect(badStage.body.detail).toMatch(/"Ledger" is not a module of this product/);
    const twice = await api.post('/api/v1/products', { name: 'Billing', stages: [{ key: 'a', name: 'A' }, { key: 'a', name: 'B' }] });
    expect(twice.status).toBe(400);
    expect((await api.post('/api/v1/products', { name: 'Billing', price: 10 })).status).toBe(400);
    expect(await count('products')).toBe(before);
  });

  it('refuses a product the workspace does not sell wherever a person types one, saying so, and writes nothing', async () => {
    const accountsBefore = await count('accounts');
    const account = await api.post('/api/v1/accounts', { name: 'Umbrella', industry: 'Pharma', segment: 'smb', complexity: 'low', products: ['Core Platform', 'Teleporter'] });
    expect(account.status).toBe(400);
    expect(account.body.detail).toMatch(/products\.1: "Teleporter" is not a product this workspace sells \(it sells Analytics, Core Platform, Payments\)/);
    expect(account.body.errors[0].path).toEqual(['body', 'products', 1]);
    expect(await count('accounts')).toBe(accountsBefore);
    const existing = await makeAccount(admin.ctx);
    expect((await api.patch(`/api/v1/accounts/${existing.id}`, { products: ['Core Platform', 'Teleporter'] })).status).toBe(400);
    expect((await api.get(`/api/v1/accounts/${existing.id}`)).body.products).toEqual(['Core Platform']);
    expect((await api.post('/api/v1/projects', { accountId: existing.id, product: 'Teleporter' })).status).toBe(400);
    const cadence = await api.post('/api/v1/cadences', { name: 'X', products: ['Teleporter'], steps: [] });
    expect(cadence.status).toBe(400);
    const contact = await api.post(`/api/v1/accounts/${existing.id}/contacts`, { name: 'Mo', email: 'mo@acme.test', role: 'end_user', modules: ['Warp drive'] });
    expect(contact.status).toBe(400);
    expect(contact.body.detail).toMatch(/"Warp drive" is not a module of a product this workspace sells/);
  });
});

describe('a new product for an existing account', () => {
  it('refuses an unknown product, one the account has, and an organization of another account', async () => {
    const account = await makeAccount(admin.ctx);
    const other = await makeAccount(admin.ctx);
    const otherOrg = (await api.post(`/api/v1/accounts/${other.id}/organizations`, { name: 'Elsewhere', kind: 'added_users' })).body;
    const unknown = await api.post(`/api/v1/accounts/${account.id}/products`, { product: 'Teleporter' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/"Teleporter" is not a product this workspace sells/);
    const duplicate = await api.post(`/api/v1/accounts/${account.id}/products`, { product: 'core platform' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toMatch(/already has Core Platform/);
    const foreign = await api.post(`/api/v1/accounts/${account.id}/products`, { product: 'Payments', organizationId: otherOrg.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.detail).toMatch(/organizationId: is not an organization of this account/);
    expect((await api.get(`/api/v1/accounts/${account.id}`)).body.products).toEqual(['Core Platform']);
    expect(await count(`account_products where account_id = '${account.id}'`)).toBe(0);
  });

  it('onboards the users only for a product with no implementation, and the academy rule on that product enrols them', async () => {
    const account = await makeAccount(admin.ctx);
    const erin = await addContact(admin.ctx, account.id, { name: 'Erin End', email: `erin-${account.id}@acme.test`, role: 'end_user' });
    const rule = await api.post('/api/v1/academy/rules', { name: 'Analytics users', pathId: nextPath.id, trigger: 'matching', audience: { products: ['Analytics'] } });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const projectsBefore = await count(`projects where account_id = '${account.id}'`);
    const added = await api.post(`/api/v1/accounts/${account.id}/products`, { product: 'analytics' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toEqual({ product: 'Analytics', mode: 'users_only', projectId: null });
    expect(await count(`projects where account_id = '${account.id}'`)).toBe(projectsBefore);
    expect((await api.get(`/api/v1/accounts/${account.id}`)).body.products).toEqual(['Core Platform', 'Analytics']);
    const enrolments = (await api.get(`/api/v1/academy/enrolments?contactId=${erin.id}`)).body.items;
    expect(enrolments.map((e: { pathId: string }) => e.pathId)).toContain(nextPath.id);
    const view = (await api.get(`/api/v1/accounts/${account.id}/products`)).body;
    expect(view.products.map((p: { name: string; mode: string }) => [p.name, p.mode])).toEqual([['Core Platform', 'original'], ['Analytics', 'users_only']]);
    await api.delete(`/api/v1/academy/rules/${rule.body.id}`);
  });

  it('starts an onboarding project from the product playbook when it needs an implementation', async () => {
    const account = await makeAccount(admin.ctx);
    const added = await api.post(`/api/v1/accounts/${account.id}/products`, { product: 'Payments', day0: '2026-03-09' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ product: 'Payments', mode: 'project', projectId: expect.any(String) });
    const project = (await api.get(`/api/v1/projects/${added.body.projectId}`)).body;
    expect(project).toMatchObject({ product: 'Payments', day0: '2026-03-09', name: `${account.name}: Payments` });
    const view = (await api.get(`/api/v1/accounts/${account.id}/products`)).body;
    expect(view.products[1]).toMatchObject({ name: 'Payments', mode: 'project', projectId: added.body.projectId, addedOn: '2026-03-09' });
  });

  it('a won deal for an existing account adds the product (a project, or users only) instead of a second account', async () => {
    const company = { name: 'Initech', domain: 'initech.test', industry: 'Software', segment: 'mid_market', complexity: 'moderate' };
    const base = { company, contractValue: 50000, closedOn: '2026-03-02', contacts: [{ name: 'Carla', email: 'carla@initech.test', role: 'champion' }], salesRep: { email: 'nobody@vendor.test' } };
    const first = await crm.post('/api/v1/intake/deals', { ...base, dealId: 'initech-1', products: ['Core Platform'] });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const accounts = await count("accounts where name = 'Initech'");
    const second = await crm.post('/api/v1/intake/deals', { ...base, company: { ...company, name: 'Initech Inc.' }, dealId: 'initech-2', products: ['Payments'], closedOn: '2026-03-20' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.accountId).toBe(first.body.accountId);
    expect(await count("accounts where name like 'Initech%'")).toBe(accounts);
    expect((await api.get(`/api/v1/projects/${second.body.projectId}`)).body).toMatchObject({ product: 'Payments', day0: '2026-03-20' });
    const third = await crm.post('/api/v1/intake/deals', { ...base, dealId: 'initech-3', products: ['Analytics'] });
    expect(third.status, JSON.stringify(third.body)).toBe(201);
    expect(third.body.projectId).toBeNull();
    const view = (await api.get(`/api/v1/accounts/${first.body.accountId}/products`)).body;
    expect(view.products.map((p: { name: string; mode: string }) => [p.name, p.mode])).toEqual([['Core Platform', 'original'], ['Payments', 'project'], ['Analytics', 'users_only']]);
    const unsold = await crm.post('/api/v1/intake/deals', { ...base, dealId: 'initech-4', products: ['Teleporter'] });
    expect(unsold.status).toBe(400);
    expect(unsold.body.detail).toMatch(/"Teleporter" is not a product this workspace sells/);
  });
});

describe('a new organization in an existing account', () => {
  it('suggests by the workspace rule and onboards as a separate implementation or into the existing one', async () => {
    const account = await makeAccount(admin.ctx);
    expect((await api.get(`/api/v1/accounts/${account.id}/organization-mode?users=12&type=department`)).body).toEqual({
      mode: 'users_only',
      because: '12 users in a department: its users join the existing implementation',
    });
    expect((await api.get(`/api/v1/accounts/${account.id}/organization-mode?users=12&type=subsidiary`)).body.mode).toBe('project');
    const subsidiary = await api.post(`/api/v1/accounts/${account.id}/organization-onboardings`, { name: 'Acme Brazil', type: 'subsidiary', users: 30, day0: '2026-03-16' });
    expect(subsidiary.status, JSON.stringify(subsidiary.body)).toBe(201);
    expect(subsidiary.body).toMatchObject({ mode: 'project', projectId: expect.any(String), suggestion: { mode: 'project' } });
    expect((await api.get(`/api/v1/projects/${subsidiary.body.projectId}`)).body).toMatchObject({ organizationId: subsidiary.body.organizationId, product: 'Core Platform' });
    const department = await api.post(`/api/v1/accounts/${account.id}/organization-onboardings`, { name: 'Finance', type: 'department', users: 8 });
    expect(department.body).toMatchObject({ mode: 'users_only', projectId: null });
    const chosen = await api.post(`/api/v1/accounts/${account.id}/organization-onboardings`, { name: 'EMEA', type: 'region', users: 5, mode: 'project' });
    expect(chosen.body).toMatchObject({ mode: 'project', suggestion: { mode: 'users_only' } });
    const view = (await api.get(`/api/v1/accounts/${account.id}/products`)).body;
    expect(view.organizations.map((o: { name: string; mode: string; projectId: string | null }) => [o.name, o.mode, Boolean(o.projectId)])).toEqual([
      ['Acme Brazil', 'project', true],
      ['Finance', 'users_only', false],
      ['EMEA', 'project', true],
    ]);
    expect((await api.get(`/api/v1/accounts/${account.id}/organizations`)).body).toHaveLength(3);
  });

  it('refuses a product the account does not have for a separate implementation, writing nothing', async () => {
    const account = await makeAccount(admin.ctx);
    const refused = await api.post(`/api/v1/accounts/${account.id}/organization-onboardings`, { name: 'Labs', type: 'subsidiary', users: 3, product: 'Payments' });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/does not have "Payments"/);
    expect(await count(`organizations where account_id = '${account.id}'`)).toBe(0);
    expect((await api.post(`/api/v1/accounts/${account.id}/organization-onboardings`, { name: 'Labs', type: 'moon', users: 3 })).status).toBe(400);
  });

  it('follows the workspace rule once it changes', async () => {
    const account = await makeAccount(admin.ctx);
    expect((await api.patch('/api/v1/organization-rule', { separateTypes: [], separateFromUsers: 10 })).body).toMatchObject({ separateFromUsers: 10, separateTypes: [] });
    expect((await api.get(`/api/v1/accounts/${account.id}/organization-mode?users=12&type=department`)).body.mode).toBe('project');
    expect((await api.get(`/api/v1/accounts/${account.id}/organization-mode?users=3&type=subsidiary`)).body.mode).toBe('users_only');
    await api.patch('/api/v1/organization-rule', { separateTypes: ['subsidiary'], separateFromUsers: 50 });
  });
});

describe('maturity', () => {
  it('moves an account and its users through the stages as facts arrive, keeps the history, and onboards the next part', async () => {
    const account = await makeAccount(admin.ctx);
    const project = (await api.post('/api/v1/projects', { accountId: account.id })).body;
    const ann = await addContact(admin.ctx, account.id, { name: 'Ann', email: `ann-${account.id}@acme.test`, role: 'admin', modules: ['Ledger'] });
    const bob = await addContact(admin.ctx, account.id, { name: 'Bob', email: `bob-${account.id}@acme.test`, role: 'end_user' });
    const evaluated = await api.post(`/api/v1/accounts/${account.id}/maturity/evaluate`);
    expect(evaluated.body.changes).toBeGreaterThanOrEqual(1);
    let view = (await api.get(`/api/v1/accounts/${account.id}/products`)).body.products[0];
    expect(view).toMatchObject({ stage: 'basic', next: ['Intermediate: Ledger essentials completed by 50% of users (now 0%)'] });
    expect(view.users).toEqual([{ contactId: ann.id, name: 'Ann', stage: 'basic' }]);

    // Ann completes the path: half the users, so the account is intermediate.
    await api.post('/api/v1/academy/enrolments', { pathId: path.id, contactIds: [ann.id] });
    await env.services.database.query("update academy_enrolments set status = 'completed', completed_at = now() where contact_id = $1", [ann.id]);
    await api.post(`/api/v1/accounts/${account.id}/maturity/evaluate`);
    expect((await api.get(`/api/v1/accounts/${account.id}/products`)).body.products[0].stage).toBe('intermediate');

    const usage = await crm.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'weekly_active', value: 24, at: '2026-03-02T08:00:00Z' });
    expect(usage.status, JSON.stringify(usage.body)).toBe(201);
    view = (await api.get(`/api/v1/accounts/${account.id}/products`)).body.products[0];
    expect(view.stage, JSON.stringify(view)).toBe('advanced');
    expect(view.history.map((h: { from: string | null; to: string }) => `${h.from}→${h.to}`)).toEqual(['null→basic', 'basic→intermediate', 'intermediate→advanced']);
    expect(view.history[2].why).toBe('weekly_active posted: 24');
    // The next part: the stage's path for the account's users, a success-plan review in its active project.
    const bobsPaths = (await api.get(`/api/v1/academy/enrolments?contactId=${bob.id}`)).body.items.map((e: { pathId: string }) => e.pathId);
    expect(bobsPaths).toContain(nextPath.id);
    const tasks = (await api.get(`/api/v1/projects/${project.id}`)).body.tasks;
    expect(tasks.filter((t: { title: string }) => t.title === 'Success-plan review: Core Platform Advanced')).toHaveLength(1);
    expect(view.history[2].reviewTaskId).toBe(tasks.find((t: { title: string }) => t.title === 'Success-plan review: Core Platform Advanced').id);
    expect(tasks.filter((t: { title: string }) => t.title.startsWith('Success-plan review')).map((t: { title: string }) => t.title.split('Core Platform ')[1])).toEqual(['Basic', 'Intermediate', 'Advanced']);

    // The nightly pass with nothing new changes nothing; an older figure posted late does not move the stage.
    await evaluateAll(env.services);
    await crm.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'weekly_active', value: 3, at: '2026-02-01T08:00:00Z' });
    expect((await api.get(`/api/v1/accounts/${account.id}/products`)).body.products[0].history).toHaveLength(3);
  });

  it('refuses bad usage figures with the field named, and another workspace’s account with a 404', async () => {
    const account = await makeAccount(admin.ctx);
    const bad = await api.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'Weekly Active!', value: 'many' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(expect.arrayContaining(['body.metric', 'body.value']));
    expect((await api.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'seats', value: 3, extra: 1 })).status).toBe(400);
    const other = await makeWorkspace(env.services, 'Elsewhere');
    const outsider = await signedInClient(env, other.admin);
    expect((await outsider.post(`/api/v1/accounts/${account.id}/usage`, { metric: 'seats', value: 3 })).status).toBe(404);
    expect((await outsider.get(`/api/v1/accounts/${account.id}/products`)).status).toBe(404);
    expect(await count(`usage_figures where account_id = '${account.id}'`)).toBe(0);
  });
});
