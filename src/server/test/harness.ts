import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import type { MemberRole } from '../../core/people.ts';
import { loadConfig, type Config } from '../config.ts';
import { contextFor, type Actor, type Ctx, type Services } from '../context.ts';
import { openDatabase, PGLITE_EXTENSIONS, type Database } from '../db/client.ts';
import { buildApp, type App } from '../app/app.ts';
import { createAccount } from '../modules/accounts/accounts.service.ts';
import type { AccountInput } from '../../contract/accounts.ts';
import { csrfTokenFor, startSession } from '../modules/auth/auth.service.ts';
import { createWorkspace } from '../modules/auth/sign-up.service.ts';
import { addMember } from '../modules/members/members.service.ts';

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function testClock(start = new Date('2026-03-02T09:00:00Z')): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => void (current = date.getTime()),
    advance: (ms) => void (current += ms),
  };
}

async function openTestDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (inject('pgTemplate') && adminUrl) return openTemplateDatabase(adminUrl, 'lf_t', 5);
  const tarball = fs.readFileSync(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([tarball]), extensions: PGLITE_EXTENSIONS });
  const database = await openDatabase({ pglite });
  return { database, drop: () => database.close() };
}

/**
 * A PostgreSQL database of the caller's own, made from the migrated template (global-setup.ts), with its URL for
 * other processes (a worker, a sender) to share it; `drop` removes it.
 */
export const openTemplateDatabase = (adminUrl: string, prefix: string, poolSize: number) => openOwnDatabase(adminUrl, prefix, poolSize, inject('pgTemplate'));

/** A PostgreSQL database of the caller's own on adminUrl's server: a copy of `template`, or empty; `drop` removes it. */
export async function openOwnDatabase(adminUrl: string, prefix: string, poolSize: number, template?: string) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface TestEnv {
  services: Services;
  /** On PostgreSQL, this file's database, for connections of the test's own; undefined on PGlite (one connection). */
  databaseUrl: string | undefined;
  clock: TestClock;
  app: App;
  close(): Promise<void>;
}

/** A real database of this file's own (PGlite, or PostgreSQL when DATABASE_URL is set) and the real HTTP app. */
export async function startTestEnv(configOverrides: Partial<Config> = {}): Promise<TestEnv> {
  const { database, url, drop } = await openTestDatabase();
  const clock = testClock();
  // Files (task uploads) go to a directory of this test file's own.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-test-data-'));
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://landfall.test' }), dataDir, ...configOverrides };
  const services: Services = { database, config, now: clock.now };
  const app = await buildApp(services);
  await app.ready();
  return {
    services,
    databaseUrl: url,
    clock,
    app,
    close: async () => {
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface TestMember {
  id: string;
  email: string;
  password: string;
  role: MemberRole;
  workspaceId: string;
  ctx: Ctx;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A workspace with its admin; more members come from makeMember. */
export async function makeWorkspace(services: Services, name = 'Northwind') {
  const email = `admin-${unique()}@vendor.test`;
  const { workspace, admin } = await createWorkspace(services.database.db, services, {
    workspaceName: name,
    timezone: 'Europe/Paris',
    admin: { name: 'Ada Admin', email, password: TEST_PASSWORD },
  });
  const actor: Actor = { kind: 'member', workspaceId: workspace.id, memberId: admin.id, role: 'admin', sessionId: 'test', name: 'Ada Admin' };
  const member: TestMember = {
    id: admin.id,
    email,
    password: TEST_PASSWORD,
    role: 'admin',
    workspaceId: workspace.id,
    ctx: contextFor(services, actor),
  };
  return { workspace, admin: member };
}

export async function makeMember(services: Services, workspaceId: string, role: MemberRole, name = `Member ${unique()}`) {
  const email = `${role}-${unique()}@vendor.test`;
  const row = await addMember(services.database.db, workspaceId, { email, name, role, password: TEST_PASSWORD });
  const actor: Actor = { kind: 'member', workspaceId, memberId: row.id, role, sessionId: 'test', name };
  return { id: row.id, email, password: TEST_PASSWORD, role, workspaceId, ctx: contextFor(services, actor) } satisfies TestMember;
}

export function makeAccount(ctx: Ctx, overrides: Partial<AccountInput> = {}) {
  return createAccount(ctx, {
    name: `Acme ${unique()}`,
    industry: 'Retail',
    segment: 'mid_market',
    complexity: 'moderate',
    contractValue: 60000,
    currency: 'USD',
    contractSignedOn: '2026-02-16',
    products: ['Core Platform'],
    laerStage: 'land',
    owners: [],
    ...overrides,
  });
}

export interface Response<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

/** An HTTP client acting as one signed-in member (cookie + CSRF header), as the web app does. */
export async function signedInClient(env: TestEnv, member: { id: string; workspaceId: string; role: MemberRole }) {
  const { token } = await startSession(env.services, { workspaceId: member.workspaceId, memberId: member.id, role: member.role, name: 'Test member' }, 'test');
  return httpClient(env.app, { cookie: `lf_session=${token}`, 'x-csrf-token': csrfTokenFor(token) });
}

export function httpClient(app: App, headers: Record<string, string> = {}) {
  const request = async <T = any>(method: string, url: string, body?: unknown, extra: Record<string, string> = {}) => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const text = response.body;
    let parsed: unknown = text;
    if (text && String(response.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.statusCode, headers: response.headers, body: parsed as T } satisfies Response<T>;
  };
  return {
    /** What this client sends on every request (its session), for a test that builds raw requests. */
    headers,
    request,
    get: <T = any>(url: string) => request<T>('GET', url),
    post: <T = any>(url: string, body?: unknown) => request<T>('POST', url, body),
    patch: <T = any>(url: string, body: unknown) => request<T>('PATCH', url, body),
    put: <T = any>(url: string, body: unknown) => request<T>('PUT', url, body),
    delete: <T = any>(url: string) => request<T>('DELETE', url),
  };
}
export type HttpClient = ReturnType<typeof httpClient>;
