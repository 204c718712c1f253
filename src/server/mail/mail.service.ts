import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Services } from '../context.ts';
import type { Db } from '../db/client.ts';
import * as repo from './mail.repo.ts';

export type { OutgoingMail } from './mail.repo.ts';

const MAX_ATTEMPTS = 6;

/** A Message-ID derived from the dedupe key, so a resend of the same message carries the same id. */
function messageIdFor(workspaceId: string, dedupeKey: string, publicUrl: string): string {
  const digest = createHash('sha256').update(`${workspaceId}:${dedupeKey}`).digest('hex').slice(0, 32);
  return `<${digest}@${new URL(publicUrl).hostname}>`;
}

/**
 * Writes a message to the outbox. Call it inside the transaction of the change that causes it:
 * the message exists if and only if the change committed.
 */
export async function queueMail(db: Db, services: Services, workspaceId: string, mail: repo.OutgoingMail) {
  await repo.insertMail(db, workspaceId, mail, messageIdFor(workspaceId, mail.dedupeKey, services.config.publicUrl), services.now());
}

/** Sends what is due. Without SMTP_URL nothing leaves the machine: the outbox is the destination. */
export async function deliverDueMail(services: Services, limit = 100): Promise<number> {
  const { smtpUrl, mailFrom } = services.config;
  if (!smtpUrl) return 0;
  const db = services.database.db;
  const due = await repo.dueMail(db, services.now(), limit);
  if (due.length === 0) return 0;
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  try {
    for (const mail of due) {
      try {
        await transport.sendMail({
          from: mailFrom,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody ?? undefined,
          messageId: mail.messageId,
        });
        await repo.markSent(db, mail.id, services.now());
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        const retryAt =
          attempts < MAX_ATTEMPTS ? new Date(services.now().getTime() + 2 ** attempts * 30_000) : undefined;
        await repo.markFailed(db, mail.id, error instanceof Error ? error.message : String(error), retryAt);
      }
    }
  } finally {
    transport.close();
  }
  return sent;
}
