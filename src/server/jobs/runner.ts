// Runs the registered jobs in this process. It imports no module: the registry (src/server/app/jobs.ts) hands
// it the jobs. Any number of processes may run it against one database: a recurring job's period is claimed
// in job_runs (see job-runs.repo.ts), so each period runs once across them; a queued job polls in every
// process and relies on its queue's own claims. Time is the services' clock, so tests can move or speed it.
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import os from 'node:os';
import type { Services } from '../context.ts';
import { isRecurring, MINUTE, periodOf, type JobContext, type QueuedJob, type RecurringJob, type RegisteredJob } from './job.ts';
import * as repo from './job-runs.repo.ts';

const DEFAULT_LEASE_MS = MINUTE;
/** How long job_runs keeps a period's row: long enough to see last week's failures. */
const KEEP_RUNS_MS = 7 * 24 * 60 * MINUTE;
/** After the database itself failed (not a job), wait this long before claiming again. */
const RETRY_AFTER_MS = 5000;

/** Waits `ms` of the clock (or until `signal` aborts). */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, Math.max(1, ms));
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export interface RunnerOptions {
  /** Who claims, as job_runs shows it; defaults to host, pid and a random tag. */
  claimer?: string;
  /** Waits in the clock's time; a test whose clock runs fast waits less real time. */
  sleep?: Sleep;
  log?: (message: string, error?: unknown) => void;
}

export interface JobRunner {
  claimer: string;
  /** Stops claiming, and resolves once the runs under way have finished and been recorded. */
  stop(): Promise<void>;
}

const errorText = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 4000);

export function startJobRunner(services: Services, jobs: RegisteredJob[], options: RunnerOptions = {}): JobRunner {
  const names = jobs.map((entry) => entry.job.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`Two jobs are named "${twice}": job_runs tells runs apart by name.`);

  const claimer = options.claimer ?? `${os.hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`;
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? ((message: string, error?: unknown) => (error === undefined ? console.error(message) : console.error(message, error)));
  const stopping = new AbortController();
  // Every job sleeps on this one signal (a listener each): as many as there are jobs is expected, not a leak.
  setMaxListeners(jobs.length + 10, stopping.signal);
  const db = () => services.database.db;

  async function runClaimed(entry: RecurringJob, claim: repo.Claim, context: JobContext) {
    const leaseMs = entry.leaseMs ?? DEFAULT_LEASE_MS;
    const finished = new AbortController();
    // Renews the lease while the run lasts, so a long run is not mistaken for a dead one.
    const heartbeat = (async () => {
      for (;;) {
        await sleep(leaseMs / 3, finished.signal);
        if (finished.signal.aborted) return;
        const held = await repo.renewLease(db(), claim, services.now(), leaseMs).catch((error: unknown) => {
          log(`Job ${claim.job}: could not renew its lease`, error);
          return true;
        });
        if (!held) log(`Job ${claim.job}: another process took over the period ${claim.periodStart.toISOString()} (this run outlived its lease)`);
      }
    })();
    let error: string | null = null;
    try {
      await entry.job.run(context);
    } catch (failure) {
      error = errorText(failure);
      log(`Job ${claim.job} failed for the period from ${claim.periodStart.toISOString()}:`, failure);
    } finally {
      finished.abort();
      await heartbeat;
    }
    await repo.finishRun(db(), claim, services.now(), error);
    await repo.pruneRuns(db(), claim.job, new Date(claim.periodStart.getTime() - KEEP_RUNS_MS));
  }

  /** Claims the current period and runs it if won; returns when to look again. */
  async function attempt(entry: RecurringJob): Promise<Date> {
    const leaseMs = entry.leaseMs ?? DEFAULT_LEASE_MS;
    const period = periodOf(services.now(), entry.every);
    const claim = { job: entry.job.name, periodStart: period.start, claimedBy: claimer };
    if (await repo.claimPeriod(db(), claim, services.now(), leaseMs)) {
      await runClaimed(entry, claim, { services, period });
      return period.end;
    }
    // Another process has it. If it has not finished, look again when its lease would run out: a holder that
    // died mid-run is taken over while the period lasts.
    const run = await repo.findRun(db(), claim.job, claim.periodStart);
    if (run && !run.finishedAt && run.leaseUntil < period.end) return new Date(run.leaseUntil.getTime() + 1);
    return period.end;
  }

  async function recurring(entry: RecurringJob) {
    while (!stopping.signal.aborted) {
      let next: Date;
      try {
        next = await attempt(entry);
      } catch (error) {
        log(`Job ${entry.job.name}: could not claim or record its period`, error);
        next = new Date(services.now().getTime() + Math.min(entry.every, RETRY_AFTER_MS));
      }
      await sleep(next.getTime() - services.now().getTime(), stopping.signal);
    }
  }

  async function queued(entry: QueuedJob) {
    while (!stopping.signal.aborted) {
      try {
        await entry.job.run({ services, period: null });
      } catch (error) {
        log(`Job ${entry.job.name} failed:`, error);
      }
      await sleep(entry.poll, stopping.signal);
    }
  }

  const loops = jobs.map((entry) => (isRecurring(entry) ? recurring(entry) : queued(entry)));
  return {
    claimer,
    async stop() {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}
