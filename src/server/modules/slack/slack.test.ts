import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { runVendorLadder } from '../escalation/vendor-ladder.ts';
import { myWork } from '../my-work/my-work.service.ts';
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

type Block = { type: string; elements?: { action_id?: string; value?: string; text?: unknown }[] };
const buttonsOf = (blocks: unknown) => (JSON.parse(String(blocks)) as Block[]).flatMap((block) => block.elements ?? []);

/**
 * A button press as Slack sends it: form-encoded payload (with a fresh response_url), signed with v0 over
 * "v0:timestamp:body". `answer()` is what Landfall posted to that response_url.
 */
async function interaction(payload: Record<string, unknown>, options: { secret?: string; timestamp?: number } = {}) {
  const responseUrl = slack.responseUrl();
  const body = `payload=${encodeURIComponent(JSON.stringify({ response_url: responseUrl, ...payload }))}`;
  const timestamp = options.timestamp ?? Math.floor(env.clock.now().getTime() / 1000);
  const response = await env.app.inject({
    method: 'POST',
    url: `/api/v1/slack/interactions/${admin.workspaceId}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlack(options.secret ?? SECRET, timestamp, body),
    },
    payload: body,
  });
  const answers = slack.responses.filter((posted) => responseUrl.endsWith(posted.url));
  return Object.assign(response, { answer: () => answers.at(-1)?.body as { text: string; response_type?: string; replace_original: boolean; blocks?: Block[] } | undefined, answers });
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
    const buttons = buttonsOf(posts().at(-1)!.args.blocks);
    expect(buttons).toContainEqual(expect.objectContaining({ action_id: 'task.done', value: `${project.id}:${task.id}` }));
  });

  it('marks a task done from Slack as the member with that email, refuses unsigned or stale requests, and answers strangers and read-only roles only to them', async () => {
    const account = await makeAccount(admin.ctx, { name: 'Umbrella' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const task = (await tasksOf(project.id)).find((row) => !row.milestone_kind)!;
    const maya = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Maya Manager');
    const lena = await makeMember(env.services, admin.workspaceId, 'leader', 'Lena Lead');
    slack.users.set('U0MAYA', maya.email.toUpperCase());
    slack.users.set('U0LENA', lena.email);
    slack.users.set('U0STRANGER', 'someone@elsewhere.test');
    const message = {
      text: `Ada Admin assigned ${task.title} in Umbrella onboarding.`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `:point_right: Ada Admin assigned *${task.title}*` } },
        { type: 'actions', elements: [{ type: 'button', action_id: 'task.done', value: `${project.id}:${task.id}` }] },
      ],
    };
    const press = (user: string) => ({ type: 'block_actions', user: { id: user }, message, actions: [{ action_id: 'task.done', value: `${project.id}:${task.id}` }] });

    const forged = await interaction(press('U0MAYA'), { secret: 'a'.repeat(32) });
    expect(forged.statusCode).toBe(401);
    expect(forged.answers).toEqual([]);
    const stale = await interaction(press('U0MAYA'), { timestamp: Math.floor(env.clock.now().getTime() / 1000) - 301 });
    expect(stale.statusCode).toBe(401);
    expect(stale.body).toContain('older than 5 minutes');
    const unsigned = await env.app.inject({ method: 'POST', url: `/api/v1/slack/interactions/${admin.workspaceId}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'payload={}' });
    expect(unsigned.statusCode).toBe(401);
    // Slack shows nothing of an error status: a refusal is a 200 whose words only the presser sees.
    const stranger = await interaction(press('U0STRANGER'));
    expect(stranger.statusCode).toBe(200);
    expect(stranger.answer()).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(stranger.answer()!.text).toContain('No Landfall member has the email someone@elsewhere.test');
    const readOnly = await interaction(press('U0LENA'));
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.answer()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining(`Your Landfall role (`) });
    expect(readOnly.answer()!.text).toContain(`ask the task's owner to mark “${task.title}” done`);
    const [still] = await env.services.database.query<{ status: string }>('select status from project_tasks where id = $1', [task.id]);
    expect(still!.status).not.toBe('done');

    const done = await interaction(press('U0MAYA'));
    expect(done.statusCode).toBe(200);
    expect(done.json().text).toContain('Maya Manager');
    // Everyone in the channel now sees it done, without the button.
    const replaced = done.answer()!;
    expect(replaced.replace_original).toBe(true);
    expect(replaced.blocks!.map((block) => block.type)).toEqual(['section', 'context']);
    expect(JSON.stringify(replaced.blocks)).toContain(`Maya Manager marked “${task.title}” done from Slack.`);
    const [after] = await env.services.database.query<{ status: string }>('select status from project_tasks where id = $1', [task.id]);
    expect(after!.status).toBe('done');
    const history = await env.services.database.query<{ actor_name: string; reason: string }>(
      "select actor_name, reason from project_events where task_id = $1 and field = 'status' order by created_at desc",
      [task.id],
    );
    expect(history[0]).toMatchObject({ actor_name: 'Maya Manager', reason: 'Marked done from Slack' });

    // A second press (someone else's copy of the message, or a double click) changes nothing and says so.
    const again = await interaction(press('U0MAYA'));
    expect(again.statusCode).toBe(200);
    expect(again.answer()).toMatchObject({ response_type: 'ephemeral', text: `Already done: “${task.title}” was marked done in Landfall before.` });
    expect(await env.services.database.query("select 1 from project_events where task_id = $1 and field = 'status'", [task.id])).toHaveLength(history.length);
    const lookups = slack.calls.filter((call) => call.method === 'users.info');
    expect(lookups.every((call) => call.token === TOKEN)).toBe(true);
  });

  it('answers an unknown button, a task of another workspace or a removed one in words, never with an error', async () => {
    const account = await makeAccount(admin.ctx, { name: 'Soylent' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const task = (await tasksOf(project.id)).find((row) => !row.milestone_kind)!;
    const maya = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Mo Manager');
    slack.users.set('U0MO', maya.email);
    const elsewhere = await makeWorkspace(env.services, 'Elsewhere');
    const theirs = await createProject(elsewhere.admin.ctx, { accountId: (await makeAccount(elsewhere.admin.ctx)).id });
    const theirTask = (await tasksOf(theirs.id)).find((row) => !row.milestone_kind)!;
    const press = (actionId: string, value: string) => interaction({ type: 'block_actions', user: { id: 'U0MO' }, actions: [{ action_id: actionId, value }] });

    const unknown = await press('task.approve', `${project.id}:${task.id}`);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.answer()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Landfall does not know this button') });
    const foreign = await press('task.done', `${theirs.id}:${theirTask.id}`);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.answer()!.text).toBe('This task is no longer in Landfall: it was removed, or the message is from another workspace.');
    const mixed = await press('task.snooze.1', `${project.id}:${theirTask.id}`);
    expect(mixed.answer()!.text).toContain('no longer in Landfall');
    const garbled = await press('task.done', 'not-a-task');
    expect(garbled.statusCode).toBe(200);
    expect(garbled.answer()!.text).toContain('does not name a task');
    const [theirs2] = await env.services.database.query<{ status: string }>('select status from project_tasks where id = $1', [theirTask.id]);
    expect(theirs2!.status).not.toBe('done');
    // A link button (Open in Landfall) is acknowledged without a reply.
    const open = await interaction({ type: 'block_actions', user: { id: 'U0MO' }, actions: [{ action_id: 'open' }] });
    expect(open.statusCode).toBe(200);
    expect(open.answers).toEqual([]);
  });

  it("posts the owner's reminder of a late task with Snooze buttons that snooze it on the presser's My work", async () => {
    expect((await api.patch('/api/v1/slack', { routes: { 'owner.reminded': ['own'] } })).status).toBe(200);
    const olivia = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Owner');
    slack.users.set('U0OLIVIA', olivia.email);
    const account = await makeAccount(admin.ctx, { name: 'Hooli', contractSignedOn: '2026-03-02', owners: [{ role: 'onboarding_manager', memberId: olivia.id }] });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const before = posts().length;
    env.clock.set(new Date('2026-03-20T15:00:00Z'));
    await runVendorLadder(env.services);
    await deliverSlackMessages(env.services);
    const reminder = posts()
      .slice(before)
      .find((post) => String(post.args.text).includes('Hooli') && String(post.args.text).includes('owner Olivia Owner reminded'))!;
    expect(reminder.args.text).toMatch(/is waiting on us: “.+” is \d+ business days? overdue/);
    const buttons = buttonsOf(reminder.args.blocks);
    expect(buttons.map((button) => button.action_id)).toEqual(['task.snooze.1', 'task.snooze.7', 'open']);
    const [, taskId] = String(buttons[0]!.value).split(':');
    const item = (await myWork(olivia.ctx)).items.find((one) => one.key === `task:${taskId}`);
    expect(item?.overdue).toBe(true);

    const snooze = await interaction({ type: 'block_actions', user: { id: 'U0OLIVIA' }, actions: [{ action_id: 'task.snooze.1', value: buttons[0]!.value }] });
    expect(snooze.statusCode).toBe(200);
    expect(snooze.answer()).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(snooze.answer()!.text).toMatch(/^Snoozed until Saturday 21 March: “.+” is off your My work until then\.$/);
    expect((await myWork(olivia.ctx)).items.map((one) => one.key)).not.toContain(`task:${taskId}`);
    // Through My work's own snooze: kept per member, pressed again it moves, and the task comes back that day.
    const week = await interaction({ type: 'block_actions', user: { id: 'U0OLIVIA' }, actions: [{ action_id: 'task.snooze.7', value: buttons[1]!.value }] });
    expect(week.answer()!.text).toContain('Snoozed until Friday 27 March');
    expect(await env.services.database.query('select 1 from my_work_dismissals where member_id = $1', [olivia.id])).toHaveLength(1);
    env.clock.set(new Date('2026-03-26T15:00:00Z'));
    expect((await myWork(olivia.ctx)).items.map((one) => one.key)).not.toContain(`task:${taskId}`);
    env.clock.set(new Date('2026-03-27T15:00:00Z'));
    expect((await myWork(olivia.ctx)).items.find((one) => one.key === `task:${taskId}`)?.projectId).toBe(project.id);
  });

  it('stops posting once disconnected', async () => {
    api = await signedInClient(env, admin); // the clock moved past the first session
    expect((await api.delete('/api/v1/slack')).status).toBe(204);
    expect((await api.get('/api/v1/slack')).body.connected).toBe(false);
    expect((await api.patch('/api/v1/slack', { channelPer: 'account' })).status).toBe(404);
  });
});
