import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per run of a recurring job and period (src/server/jobs/runner.ts): the key lets one process of many
 * claim a period; the lease, renewed while the run lasts, lets another take the period over when the claimer
 * dies mid-run. Not a tenant table: a job's run covers every workspace.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    /** The start of the period, aligned to the clock: floor(now / every) × every. */
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
    /** 1, plus one per takeover from a claimer whose lease ran out. */
    attempts: integer('attempts').notNull().default(1),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [primaryKey({ name: 'job_runs_pkey', columns: [t.job, t.periodStart] })],
);
