import { z } from 'zod';
import { Complexity, Segment } from './accounts.ts';
import { Email, IsoDate, PersonName, Timezone } from './common.ts';
import { ContactRole } from './contacts.ts';

/** A won deal, as the CRM sends it: Landfall's own format, which the HubSpot and Salesforce adapters map to. */
export const WonDeal = z.object({
  /** The CRM's id of the deal: the same id never makes a second project. */
  dealId: z.string().trim().min(1, { message: 'is required' }).max(200),
  company: z.object({
    /** The CRM's id of the company (HubSpot) or account (Salesforce): write-back updates it too when given. */
    id: z.string().trim().min(1).max(200).nullable().optional(),
    name: z.string().trim().min(1, { message: 'is required' }).max(200),
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'must be a domain like example.com' })
      .nullable()
      .optional(),
    industry: z.string().trim().min(1).max(80).default('Unknown'),
    segment: Segment,
    complexity: Complexity.default('moderate'),
    timezone: Timezone.optional(),
  }),
  products: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  contractValue: z.number().int().min(0).max(1e12).default(0),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be a 3-letter currency code like USD' }).default('USD'),
  /** Day 0. */
  closedOn: IsoDate,
  renewalOn: IsoDate.nullable().optional(),
  contacts: z
    .array(z.object({ name: PersonName, email: Email, title: z.string().trim().max(120).nullable().optional(), role: ContactRole }))
    .max(200)
    .default([]),
  salesRep: z.object({ email: Email, name: z.string().trim().max(120).optional() }),
});
export type WonDeal = z.infer<typeof WonDeal>;

export const IntakeResult = z.object({
  deliveryId: z.uuid(),
  /** false when this deal id had been received before: nothing new was created. */
  created: z.boolean(),
  accountId: z.uuid(),
  /** null: the deal added only products that need no implementation to an existing account (users-only onboarding). */
  projectId: z.uuid().nullable(),
});
export type IntakeResult = z.infer<typeof IntakeResult>;

export const IntakeDelivery = z.object({
  id: z.uuid(),
  source: z.string(),
  dealId: z.string(),
  status: z.enum(['processed', 'failed']),
  error: z.string().nullable(),
  accountId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  attempts: z.number().int(),
  receivedAt: z.iso.datetime(),
  processedAt: z.iso.datetime().nullable(),
  payload: z.unknown(),
});
export type IntakeDelivery = z.infer<typeof IntakeDelivery>;

export const IntakeSettings = z.object({
  /** Sign webhooks with it: HMAC-SHA256 over `${timestamp}.${raw body}`. */
  webhookSecret: z.string(),
  hubspotClientSecret: z.string().nullable(),
  salesforceOrganizationId: z.string().nullable(),
  endpoints: z.object({ deals: z.string(), hubspot: z.string(), salesforce: z.string() }),
});
export type IntakeSettings = z.infer<typeof IntakeSettings>;

export const IntakeSettingsPatch = z
  .object({
    hubspotClientSecret: z.string().trim().min(8).max(200).nullable(),
    salesforceOrganizationId: z
      .string()
      .trim()
      .regex(/^00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/, { message: 'must be a Salesforce organization id (00D…, 15 or 18 characters)' })
      .nullable(),
    rotateWebhookSecret: z.boolean(),
  })
  .partial();
