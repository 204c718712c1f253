// The outbox as people see it (the Mail page), the frequency cap setting, and the public unsubscribe.
import type { Ctx, Services } from '../context.ts';
import { contextFor, inTransaction, systemActor } from '../context.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import type { MemberRole } from '../../core/people.ts';
import { hashToken } from '../security/secrets.ts';
import * as repo from './mail.repo.ts';
import type { OutboxListQuery, OutboxMessage } from '../../contract/mail.ts';

/** An outbox row as the Mail page and a contact's timeline show it. */
export const presentMessage = (row: repo.OutboxRow): OutboxMessage => ({
  id: row.id,
  kind: row.kind as 'transactional' | 'automated' | 'test',
  channel: row.channel as 'email' | 'portal',
  state: row.state as 'scheduled' | 'sending' | 'sent' | 'failed' | 'suppressed' | 'bounced',
  reason: row.reason,
  lastError: row.lastError,
  to: row.toAddress,
  fromName: row.fromName,
  subject: row.subject,
  messageId: row.messageId,
  projectId: row.projectId,
  contactId: row.contactId,
  cadenceId: row.cadenceId,
  stepId: row.stepId,
  stepName: row.stepName,
  occurrence: row.occurrence,
  priority: row.priority as 'high' | 'normal' | 'low' | null,
  dueAt: row.dueAt?.toISOString() ?? null,
  sendAfter: row.sendAfter.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
  attempts: row.attempts,
  interruptedAttempts: row.interruptedAttempts,
  createdAt: row.createdAt.toISOString(),
});

/** Every message written to the contact (sent, scheduled or stopped), by when it may leave. */
export async function messagesToContact(ctx: Ctx, contactId: string) {
  return (await repo.contactMessages(ctx.db, ctx.workspaceId, contactId)).map(presentMessage);
}

export async function listOutbox(ctx: Ctx, query: OutboxListQuery) {
  const { rows, total, states } = await repo.listOutbox(ctx.db, ctx.workspaceId, query);
  return {
    messages: rows.map(presentMessage),
    total,
    countsByState: Object.fromEntries(states.map((row) => [row.state, row.count])),
    smtpConfigured: Boolean(ctx.services.config.smtpUrl),
  };
}

/**
 * Who may read what a message says: the people who write to customers and answer for what they were told. A
 * leader oversees through the list (who, what, when, why), sales and education do not write onboarding mail,
 * and an API token is an integration that has no reader behind it: they see the metadata only.
 */
const READS_MAIL_CONTENT: ReadonlySet<MemberRole> = new Set(['admin', 'onboarding_manager', 'implementation_manager', 'csm']);

/**
 * One message as stored: credentials (invitations, sign-in links and codes, unsubscribe links) are hidden in the
 * stored text itself (see credentials.ts), for every role; only the recipient's copy carries them.
 */
export async function getOutboxMessage(ctx: Ctx, id: string) {
  const row = await repo.findOutboxRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound('message');
  if (ctx.actor.kind !== 'member' || !READS_MAIL_CONTENT.has(ctx.actor.role)) {
    throw forbidden('What a message says is shown to admins, onboarding and implementation managers and CSMs; the outbox list shows its state.');
  }
  return { ...presentMessage(row), text: row.textBody, html: row.htmlBody, unsubscribeUrl: row.unsubscribeUrl ? '[unsubscribe link hidden]' : null };
}

/** Sends a message again; answers with its state only (the content is for the Mail page's readers). */
export async function retryMessage(ctx: Ctx, id: string) {
  const row = await repo.findOutboxRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound('message');
  if (row.state === 'failed' && row.textBody === '') {
    throw conflict('This message could not be rendered from its template, so there is nothing to send: fix the cadence step.');
  }
  await repo.retryNow(ctx.db, ctx.workspaceId, id, ctx.services.now());
  return presentMessage((await repo.findOutboxRow(ctx.db, ctx.workspaceId, id))!);
}

export async function getMailSettings(ctx: Ctx) {
  return { ...(await repo.capRules(ctx.db, ctx.workspaceId)), smtpConfigured: Boolean(ctx.services.config.smtpUrl) };
}

export async function saveMailSettings(ctx: Ctx, rules: { perDay: number; perWeek: number }) {
  await repo.saveCapRules(ctx.db, ctx.workspaceId, rules, ctx.services.now());
  return getMailSettings(ctx);
}

/** What an unsubscribe link is about (for its confirmation page); undefined for an unknown link. */
export async function unsubscribeInfo(services: Services, token: string) {
  const preference = await repo.findPreferenceByToken(services.database.db, token, hashToken(token));
  if (!preference) return undefined;
  const [contact] = await services.database.query<{ email: string; account: string }>(
    'select c.email, a.name as account from contacts c join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id where c.workspace_id = $1 and c.id = $2',
    [preference.workspaceId, preference.contactId],
  );
  return contact ? { email: contact.email, account: contact.account, unsubscribed: preference.unsubscribedAt !== null } : undefined;
}

/** Stops every automated message to the contact: now and from now on. Idempotent. */
export async function unsubscribe(services: Services, token: string) {
  const db = services.database.db;
  const preference = await repo.findPreferenceByToken(db, token, hashToken(token));
  if (!preference) return undefined;
  const ctx = contextFor(services, systemActor(preference.workspaceId, 'unsubscribe'));
  await inTransaction(ctx, async (tx) => {
    const now = tx.services.now();
    if (!preference.unsubscribedAt) await repo.setUnsubscribed(tx.db, preference.workspaceId, preference.contactId, now);
    await repo.suppressScheduledFor(tx.db, preference.workspaceId, preference.contactId, 'The contact unsubscribed from automated email.', now);
  });
  return unsubscribeInfo(services, token);
}
