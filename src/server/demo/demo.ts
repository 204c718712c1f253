import { randomBytes, randomUUID } from 'node:crypto';
import { SingleBar } from 'cli-progress';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { MemberRole, OwnerRole } from '../../core/people.ts';
import type { Services } from '../context.ts';
import { seedDemoAcademy } from './demo-academy.ts';
import { seedDemoTurnover } from './demo-turnover.ts';
import { seedDemoJourneys } from './demo-journeys.ts';
import { seedDemoProducts } from './demo-products.ts';
import { seedDemoHealth } from './demo-health.ts';
import { seedDemoSso } from './demo-sso.ts';
import { seedDemoProvisioning } from './demo-provisioning.ts';
import { seedDemoAssignment } from './demo-assignment.ts';
import { seedDemoCapacity } from './demo-capacity.ts';
import { seedDemoPortal } from './demo-portal.ts';
import { seedDemoProjects } from './demo-projects.ts';
import { seedDemoShapedProjects } from './demo-shapes.ts';
import { seedDemoReadiness } from './demo-readiness.ts';
import { seedBulkProjects } from './demo-bulk-projects.ts';
import { seedDemoInsight } from './demo-insight.ts';
import { seedDemoIntegrations } from './demo-integrations.ts';
import { seedDemoCrmSync } from './demo-crm-sync.ts';
import type { Db } from '../db/client.ts';
import { countWorkspaces } from '../modules/workspaces/workspaces.repo.ts';
// The same lock as first-admin sign-up: a demo and a first sign-up never both happen.
import { SETUP_LOCK } from '../modules/workspaces/workspaces.service.ts';
import { createWorkspace } from '../modules/auth/sign-up.service.ts';
import { hashPassword } from '../security/secrets.ts';
import { DEMO_TEAM } from './demo.catalogue.ts';
import { accountGenerator, type GeneratedAccount } from './demo.generator.ts';
import { analyzeAccountTables, insertAccountBatch, insertMembers, type AccountBatch, type MemberRow } from './demo.repo.ts';

export const DEMO_LOGIN = { email: 'demo@landfall.example', password: 'landfall-demo' };

/** A US vendor: its projects skip US public holidays (Thanksgiving, Christmas Day, MLK Day…). */
const DEMO_WORKSPACE = { name: 'Northwind Cloud', timezone: 'America/New_York', holidayCountry: 'US' };
const DEMO_ACCOUNTS = 40;
// Chosen because its 40 accounts cover every segment, stage and complexity, with leavers and organizations (demo.test.ts checks).
const DEMO_SEED = 288;
const BENCH_SEED = 7;
/** Accounts per transaction when seeding many: short transactions keep PGlite's one connection free between them. */
const BATCH_ACCOUNTS = 500;

const asDb = (tx: unknown) => tx as Db;
const today = (services: Services, timezone: string) => DateTime.fromJSDate(services.now(), { zone: timezone }).toISODate()!;

/** The vendor's team, minus the admin who createWorkspace adds; all share one password hash. */
function teamRows(emailFor: (name: string) => string, passwordHash: string): MemberRow[] {
  return DEMO_TEAM.slice(1).map((member) => ({
    id: randomUUID(),
    email: emailFor(member.name),
    name: member.name,
    role: member.role,
    passwordHash,
  }));
}

function teamByRole(rows: { id: string; role: string }[]): Partial<Record<OwnerRole, string[]>> {
  const team: Partial<Record<OwnerRole, string[]>> = {};
  for (const row of rows) (team[row.role as OwnerRole] ??= []).push(row.id);
  return team;
}

/** Gives the generated accounts their ids, and their children the parent ids. */
function toBatch(generated: GeneratedAccount[]): AccountBatch {
  const batch: AccountBatch = { accounts: [], owners: [], organizations: [], contacts: [] };
  for (const { owners, organizations, contacts, ...account } of generated) {
    const accountId = randomUUID();
    batch.accounts.push({ ...account, id: accountId });
    for (const owner of owners) batch.owners.push({ accountId, ...owner });
    const organizationIds = organizations.map((organization) => {
      const id = randomUUID();
      batch.organizations.push({ id, accountId, ...organization });
      return id;
    });
    for (const { organization, ...contact } of contacts) {
      batch.contacts.push({
        ...contact,
        accountId,
        timezone: account.timezone,
        organizationId: organization === null ? null : organizationIds[organization]!,
      });
    }
  }
  return batch;
}

const emailFromName = (name: string, suffix = '') =>
  `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(/ /g, '.')}${suffix}@landfall.example`;

/**
 * The demo workspace `npm start` creates on an empty database: a vendor with its whole team and a
 * book of customers at every stage, so every screen has something true-looking to show.
 */
export async function seedDemoWorkspace(services: Services): Promise<void> {
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const [admin] = DEMO_TEAM;
  const created = await services.database.db.transaction(async (transaction) => {
    const tx = asDb(transaction);
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await countWorkspaces(tx)) > 0) return undefined;
    const { workspace, admin: adminRow } = await createWorkspace(tx, services, {
      workspaceName: DEMO_WORKSPACE.name,
      timezone: DEMO_WORKSPACE.timezone,
      holidayCountry: DEMO_WORKSPACE.holidayCountry,
      admin: { name: admin!.name, email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, role: 'admin' },
    });
    const team = teamRows((name) => emailFromName(name), passwordHash);
    await insertMembers(tx, workspace.id, team);
    const nextAccount = accountGenerator({
      seed: DEMO_SEED,
      today: today(services, DEMO_WORKSPACE.timezone),
      team: teamByRole(team),
    });
    await insertAccountBatch(tx, workspace.id, toBatch(Array.from({ length: DEMO_ACCOUNTS }, nextAccount)));
    return { workspaceId: workspace.id, admin: { id: adminRow.id, name: admin!.name } };
  });
  if (!created) return;
  const played = await seedDemoProjects(services, created.workspaceId, created.admin);
  await seedDemoReadiness(services, created.workspaceId, created.admin);
  await seedDemoPortal(services, created.workspaceId, created.admin);
  await seedDemoAssignment(services, created.workspaceId, created.admin);
  // Last, so the portal and readiness scenes keep the played projects: a second team copied from the most
  // advanced project, and a pilot planned by hand (a blank project).
  await seedDemoShapedProjects(services, created.workspaceId, created.admin, played);
  await seedDemoAcademy(services, created.workspaceId, created.admin);
  await seedDemoTurnover(services, created.workspaceId, created.admin);
  await seedDemoJourneys(services, created.workspaceId, created.admin);
  await seedDemoProducts(services, created.workspaceId, created.admin);
  await seedDemoInsight(services, created.workspaceId, DEMO_WORKSPACE.timezone, DEMO_WORKSPACE.holidayCountry);
  await seedDemoHealth(services, created.workspaceId, created.admin);
  await seedDemoIntegrations(services, created.workspaceId);
  await seedDemoSso(services, created.workspaceId, created.admin);
  await seedDemoProvisioning(services, created.workspaceId, created.admin);
  await seedDemoCrmSync(services, created.workspaceId);
  await seedDemoCapacity(services, created.workspaceId, created.admin);
}

function progressBar(total: number) {
  const bar = new SingleBar({
    format: 'Seeding accounts [{bar}] {value}/{total} | {rate} accounts/s | ETA {eta_formatted}',
    stream: process.stderr,
    // Without a terminal (CI, a pipe) print a line every few seconds instead of redrawing.
    noTTYOutput: true,
    notTTYSchedule: 2000,
    hideCursor: true,
  });
  const started = performance.now();
  bar.start(total, 0, { rate: '-' });
  return {
    update: (done: number) => bar.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) }),
    stop: () => bar.stop(),
  };
}

/**
 * A new workspace with `accounts` generated customers (about three contacts each) for benchmarks
 * and trying Landfall at scale. Returns how to sign in to it.
 */
export async function seedAccounts(
  services: Services,
  options: { accounts: number; progress: boolean; projects?: number; tasks?: number },
): Promise<{
  accounts: number;
  workspaceId: string;
  workspaceName: string;
  email: string;
  password: string;
  projects?: { projects: number; tasks: number };
}> {
  const now = DateTime.fromJSDate(services.now(), { zone: DEMO_WORKSPACE.timezone });
  const stamp = now.toFormat('yyyyMMdd-HHmmss-SSS');
  const workspaceName = `Benchmark ${now.toFormat('yyyy-MM-dd HH:mm')}`;
  const email = `bench-${stamp}@landfall.example`;
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const role: MemberRole = 'admin';

  const { workspaceId, team } = await services.database.db.transaction(async (transaction) => {
    const tx = asDb(transaction);
    const { workspace } = await createWorkspace(tx, services, {
      workspaceName,
      timezone: DEMO_WORKSPACE.timezone,
      admin: { name: DEMO_TEAM[0]!.name, email, password, role },
    });
    const rows = teamRows((name) => emailFromName(name, `+bench-${stamp}`), passwordHash);
    await insertMembers(tx, workspace.id, rows);
    return { workspaceId: workspace.id, team: rows };
  });

  const nextAccount = accountGenerator({
    seed: BENCH_SEED,
    today: now.toISODate()!,
    team: teamByRole(team),
    contactsPerAccount: { min: 2, max: 4 },
  });
  const progress = options.progress ? progressBar(options.accounts) : undefined;
  try {
    for (let done = 0, batches = 1; done < options.accounts; batches++) {
      const size = Math.min(BATCH_ACCOUNTS, options.accounts - done);
      // Generated before the transaction opens, so it holds the connection only for the inserts.
      const batch = toBatch(Array.from({ length: size }, nextAccount));
      await services.database.db.transaction((tx) => insertAccountBatch(asDb(tx), workspaceId, batch));
      done += size;
      // After batches 1, 2, 4, 8…: often enough that plans follow the tables' growth, rarely enough to cost little.
      if ((batches & (batches - 1)) === 0 || done === options.accounts) await analyzeAccountTables(services.database.db);
      progress?.update(done);
    }
  } finally {
    progress?.stop();
  }
  const projects = options.projects
    ? await seedBulkProjects(services, workspaceId, { projects: options.projects, tasks: options.tasks ?? options.projects * 50, today: now.toISODate()!, progress: options.progress ? (done, total) => process.stderr.write(`Seeding projects ${done}/${total}\n`) : undefined })
    : undefined;
  return { accounts: options.accounts, workspaceId, workspaceName, email, password, ...(projects ? { projects } : {}) };
}
