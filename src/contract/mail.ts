import { z } from 'zod';
import { PRIORITIES } from '../core/cadences/types.ts';

export const OUTBOX_STATES = ['scheduled', 'sending', 'sent', 'failed', 'suppressed', 'bounced'] as const;

export const OutboxMessage = z.object({
  id: z.uuid(),
  kind: z.enum(['transactional', 'automated', 'test']),
  channel: z.enum(['email', 'portal']),
  state: z.enum(OUTBOX_STATES),
  reason: z.string().nullable(),
  lastError: z.string().nullable(),
  to: z.string(),
  fromName: z.string().nullable(),
  subject: z.string(),
  messageId: z.string(),
  projectId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  cadenceId: z.uuid().nullable(),
  stepId: z.string().nullable(),
  stepName: z.string().nullable(),
  occurrence: z.number().int(),
  priority: z.enum(PRIORITIES).nullable(),
  dueAt: z.iso.datetime().nullable(),
  sendAfter: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  attempts: z.number().int(),
  interruptedAttempts: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxListQuery = z.object({
  state: z.enum(OUTBOX_STATES).optional(),
  kind: z.enum(['transactional', 'automated', 'test']).optional(),
  q: z.string().trim().max(200).optional(),
  projectId: z.uuid({ message: 'must be a project id' }).optional(),
  contactId: z.uuid({ message: 'must be a contact id' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

export const OutboxList = z.object({
  messages: z.array(OutboxMessage),
  total: z.number().int(),
  countsByState: z.record(z.string(), z.number().int()),
  /** False: nothing leaves the machine, the outbox is where mail ends (the demo). */
  smtpConfigured: z.boolean(),
});
export type OutboxList = z.infer<typeof OutboxList>;

export const OutboxMessageFull = OutboxMessage.extend({ text: z.string(), html: z.string().nullable(), unsubscribeUrl: z.string().nullable() });
export type OutboxMessageFull = z.infer<typeof OutboxMessageFull>;

export const MailSettingsInput = z
  .object({ perDay: z.number().int().min(1).max(10), perWeek: z.number().int().min(1).max(50) })
  .refine((rules) => rules.perWeek >= rules.perDay, { message: 'cannot be below the daily cap', path: ['perWeek'] });
export const MailSettings = z.object({ perDay: z.number().int(), perWeek: z.number().int(), smtpConfigured: z.boolean() });

export const UnsubscribeParams = z.object({ token: z.string().min(10).max(200) });
