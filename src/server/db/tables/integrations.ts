// Slack, CRM write-back and calendar feeds: where Landfall tells the tools a team lives in what happened.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { workspaces } from './workspaces.ts';

/** Per workspace: the Slack app it connected (tokens sealed), where news goes, and which events post where. */
export const slackConnections = pgTable('slack_connections', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  /** The bot token (xoxb-…), sealed. */
  botToken: text('bot_token').notNull(),
  /** The app's signing secret, sealed: it verifies the buttons pressed in Slack. */
  signingSecret: text('signing_secret').notNull(),
  /** The Slack workspace (team) the token belongs to, from auth.test. */
  teamId: text('team_id').notNull(),
  teamName: text('team_name').notNull(),
  /** A channel per project or per account. */
  channelPer: text('channel_per').notNull().default('project'),
  /** Event → the channels it posts to: 'own' (the project's or account's channel) or a fixed channel id. */
  routes: jsonb('routes').$type<Record<string, string[]>>().notNull().default(sql`'{}'::jsonb`),
  updatedAt: updatedAt(),
});

/** The Slack channel of a project or an account (created by Landfall or picked by a person). */
export const slackChannels = pgTable(
  'slack_channels',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    /** project or account */
    scope: text('scope').notNull(),
    subjectId: uuid('subject_id').notNull(),
    channelId: text('channel_id').notNull(),
    channelName: text('channel_name'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.scope, t.subjectId] })],
);

/** Messages for Slack, written in the transaction of the change; a job posts them, retrying with backoff. */
export const slackOutbox = pgTable(
  'slack_outbox',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    dedupeKey: text('dedupe_key').notNull(),
    event: text('event').notNull(),
    /** 'own' is resolved when posting (the project's or account's channel); otherwise a channel id. */
    target: text('target').notNull(),
    projectId: uuid('project_id'),
    accountId: uuid('account_id'),
    text: text('text').notNull(),
    blocks: jsonb('blocks').$type<unknown[]>().notNull(),
    /** scheduled, sending, sent, failed (gave up), skipped (no channel) */
    state: text('state').notNull().default('scheduled'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Where it went and its Slack timestamp. */
    channelId: text('channel_id'),
    messageTs: text('message_ts'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('slack_outbox_dedupe_key').on(t.workspaceId, t.dedupeKey),
    index('slack_outbox_due_idx').on(t.state, t.sendAfter),
  ],
);

/** Per workspace: the CRM that projects write back to, and its credentials (sealed). */
export const crmSyncSettings = pgTable('crm_sync_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  /** hubspot or salesforce */
  provider: text('provider').notNull(),
  enabled: integer('enabled').notNull().default(1),
  /** HubSpot private app token, or Salesforce OAuth access token: sealed. */
  accessToken: text('access_token').notNull(),
  /** https://api.hubapi.com, or the Salesforce instance URL. */
  baseUrl: text('base_url').notNull(),
  /** Salesforce REST version (v60.0). */
  apiVersion: text('api_version'),
  updatedAt: updatedAt(),
});

/** One row per project waiting to be written back: changes coalesce into it until it is due. */
export const crmSyncQueue = pgTable(
  'crm_sync_queue',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    projectId: uuid('project_id').notNull(),
    /** What asked for it (the events coalesced), for the log. */
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.projectId] }), index('crm_sync_queue_due_idx').on(t.dueAt)],
);

/** Every write-back tried: what was sent where, and how it went (shown in Settings → CRM sync). */
export const crmSyncLog = pgTable(
  'crm_sync_log',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    projectId: uuid('project_id').notNull(),
    provider: text('provider').notNull(),
    /** deal, opportunity, company or account, and its CRM id (empty when skipped). */
    object: text('object').notNull(),
    objectId: text('object_id').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    /** ok, retrying, failed, skipped */
    outcome: text('outcome').notNull(),
    error: text('error'),
    attempt: integer('attempt').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('crm_sync_log_at_idx').on(t.workspaceId, t.at)],
);

/** A secret calendar feed URL (a member's or a project's); the token is kept as its hash only. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    /** member or project */
    scope: text('scope').notNull(),
    subjectId: uuid('subject_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('calendar_feeds_token_key').on(t.workspaceId, t.tokenHash),
    index('calendar_feeds_subject_idx').on(t.workspaceId, t.scope, t.subjectId),
  ],
);
