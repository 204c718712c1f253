// Replays the requests Okta and Microsoft Entra send when they provision (shapes recorded from their documentation
// and logs), over real HTTP, then the bad input they and others may send.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { projectWithContact } from '../../test/portal.ts';

let env: TestEnv;
let admin: TestMember;
let adminApi: HttpClient;
let base: string;
let token: string;
let otherToken: string;

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** One SCIM call over HTTP, as an identity provider makes it. */
async function scim(method: string, path: string, body?: unknown, bearer: string | undefined = token, contentType = 'application/scim+json; charset=utf-8') {
  const response = await fetch(`${base}/scim/v2${path}`, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body === undefined ? {} : { 'content-type': contentType }), accept: 'application/scim+json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
}

const q = (filter: string) => `filter=${encodeURIComponent(filter)}`;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  adminApi = await signedInClient(env, admin);
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
  const created = await adminApi.post('/api/v1/provisioning/tokens', { name: 'Okta' });
  expect(created.status).toBe(201);
  token = created.body.token;
  const { admin: otherAdmin } = await makeWorkspace(env.services, 'Elsewhere');
  otherToken = (await (await signedInClient(env, otherAdmin)).post('/api/v1/provisioning/tokens', { name: 'Theirs' })).body.token;
});
afterAll(() => env.close());

/** The sign-in email the member holds in member_sign_in_emails (the key that keeps an email to one workspace). */
const signInEmailsOf = async (memberId: string) =>
  (await env.services.database.query<{ email: string }>('select email from member_sign_in_emails where member_id = $1', [memberId])).map((row) => row.email);

const roleOf = async (memberId: string) => ((await adminApi.get('/api/v1/members')).body as { id: string; role: string }[]).find((m) => m.id === memberId)?.role;

describe('Okta provisioning', () => {
  it('creates a member, finds them by filter, deactivates them (sessions end, work flagged) and reactivates them', async () => {
    const userName = 'isabella.okta@acme.test';
    expect((await scim('GET', `/Users?${q(`userName eq "${userName}"`)}&startIndex=1&count=100`)).body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim('POST', '/Users', {
      schemas: [USER],
      userName,
      name: { givenName: 'Isabella', familyName: 'Okta' },
      emails: [{ primary: true, value: userName, type: 'work' }],
      displayName: 'Isabella Okta',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.type).toContain('application/scim+json');
    expect(created.body).toMatchObject({ userName, active: true, displayName: 'Isabella Okta', meta: { resourceType: 'User' } });
    expect(created.body).not.toHaveProperty('password');
    const id: string = created.body.id;
    expect((await scim('GET', `/Users/${id}`)).body.emails).toEqual([{ primary: true, value: userName, type: 'work' }]);
    const found = await scim('GET', `/Users?${q(`userName eq "${userName.toUpperCase()}"`)}`);
    expect(found.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(found.body.Resources[0].id).toBe(id);
    expect(await roleOf(id)).toBe('onboarding_manager');

    // They have work: a project they manage and a task assigned to them; and a session open.
    const { project } = await projectWithContact(admin.ctx);
    const task = project.tasks.find((t) => t.owner.side === 'vendor')!;
    await env.services.database.query('update projects set onboarding_manager_id = $1 where id = $2', [id, project.id]);
    await env.services.database.query('update project_tasks set assignee_member_id = $1 where id = $2', [id, task.id]);
    const theirs = await signedInClient(env, { id, workspaceId: admin.workspaceId, role: 'onboarding_manager' });
    expect((await theirs.get('/api/v1/accounts')).status).toBe(200);

    const deactivated = await scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
    expect(deactivated.status, JSON.stringify(deactivated.body)).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await theirs.get('/api/v1/accounts')).status).toBe(401);
    expect(await roleOf(id)).toBeUndefined(); // no longer offered as an owner
    const orphaned = (await adminApi.get('/api/v1/needs-new-owner')).body;
    expect(orphaned.projects).toEqual([expect.objectContaining({ projectId: project.id, formerOwnerId: id, formerOwnerName: 'Isabella Okta' })]);
    expect(orphaned.tasks.map((t: { taskId: string }) => t.taskId)).toContain(task.id);
    const history = await env.services.database.query<{ reason: string; actor_name: string }>("select reason, actor_name from project_events where project_id = $1 and kind = 'owner_left'", [project.id]);
    expect(history[0]).toMatchObject({ actor_name: 'SCIM provisioning' });
    expect(history[0]!.reason).toMatch(/Isabella Okta can no longer work in Landfall: the project needs a new onboarding manager and 1 open task needs a new owner/);
    expect((await adminApi.get('/api/v1/provisioning')).body.deactivated.map((m: { id: string }) => m.id)).toEqual([id]);

    const reactivated = await scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
    expect(reactivated.body.active).toBe(true);
    expect(await roleOf(id)).toBe('onboarding_manager');
    expect((await adminApi.get('/api/v1/needs-new-owner')).body).toEqual({ projects: [], tasks: [] });
    expect((await theirs.get('/api/v1/accounts')).status).toBe(401); // the old session stays ended
  });

  it('pushes a group whose name maps to a role, adds and removes members, and deletes the user', async () => {
    expect((await adminApi.put('/api/v1/provisioning/role-mappings', { mappings: [{ groupName: 'Landfall Admins', role: 'admin' }, { groupName: 'Landfall CSMs', role: 'csm' }] })).status).toBe(200);
    const user = (await scim('POST', '/Users', { schemas: [USER], userName: 'grace.okta@acme.test', name: { givenName: 'Grace', familyName: 'Okta' }, emails: [{ primary: true, value: 'grace.okta@acme.test', type: 'work' }], active: true })).body;

    const group = await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Landfall Admins', members: [] });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const add = await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: user.id, display: 'grace.okta@acme.test' }] }] });
    expect(add.status, JSON.stringify(add.body)).toBe(204);
    expect(await roleOf(user.id)).toBe('admin');
    expect((await scim('GET', `/Users/${user.id}`)).body.groups).toEqual([expect.objectContaining({ value: group.body.id, display: 'Landfall Admins' })]);
    expect((await scim('GET', `/Groups/${group.body.id}`)).body.members).toEqual([expect.objectContaining({ value: user.id, display: 'Grace Okta' })]);

    const rename = await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { id: group.body.id, displayName: 'Landfall CSMs' } }] });
    expect(rename.status, JSON.stringify(rename.body)).toBe(400); // id is the server's; nothing renamed
    await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { displayName: 'Landfall CSMs' } }] });
    expect(await roleOf(user.id)).toBe('csm');

    const remove = await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${user.id}"]` }] });
    expect(remove.status).toBe(204);
    expect(await roleOf(user.id)).toBe('onboarding_manager');

    expect((await scim('DELETE', `/Users/${user.id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${user.id}`)).status).toBe(404);
    expect(await roleOf(user.id)).toBeUndefined();
    expect((await scim('DELETE', `/Groups/${group.body.id}`)).status).toBe(204);
    expect((await scim('GET', `/Groups/${group.body.id}`)).body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' });
  });
});

describe('Microsoft Entra provisioning', () => {
  it('creates, finds by externalId and userName, patches with capitalised ops and string booleans, and deletes', async () => {
    const userName = 'Test_User_dfeef4c5@acme.test';
    expect((await scim('GET', `/Users?${q(`userName eq "${userName}"`)}`)).body.totalResults).toBe(0);
    const created = await scim('POST', '/Users', {
      schemas: [USER, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName,
      active: true,
      addresses: [{ primary: true, type: 'work', country: 'FR', locality: 'Paris' }],
      displayName: 'Test User',
      emails: [{ primary: true, type: 'work', value: userName }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Test User', familyName: 'User', givenName: 'Test' },
      title: 'Onboarding lead',
      [ENTERPRISE]: { employeeNumber: '701984', department: 'Customer Success' },
    }, token, 'application/json');
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.schemas).toEqual([USER, ENTERPRISE]);
    const id: string = created.body.id;
    expect(await signInEmailsOf(id)).toEqual([userName.toLowerCase()]);
    const both = await scim('GET', `/Users?${q(`externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef" and userName eq "${userName}"`)}`);
    expect(both.body.totalResults).toBe(1);
    expect((await scim('GET', `/Users?${q(`externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef" and userName eq "someone.else@acme.test"`)}`)).body.totalResults).toBe(0);

    const patched = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'test.user@acme.test' },
        { op: 'Replace', path: 'name.familyName', value: 'Usher' },
        { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Onboarding' },
        { op: 'Replace', path: 'displayName', value: 'Test Usher' },
      ],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.emails).toEqual([{ primary: true, type: 'work', value: 'test.user@acme.test' }]);
    expect(patched.body[ENTERPRISE]).toEqual({ employeeNumber: '701984', department: 'Onboarding' });
    const member = ((await adminApi.get('/api/v1/members')).body as { id: string; email: string; name: string }[]).find((m) => m.id === id);
    expect(member).toMatchObject({ email: 'test.user@acme.test', name: 'Test Usher' });
    expect(await signInEmailsOf(id)).toEqual(['test.user@acme.test']);

    const off = await scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
    expect(off.body.active).toBe(false);
    // Deactivated, they keep their email (no one else may take it while the provider may reactivate them).
    expect(await signInEmailsOf(id)).toEqual(['test.user@acme.test']);
    const on = await scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] });
    expect(on.body.active).toBe(true);

    const group = await scim('POST', '/Groups', { schemas: [GROUP], externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159', displayName: 'Landfall Leaders', members: [] });
    expect(group.status).toBe(201);
    await adminApi.put('/api/v1/provisioning/role-mappings', { mappings: [{ groupName: 'landfall leaders', role: 'leader' }] });
    const add = await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: [{ value: id }] }] });
    expect(add.status, JSON.stringify(add.body)).toBe(204);
    expect(await roleOf(id)).toBe('leader');
    const listed = await scim('GET', `/Groups?${q('displayName eq "Landfall Leaders"')}&excludedAttributes=members`);
    expect(listed.body.Resources).toEqual([expect.not.objectContaining({ members: expect.anything() })]);
    expect(listed.body.Resources[0]).toMatchObject({ id: group.body.id, externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159' });
    await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: 'members', value: [{ value: id }] }] });
    expect(await roleOf(id)).toBe('onboarding_manager');

    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim('GET', `/Users?${q(`userName eq "${userName}"`)}`)).body.totalResults).toBe(0);
    expect(await signInEmailsOf(id)).toEqual([]);
  });

  it('pages with startIndex and count, and serves its configuration, resource types and schemas', async () => {
    for (const n of [1, 2, 3]) await scim('POST', '/Users', { schemas: [USER], userName: `pager${n}@acme.test` });
    const all = (await scim('GET', '/Users')).body.totalResults;
    const second = await scim('GET', '/Users?startIndex=2&count=2');
    expect(second.body).toMatchObject({ totalResults: all, startIndex: 2, itemsPerPage: 2 });
    expect((await scim('GET', '/Users?count=0')).body).toMatchObject({ totalResults: all, itemsPerPage: 0, Resources: [] });
    expect((await scim('GET', '/ServiceProviderConfig')).body.patch).toEqual({ supported: true });
    expect((await scim('GET', '/ResourceTypes')).body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    expect((await scim('GET', '/Schemas')).body.totalResults).toBe(3);
  });
});

describe('bad input', () => {
  it('answers each in the SCIM error format, with the right status and scimType, and changes nothing', async () => {
    const user = (await scim('POST', '/Users', { schemas: [USER], userName: 'carol@acme.test', displayName: 'Carol' })).body;

    const badFilter = await scim('GET', `/Users?${q('userName eq')}`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidFilter' });
    expect((await scim('GET', `/Users?${q('title eq "x"')}`)).body.scimType).toBe('invalidFilter');
    expect((await scim('GET', `/Users?filter=${'a'.repeat(5000)}`)).body.scimType).toBe('invalidFilter');

    const unknownPath = await scim('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Changed' }, { op: 'replace', path: 'favouriteColour', value: 'blue' }] });
    expect(unknownPath.status).toBe(400);
    expect(unknownPath.body.scimType).toBe('invalidPath');
    expect(unknownPath.body.detail).toMatch(/favouriteColour/);
    expect((await scim('GET', `/Users/${user.id}`)).body.displayName).toBe('Carol');

    const duplicate = await scim('POST', '/Users', { schemas: [USER], userName: 'CAROL@acme.test' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.scimType).toBe('uniqueness');
    const takenEmail = await scim('POST', '/Users', { schemas: [USER], userName: 'carol-2', emails: [{ value: admin.email, primary: true }] });
    expect(takenEmail.status).toBe(409);
    expect(takenEmail.body.scimType).toBe('uniqueness');
    const group = await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Dupes' });
    expect((await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'dupes' })).body.scimType).toBe('uniqueness');
    const strangers = await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: '00000000-0000-4000-8000-000000000000' }] }] });
    expect(strangers.status).toBe(400);
    expect(strangers.body.scimType).toBe('invalidValue');

    const noName = await scim('POST', '/Users', { schemas: [USER], emails: [{ value: 'x@acme.test' }] });
    expect(noName.status).toBe(400);
    expect(noName.body.detail).toMatch(/userName/);
    const broken = await scim('POST', '/Users', '{"userName": ');
    expect(broken.status).toBe(400);
    expect(broken.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect((await scim('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'maybe' }] })).body.scimType).toBe('invalidValue');
    expect((await scim('GET', '/Users/not-an-id')).status).toBe(404);
    expect((await scim('GET', '/Nothing')).body.status).toBe('404');
  });

  it("never shows or changes another workspace's users, and refuses a missing or revoked token", async () => {
    const user = (await scim('POST', '/Users', { schemas: [USER], userName: 'dave@acme.test' })).body;
    expect((await scim('GET', `/Users/${user.id}`, undefined, otherToken)).status).toBe(404);
    expect((await scim('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] }, otherToken)).status).toBe(404);
    expect((await scim('DELETE', `/Users/${user.id}`, undefined, otherToken)).status).toBe(404);
    expect((await scim('GET', `/Users?${q('userName eq "dave@acme.test"')}`, undefined, otherToken)).body.totalResults).toBe(0);
    expect((await scim('GET', `/Users/${user.id}`)).body.active).toBe(true);

    const anonymous = await scim('GET', '/Users', undefined, '');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    const apiToken = (await adminApi.post('/api/v1/api-tokens', { name: 'Not for SCIM', role: 'admin' })).body.token;
    expect((await scim('GET', '/Users', undefined, apiToken)).status).toBe(401);

    const extra = (await adminApi.post('/api/v1/provisioning/tokens', { name: 'Short-lived' })).body;
    expect((await scim('GET', '/Users', undefined, extra.token)).status).toBe(200);
    expect((await adminApi.delete(`/api/v1/provisioning/tokens/${extra.id}`)).status).toBe(204);
    expect((await scim('GET', '/Users', undefined, extra.token)).status).toBe(401);

    const settings = (await adminApi.get('/api/v1/provisioning')).body;
    expect(settings.baseUrl).toMatch(/\/scim\/v2$/);
    expect(settings.tokens.map((t: { name: string }) => t.name)).toEqual(['Okta']);
    expect(settings.activity[0]).toMatchObject({ method: expect.any(String), status: expect.any(Number) });
  });
});
