// The registry as the two-worker test runs it (jobs.workers.test.ts, worker-process.ts): the real jobs, with
// recurring periods of a few fake seconds so that one fake minute holds many, each run also written down in
// test_job_executions, so the test counts what ran and not only what was claimed.
import { JOBS } from '../jobs.ts';
import type { Database } from '../../db/client.ts';
import { defineJob, isRecurring, SECOND, type JobDefinition, type RegisteredJob } from '../../jobs/job.ts';

/**
 * Fake time runs this many times faster than real time: a fake minute passes in three real seconds, and the
 * shortest period lasts 200 ms of real time, long enough for a worker slowed by a loaded machine to claim it.
 */
export const SPEED = 20;
/** A Monday, 09:00 UTC: a minute boundary, so every period below divides the test's minute evenly. */
export const FAKE_START = Date.parse('2030-01-07T09:00:00Z');

const PERIODS = [4 * SECOND, 5 * SECOND, 6 * SECOND];

/** Each recurring job's period in the test: 4, 5 and 6 fake seconds in turn. */
export const testEvery = (index: number) => PERIODS[index % PERIODS.length]!;

export const CREATE_EXECUTIONS_TABLE = 'create table test_job_executions (job text not null, period_start timestamptz not null, worker text not null)';

function counted(job: JobDefinition, database: Database, worker: string): JobDefinition {
  return defineJob({
    ...job,
    async run(context) {
      await database.query('insert into test_job_executions (job, period_start, worker) values ($1, $2, $3)', [job.name, context.period?.start.toISOString(), worker]);
      return job.run(context);
    },
  });
}

export function fastJobs(database: Database, worker: string): RegisteredJob[] {
  let recurring = 0;
  return JOBS.map((entry) => (isRecurring(entry) ? { job: counted(entry.job, database, worker), every: testEvery(recurring++) } : entry));
}

/** The recurring jobs and their test periods, as fastJobs gives them. */
export const fastRecurringJobs = () =>
  JOBS.filter(isRecurring).map((entry, index) => ({ name: entry.job.name, every: testEvery(index) }));
