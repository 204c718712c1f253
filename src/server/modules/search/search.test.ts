import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addContact } from '../contacts/contacts.service.ts';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../../test/harness.ts';

let env: TestEnv;
let api: HttpClient;
let other: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2026-03-02T10:00:00Z'));
  const { admin } = await makeWorkspace(env.services);
  api = await signedInClient(env, admin);
  const account = await makeAccount(admin.ctx, { name: 'Umbrella Logistics', domain: 'umbrella.test' });
  await makeAccount(admin.ctx, { name: 'Brella 50%_off' });
  await addContact(admin.ctx, account.id, { name: 'Alice Umbridge', email: 'alice@umbrella.test', role: 'champion' });
  await addContact(admin.ctx, account.id, { name: 'Gone Umbra', email: 'gone@umbrella.test', role: 'end_user', joinedOn: '2025-01-01', leftOn: '2026-01-31' });
  await api.post('/api/v1/projects', { accountId: account.id });

  const { admin: stranger } = await makeWorkspace(env.services, 'Other vendor');
  other = await signedInClient(env, stranger);
});
afterAll(() => env.close());

type Hit = { kind: string; title: string; subtitle: string | null; href: string };
const find = async (client: HttpClient, q: string) => {
  const answer = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.hits as Hit[];
};

describe('global search', () => {
  it('finds accounts by name or domain, contacts by name or email, projects and tasks, each with its page', async () => {
    const hits = await find(api, 'umbr');
    expect(hits.filter((hit) => hit.kind === 'account').map((hit) => hit.title)).toEqual(['Umbrella Logistics']);
    expect(hits.find((hit) => hit.kind === 'contact')).toMatchObject({ title: 'Alice Umbridge', subtitle: 'alice@umbrella.test · Umbrella Logistics' });
    expect(hits.find((hit) => hit.kind === 'project')?.href).toMatch(/^\/projects\/[0-9a-f-]{36}$/);
    expect((await find(api, 'umbrella.test')).map((hit) => hit.kind)).toEqual(expect.arrayContaining(['account', 'contact']));
    const task = (await find(api, 'kick')).find((hit) => hit.kind === 'task');
    if (task) expect(task.href).toMatch(/^\/projects\/[0-9a-f-]{36}\?task=[0-9a-f-]{36}$/);
  });

  it('does not offer people who left, and takes % and _ literally', async () => {
    expect((await find(api, 'Gone Umbra')).filter((hit) => hit.kind === 'contact')).toEqual([]);
    expect((await find(api, '50%_')).map((hit) => hit.title)).toEqual(['Brella 50%_off']);
    expect((await find(api, '%')).map((hit) => hit.title)).toEqual(['Brella 50%_off']);
  });

  it('never answers from another workspace', async () => {
    expect(await find(other, 'umbr')).toEqual([]);
  });

  it('refuses an empty or over-long search in words', async () => {
    const empty = await api.get('/api/v1/search?q=%20');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('Type something to search for');
    expect((await api.get(`/api/v1/search?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await api.get('/api/v1/search?q=a&everything=1')).status).toBe(400);
  });
});
