// Slack: a workspace connects its Slack app; domain events post to the channels its matrix names (through an
// outbox written in the transaction of the change, delivered with retries); buttons pressed in Slack come back
// signed and act as the member whose email the Slack user has (Mark done; Snooze on their My work).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ErrorCode, WebClient, type WebAPICallError } from '@slack/web-api';
import { DateTime } from 'luxon';
import { canWrite, MEMBER_ROLE_LABELS, type MemberRole } from '../../../core/people.ts';
import {
  channelNameFor,
  DEFAULT_SLACK_ROUTES,
  isSlackSnooze,
  MAX_ATTEMPTS,
  retryDelayMs,
  settledMessage,
  SLACK_EVENTS,
  SLACK_EVENT_NAMES,
  SLACK_SNOOZES,
  slackMessage,
  type SlackEvent,
  type SlackFacts,
  type SlackMessage,
} from '../../../core/integrations/slack.ts';
import type { SlackChannelInput, SlackConnectInput, SlackRoutes, SlackSettingsPatch } from '../../../contract/integrations.ts';
import { contextFor, systemActor, type Ctx, type Services } from '../../context.ts';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../http/errors.ts';
import { keyRing, seal, unseal } from '../../security/sealed.ts';
import { memberWithEmail } from '../members/members.service.ts';
import { dismissItem } from '../my-work/my-work.service.ts';
import { updateTask } from '../projects/tasks.service.ts';
import { workspaceTimezone } from '../workspaces/workspaces.service.ts';
import * as repo from './slack.repo.ts';

const MAX_AGE_MS = 5 * 60_000;
const LEASE_MS = 60_000;

const base = (services: Services) => services.config.publicUrl.replace(/\/$/, '');

/** The official client, pointed at SLACK_API_URL; retries are the outbox's own (with its backoff), not the client's. */
export const slackClient = (services: Services, token: string) =>
  new WebClient(token, { slackApiUrl: services.config.slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });

/** What Slack said, in words a person can act on. */
function slackError(error: unknown): string {
  const failure = error as WebAPICallError & { data?: { error?: string } };
  if (failure.code === ErrorCode.PlatformError) {
    const code = failure.data?.error ?? 'error';
    const words: Record<string, string> = {
      invalid_auth: 'Slack refused the bot token (invalid_auth): connect Slack again with a current token.',
      not_authed: 'Slack refused the bot token (not_authed): connect Slack again.',
      account_inactive: 'The Slack app was removed from the Slack workspace (account_inactive): reinstall it and connect again.',
      channel_not_found: 'The channel does not exist or the app cannot see it (channel_not_found): pick another channel.',
      not_in_channel: 'The app is not in this channel (not_in_channel): invite it with /invite @YourApp.',
      is_archived: 'The channel is archived (is_archived): pick another channel.',
      name_taken: 'A channel with this name already exists (name_taken): pick it by its id instead.',
      missing_scope: 'The Slack app lacks a permission (missing_scope): add chat:write, channels:manage, users:read and users:read.email.',
    };
    return words[code] ?? `Slack answered ${code}.`;
  }
  if (failure.code === ErrorCode.RateLimitedError) return 'Slack asked us to slow down (rate limited): it will be tried again.';
  return `Slack could not be reached: ${failure.message}`;
}

const openConnection = async (ctx: Ctx) => {
  const row = await repo.findConnection(ctx.db, ctx.workspaceId);
  if (!row) throw notFound('Slack connection');
  return row;
};
const tokenOf = (services: Services, row: repo.SlackConnectionRow) => unseal(keyRing(services.config), row.botToken);

export async function slackSettings(ctx: Ctx) {
  const row = await repo.findConnection(ctx.db, ctx.workspaceId);
  return {
    connected: Boolean(row),
    teamName: row?.teamName ?? null,
    channelPer: (row?.channelPer ?? 'project') as 'project' | 'account',
    routes: (row?.routes ?? DEFAULT_SLACK_ROUTES) as SlackRoutes,
    interactivityUrl: `${base(ctx.services)}/api/v1/slack/interactions/${ctx.workspaceId}`,
    events: SLACK_EVENT_NAMES.map((event) => ({ event, label: SLACK_EVENTS[event] })),
  };
}

/** Checks the token with Slack (auth.test) before keeping it; both secrets are stored sealed. */
export async function connectSlack(ctx: Ctx, input: SlackConnectInput) {
  let team: { id: string; name: string };
  try {
    const answer = await slackClient(ctx.services, input.botToken).auth.test();
    team = { id: String(answer.team_id ?? ''), name: String(answer.team ?? '') };
  } catch (error) {
    throw invalid(`botToken: ${slackError(error)}`, { path: ['body', 'botToken'] });
  }
  const existing = await repo.findConnection(ctx.db, ctx.workspaceId);
  const keys = keyRing(ctx.services.config);
  await repo.saveConnection(ctx.db, {
    workspaceId: ctx.workspaceId,
    botToken: seal(keys, input.botToken),
    signingSecret: seal(keys, input.signingSecret),
    teamId: team.id,
    teamName: team.name,
    channelPer: input.channelPer,
    routes: existing?.routes ?? DEFAULT_SLACK_ROUTES,
    updatedAt: ctx.services.now(),
  });
  return slackSettings(ctx);
}

export async function updateSlackSettings(ctx: Ctx, patch: SlackSettingsPatch) {
  await openConnection(ctx);
  await repo.updateConnection(ctx.db, ctx.workspaceId, {
    ...(patch.channelPer === undefined ? {} : { channelPer: patch.channelPer }),
    ...(patch.routes === undefined ? {} : { routes: patch.routes as Record<string, string[]> }),
    updatedAt: ctx.services.now(),
  });
  return slackSettings(ctx);
}

export async function disconnectSlack(ctx: Ctx) {
  await openConnection(ctx);
  await repo.deleteConnection(ctx.db, ctx.workspaceId);
}

export async function listSlackChannels(ctx: Ctx) {
  return (await repo.listChannels(ctx.db, ctx.workspaceId)).map((row) => ({
    scope: row.scope as 'project' | 'account',
    subjectId: row.subjectId,
    channelId: row.channelId,
    channelName: row.channelName,
  }));
}

async function subjectName(ctx: Ctx, scope: 'project' | 'account', subjectId: string) {
  const name = scope === 'project' ? (await repo.projectFacts(ctx.db, ctx.workspaceId, subjectId))?.projectName : await repo.accountName(ctx.db, ctx.workspaceId, subjectId);
  if (!name) throw notFound(scope);
  return name;
}

/** Gives a project or account its channel: one picked by id, or a new one made with conversations.create. */
export async function setSlackChannel(ctx: Ctx, scope: 'project' | 'account', subjectId: string, input: SlackChannelInput) {
  const name = await subjectName(ctx, scope, subjectId);
  const row = await openConnection(ctx);
  let channel: { id: string; name: string | null };
  if ('channelId' in input) channel = { id: input.channelId, name: null };
  else {
    const wanted = input.name ?? channelNameFor(name);
    try {
      const created = await slackClient(ctx.services, tokenOf(ctx.services, row)).conversations.create({ name: channelNameFor(wanted, '').replace(/^-/, '') || wanted });
      channel = { id: String(created.channel?.id), name: String(created.channel?.name ?? wanted) };
    } catch (error) {
      throw invalid(`name: ${slackError(error)}`, { path: ['body', 'name'] });
    }
  }
  await repo.saveChannel(ctx.db, { workspaceId: ctx.workspaceId, scope, subjectId, channelId: channel.id, channelName: channel.name, createdAt: ctx.services.now() });
  return { scope, subjectId, channelId: channel.id, channelName: channel.name };
}

export async function slackDeliveries(ctx: Ctx) {
  return (await repo.recentMessages(ctx.db, ctx.workspaceId)).map((row) => ({
    id: row.id,
    event: row.event,
    text: row.text,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    channelId: row.channelId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}

/** What an event is about: the project (if any), its account, and what the message says. */
export interface SlackNews {
  projectId?: string | null;
  accountId?: string | null;
  taskId?: string | null;
  /** A contact the news is about (who left): named in the message. */
  contactId?: string | null;
  detail?: string | null;
  /** Offer Mark done on the task. */
  actionable?: boolean;
  /** Offer to snooze the (late) task on the reader's My work. */
  snoozable?: boolean;
}

/**
 * The reaction to a domain event: one message per channel the matrix names, into the outbox, in the transaction
 * of the change. Nothing when Slack is not connected or the event goes nowhere.
 */
/** The set-based form (a CSV import's batch): nothing to do is found out once, not once per person. */
export async function announceManyInSlack(ctx: Ctx, event: SlackEvent, news: readonly SlackNews[]) {
  const connection = await repo.findConnection(ctx.db, ctx.workspaceId);
  if (!connection || (connection.routes[event] ?? []).length === 0) return;
  for (const one of news) await announceInSlack(ctx, event, one);
}

export async function announceInSlack(ctx: Ctx, event: SlackEvent, news: SlackNews) {
  const connection = await repo.findConnection(ctx.db, ctx.workspaceId);
  const targets = connection?.routes[event] ?? [];
  if (!connection || targets.length === 0) return;
  const project = news.projectId ? await repo.projectFacts(ctx.db, ctx.workspaceId, news.projectId) : undefined;
  const accountId = project?.accountId ?? news.accountId ?? null;
  const accountName = project?.accountName ?? (accountId ? await repo.accountName(ctx.db, ctx.workspaceId, accountId) : undefined);
  if (!accountName) return;
  const task = news.taskId ? await repo.taskFacts(ctx.db, ctx.workspaceId, news.taskId) : undefined;
  if (event === 'task.assigned' && !task?.memberName && !task?.contactName) return; // unassigned: nobody to tell
  const contact = news.contactId ? await repo.contactName(ctx.db, ctx.workspaceId, news.contactId) : undefined;
  const link = news.projectId ? `${base(ctx.services)}/projects/${news.projectId}` : `${base(ctx.services)}/accounts/${accountId}`;
  const facts: SlackFacts = {
    event,
    actorName: ctx.actor.name,
    accountName,
    projectName: project?.projectName ?? null,
    taskTitle: task?.title ?? null,
    detail: news.detail ?? contact ?? (event === 'task.assigned' && task ? `to ${task.memberName ?? task.contactName}` : null),
    link,
    action: news.actionable && news.taskId && news.projectId && task?.status !== 'done' ? { taskId: news.taskId, projectId: news.projectId } : null,
    snooze: news.snoozable && news.taskId && news.projectId && task && task.status !== 'done' ? { taskId: news.taskId, projectId: news.projectId } : null,
  };
  const message = slackMessage(facts);
  const now = ctx.services.now();
  await repo.insertMessages(
    ctx.db,
    [...new Set(targets)].map((target) => ({
      workspaceId: ctx.workspaceId,
      dedupeKey: `${event}:${news.taskId ?? news.projectId ?? accountId}:${now.toISOString()}:${target}`,
      event,
      target,
      projectId: news.projectId ?? null,
      accountId,
      text: message.text,
      blocks: message.blocks,
      sendAfter: now,
      createdAt: now,
    })),
  );
}

/** 'own': the project's or account's channel (as the workspace chose), made on first use when it has none. */
async function channelFor(services: Services, client: WebClient, connection: repo.SlackConnectionRow, row: repo.SlackOutboxRow) {
  if (row.target !== 'own') return row.target;
  const db = services.database.db;
  const scope = connection.channelPer === 'account' || !row.projectId ? 'account' : 'project';
  const subjectId = scope === 'project' ? row.projectId! : row.accountId!;
  const known = await repo.findChannel(db, row.workspaceId, scope, subjectId);
  if (known) return known.channelId;
  const name =
    scope === 'project' ? (await repo.projectFacts(db, row.workspaceId, subjectId))?.projectName : await repo.accountName(db, row.workspaceId, subjectId);
  const created = await client.conversations.create({ name: channelNameFor(name ?? scope) });
  const channelId = String(created.channel?.id);
  await repo.saveChannel(db, { workspaceId: row.workspaceId, scope, subjectId, channelId, channelName: created.channel?.name ?? null, createdAt: services.now() });
  return channelId;
}

/** Posts what is due (the slack.deliver job): each message claimed with a lease; a failure waits longer each time. */
export async function deliverSlackMessages(services: Services, batch = 50): Promise<number> {
  const db = services.database.db;
  const due = await repo.claimDue(db, services.now(), batch, LEASE_MS);
  for (const row of due) {
    const connection = await repo.findConnection(db, row.workspaceId);
    if (!connection) {
      await repo.settleMessage(db, row, { state: 'skipped', lastError: 'Slack is no longer connected.' });
      continue;
    }
    const client = slackClient(services, tokenOf(services, connection));
    const attempts = row.attempts + 1;
    try {
      const channel = await channelFor(services, client, connection, row);
      const posted = await client.chat.postMessage({ channel, text: row.text, blocks: row.blocks as never, unfurl_links: false });
      await repo.settleMessage(db, row, { state: 'sent', attempts, sentAt: services.now(), channelId: String(posted.channel ?? channel), messageTs: String(posted.ts ?? ''), lastError: null });
    } catch (error) {
      const giveUp = attempts >= MAX_ATTEMPTS;
      await repo.settleMessage(db, row, {
        state: giveUp ? 'failed' : 'scheduled',
        attempts,
        lastError: slackError(error),
        sendAfter: new Date(services.now().getTime() + retryDelayMs(attempts)),
      });
    }
  }
  return due.length;
}

const same = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` under the signing secret. */
export const signSlack = (secret: string, timestampSeconds: number | string, rawBody: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;

export function verifySlack(secret: string, headers: { timestamp: string | undefined; signature: string | undefined }, rawBody: string, now: Date): string | null {
  if (!headers.timestamp || !headers.signature) return 'Missing X-Slack-Request-Timestamp or X-Slack-Signature.';
  const seconds = Number(headers.timestamp);
  if (!Number.isInteger(seconds)) return 'X-Slack-Request-Timestamp must be Unix time in seconds.';
  if (Math.abs(now.getTime() - seconds * 1000) > MAX_AGE_MS) return 'The Slack request is older than 5 minutes: refused as a possible replay.';
  if (!same(signSlack(secret, seconds, rawBody), headers.signature)) return 'The Slack signature does not match.';
  return null;
}

interface BlockActions {
  type: string;
  user?: { id?: string };
  actions?: { action_id?: string; value?: string }[];
  /** Where Slack takes the answer to this press (valid for 30 minutes, five uses). */
  response_url?: string;
  /** The message whose button was pressed, as Slack shows it. */
  message?: { text?: string; blocks?: unknown[] };
}

/**
 * What Landfall answers a press with: `text` only to whoever pressed it (an ephemeral message), or `replace`, the
 * message as everyone now sees it (its buttons gone, a line saying what happened). `quiet`: nothing to say (a link).
 */
interface SlackAnswer {
  text: string;
  replace?: SlackMessage;
  quiet?: boolean;
}

/**
 * A button pressed in Slack: the signature and its age are checked first (refused with 401), then the Slack user is
 * matched to a member by email (users.info) and the action runs with that member's rights, through the services the
 * web uses, named in the history as them. Slack shows the answer through the press's response_url; a refusal (an
 * unknown person, a read-only role, a task gone) is an answer too, only to whoever pressed, never an error page.
 */
export async function handleSlackInteraction(
  services: Services,
  workspaceId: string,
  request: { timestamp: string | undefined; signature: string | undefined; rawBody: string },
) {
  const connection = await repo.findConnection(services.database.db, workspaceId);
  const failure = connection
    ? verifySlack(unseal(keyRing(services.config), connection.signingSecret), request, request.rawBody, services.now())
    : 'Slack is not connected to this workspace.';
  if (failure) throw unauthenticated(failure);
  const raw = new URLSearchParams(request.rawBody).get('payload');
  let payload: BlockActions;
  try {
    payload = JSON.parse(raw ?? '') as BlockActions;
  } catch {
    throw invalid('payload: must be the JSON Slack sends with an interaction', { path: ['body', 'payload'] });
  }
  const answer = await answerPress(services, connection!, payload).catch((error: unknown): SlackAnswer => {
    if (error instanceof AppError) return { text: error.message };
    throw error;
  });
  if (!answer.quiet) await respondInSlack(services, payload.response_url, answer);
  return { text: answer.text };
}

/** "projectId:taskId", as the buttons carry it. */
function taskOfButton(value: string | undefined) {
  const [projectId, taskId] = (value ?? '').split(':');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return projectId && taskId && uuid.test(projectId) && uuid.test(taskId) ? { projectId, taskId } : undefined;
}

async function answerPress(services: Services, connection: repo.SlackConnectionRow, payload: BlockActions): Promise<SlackAnswer> {
  const action = payload.actions?.[0];
  if (payload.type !== 'block_actions' || !action?.action_id) return { text: 'Nothing to do: Landfall answers only the buttons on its own messages.', quiet: true };
  if (action.action_id === 'open') return { text: 'Opened.', quiet: true };
  const actionId = action.action_id;
  if (actionId !== 'task.done' && !isSlackSnooze(actionId)) {
    return { text: 'Landfall does not know this button (the message may be from an older version): open the task in Landfall instead.' };
  }
  const target = taskOfButton(action.value);
  if (!target) return { text: 'This button does not name a task: open the task in Landfall instead.' };

  const member = await memberForSlackUser(services, connection, payload.user?.id);
  const ctx = contextFor(services, { kind: 'member', workspaceId: connection.workspaceId, memberId: member.id, role: member.role, sessionId: 'slack', name: member.name });
  const task = await repo.taskFacts(ctx.db, ctx.workspaceId, target.taskId);
  if (!task || task.projectId !== target.projectId) return { text: 'This task is no longer in Landfall: it was removed, or the message is from another workspace.' };
  const title = `“${task.title}”`;

  if (actionId === 'task.done') {
    if (!canWrite(member.role)) return { text: `Your Landfall role (${MEMBER_ROLE_LABELS[member.role]}) can see tasks but not change them: ask the task's owner to mark ${title} done.` };
    if (task.status === 'done') return { text: `Already done: ${title} was marked done in Landfall before.` };
    await updateTask(ctx, target.taskId, { status: 'done', reason: 'Marked done from Slack' });
    return {
      text: `Done, ${member.name}: ${title} is marked done in Landfall.`,
      replace: settledMessage(payload.message?.blocks, payload.message?.text ?? '', `:white_check_mark: ${member.name} marked ${title} done from Slack.`),
    };
  }

  if (task.status === 'done') return { text: `${title} is already done: there is nothing to snooze.` };
  const { days } = SLACK_SNOOZES[actionId];
  const until = DateTime.fromJSDate(services.now(), { zone: await workspaceTimezone(ctx) }).plus({ days });
  await dismissItem(ctx, { key: `task:${target.taskId}`, until: until.toISODate()! });
  return { text: `Snoozed until ${until.toFormat('EEEE d LLLL')}: ${title} is off your My work until then.` };
}

/** Where a press's answer may go: Slack's hooks, or the Slack API server the workspace's config names (a local one in tests). */
function answerUrl(services: Services, responseUrl: string | undefined): URL | undefined {
  if (!responseUrl) return undefined;
  let url: URL;
  try {
    url = new URL(responseUrl);
  } catch {
    return undefined;
  }
  const slackItself = url.protocol === 'https:' && url.hostname === 'hooks.slack.com';
  return slackItself || url.origin === new URL(services.config.slackApiUrl).origin ? url : undefined;
}

/** Posts the answer to the press's response_url: the message replaced for everyone, or a line only its presser sees. */
async function respondInSlack(services: Services, responseUrl: string | undefined, answer: SlackAnswer) {
  const url = answerUrl(services, responseUrl);
  if (!url) return;
  const body = answer.replace
    ? { replace_original: true, text: answer.replace.text, blocks: answer.replace.blocks }
    : { response_type: 'ephemeral', replace_original: false, text: answer.text };
  try {
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(2_500) });
  } catch {
    // The action is done and the request's own answer says so; a lost reply only leaves the old message in place.
  }
}

async function memberForSlackUser(services: Services, connection: repo.SlackConnectionRow, slackUserId: string | undefined) {
  if (!slackUserId) throw invalid('user: Slack did not say who pressed the button', { path: ['body', 'payload'] });
  let email: string | undefined;
  try {
    const info = await slackClient(services, tokenOf(services, connection)).users.info({ user: slackUserId });
    email = info.user?.profile?.email;
  } catch (error) {
    throw forbidden(slackError(error));
  }
  if (!email) throw forbidden('Slack did not share your email (the app needs users:read.email): ask an admin.');
  const lookup = contextFor(services, systemActor(connection.workspaceId, 'slack'));
  const member = await memberWithEmail(lookup, email);
  if (!member) throw forbidden(`No Landfall member has the email ${email}: ask an admin to invite you.`);
  return { id: member.id, name: member.name, role: member.role as MemberRole };
}
