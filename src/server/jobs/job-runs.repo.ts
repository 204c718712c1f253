import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jobRuns } from '../db/schema.ts';

export type JobRunRow = typeof jobRuns.$inferSelect;

export interface Claim {
  job: string;
  periodStart: Date;
  claimedBy: string;
}

/**
 * Claims a job's period for one process: the first insert wins (the primary key refuses the others), and a
 * claim whose holder let its lease run out before finishing (it died mid-run) is taken over. The conflict
 * locks the row, so of two processes taking over at once only one sees the lease expired. True if claimed.
 */
export async function claimPeriod(db: Db, claim: Claim, now: Date, leaseMs: number): Promise<boolean> {
  const result = await db.execute(sql`
    insert into job_runs (job, period_start, claimed_by, claimed_at, lease_until)
    values (${claim.job}, ${claim.periodStart.toISOString()}::timestamptz, ${claim.claimedBy},
            ${now.toISOString()}::timestamptz, ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz)
    on conflict (job, period_start) do update
       set claimed_by = excluded.claimed_by,
           claimed_at = excluded.claimed_at,
           lease_until = excluded.lease_until,
           attempts = job_runs.attempts + 1
     where job_runs.finished_at is null and job_runs.lease_until < excluded.claimed_at
    returning job`);
  return (result as unknown as { rows: unknown[] }).rows.length === 1;
}

/** The period's row as it stands (who holds it, until when, whether it finished). */
export async function findRun(db: Db, job: string, periodStart: Date): Promise<JobRunRow | undefined> {
  const [row] = await db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.periodStart, periodStart)));
  return row;
}

const heldBy = (claim: Claim) =>
  and(eq(jobRuns.job, claim.job), eq(jobRuns.periodStart, claim.periodStart), eq(jobRuns.claimedBy, claim.claimedBy), isNull(jobRuns.finishedAt));

/** Extends a claim still held by this process; false when another process has taken it over. */
export async function renewLease(db: Db, claim: Claim, now: Date, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(heldBy(claim))
    .returning({ job: jobRuns.job });
  return rows.length === 1;
}

/** Marks the run finished (with its error, if it failed); false when another process had taken it over. */
export async function finishRun(db: Db, claim: Claim, now: Date, error: string | null): Promise<boolean> {
  const rows = await db.update(jobRuns).set({ finishedAt: now, error }).where(heldBy(claim)).returning({ job: jobRuns.job });
  return rows.length === 1;
}

/** Forgets a job's runs of periods that started before `before`. */
export async function pruneRuns(db: Db, job: string, before: Date): Promise<void> {
  await db.delete(jobRuns).where(and(eq(jobRuns.job, job), lt(jobRuns.periodStart, before)));
}
