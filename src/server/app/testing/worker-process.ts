// A `landfall worker` for the two-worker test (jobs.workers.test.ts): the real runner over the real jobs, with
// short periods (fast-jobs.ts) and a clock that runs fast. It says "ready" once connected, then waits for the
// real instant at which fake time starts (one line on stdin, the same for every worker) and runs until SIGTERM.
import readline from 'node:readline';
import { installAll } from '../reactions.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { closeMailTransports } from '../../mail/mail.service.ts';
import { startJobRunner } from '../../jobs/runner.ts';
import { fastClock } from '../../jobs/testing/fast-clock.ts';
import { FAKE_START, SPEED, fastJobs } from './fast-jobs.ts';

installAll(); // as `landfall worker` does: a job's change may announce an event
const worker = process.env.WORKER_NAME ?? `worker-${process.pid}`;
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize });
await database.query('select 1');

const lines = readline.createInterface({ input: process.stdin });
const firstLine = new Promise<string>((resolve) => lines.once('line', resolve));
process.stdout.write('ready\n');
const realStart = Number(await firstLine);
lines.close();

const clock = fastClock({ fakeStart: FAKE_START, realStart, speed: SPEED });
const runner = startJobRunner({ database, config, now: clock.now }, fastJobs(database, worker), { claimer: worker, sleep: clock.sleep });

process.once('SIGTERM', async () => {
  await runner.stop();
  closeMailTransports();
  await database.close();
  process.exit(0);
});
