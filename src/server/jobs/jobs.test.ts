import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../context.ts';
import { startTestEnv, testClock, type TestEnv } from '../test/harness.ts';
import { defineJob, MINUTE, SECOND, describeJobs, periodOf, type RegisteredJob } from './job.ts';
import { claimPeriod, finishRun, findRun, renewLease } from './job-runs.repo.ts';
import { startJobRunner } from './runner.ts';
import { fastClock } from './testing/fast-clock.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

const waitFor = async (done: () => Promise<boolean>) => {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('claiming a period of a recurring job', () => {
  const periodStart = new Date('2026-03-02T09:00:00Z');
  const at = (seconds: number) => new Date(periodStart.getTime() + seconds * SECOND);

  it('lets one of two processes claim the same period, even at the same instant', async () => {
    const db = env.services.database.db;
    const claims = await Promise.all(['a', 'b'].map((claimedBy) => claimPeriod(db, { job: 'same-period', periodStart, claimedBy }, at(1), MINUTE)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims[0] ? 'a' : 'b';
    expect((await findRun(db, 'same-period', periodStart))?.claimedBy).toBe(winner);
    // A later claim of the period while the winner still holds it fails too.
    expect(await claimPeriod(db, { job: 'same-period', periodStart, claimedBy: 'c' }, at(30), MINUTE)).toBe(false);
  });

  it('lets another process take over a period whose claimer let its lease run out, and the late claimer cannot record it', async () => {
    const db = env.services.database.db;
    const first = { job: 'takeover', periodStart, claimedBy: 'died-mid-run' };
    const second = { ...first, claimedBy: 'survivor' };
    expect(await claimPeriod(db, first, at(0), MINUTE)).toBe(true);
    expect(await claimPeriod(db, second, at(59), MINUTE)).toBe(false); // the lease still holds
    expect(await claimPeriod(db, second, at(61), MINUTE)).toBe(true);
    expect(await findRun(db, 'takeover', periodStart)).toMatchObject({ claimedBy: 'survivor', attempts: 2, finishedAt: null });

    // The first claimer, back from the dead, neither renews nor finishes what is no longer its claim.
    expect(await renewLease(db, first, at(62), MINUTE)).toBe(false);
    expect(await finishRun(db, first, at(62), null)).toBe(false);
    expect(await finishRun(db, second, at(70), null)).toBe(true);
    expect((await findRun(db, 'takeover', periodStart))?.finishedAt).toEqual(at(70));
  });

  it('does not run a finished period again, however long ago its lease ended', async () => {
    const db = env.services.database.db;
    const claim = { job: 'finished', periodStart, claimedBy: 'a' };
    expect(await claimPeriod(db, claim, at(0), MINUTE)).toBe(true);
    expect(await finishRun(db, claim, at(5), null)).toBe(true);
    expect(await claimPeriod(db, { ...claim, claimedBy: 'b' }, at(600), MINUTE)).toBe(false);
  });

  it('aligns periods to the clock, so every process computes the same one', () => {
    expect(periodOf(new Date('2026-03-02T09:07:31.250Z'), 5 * MINUTE)).toEqual({
      start: new Date('2026-03-02T09:05:00Z'),
      end: new Date('2026-03-02T09:10:00Z'),
    });
  });
});

describe('the job runner', () => {
  it('runs each period once across two runners, and a failing job neither stops the others nor goes unrecorded', async () => {
    const fakeStart = Date.parse('2030-01-07T09:00:00Z');
    const clock = fastClock({ fakeStart, realStart: Date.now(), speed: 50 });
    const services: Services = { ...env.services, now: clock.now };
    const ran: string[] = [];
    const jobs: RegisteredJob[] = [
      { job: defineJob({ name: 'counting', does: 'counts its runs', run: async ({ period }) => void ran.push(period!.start.toISOString()) }), every: 5 * SECOND },
      { job: defineJob({ name: 'failing', does: 'always fails', run: async () => Promise.reject(new Error('the CRM is down')) }), every: 5 * SECOND },
    ];
    const logged: string[] = [];
    const runners = ['one', 'two'].map((claimer) => startJobRunner(services, jobs, { claimer, sleep: clock.sleep, log: (message) => logged.push(message) }));
    const finished = (job: string) =>
      env.services.database.query<{ n: number }>('select count(*)::int as n from job_runs where job = $1 and finished_at is not null', [job]);
    await waitFor(async () => (await finished('counting'))[0]!.n >= 6 && (await finished('failing'))[0]!.n >= 6);
    await Promise.all(runners.map((runner) => runner.stop()));

    const counting = await env.services.database.query<{ period_start: Date }>("select period_start from job_runs where job = 'counting' order by period_start");
    expect(ran.sort()).toEqual(counting.map((run) => run.period_start.toISOString()));
    const failing = await env.services.database.query<{ error: string }>("select error from job_runs where job = 'failing'");
    expect(failing.every((run) => run.error.includes('the CRM is down'))).toBe(true);
    expect(logged.some((message) => message.startsWith('Job failing failed'))).toBe(true);
  });

  it('stops only once the run under way has finished and been recorded', async () => {
    const clock = testClock(new Date('2026-03-02T10:00:00Z'));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const slow = defineJob({
      name: 'slow',
      does: 'waits to be released',
      run: async () => {
        started = true;
        await released;
      },
    });
    const runner = startJobRunner({ ...env.services, now: clock.now }, [{ job: slow, every: MINUTE }]);
    await waitFor(async () => started);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await findRun(env.services.database.db, 'slow', new Date('2026-03-02T10:00:00Z')))?.finishedAt).toEqual(clock.now());
  });

  it('refuses two jobs of one name, and lists what it runs', () => {
    const job = defineJob({ name: 'twice', does: 'nothing', run: async () => undefined });
    expect(() => startJobRunner(env.services, [{ job, every: MINUTE }, { job, on: 'outbox', poll: SECOND }])).toThrow(/Two jobs are named "twice"/);
    expect(describeJobs([{ job, every: 10 * MINUTE }, { job, on: 'outbox', poll: 5 * SECOND }])).toMatch(/twice +every 10 min +nothing\n +twice +on outbox, polled every 5 s/);
  });
});
