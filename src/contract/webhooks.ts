import { z } from 'zod';

/** The events a webhook endpoint may subscribe to: domain events (server/events/catalogue.ts) worth telling another system. */
export const WEBHOOK_EVENT_TYPES = [
  'project.created',
  'project.status_changed',
  'task.completed',
  'milestone.reached',
  'outcome.verified',
  'deal.won',
  'contact.joined',
  'contact.left',
  'risk.raised',
  'path.completed',
  'maturity.stage_reached',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES, { message: `must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` });
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** What each event type means, in the words the settings page shows. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'project.created': 'Project created',
  'project.status_changed': 'Project paused, resumed, closed or reopened',
  'task.completed': 'Task completed',
  'milestone.reached': 'Milestone reached (go-live, first value…)',
  'outcome.verified': 'Outcome verified by the customer',
  'deal.won': 'Won deal received from the CRM',
  'contact.joined': 'Contact added',
  'contact.left': 'Contact left the customer',
  'risk.raised': 'Risk raised on an account',
  'path.completed': 'Learning path completed',
  'maturity.stage_reached': 'Maturity stage reached',
};

const WebhookUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL, like https://hooks.example.com/landfall' }).max(2000);

export const WebhookEndpointInput = z.strictObject({
  url: WebhookUrl,
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(WebhookEventType).min(1, { message: 'choose at least one event' }).max(WEBHOOK_EVENT_TYPES.length),
});
export type WebhookEndpointInput = z.input<typeof WebhookEndpointInput>;

export const WebhookEndpointPatch = z
  .strictObject({
    url: WebhookUrl,
    description: z.string().trim().max(200),
    eventTypes: z.array(WebhookEventType).min(1, { message: 'choose at least one event' }).max(WEBHOOK_EVENT_TYPES.length),
    /** Turn a disabled endpoint back on (its failures are forgotten), or pause it. */
    enabled: z.boolean(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one of url, description, eventTypes, enabled' });
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>;

export const WebhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(WebhookEventType),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  failingSince: z.iso.datetime().nullable(),
  /** Until then, deliveries are signed with the previous secret as well as the new one. */
  previousSecretUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** An endpoint with its signing secret: answered only at creation and rotation. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const RotateSecretInput = z.strictObject({
  /** How long the old secret keeps signing too, so the receiver can switch over (0 ends it at once). */
  overlapHours: z.number().int().min(0).max(168).default(24),
});

export const WebhookDeliveryState = z.enum(['pending', 'sending', 'delivered', 'failed']);

export const WebhookAttempt = z.object({
  at: z.iso.datetime(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  trigger: z.string(),
});

export const WebhookDelivery = z.object({
  id: z.uuid(),
  endpointId: z.uuid(),
  endpointUrl: z.string(),
  messageId: z.string(),
  eventType: z.string(),
  state: WebhookDeliveryState,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  payload: z.unknown(),
  log: z.array(WebhookAttempt),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryQuery = z.strictObject({
  endpointId: z.uuid({ message: 'must be an endpoint id' }).optional(),
  state: WebhookDeliveryState.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
