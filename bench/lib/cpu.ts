// CPU (user + system) that processes spend, from /proc: the app's process and the database's backends. Used where a
// bench turns requests into CPU per request (bench/api.ts by kind of request, bench/capacity-model.ts for the mix),
// a figure that holds on a busy machine where requests per second do not.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const CLOCK_TICK_MS = 1000 / Number(execSync('getconf CLK_TCK').toString().trim() || 100);

/** CPU (user + system) of a process so far, in ms; undefined once it has exited. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return undefined;
  }
}

export type Query = <T>(sql: string) => Promise<T[]>;

/** CPU so far of each backend connected to the current database (but the one asking), by pid. */
export async function backendsCpu(query: Query) {
  const pids = await query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
  return new Map(
    pids.flatMap(({ pid }) => {
      const ms = cpuMs(pid);
      return ms === undefined ? [] : [[pid, ms] as const];
    }),
  );
}

/** CPU the app process (`pid`) and the database's backends spend while `work` runs, in ms. */
export async function cpuDuring<T>(pid: number, query: Query, work: () => Promise<T>): Promise<{ result: T; appMs: number; dbMs: number }> {
  const appBefore = cpuMs(pid) ?? 0;
  const dbBefore = await backendsCpu(query);
  const result = await work();
  const appAfter = cpuMs(pid) ?? appBefore;
  const dbAfter = await backendsCpu(query);
  let dbMs = 0;
  for (const [backend, ms] of dbAfter) dbMs += ms - (dbBefore.get(backend) ?? 0);
  return { result, appMs: appAfter - appBefore, dbMs };
}
