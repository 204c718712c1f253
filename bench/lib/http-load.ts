// What the HTTP benches share: a free port, a server in a child process (told "listening" over IPC, as
// bench/lib/landfall-server.ts and bench/hello.mjs do), stopping it, and one autocannon run summed up.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import autocannon, { type Request } from 'autocannon';

export interface Load {
  rps: number;
  /** Requests answered in the run (autocannon's total). */
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `script` (a .ts through tsx, or a .mjs) in a child process and resolves once it says it is listening.
 * `cpus` pins the child to those CPUs (taskset's list, e.g. "0-2").
 */
export function startServer(script: string, args: string[], env: NodeJS.ProcessEnv, options: { cpus?: string } = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(script, args, { env, execArgv: script.endsWith('.ts') ? ['--import', 'tsx'] : [], stdio: 'inherit' });
    if (options.cpus && child.pid) execFileSync('taskset', ['-cp', options.cpus, String(child.pid)], { stdio: 'ignore' });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${path.basename(script)} exited with ${code} before listening`)));
  });
}

export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** One autocannon run of `seconds` over `connections`: one URL again and again, or `requests` (a mix) in turn. */
export async function runLoad(url: string, options: { connections: number; seconds: number; headers?: Record<string, string>; requests?: Request[] }): Promise<Load> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
    ...(options.requests ? { requests: options.requests } : {}),
  });
  return {
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
