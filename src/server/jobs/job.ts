import type { Services } from '../context.ts';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** The clock-aligned stretch of time one run of a recurring job stands for: [start, end). */
export interface Period {
  start: Date;
  end: Date;
}

export interface JobContext {
  services: Services;
  /** The period this run was claimed for; null for a queued job, which runs whenever it polls. */
  period: Period | null;
}

/**
 * What a module's job does: a name (unique, kept in job_runs) and one pass of its work. How often it runs is
 * said once, in the registry (src/server/app/jobs.ts). A pass may run again after a crash (at least once), so
 * what it produces must have a row with a unique key of its own (the outbox) and the pass only moves it forward.
 */
export interface JobDefinition {
  name: string;
  /** One line for the registry's table and the logs. */
  does: string;
  run(context: JobContext): Promise<unknown>;
}

export const defineJob = (job: JobDefinition): JobDefinition => job;

/**
 * A job in the registry. Recurring: runs once per clock-aligned period of `every` ms across all processes
 * (claimed in job_runs). Queued: every process polls its queue every `poll` ms; each item is claimed from the
 * queue itself (the outbox's SKIP LOCKED and leases), so nothing is claimed per period.
 */
export type RegisteredJob =
  | { job: JobDefinition; every: number; /** How long a claim holds without renewal (default a minute). */ leaseMs?: number }
  | { job: JobDefinition; on: 'outbox'; poll: number };

export type RecurringJob = Extract<RegisteredJob, { every: number }>;
export type QueuedJob = Extract<RegisteredJob, { on: string }>;

export const isRecurring = (entry: RegisteredJob): entry is RecurringJob => 'every' in entry;

/** The period that holds `now`: aligned to the clock, so every process computes the same one. */
export function periodOf(now: Date, every: number): Period {
  const start = Math.floor(now.getTime() / every) * every;
  return { start: new Date(start), end: new Date(start + every) };
}

const duration = (ms: number) => (ms % MINUTE === 0 ? `${ms / MINUTE} min` : `${ms / SECOND} s`);

/** "escalation.review  every 1 min  Reminds …": what a process will run, for its start-up log. */
export function describeJobs(jobs: RegisteredJob[]): string {
  return jobs
    .map((entry) => {
      const when = isRecurring(entry) ? `every ${duration(entry.every)}` : `on ${entry.on}, polled every ${duration(entry.poll)}`;
      return `  ${entry.job.name.padEnd(20)} ${when.padEnd(32)} ${entry.job.does}`;
    })
    .join('\n');
}
