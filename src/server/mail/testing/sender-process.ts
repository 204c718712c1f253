// A sending process for the crash test (mail.crash.test.ts) and the mail bench: delivers due mail from the
// database in DATABASE_URL to SMTP_URL until none is left, then exits. The crash test kills it mid-send.
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { closeMailTransports, deliverDueMail } from '../mail.service.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 6 });
const services = { database, config, now: () => new Date() };
const leaseMs = Number(process.env.MAIL_LEASE_MS ?? 1000);
const concurrency = Number(process.env.MAIL_CONCURRENCY ?? 4);

for (;;) {
  await deliverDueMail(services, { leaseMs, concurrency, batch: 100 });
  const [left] = await database.query<{ count: number }>("select count(*)::int as count from mail_outbox where state in ('scheduled', 'sending')");
  if (!left || left.count === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 100)); // messages held by a dead process: wait for their lease
}
closeMailTransports();
await database.close();
