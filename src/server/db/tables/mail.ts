import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { contacts } from './contacts.ts';
import { workspaces } from './workspaces.ts';

export const outbox = pgTable(
  'mail_outbox',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    dedupeKey: text('dedupe_key').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    messageId: text('message_id').notNull(),
    state: text('state').notNull().default('scheduled'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    // Cadences and automated mail (the cadence tables are in cadences.ts).
    /** transactional (invitations…), automated (cadences, reminders: capped, unsubscribable) or test. */
    kind: text('kind').notNull().default('transactional'),
    /** email, or portal (an in-portal message: never leaves through SMTP). */
    channel: text('channel').notNull().default('email'),
    fromName: text('from_name'),
    replyTo: text('reply_to'),
    unsubscribeUrl: text('unsubscribe_url'),
    projectId: uuid('project_id'),
    contactId: uuid('contact_id'),
    cadenceId: uuid('cadence_id'),
    stepId: text('step_id'),
    stepName: text('step_name'),
    /** 0 for a one-off step; the week number of a weekly one. */
    occurrence: integer('occurrence').notNull().default(0),
    priority: text('priority'),
    /** When the step was due; send_after is when it may go (later when the frequency cap holds it). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    recipientTimezone: text('recipient_timezone'),
    /** The task whose completion makes this message moot (its goal met): checked again just before sending. */
    goalTaskId: uuid('goal_task_id'),
    /** Why the message is in its state: a skip, a cap decision, a retry. */
    reason: text('reason'),
    /** A sending process holds the row until then; past it, another may take it over. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** Deliveries taken over from a process that died mid-send: the message may have arrived twice (same Message-ID). */
    interruptedAttempts: integer('interrupted_attempts').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    /**
     * The credentials the message carries (invitation, sign-in link and code, unsubscribe link), which the stored
     * text shows as markers: put back only when the message is sent. No route returns this column.
     */
    credentials: jsonb('credentials').$type<{ marker: string; value: string }[]>(),
    /** Files sent with the message (a webinar's calendar invitation): small text parts only. */
    attachments: jsonb('attachments').$type<{ filename: string; contentType: string; content: string }[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('mail_outbox_dedupe_key').on(t.workspaceId, t.dedupeKey),
    index('mail_outbox_due_idx').on(t.state, t.sendAfter),
    // One message per (cadence step, contact, project) (and per week for a weekly step), whatever runs twice.
    uniqueIndex('mail_outbox_cadence_step_key')
      .on(t.workspaceId, t.projectId, t.stepId, t.contactId, t.occurrence)
      .where(sql`${t.stepId} is not null`),
    index('mail_outbox_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('mail_outbox_contact_idx').on(t.workspaceId, t.contactId),
    // A cadence's counts per step (sent, bounced…).
    index('mail_outbox_cadence_idx').on(t.workspaceId, t.cadenceId, t.stepId).where(sql`${t.cadenceId} is not null`),
    index('mail_outbox_recipient_idx').on(t.workspaceId, sql`lower(${t.toAddress})`, t.sendAfter),
  ],
);

/** Per workspace: the frequency cap on automated mail to one person. */
export const mailSettings = pgTable('mail_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  capPerDay: integer('cap_per_day').notNull().default(1),
  capPerWeek: integer('cap_per_week').notNull().default(3),
  updatedAt: updatedAt(),
});

/** Per contact: the token of their unsubscribe link, and whether they used it. */
export const contactMailPreferences = pgTable(
  'contact_mail_preferences',
  {
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    /** Random (unsub_ + 24 bytes), kept in clear to write the link into each message; found through token_lookups. */
    unsubscribeToken: text('unsubscribe_token').notNull(),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  },
  (t) => [
    unique('contact_mail_preferences_contact_key').on(t.workspaceId, t.contactId),
    unique('contact_mail_preferences_workspace_unsubscribe_token_key').on(t.workspaceId, t.unsubscribeToken),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

/**
 * Hard bounces: the recipient's server refused the address for good (a 5xx about the mailbox). Written by delivery;
 * the people module reads the ones not handled yet and marks the contacts at that address as left.
 */
export const mailBounces = pgTable(
  'mail_bounces',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    address: text('address').notNull(),
    message: text('message').notNull(),
    outboxId: uuid('outbox_id'),
    bouncedAt: timestamp('bounced_at', { withTimezone: true }).notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),index('mail_bounces_unhandled_idx').on(t.bouncedAt).where(sql`handled_at is null`)],
);
