import { createHash } from 'node:crypto';
import net from 'node:net';
import type { SQL } from 'drizzle-orm';
import { IANAZone } from 'luxon';
import nodemailer, { type Transporter } from 'nodemailer';
import { allocateSlots, type CapDecision, type CapRules, type PendingMessage } from '../../core/cadences/cap.ts';
import type { Priority } from '../../core/cadences/types.ts';
import type { BusinessCalendar } from '../../core/calendar.ts';
import type { Services } from '../context.ts';
import type { Db } from '../db/client.ts';
import { hashToken, randomToken } from '../security/secrets.ts';
import { hideCredentials, revealCredentials } from './credentials.ts';
import * as repo from './mail.repo.ts';

export type { OutgoingMail } from './mail.repo.ts';

const MAX_ATTEMPTS = 6;
/** How long a sending process holds a claimed message before another may take it over. */
const DEFAULT_LEASE_MS = 2 * 60_000;

/** A Message-ID derived from the dedupe key, so a resend of the same message carries the same id. */
export function messageIdFor(workspaceId: string, dedupeKey: string, publicUrl: string): string {
  const digest = createHash('sha256').update(`${workspaceId}:${dedupeKey}`).digest('hex').slice(0, 32);
  return `<${digest}@${new URL(publicUrl).hostname}>`;
}

/**
 * Writes a message to the outbox. Call it inside the transaction of the change that causes it:
 * the message exists if and only if the change committed.
 */
export async function queueMail(db: Db, services: Services, workspaceId: string, mail: repo.OutgoingMail) {
  await queueMails(db, services, workspaceId, [mail]);
}

/** Writes many messages to the outbox in one statement (same rows as queueMail once each). */
export async function queueMails(db: Db, services: Services, workspaceId: string, mails: repo.OutgoingMail[]) {
  const now = services.now();
  await repo.insertRows(
    db,
    mails.map((mail) => ({ ...outboxRowOf(services, workspaceId, mail, hideCredentials({ text: mail.text, html: mail.html ?? null }, mail.credentials ?? []), now), attachments: mail.attachments ?? null, sendAfter: now })),
  );
}

/** What every outbox row says of its message: to whom, what (credentials hidden), and its Message-ID. */
function outboxRowOf(services: Services, workspaceId: string, mail: repo.OutgoingMail, shown: ReturnType<typeof hideCredentials>, now: Date) {
  return {
    workspaceId,
    dedupeKey: mail.dedupeKey,
    toAddress: mail.to,
    subject: mail.subject,
    textBody: shown.text,
    htmlBody: shown.html,
    credentials: shown.hidden.length > 0 ? shown.hidden : null,
    messageId: messageIdFor(workspaceId, mail.dedupeKey, services.config.publicUrl),
    createdAt: now,
  };
}

/** The workspace's frequency cap: how many automated emails one person may get per day and per week. */
export function frequencyCapOf(db: Db, workspaceId: string): Promise<CapRules> {
  return repo.capRules(db, workspaceId);
}

/** Which of these contacts unsubscribed from automated email (they still get transactional mail). */
export function unsubscribedAmong(db: Db, workspaceId: string, contactIds: string[]): Promise<Set<string>> {
  return repo.unsubscribedContacts(db, workspaceId, contactIds);
}

/** An automated message (a cadence step, a reminder): capped per recipient, stopped by an unsubscribe. */
export interface AutomatedMail extends repo.OutgoingMail {
  html: string;
  channel: 'email' | 'portal';
  fromName: string;
  replyTo: string | null;
  unsubscribeUrl: string;
  contactId: string;
  projectId: string | null;
  cadenceId: string | null;
  stepId: string | null;
  stepName: string;
  occurrence: number;
  priority: Priority;
  dueAt: Date;
  recipientTimezone: string;
  goalTaskId: string | null;
  /** Set when the message is not to be sent (a stop condition): it is stored as suppressed, with this reason. */
  skip: string | null;
  /** Set when the message could not be written (its template failed to render): it is stored as failed, with this reason. */
  failed?: string | null;
}

/**
 * Automated mail that is not a step (a reminder, an escalation) is about a date: the cap never holds it. A step
 * of a cadence or of a user onboarding journey (a step id, no cadence) is capped like any other.
 */
const isTimeCritical = (mail: { cadenceId: string | null; stepId: string | null }) => mail.cadenceId === null && mail.stepId === null;

/**
 * Writes automated messages to the outbox, inside the caller's transaction, and applies the frequency cap
 * per recipient over every automated email they have (sent, being sent, or still scheduled, which the cap
 * may move or drop). Returns how many rows were written (a step already in the outbox is not written again).
 */
export async function queueAutomatedMail(
  db: Db,
  services: Services,
  workspaceId: string,
  mails: AutomatedMail[],
  calendar: BusinessCalendar,
  rules: CapRules,
): Promise<number> {
  const now = services.now();
  const rowOf = (mail: AutomatedMail, sendAfter: Date, state: string, reason: string | null): repo.NewOutboxRow => {
    // The unsubscribe link is the contact's: whoever holds it can stop their email, so the outbox hides it too.
    const shown = hideCredentials({ text: mail.text, html: mail.html }, [{ label: 'unsubscribe link', value: mail.unsubscribeUrl }, ...(mail.credentials ?? [])]);
    return {
    ...outboxRowOf(services, workspaceId, mail, shown, now),
    state,
    reason,
    sendAfter,
    updatedAt: now,
    kind: 'automated',
    channel: mail.channel,
    fromName: mail.fromName,
    replyTo: mail.replyTo,
    unsubscribeUrl: mail.unsubscribeUrl,
    projectId: mail.projectId,
    contactId: mail.contactId,
    cadenceId: mail.cadenceId,
    stepId: mail.stepId,
    stepName: mail.stepName,
    occurrence: mail.occurrence,
    priority: mail.priority,
    dueAt: mail.dueAt,
    recipientTimezone: mail.recipientTimezone,
    goalTaskId: mail.goalTaskId,
    };
  };

  let written = 0;
  const skipped = mails.filter((mail) => mail.skip);
  written += (await repo.insertRows(db, skipped.map((mail) => rowOf(mail, mail.dueAt, 'suppressed', mail.skip)))).length;
  const failed = mails.filter((mail) => !mail.skip && mail.failed);
  written += (await repo.insertRows(db, failed.map((mail) => rowOf(mail, mail.dueAt, 'failed', mail.failed!)))).length;
  // In-portal messages are not email: the cap does not count them.
  const portal = mails.filter((mail) => !mail.skip && !mail.failed && mail.channel === 'portal');
  written += (await repo.insertRows(db, portal.map((mail) => rowOf(mail, mail.dueAt, 'scheduled', null)))).length;

  const byRecipient = new Map<string, AutomatedMail[]>();
  for (const mail of mails) {
    if (mail.skip || mail.failed || mail.channel !== 'email') continue;
    const key = mail.to.toLowerCase();
    byRecipient.set(key, [...(byRecipient.get(key) ?? []), mail]);
  }
  for (const [address, batch] of byRecipient) {
    await repo.lockRecipient(db, workspaceId, address);
    const earliest = Math.min(...batch.map((mail) => mail.dueAt.getTime()));
    const others = await repo.recipientMail(db, workspaceId, address, new Date(earliest - 8 * 86_400_000));
    const fixed = others.filter((row) => row.state !== 'scheduled').map((row) => ({ at: (row.sentAt ?? row.sendAfter).getTime() }));
    const movable = others.filter((row) => row.state === 'scheduled');
    const pending: PendingMessage[] = [
      ...movable.map((row) => ({
        id: row.id,
        dueAt: (row.dueAt ?? row.sendAfter).getTime(),
        priority: (row.priority ?? 'normal') as Priority,
        label: row.stepName ?? '',
        timeCritical: isTimeCritical(row),
      })),
      ...batch.map((mail) => ({ id: `new:${mail.dedupeKey}`, dueAt: mail.dueAt.getTime(), priority: mail.priority, label: mail.stepName, timeCritical: isTimeCritical(mail) })),
    ];
    const zone = batch[0]!.recipientTimezone;
    const decisions = allocateSlots(fixed, pending, rules, zone, calendar);
    const rows = batch.map((mail) => {
      const decision = decisions.get(`new:${mail.dedupeKey}`)!;
      return decision.kind === 'send'
        ? rowOf(mail, new Date(decision.at), 'scheduled', decision.reason)
        : rowOf(mail, mail.dueAt, 'suppressed', decision.reason);
    });
    written += (await repo.insertRows(db, rows)).length;
    for (const row of movable) await applyDecision(db, workspaceId, row, decisions.get(row.id)!, now);
  }
  return written;
}

async function applyDecision(db: Db, workspaceId: string, row: { id: string; sendAfter: Date; reason: string | null }, decision: CapDecision, now: Date) {
  if (decision.kind === 'drop') return repo.markSuppressed(db, workspaceId, [row.id], decision.reason, now);
  if (decision.at !== row.sendAfter.getTime() || decision.reason !== row.reason) {
    await repo.reschedule(db, workspaceId, row.id, new Date(decision.at), decision.reason, now);
  }
}

// ---- delivery ----

const transports = new Map<string, Transporter>();
type GetSocket = (options: { host?: string; port?: number }, callback: (error: Error | null, socket?: { connection: net.Socket }) => void) => void;

/**
 * Messages sent at once by one process. A process killed between the server's "accepted" and the database's "sent"
 * leaves at most this many to be sent again (same Message-ID) by whoever claims them next.
 */
export const MAIL_SEND_CONCURRENCY = 4;

/** Tries to record a message as sent for about 15 s (a database restarting, a connection dropped), then gives up. */
async function recordSent(write: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 4000)));
    }
  }
}

/** One pooled SMTP transport per URL, kept for the process: connections are reused between batches. */
function transportFor(smtpUrl: string, connections: number): Transporter {
  const key = `${smtpUrl}#${connections}`;
  let transport = transports.get(key);
  if (!transport) {
    const url = new URL(smtpUrl);
    url.searchParams.set('pool', 'true');
    url.searchParams.set('maxConnections', String(connections));
    url.searchParams.set('maxMessages', '1000000');
    transport = nodemailer.createTransport(url.toString());
    // Our own sockets, with Nagle's algorithm off: SMTP is a chatty request/response protocol, and a small
    // final write waiting for a delayed ACK costs ~40 ms a message (25 a second per connection instead of 2,000).
    (transport as unknown as { getSocket: GetSocket }).getSocket = (options, callback) => {
      const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 25 });
      const failed = (error: Error) => callback(error);
      socket.once('error', failed);
      socket.once('connect', () => {
        socket.off('error', failed);
        socket.setNoDelay(true);
        callback(null, { connection: socket });
      });
    };
    transports.set(key, transport);
  }
  return transport;
}

/** Closes the pooled SMTP connections (tests, shutdown). */
export function closeMailTransports() {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

export interface DeliveryOptions {
  /** Messages claimed per round. */
  batch?: number;
  /** Messages in flight at once (SMTP connections). */
  concurrency?: number;
  leaseMs?: number;
  /** Stop after this many rounds (the mail job comes back soon anyway). */
  maxRounds?: number;
}

interface SmtpError {
  responseCode?: number;
  message?: string;
}

/** A 5xx answer about the recipient is final (a bounce); anything else (4xx, a connection problem) is worth a retry. */
function classify(error: unknown): { permanent: boolean; bounce: boolean; message: string } {
  const smtp = (error ?? {}) as SmtpError;
  const message = smtp.message ?? String(error);
  const code = smtp.responseCode;
  if (code && code >= 500) return { permanent: true, bounce: code === 550 || code === 551 || code === 553 || /recipient|mailbox|user/i.test(message), message };
  return { permanent: false, bounce: false, message };
}

/**
 * Sends what is due, and delivers in-portal messages. Without SMTP_URL no email leaves the machine: it stays
 * in the outbox, which the Mail page shows. Each message is marked sent right after the server accepted it,
 * so a crash can repeat at most the messages in flight (same Message-ID), never lose one.
 */
export async function deliverDueMail(services: Services, options: DeliveryOptions = {}): Promise<number> {
  const { smtpUrl, mailFrom } = services.config;
  const batch = options.batch ?? 100;
  const concurrency = options.concurrency ?? MAIL_SEND_CONCURRENCY;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const db = services.database.db;
  const channels = smtpUrl ? ['email', 'portal'] : ['portal'];
  const fromAddress = mailFrom.match(/<([^>]+)>/)?.[1] ?? mailFrom;
  let sent = 0;

  for (let round = 0; round < (options.maxRounds ?? 50); round++) {
    const due = await repo.claimDue(db, services.now(), batch, leaseMs, channels);
    if (due.length === 0) break;
    const stopped = await repo.stoppedMessages(db, due, services.now());
    const workspaceOf = new Map(due.map((row) => [row.id, row.workspaceId]));
    for (const { id, reason } of stopped) await repo.markSuppressed(db, workspaceOf.get(id)!, [id], reason, services.now());
    const stoppedIds = new Set(stopped.map((row) => row.id));
    const queue = due.filter((row) => !stoppedIds.has(row.id));

    const sendOne = async (mail: repo.OutboxRow) => {
      if (mail.channel === 'portal') {
        await repo.markSent(db, mail.workspaceId, mail.id, services.now(), 'Delivered in the customer portal.');
        sent++;
        return;
      }
      const resent = mail.interruptedAttempts > 0
        ? `Sent again after a sending process stopped mid-delivery (${mail.interruptedAttempts}×): the first attempt may also have arrived, with the same Message-ID.`
        : null;
      const body = revealCredentials({ text: mail.textBody, html: mail.htmlBody }, mail.credentials);
      let accepted = false;
      try {
        await transportFor(smtpUrl!, concurrency).sendMail({
          from: mail.fromName ? { name: mail.fromName, address: fromAddress } : mailFrom,
          to: mail.toAddress,
          replyTo: mail.replyTo ?? undefined,
          subject: mail.subject,
          text: body.text,
          html: body.html ?? undefined,
          messageId: mail.messageId,
          date: services.now(),
          ...(mail.attachments ? { attachments: mail.attachments } : {}),
          ...(mail.unsubscribeUrl
            ? { list: { unsubscribe: mail.unsubscribeUrl }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
            : {}),
        });
        accepted = true;
        // The server has the message: record it even through a database restart, or it would be sent again.
        await recordSent(() => repo.markSent(db, mail.workspaceId, mail.id, services.now(), resent));
        sent++;
      } catch (error) {
        if (accepted) throw error; // sent, but the database stayed away: the lease runs out and it may go twice
        const { permanent, bounce, message } = classify(error);
        const attempts = mail.attempts + 1;
        const now = services.now();
        if (!permanent && attempts < MAX_ATTEMPTS) {
          const retryAt = new Date(now.getTime() + 2 ** attempts * 30_000);
          await repo.markUnsent(db, mail.workspaceId, mail.id, now, {
            state: 'scheduled',
            error: message,
            retryAt,
            reason: `Attempt ${attempts} of ${MAX_ATTEMPTS} failed (${message.slice(0, 120)}); trying again at ${retryAt.toISOString()}.`,
          });
        } else {
          await repo.markUnsent(db, mail.workspaceId, mail.id, now, {
            state: bounce ? 'bounced' : 'failed',
            error: message,
            reason: bounce ? `The recipient's server refused the address: ${message.slice(0, 200)}` : `Gave up after ${attempts} attempts: ${message.slice(0, 200)}`,
          });
          // A hard bounce is news about the person (they may have left): the people module reads it from here.
          if (bounce) await repo.recordBounce(db, { workspaceId: mail.workspaceId, address: mail.toAddress, message: message.slice(0, 500), outboxId: mail.id, bouncedAt: now });
        }
      }
    };

    let next = 0;
    const slot = async () => {
      while (next < queue.length) await sendOne(queue[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, slot));
    if (due.length < batch) break;
  }
  return sent;
}

// ---- unsubscribe ----

/** The public unsubscribe link of a contact (the token is made on first use, in the caller's transaction). */
export async function unsubscribeUrlFor(db: Db, services: Services, workspaceId: string, contactId: string): Promise<string> {
  const fresh = randomToken('unsub');
  const token = await repo.unsubscribeToken(db, workspaceId, contactId, { token: fresh, tokenHash: hashToken(fresh) });
  return `${services.config.publicUrl}/api/v1/unsubscribe/${token}`;
}

export { DEFAULT_LEASE_MS };

/**
 * Many low-priority automated notices at once (release news, a webinar's recording, reminders), written in one
 * statement under the one frequency cap (per local day and week of each recipient) and unsubscribes
 * (mail.repo insertCappedNotices). `notices`: rows, or an SQL select of (contact_id, dedupe_key, to_address,
 * subject, text_body) so a large audience never leaves the database. Returns how many rows were written.
 */
export async function queueCappedNotices(db: Db, services: Services, workspaceId: string, notices: Omit<repo.CappedNotice, 'messageId'>[] | SQL, label: string) {
  if (Array.isArray(notices) && notices.length === 0) return 0;
  const rules = await repo.capRules(db, workspaceId);
  const zones = (await repo.timezonesInUse(db, workspaceId)).filter((zone) => IANAZone.isValidZone(zone));
  const source = Array.isArray(notices) ? repo.noticeRows(notices) : notices;
  return repo.insertCappedNotices(db, workspaceId, source, { label, rules, zones, now: services.now(), messageHost: new URL(services.config.publicUrl).hostname });
}

/** Hard bounces not handled yet, claimed (marked handled) in the caller's transaction. */
export const takeUnhandledBounces = (db: Db, now: Date, limit: number) => repo.claimUnhandledBounces(db, now, limit);
