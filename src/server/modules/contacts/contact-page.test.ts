import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactOverview } from '../../../contract/contacts.ts';
import { makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../../test/harness.ts';
import { projectWithContact, signInAsContact } from '../../test/portal.ts';

let env: TestEnv;
let api: HttpClient;
let other: HttpClient;
let fixture: Awaited<ReturnType<typeof projectWithContact>>;

beforeAll(async () => {
  env = await startTestEnv();
  const { admin } = await makeWorkspace(env.services);
  api = await signedInClient(env, admin);
  fixture = await projectWithContact(admin.ctx);
  const { client } = await signInAsContact(env, admin.ctx, fixture.project.id, fixture.contact);
  await client.get(`/api/portal/v1/projects/${fixture.project.id}`);
  other = await signedInClient(env, (await makeWorkspace(env.services, 'Other vendor')).admin);
});
afterAll(() => env.close());

describe("a contact's page", () => {
  it('shows their projects, the mail sent to them and what they did in the portal', async () => {
    const answer = await api.get(`/api/v1/contacts/${fixture.contact.id}/overview`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const page = answer.body as ContactOverview;
    expect(page.contact.name).toBe('Carla Champion');
    expect(page.accountName).toBe(fixture.account.name);
    expect(page.projects).toEqual([expect.objectContaining({ id: fixture.project.id, portalAccess: true })]);
    expect(page.portalActivity.map((a) => a.text)).toContain('opened the portal');
    expect(page.messages.length).toBeGreaterThan(0);
    expect(page.learning).toEqual([]);
  });

  it("is not found from another workspace", async () => {
    expect((await other.get(`/api/v1/contacts/${fixture.contact.id}/overview`)).status).toBe(404);
  });
});
