// Mail delivery: 10,000 due messages in the outbox on PostgreSQL, delivered to a local SMTP server. Run: npm run bench -- mail
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { closeMailTransports, deliverDueMail } from '../src/server/mail/mail.service.ts';
import { startCountingSmtpServer } from '../src/server/mail/testing/counting-smtp.ts';
import { seedDueMail } from '../src/server/mail/testing/due-mail.ts';

const MESSAGES = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = 8;
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const name = `lf_bench_mail_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const smtp = await startCountingSmtpServer();
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: CONCURRENCY + 2 });
try {
  await migrateDatabase(database);
  await seedDueMail(database, MESSAGES);
  const config = loadConfig({ DATABASE_URL: url.toString(), SMTP_URL: smtp.url, PUBLIC_URL: 'http://landfall.test', LOG_LEVEL: 'silent' });
  const services = { database, config, now: () => new Date() };
  console.log(`Delivering ${MESSAGES} due messages to a local SMTP server (${CONCURRENCY} connections)…`);
  const started = performance.now();
  let sent = 0;
  for (;;) {
    const count = await deliverDueMail(services, { concurrency: CONCURRENCY, batch: 200, maxRounds: 1000 });
    if (count === 0) break;
    sent += count;
  }
  const seconds = (performance.now() - started) / 1000;
  const [row] = await database.query<{ sent: number }>("select count(*)::int as sent from mail_outbox where state = 'sent'");
  const unique = smtp.received.size;
  const perSecond = Math.round(sent / seconds);
  console.log(`${sent} sent in ${seconds.toFixed(2)} s: ${perSecond} messages/s (target ≥ 300); SMTP server got ${smtp.total()} (${unique} distinct); outbox says ${row?.sent} sent`);
  console.log(JSON.stringify({ bench: 'mail', engine: 'postgres', messages: MESSAGES, sent, received: smtp.total(), distinct: unique, seconds: Number(seconds.toFixed(2)), messagesPerSecond: perSecond, concurrency: CONCURRENCY }));
} finally {
  closeMailTransports();
  await database.close();
  await smtp.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
