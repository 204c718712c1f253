import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { openTemplateDatabase } from '../test/harness.ts';
import { startCountingSmtpServer } from '../mail/testing/counting-smtp.ts';
import { seedDueMail } from '../mail/testing/due-mail.ts';
import { CREATE_EXECUTIONS_TABLE, FAKE_START, SPEED, fastRecurringJobs } from './testing/fast-jobs.ts';

/**
 * Two `landfall worker` processes (testing/worker-process.ts: the real runner and jobs, recurring every 4–6 fake
 * seconds) share one PostgreSQL for a minute of fake time that runs 20× fast. Every period of every recurring
 * job in that minute runs, once: claimed once in job_runs and executed once (each execution is written down
 * apart from the claim). Every outbox message, due from before the minute to near its end, reaches the SMTP
 * server once. PostgreSQL only: separate processes must share the database, which an in-process PGlite cannot;
 * the claim itself is tested on both engines in jobs.test.ts.
 */

const MINUTE = 60_000;
const MESSAGES = 300;
const WORKERS = ['worker-a', 'worker-b'];
const adminUrl = process.env.DATABASE_URL;

let database: Database;
let databaseUrl: string;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  if (!adminUrl) return;
  const opened = await openTemplateDatabase(adminUrl, 'lf_jobs', 2);
  ({ database, url: databaseUrl, drop: dropDatabase } = opened);
});
afterAll(async () => dropDatabase?.());

function startWorker(name: string, smtpUrl: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'testing/worker-process.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, PUBLIC_URL: 'http://landfall.test', WORKER_NAME: name },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!adminUrl)('jobs across two worker processes (PostgreSQL)', () => {
  it('runs every period of every recurring job once, and sends every outbox message once, over a fake minute', { timeout: 120_000 }, async () => {
    await database.query(CREATE_EXECUTIONS_TABLE);
    await seedDueMail(database, MESSAGES);
    // Due from 10 fake seconds before the minute to 49 seconds into it, so mail keeps coming due while the jobs run.
    await database.query(
      `update mail_outbox set send_after = $1::timestamptz + ((substring(dedupe_key from 6)::int % 60) - 10) * interval '1 second'`,
      [new Date(FAKE_START).toISOString()],
    );
    const smtp = await startCountingSmtpServer();
    const workers = WORKERS.map((name) => startWorker(name, smtp.url));
    try {
      await Promise.all(workers.map((worker) => worker.ready));
      // Fake time reaches the minute at the same real instant in both, a second after both hear it: the fake
      // half-minute before it warms them up (first queries, SMTP connections), and its periods count too.
      const realStart = Date.now() + 1000;
      for (const { child } of workers) child.stdin!.write(`${realStart}\n`);
      // Wait out the fake minute, and until the outbox is empty (no deadline of its own: the test's timeout).
      await pause(realStart + MINUTE / SPEED + 500 - Date.now());
      while ((await database.query<{ n: number }>("select count(*)::int as n from mail_outbox where state in ('scheduled', 'sending')"))[0]!.n > 0) await pause(100);
      for (const { child } of workers) child.kill('SIGTERM');
      expect(await Promise.all(workers.map(({ child }) => exited(child)))).toEqual([0, 0]);
    } finally {
      for (const { child } of workers) if (child.exitCode === null) child.kill('SIGKILL');
      await smtp.close();
    }

    const runs = await database.query<{ job: string; period_start: Date; claimed_by: string; attempts: number; finished_at: Date | null; error: string | null }>(
      'select job, period_start, claimed_by, attempts, finished_at, error from job_runs',
    );
    const executions = await database.query<{ job: string; period_start: Date; worker: string }>('select job, period_start, worker from test_job_executions');
    const figures: string[] = [];
    for (const { name, every } of fastRecurringJobs()) {
      const expected = Array.from({ length: MINUTE / every }, (_, k) => new Date(FAKE_START + k * every).toISOString());
      const inMinute = (date: Date) => date.getTime() >= FAKE_START && date.getTime() < FAKE_START + MINUTE;
      const claimed = runs.filter((run) => run.job === name);
      const ran = executions.filter((execution) => execution.job === name);
      const timesRun = new Map<string, number>();
      for (const execution of ran) timesRun.set(execution.period_start.toISOString(), (timesRun.get(execution.period_start.toISOString()) ?? 0) + 1);

      // Every period of the minute was claimed, finished without error, by one claim.
      const claimedInMinute = claimed.filter((run) => inMinute(run.period_start));
      expect(claimedInMinute.map((run) => run.period_start.toISOString()).sort()).toEqual(expected);
      expect(claimedInMinute.filter((run) => run.finished_at === null || run.error !== null || run.attempts !== 1)).toEqual([]);
      // Every period that was claimed at all (the minute and around it) ran exactly once, and nothing ran unclaimed.
      expect([...timesRun.entries()].filter(([, times]) => times !== 1)).toEqual([]);
      expect([...timesRun.keys()].sort()).toEqual(claimed.map((run) => run.period_start.toISOString()).sort());

      const byWorker = WORKERS.map((worker) => `${worker} ${claimedInMinute.filter((run) => run.claimed_by === worker).length}`).join(', ');
      figures.push(`${name} every ${every / 1000} s: ${expected.length} periods in the minute, ${claimedInMinute.length} claimed (${byWorker}), ${ran.length} executions of ${claimed.length} periods claimed in all`);
    }

    const outbox = await database.query<{ message_id: string; to_address: string; state: string }>('select message_id, to_address, state from mail_outbox');
    const keyOf = (row: { message_id: string; to_address: string }) => `${row.message_id} ${row.to_address}`;
    const lost = outbox.filter((row) => !smtp.received.has(keyOf(row)));
    const duplicates = [...smtp.received.values()].reduce((sum, count) => sum + count - 1, 0);
    figures.push(`mail: ${outbox.length} messages, ${smtp.total()} received, ${lost.length} lost, ${duplicates} duplicates`);
    console.log(`two workers, one fake minute at ${SPEED}×:\n  ${figures.join('\n  ')}`);

    expect(outbox.every((row) => row.state === 'sent')).toBe(true);
    expect(lost).toEqual([]);
    expect(duplicates).toBe(0);
    expect(smtp.total()).toBe(MESSAGES);
  });
});
