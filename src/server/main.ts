import { parseArgs } from 'node:util';
import { loadConfig, type Config } from './config.ts';
import type { Services } from './context.ts';
import { openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { DEMO_LOGIN, seedAccounts, seedDemoWorkspace } from './demo/demo.ts';
import { buildApp } from './app/app.ts';
import { installAll } from './app/reactions.ts';
import { runMailWork } from './jobs/mail-work.ts';
import { runEscalations } from './modules/escalation/escalation.service.ts';
import { replanStaleProjects } from './modules/projects/projects.service.ts';
import { needsSetup } from './modules/workspaces/workspaces.service.ts';

const USAGE = `landfall <command>

  serve                 run the web app and API (default)
  worker                deliver mail and run scheduled work, without serving HTTP
  migrate               apply database migrations and exit
  seed --accounts N     add a workspace with N generated accounts (for benchmarks)

Environment: PORT, DATABASE_URL, LANDFALL_DATA_DIR, LANDFALL_DEMO, PUBLIC_URL, SMTP_URL (see README).`;

async function openServices(config: Config): Promise<Services> {
  installAll();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : `${config.dataDir}/db`,
    poolSize: config.dbPoolSize,
  });
  await migrateDatabase(database);
  const offset = config.clockOffsetMs;
  return { database, config, now: offset ? () => new Date(Date.now() + offset) : () => new Date() };
}

/** Runs `work` every `ms`, never twice at once; its errors are logged, not fatal. */
function every(ms: number, name: string, work: () => Promise<unknown>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch((error: unknown) => console.error(`${name} failed:`, error))
      .finally(() => (running = false));
  }, ms);
  return () => clearInterval(timer);
}

/** The background work: cadences and mail delivery, re-planning projects as the days pass, reminders and escalation. */
function backgroundWork(services: Services, mailEveryMs: number): () => void {
  const stops = [
    every(mailEveryMs, 'cadences and mail', () => runMailWork(services)),
    every(10 * 60_000, 'project re-planning', () => replanStaleProjects(services)),
    every(60_000, 'reminders and escalation', () => runEscalations(services)),
  ];
  return () => stops.forEach((stop) => stop());
}

async function serve(config: Config) {
  const services = await openServices(config);
  if (config.demo && (await needsSetup(services))) {
    console.log('Creating the demo workspace…');
    await seedDemoWorkspace(services);
  }
  const app = await buildApp(services);
  const stopMail = backgroundWork(services, 5000);
  const shutdown = async () => {
    stopMail();
    await app.close();
    await services.database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const engine = services.database.engine === 'pglite' ? `PGlite at ${config.dataDir}/db` : 'PostgreSQL';
  console.log(`\nLandfall is running at ${config.publicUrl} (database: ${engine})`);
  if (await needsSetup(services)) {
    console.log(`No workspace yet: open ${config.publicUrl} to create the first admin.`);
  } else if (config.demo) {
    console.log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  }
  console.log(`API docs: ${config.publicUrl}/api/docs\n`);
}

async function worker(config: Config) {
  const services = await openServices(config);
  const stop = backgroundWork(services, 2000);
  console.log('Landfall worker running.');
  process.once('SIGTERM', async () => {
    stop();
    await services.database.close();
    process.exit(0);
  });
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { accounts: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) return console.log(USAGE);
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'worker':
      return worker(config);
    case 'migrate': {
      const services = await openServices(config);
      await services.database.close();
      return console.log('Migrations applied.');
    }
    case 'seed': {
      const accounts = Number(values.accounts ?? 10000);
      if (!Number.isInteger(accounts) || accounts < 1) throw new Error('--accounts must be a whole number above 0');
      const services = await openServices(config);
      const result = await seedAccounts(services, { accounts, progress: process.stderr.isTTY || true });
      await services.database.close();
      console.log(`Seeded ${result.accounts} accounts in workspace "${result.workspaceName}". Sign in as ${result.email} / ${result.password}`);
      return;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
