import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { openTemplateDatabase } from '../test/harness.ts';
import { startCountingSmtpServer } from './testing/counting-smtp.ts';
import { seedDueMail } from './testing/due-mail.ts';

/**
 * 10,000 due messages; the sending process is SIGKILLed at random moments while it sends, then restarted.
 * The SMTP server must have every message (0 lost), each once, except messages whose SMTP transaction was
 * in flight at a kill (at most one per kill per sending slot), resent with the same Message-ID and
 * recorded in the outbox. Runs on PostgreSQL (DATABASE_URL): a separate process must share the database,
 * which an in-process PGlite cannot; the same takeover runs on both engines in mail.test.ts.
 */

const MESSAGES = 10_000;
const KILLS = 6;
const SLOTS = 4;
const adminUrl = process.env.DATABASE_URL;

let database: Database;
let databaseUrl: string;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  if (!adminUrl) return;
  const opened = await openTemplateDatabase(adminUrl, 'lf_crash', 2);
  ({ database, url: databaseUrl, drop: dropDatabase } = opened);
});
afterAll(async () => dropDatabase?.());

function startSender(smtpUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'testing/sender-process.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, PUBLIC_URL: 'http://landfall.test', MAIL_LEASE_MS: '1000', MAIL_CONCURRENCY: String(SLOTS) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe.skipIf(!adminUrl)('mail delivery through crashes (PostgreSQL)', () => {
  it('loses nothing and repeats only what was in flight when the sender was killed, with the same Message-ID', { timeout: 240_000 }, async () => {
    await seedDueMail(database, MESSAGES);
    const smtp = await startCountingSmtpServer();
    let kills = 0;
    try {
      while (kills < KILLS) {
        const child = startSender(smtp.url);
        // Kill at a random moment while it sends: after a random number of further messages arrive.
        const target = smtp.total() + 300 + Math.floor(Math.random() * 1200);
        while (smtp.total() < target && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
        if (child.exitCode !== null) break; // it finished before we could kill it
        child.kill('SIGKILL');
        await exited(child);
        kills++;
      }
      const last = startSender(smtp.url);
      await exited(last);
      expect(last.exitCode).toBe(0);
    } finally {
      await smtp.close();
    }

    const rows = await database.query<{ message_id: string; to_address: string; state: string; interrupted_attempts: number; reason: string | null }>(
      'select message_id, to_address, state, interrupted_attempts, reason from mail_outbox',
    );
    const keyOf = (row: { message_id: string; to_address: string }) => `${row.message_id} ${row.to_address}`;
    const lost = rows.filter((row) => !smtp.received.has(keyOf(row)));
    const duplicated = [...smtp.received.entries()].filter(([, count]) => count > 1);
    const extra = duplicated.reduce((sum, [, count]) => sum + count - 1, 0);
    console.log(`crash test: ${MESSAGES} messages, kills ${kills}, lost ${lost.length}, duplicated ${extra} (at most ${kills * SLOTS} allowed)`);

    expect(kills).toBeGreaterThanOrEqual(5);
    expect(lost).toEqual([]);
    expect(rows.every((row) => row.state === 'sent')).toBe(true);
    expect(extra).toBeLessThanOrEqual(kills * SLOTS);
    // Every repeat is recorded on its outbox row: taken over from a dead process, maybe delivered twice.
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    for (const [key] of duplicated) {
      expect(byKey.get(key)?.interrupted_attempts).toBeGreaterThan(0);
      expect(byKey.get(key)?.reason).toMatch(/Sent again after a sending process stopped mid-delivery/);
    }
  });
});
