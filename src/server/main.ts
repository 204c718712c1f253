import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { JOBS } from './app/jobs.ts';
import { loadConfig, type Config } from './config.ts';
import type { Services } from './context.ts';
import { openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { DEMO_LOGIN, seedAccounts, seedDemoWorkspace } from './demo/demo.ts';
import { buildApp } from './app/app.ts';
import { installAll } from './app/reactions.ts';
import { describeJobs } from './jobs/job.ts';
import { startJobRunner, type JobRunner } from './jobs/runner.ts';
import { needsSetup } from './modules/workspaces/workspaces.service.ts';
import { importCommand } from './modules/imports/imports.cli.ts';

const USAGE = `landfall <command>

  serve [--no-jobs] [--workers N]
                        run the web app and API (default), and the scheduled jobs unless --no-jobs
                        or LANDFALL_JOBS=0; --workers N runs N processes on one port (PostgreSQL only)
  worker                run the scheduled jobs (mail, cadences, escalation, re-planning), without HTTP
  migrate               apply database migrations and exit
  seed --accounts N     add a workspace with N generated accounts (for benchmarks)
         [--projects P --tasks T]   and P projects with T tasks in all (insight reports at scale)
  import FILE.csv [--kind accounts|contacts|organizations] [--dry-run] [--workspace ID|NAME]
                        import accounts (default), contacts or organizations from a CSV, with a progress bar

Environment: PORT, DATABASE_URL, LANDFALL_DATA_DIR, LANDFALL_DEMO, PUBLIC_URL, SMTP_URL, LANDFALL_JOBS (see README).`;

async function openServices(config: Config): Promise<Services> {
  installAll();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : `${config.dataDir}/db`,
    poolSize: config.dbPoolSize,
    prepare: config.dbPrepare,
  });
  await migrateDatabase(database);
  const replica = config.databaseReplicaUrl ? await openDatabase({ databaseUrl: config.databaseReplicaUrl, poolSize: config.dbPoolSize, prepare: config.dbPrepare }) : undefined;
  const offset = config.clockOffsetMs;
  return { database, ...(replica ? { replica } : {}), config, now: offset ? () => new Date(Date.now() + offset) : () => new Date() };
}

const closeServices = (services: Services) => Promise.all([services.database.close(), services.replica?.close()]);

/** On SIGTERM or SIGINT: stops taking requests and claiming jobs, waits for those under way, then closes the database. */
function stopOnSignal(services: Services, jobs: JobRunner | undefined, closeApp: () => Promise<unknown> = async () => undefined) {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await Promise.all([closeApp(), jobs?.stop()]);
      await closeServices(services);
    } catch (error) {
      console.error('Landfall did not stop cleanly:', error);
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * `serve --workers N`: this process migrates (and seeds the demo) once, then forks N processes that each serve the
 * same port (node:cluster hands them connections) and, unless told not to, run the jobs — claimed in the database,
 * so no job runs twice. Nothing one process needs is kept in another's memory: sessions, rate limits and job claims
 * are rows, and cached answers are checked against the database's data version on every request.
 */
async function serveCluster(config: Config, runJobs: boolean, workers: number) {
  if (!config.databaseUrl) throw new Error('--workers needs PostgreSQL (set DATABASE_URL): an embedded PGlite belongs to one process.');
  const services = await openServices(config);
  if (config.demo && (await needsSetup(services))) {
    console.log('Creating the demo workspace…');
    await seedDemoWorkspace(services);
  }
  await closeServices(services);
  let stopping = false;
  const fork = () => cluster.fork({ LANDFALL_JOBS: runJobs ? 'true' : 'false' });
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (child, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Landfall process ${child.process.pid} stopped (${signal ?? code}); starting another.`);
    setTimeout(fork, 1000);
  });
  const stop = () => {
    stopping = true;
    for (const child of Object.values(cluster.workers ?? {})) child?.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`\nLandfall is running at ${config.publicUrl} on ${workers} processes (database: PostgreSQL)`);
  console.log(runJobs ? 'Jobs: run in every process, each claimed once in the database.\n' : 'Jobs: not run here (left to `landfall worker`).\n');
}

async function serve(config: Config, runJobs: boolean) {
  const child = cluster.isWorker;
  const services = await openServices(config);
  if (!child && config.demo && (await needsSetup(services))) {
    console.log('Creating the demo workspace…');
    await seedDemoWorkspace(services);
  }
  const app = await buildApp(services);
  const jobs = runJobs ? startJobRunner(services, JOBS) : undefined;
  stopOnSignal(services, jobs, () => app.close());
  await app.listen({ port: config.port, host: config.host });
  if (child) return;
  const engine = services.database.engine === 'pglite' ? `PGlite at ${config.dataDir}/db` : 'PostgreSQL';
  console.log(`\nLandfall is running at ${config.publicUrl} (database: ${engine})`);
  if (await needsSetup(services)) {
    console.log(`No workspace yet: open ${config.publicUrl} to create the first admin.`);
  } else if (config.demo) {
    console.log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  }
  console.log(`API docs: ${config.publicUrl}/api/docs`);
  console.log(jobs ? `Jobs: run here too (LANDFALL_JOBS=0 or --no-jobs leaves them to \`landfall worker\`).\n` : 'Jobs: not run here (left to `landfall worker`).\n');
}

async function worker(config: Config) {
  const services = await openServices(config);
  const jobs = startJobRunner(services, JOBS);
  stopOnSignal(services, jobs);
  console.log(`Landfall worker running (${jobs.claimer}), no HTTP. Jobs:\n${describeJobs(JOBS)}`);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      accounts: { type: 'string' },
      projects: { type: 'string' },
      tasks: { type: 'string' },
      'no-jobs': { type: 'boolean' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      kind: { type: 'string' },
      'dry-run': { type: 'boolean' },
      workspace: { type: 'string' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) return console.log(USAGE);
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const runJobs = config.jobs && !values['no-jobs'];
      if (values.workers === undefined || cluster.isWorker) return serve(config, runJobs);
      const workers = Number(values.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new Error('--workers must be a whole number from 1 to 64');
      return serveCluster(config, runJobs, workers);
    }
    case 'worker':
      return worker(config);
    case 'migrate': {
      const services = await openServices(config);
      await closeServices(services);
      return console.log('Migrations applied.');
    }
    case 'seed': {
      const accounts = Number(values.accounts ?? 10000);
      if (!Number.isInteger(accounts) || accounts < 1) throw new Error('--accounts must be a whole number above 0');
      const services = await openServices(config);
      const projects = Number(values.projects ?? 0);
      const tasks = Number(values.tasks ?? projects * 50);
      if (!Number.isInteger(projects) || projects < 0 || !Number.isInteger(tasks) || tasks < 0) throw new Error('--projects and --tasks must be whole numbers');
      const result = await seedAccounts(services, { accounts, progress: process.stderr.isTTY || true, projects, tasks });
      await closeServices(services);
      console.log(`Seeded ${result.accounts} accounts in workspace "${result.workspaceName}". Sign in as ${result.email} / ${result.password}`);
      if (result.projects) console.log(`and ${result.projects.projects} projects with ${result.projects.tasks} tasks`);
      return;
    }
    case 'import': {
      const services = await openServices(config);
      try {
        await importCommand(services, { file: positionals[1], kind: values.kind, dryRun: Boolean(values['dry-run']), workspace: values.workspace });
      } finally {
        await closeServices(services);
      }
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
