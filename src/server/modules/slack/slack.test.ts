import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { createProject } from '../projects/projects.service.ts';
import { deliverSlackMessages, signSlack } from './slack.service.ts';
import { startFakeSlack, type FakeSlack } from './testing/fake-slack.ts';

const TOKEN = 'xoxb-1111-2222-abcdefghijkl';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'a');

let slack: FakeSlack;
let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  slack = await startFakeSlack(TOKEN);
  env = await startTestEnv({ slackApiUrl: slack.url });
  env.clock.set(new Date('2026-03-02T10:00:00Z'));
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(async () => {
  await env.close();
  await slack.close();
});

const tasksOf = (projectId: string) =>
  env.services.database.query<{ id: string; title: string; milestone_kind: string | null }>('select id, title, milestone_kind from project_tasks where project_id = $1 order by position', [projectId]);
const outbox = () => env.services.database.query<{ state: string; attempts: number; last_error: string | null; channel_id: string | null; event: string; target: string }>(
  'select state, attempts, last_error, channel_id, event, target from slack_outbox where workspace_id = $1 order by created_at, target',
  [admin.workspaceId],
);
const posts = () => slack.calls.filter((call) => call.method === 'chat.postMessage');

/** A button press as Slack sends it: form-encoded payload, signed with v0 over "v0:timestamp:body". */
function interaction(payload: unknown, options: { secret?: string; timestamp?: number } = {}) {
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timestamp = options.timestamp ?? Math.floor(env.clock.now().getTime() / 1000);
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/slack/interactions/${admin.workspaceId}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlack(options.secret ?? SECRET, timestamp, body),
    },
    payload: body,
  });
}

describe('Slack', () => {
  it('refuses a token Slack does not accept, and keeps an accepted one sealed', async () => {
    const refused = await api.put('/api/v1/slack', { botToken: 'xoxb-9999-wrong', signingSecret: SECRET });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toContain('invalid_auth');
    const malformed = await api.put('/api/v1/slack', { botToken: 'hunter2', signingSecret: SECRET });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/bot token: must be a bot token starting with xoxb-/);

    const connected = await api.put('/api/v1/slack', { botToken: TOKEN, signingSecret: SECRET, channelPer: 'project' });
    expect(connected.status).toBe(200);
    expect(connected.body).toMatchObject({ connected: true, teamName: 'Northwind HQ', channelPer: 'project' });
    expect(connected.body.interactivityUrl).toBe(`http://landfall.test/api/v1/slack/interactions/${admin.workspaceId}`);
    const [stored] = await env.services.database.query<{ bot_token: string; signing_secret: string }>('select bot_token, signing_secret from slack_connections where workspace_id = $1', [admin.workspaceId]);
    expect(stored!.bot_token).toMatch(/^sealed:v1:/);
    expect(stored!.signing_secret).toMatch(/^sealed:v1:/);
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
  });

  it('posts a reached milestone to the project channel it creates, in words, with a link back', async () => {
    const saved = await api.patch('/api/v1/slack', { routes: { 'milestone.reached': ['own'], 'task.assigned': ['own', 'C0FIXED01'] } });
    expect(saved.status).toBe(200);
    expect((await api.patch('/api/v1/slack', { routes: { 'task.done': ['own'] } })).status).toBe(400);

    const account = await makeAccount(admin.ctx, { name: 'Initrode' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const milestone = (await tasksOf(project.id)).find((task) => task.milestone_kind)!;
    expect((await api.patch(`/api/v1/tasks/${milestone.id}`, { status: 'done' })).status).toBe(200);
    expect(await outbox()).toEqual([expect.objectContaining({ state: 'scheduled', event: 'milestone.reached', target: 'own' })]);

    expect(await deliverSlackMessages(env.services)).toBe(1);
    const created = slack.calls.find((call) => call.method === 'conversations.create')!;
    expect(created.token).toBe(TOKEN);
    expect(created.args.name).toMatch(/^onb-initrode/);
    const [post] = posts();
    expect(post!.args.channel).toMatch(/^C0NEW/);
    expect(post!.args.text).toContain(`reached a milestone: ${milestone.title} is done`);
    expect(post!.args.text).toContain('Ada Admin');
    expect(String(post!.args.blocks)).toContain(`http://landfall.test/projects/${project.id}`);
    expect(await outbox()).toEqual([expect.objectContaining({ state: 'sent', attempts: 1, channel_id: post!.args.channel })]);
    const channels = await api.get('/api/v1/slack/channels');
    expect(channels.body).toEqual([expect.objectContaining({ scope: 'project', subjectId: project.id, channelId: post!.args.channel })]);
  });

  it('retries a message Slack refused, later each time, and says why in the log', async () => {
    const account = await makeAccount(admin.ctx, { name: 'Globex' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const olivia = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Owner');
    const task = (await tasksOf(project.id)).find((row) => !row.milestone_kind)!;
    await api.patch(`/api/v1/tasks/${task.id}`, { assignee: { kind: 'member', id: olivia.id } });
    slack.failNext('chat.postMessage', 'not_in_channel');
    const before = posts().length;
    await deliverSlackMessages(env.services);
    const log = (await api.get('/api/v1/slack/deliveries')).body as { event: string; state: string; lastError: string | null; text: string }[];
    const assigned = log.filter((row) => row.event === 'task.assigned');
    expect(assigned).toHaveLength(2);
    expect(assigned.map((row) => row.state).sort()).toEqual(['scheduled', 'sent']);
    expect(assigned.find((row) => row.state === 'scheduled')!.lastError).toMatch(/invite it with \/invite/);
    expect(assigned[0]!.text).toContain(`assigned ${task.title}`);
    expect(assigned[0]!.text).toContain(' in Globex onboarding to Olivia Owner.');

    await deliverSlackMessages(env.services); // not yet: it waits a minute
    expect(posts().length).toBe(before + 2);
    env.clock.advance(61_000);
    await deliverSlackMessages(env.services);
    expect(posts().length).toBe(before + 3);
    expect((await api.get('/api/v1/slack/deliveries')).body.filter((row: { state: string }) => row.state !== 'sent')).toEqual([]);
    const withButton = posts().at(-1)!;
    const buttons = (JSON.parse(String(withButton.args.blocks)) as { elements?: { action_id: string; value?: string }[] }[]).flatMap((block) => block.elements ?? []);
    expect(buttons).toContainEqual(expect.objectContaining({ action_id: 'task.done', value: `${project.id}:${task.id}` }));
  });

  it('marks a task done from Slack as the member with that email, and refuses unsigned, stale or unknown people', async () => {
    const account = await makeAccount(admin.ctx, { name: 'Umbrella' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const task = (await tasksOf(project.id)).find((row) => !row.milestone_kind)!;
    const maya = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Maya Manager');
    const lena = await makeMember(env.services, admin.workspaceId, 'leader', 'Lena Lead');
    slack.users.set('U0MAYA', maya.email.toUpperCase());
    slack.users.set('U0LENA', lena.email);
    slack.users.set('U0STRANGER', 'someone@elsewhere.test');
    const press = (user: string) => ({ type: 'block_actions', user: { id: user }, actions: [{ action_id: 'task.done', value: `${project.id}:${task.id}` }] });

    expect((await interaction(press('U0MAYA'), { secret: 'a'.repeat(32) })).statusCode).toBe(401);
    const stale = await interaction(press('U0MAYA'), { timestamp: Math.floor(env.clock.now().getTime() / 1000) - 301 });
    expect(stale.statusCode).toBe(401);
    expect(stale.body).toContain('older than 5 minutes');
    const unsigned = await env.app.inject({ method: 'POST', url: `/api/v1/slack/interactions/${admin.workspaceId}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'payload={}' });
    expect(unsigned.statusCode).toBe(401);
    const stranger = await interaction(press('U0STRANGER'));
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).toContain('No Landfall member has the email someone@elsewhere.test');
    expect((await interaction(press('U0LENA'))).statusCode).toBe(403);
    const [still] = await env.services.database.query<{ status: string }>('select status from project_tasks where id = $1', [task.id]);
    expect(still!.status).not.toBe('done');

    const done = await interaction(press('U0MAYA'));
    expect(done.statusCode).toBe(200);
    expect(done.json().text).toContain('Maya Manager');
    const [after] = await env.services.database.query<{ status: string }>('select status from project_tasks where id = $1', [task.id]);
    expect(after!.status).toBe('done');
    const [history] = await env.services.database.query<{ actor_name: string; reason: string }>(
      "select actor_name, reason from project_events where task_id = $1 and field = 'status' order by created_at desc limit 1",
      [task.id],
    );
    expect(history).toMatchObject({ actor_name: 'Maya Manager', reason: 'Marked done from Slack' });
    const lookups = slack.calls.filter((call) => call.method === 'users.info');
    expect(lookups.every((call) => call.token === TOKEN)).toBe(true);
  });

  it('stops posting once disconnected', async () => {
    expect((await api.delete('/api/v1/slack')).status).toBe(204);
    expect((await api.get('/api/v1/slack')).body.connected).toBe(false);
    expect((await api.patch('/api/v1/slack', { channelPer: 'account' })).status).toBe(404);
  });
});
