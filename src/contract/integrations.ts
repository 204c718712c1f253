import { z } from 'zod';
import { SLACK_EVENT_NAMES, type SlackEvent } from '../core/integrations/slack.ts';
import './plain-errors.ts';

// Slack, CRM write-back and calendar feeds: settings, logs and feeds.

export const SlackEventName = z.enum(SLACK_EVENT_NAMES as [SlackEvent, ...SlackEvent[]], {
  message: `must be one of ${SLACK_EVENT_NAMES.join(', ')}`,
});
const ChannelId = z.string().trim().regex(/^[CG][A-Z0-9]{2,30}$/, { message: 'must be a Slack channel id like C0123ABCD (channel details → bottom of the About tab)' });
/** 'own' (the project's or account's channel) or a fixed channel id. */
export const SlackTarget = z.union([z.literal('own'), ChannelId]);

export const SlackRoutes = z.partialRecord(SlackEventName, z.array(SlackTarget).max(10));
export type SlackRoutes = z.infer<typeof SlackRoutes>;

export const SlackConnectInput = z.strictObject({
  botToken: z.string().trim().regex(/^xoxb-[A-Za-z0-9-]+$/, { message: 'must be a bot token starting with xoxb- (your Slack app → OAuth & Permissions)' }),
  signingSecret: z.string().trim().regex(/^[0-9a-f]{20,64}$/i, { message: 'must be the signing secret (your Slack app → Basic Information → App Credentials)' }),
  channelPer: z.enum(['project', 'account']).default('project'),
});
export type SlackConnectInput = z.infer<typeof SlackConnectInput>;

export const SlackSettingsPatch = z
  .strictObject({
    channelPer: z.enum(['project', 'account']),
    routes: SlackRoutes,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' });
export type SlackSettingsPatch = z.infer<typeof SlackSettingsPatch>;

export const SlackSettings = z.object({
  connected: z.boolean(),
  teamName: z.string().nullable(),
  channelPer: z.enum(['project', 'account']),
  routes: SlackRoutes,
  /** Where Slack must send button presses (your app → Interactivity & Shortcuts → Request URL). */
  interactivityUrl: z.string(),
  events: z.array(z.object({ event: SlackEventName, label: z.string() })),
});
export type SlackSettings = z.infer<typeof SlackSettings>;

export const SlackChannelInput = z.union([
  z.strictObject({ channelId: ChannelId }),
  z.strictObject({ create: z.literal(true), name: z.string().trim().min(1).max(80).optional() }),
]);
export type SlackChannelInput = z.infer<typeof SlackChannelInput>;

export const SlackChannelParams = z.object({ scope: z.enum(['project', 'account']), id: z.uuid({ message: 'must be an id (a UUID)' }) });

export const SlackChannel = z.object({
  scope: z.enum(['project', 'account']),
  subjectId: z.uuid(),
  channelId: z.string(),
  channelName: z.string().nullable(),
});
export type SlackChannel = z.infer<typeof SlackChannel>;

export const SlackDelivery = z.object({
  id: z.uuid(),
  event: z.string(),
  text: z.string(),
  state: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  channelId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type SlackDelivery = z.infer<typeof SlackDelivery>;

export const CrmProvider = z.enum(['hubspot', 'salesforce']);
export const CrmSyncInput = z.strictObject({
  provider: CrmProvider,
  /** HubSpot private app token, or a Salesforce OAuth access token. */
  accessToken: z.string().trim().min(10, { message: 'is required: a HubSpot private app token or a Salesforce access token' }).max(4000),
  /** https://api.hubapi.com (HubSpot), or your Salesforce instance URL (https://yourorg.my.salesforce.com). */
  baseUrl: z.url({ protocol: /^https?$/, message: 'must be a web address like https://yourorg.my.salesforce.com' }).optional(),
  apiVersion: z.string().regex(/^v\d{2,3}\.\d$/, { message: 'must be a REST API version like v60.0' }).optional(),
  enabled: z.boolean().default(true),
});
export type CrmSyncInput = z.infer<typeof CrmSyncInput>;

export const CrmSyncSettings = z.object({
  configured: z.boolean(),
  provider: CrmProvider.nullable(),
  baseUrl: z.string().nullable(),
  apiVersion: z.string().nullable(),
  enabled: z.boolean(),
  /** Projects waiting to be written back. */
  pending: z.number(),
});
export type CrmSyncSettings = z.infer<typeof CrmSyncSettings>;

export const CrmSyncLogEntry = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string().nullable(),
  provider: CrmProvider,
  object: z.string(),
  objectId: z.string(),
  fields: z.record(z.string(), z.unknown()),
  /** skipped: nothing to write to (the deal came without its company or account id); `error` says why. */
  outcome: z.enum(['ok', 'retrying', 'failed', 'skipped']),
  error: z.string().nullable(),
  attempt: z.number(),
  reasons: z.array(z.string()),
  at: z.iso.datetime(),
});
export type CrmSyncLogEntry = z.infer<typeof CrmSyncLogEntry>;

export const CalendarFeedInput = z.strictObject({
  scope: z.enum(['member', 'project']),
  /** The project, for a project feed; a member feed is always the caller's own. */
  projectId: z.uuid({ message: 'must be an id (a UUID)' }).optional(),
});
export type CalendarFeedInput = z.infer<typeof CalendarFeedInput>;

export const CalendarFeed = z.object({
  id: z.uuid(),
  scope: z.enum(['member', 'project']),
  subjectId: z.uuid(),
  createdAt: z.iso.datetime(),
  lastReadAt: z.iso.datetime().nullable(),
  /** Only when created: the secret address (webcal-ready). Afterwards only regenerating shows one again. */
  url: z.string().optional(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const MeetingInvitationInput = z.strictObject({
  startsAt: z.iso.datetime({ offset: true, message: 'must be a date and time like 2026-03-04T14:00:00Z' }),
  durationMinutes: z.number().int().min(5).max(8 * 60).default(60),
  contactIds: z.array(z.uuid({ message: 'must be a contact id' })).min(1, { message: 'invite at least one contact' }).max(50),
  note: z.string().trim().max(2000).optional(),
});
export type MeetingInvitationInput = z.infer<typeof MeetingInvitationInput>;
