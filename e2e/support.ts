import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSmtpServer, type SmtpCapture } from '../src/server/test/smtp.ts';

export const RESULTS_DIR = path.resolve('test-results');
fs.mkdirSync(RESULTS_DIR, { recursive: true });

const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((file) => fs.existsSync(file));

/** Debian's Chromium, never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install chromium');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningLandfall {
  url: string;
  output: () => string;
  /** What Landfall sent to the local SMTP server: the inboxes of everyone it wrote to. */
  mailbox: SmtpCapture;
  stop(): Promise<void>;
}

/**
 * Starts Landfall as `npm start` would (built web app, fresh PGlite data directory) and waits for it. Its mail goes
 * to a real SMTP server on loopback, which the tests read as the recipients would: the outbox API never shows a
 * credential (a sign-in link, an invitation), so a test that needs one reads it from the recipient's mail.
 */
export async function startLandfall(
  env: Record<string, string> = {},
  options: { dataDir?: string; keepData?: boolean } = {},
): Promise<RunningLandfall & { dataDir: string }> {
  const port = await freePort();
  const mailbox = await startSmtpServer();
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-e2e-'));
  let output = '';
  const database = await multiProcessDatabase();
  const common = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LANDFALL_DATA_DIR: dataDir, LOG_LEVEL: 'warn', SMTP_URL: mailbox.url, ...database?.env, ...env };
  const start = (args: string[]) => {
    const started: ChildProcess = spawn(process.execPath, ['bin/landfall.mjs', ...args], { env: common, stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return started;
  };
  // E2E_PROCESSES=multi (with DATABASE_URL): two web processes and two job workers over one fresh PostgreSQL.
  const child = start(database ? ['serve', '--workers', '2', '--no-jobs'] : ['serve']);
  const workers: ChildProcess[] = [];
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000; // the demo seeds in ~20 s alone, several times that on a busy machine
  for (;;) {
    if (child.exitCode !== null) {
      await mailbox.close();
      throw new Error(`Landfall exited early:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok && /Landfall is running/.test(output)) {
        // The workers start once the web processes have migrated the database and seeded the demo.
        if (database) workers.push(start(['worker']), start(['worker']));
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // Stop what was started, or the test process waits on them forever.
      child.kill('SIGKILL');
      await mailbox.close();
      throw new Error(`Landfall did not start in 180 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    dataDir,
    output: () => output,
    mailbox,
    stop: async () => {
      await Promise.all([child, ...workers].map((p) => new Promise((resolve) => (p.exitCode !== null ? resolve(null) : (p.once('exit', resolve), p.kill('SIGTERM'))))));
      await mailbox.close();
      if (database) {
        // No job done twice: every message reached the SMTP server once.
        const ids = mailbox.received.map((mail) => mail.messageId).filter(Boolean);
        const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
        await database.drop();
        assert.deepEqual(twice, [], `messages delivered twice by ${workers.length} workers: ${twice.join(', ')}`);
      }
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** With E2E_PROCESSES=multi and DATABASE_URL (a PostgreSQL server): a fresh database for one Landfall, dropped after. */
async function multiProcessDatabase() {
  const base = process.env.DATABASE_URL;
  if (process.env.E2E_PROCESSES !== 'multi' || !base) return undefined;
  const name = `landfall_e2e_${process.pid}_${Date.now()}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const screenshot = (name: string) => path.join(RESULTS_DIR, `${name}.png`);

/** How many pixels the page scrolls sideways (0 when it fits its viewport). */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Signs in as the demo admin (the login the server prints, or the demo's default). */
export async function signIn(page: Page, landfall: RunningLandfall) {
  const [, email, password] = /Demo login: (\S+) \/ (\S+)/.exec(landfall.output()) ?? ['', 'demo@landfall.example', 'landfall-demo'];
  await page.goto(landfall.url);
  await page.getByLabel('Email').fill(email!);
  await page.getByLabel('Password').fill(password!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in: the home page is the dashboard.
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}

/** The staff API, as the signed-in vendor's browser calls it (its cookie and CSRF token). */
export function staffApi(page: Page) {
  let csrf: string | undefined;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    csrf ??= (await (await page.request.get('/api/v1/session')).json()).csrfToken as string;
    const response = await page.request.fetch(`/api/v1${path}`, {
      method,
      headers: { 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { data: JSON.stringify(body) } : {}),
    });
    assert.ok(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return { get: <T>(path: string) => call<T>('GET', path), post: <T>(path: string, body: unknown) => call<T>('POST', path, body) };
}

/**
 * The text of the newest mail to `to` whose subject contains `subject`, as it arrived at the local SMTP server
 * (waits for the mail job); `since` (a count of `landfall.mailbox.received` taken before the action) skips older
 * mail, such as an invitation the demo sent before it was replaced.
 */
export async function readMail(landfall: RunningLandfall, to: string, subject: string, since = 0, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = landfall.mailbox.received
      .slice(since)
      .filter((mail) => mail.to && [mail.to].flat().some((address) => address.value.some((v) => v.address?.toLowerCase() === to.toLowerCase())))
      .filter((mail) => mail.subject?.includes(subject))
      .at(-1);
    if (message?.text) return message.text;
    assert.ok(Date.now() < deadline, `no "${subject}" mail to ${to} in ${timeoutMs / 1000} s: ${JSON.stringify(landfall.mailbox.received.map((m) => m.subject))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const urlIn = (text: string, path: string) => {
  const match = new RegExp(`https?://\\S+${path}/\\S+`).exec(text);
  assert.ok(match, `no ${path} link in: ${text}`);
  return match[0];
};

