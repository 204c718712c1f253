import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';

export interface OutgoingMail {
  /** One message per key: writing the same key twice keeps the first (exactly-once effect). */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export async function insertMail(db: Db, workspaceId: string, mail: OutgoingMail, messageId: string, now: Date) {
  await db
    .insert(outbox)
    .values({
      workspaceId,
      dedupeKey: mail.dedupeKey,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      messageId,
      sendAfter: now,
      createdAt: now,
    })
    .onConflictDoNothing();
}

export function dueMail(db: Db, now: Date, limit: number) {
  return db
    .select()
    .from(outbox)
    .where(and(inArray(outbox.state, ['scheduled', 'retrying']), lte(outbox.sendAfter, now)))
    .orderBy(asc(outbox.sendAfter))
    .limit(limit);
}

export async function markSent(db: Db, id: string, now: Date) {
  await db.update(outbox).set({ state: 'sent', sentAt: now, attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, id));
}

export async function markFailed(db: Db, id: string, error: string, retryAt: Date | undefined) {
  await db
    .update(outbox)
    .set({
      state: retryAt ? 'retrying' : 'failed',
      lastError: error.slice(0, 500),
      sendAfter: retryAt ?? sql`${outbox.sendAfter}`,
      attempts: sql`${outbox.attempts} + 1`,
    })
    .where(eq(outbox.id, id));
}
