// Landfall's HTTP app alone (no demo, no mail loop), on 127.0.0.1:<port>, as one process or a node:cluster
// of several. Started by bench/api.ts: node --import tsx bench/lib/landfall-server.ts <port> <processes>
// with DATABASE_URL in the environment; tells its parent when every process is listening.
import cluster from 'node:cluster';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { buildApp } from '../../src/server/app/app.ts';

const port = Number(process.argv[2]);
const processes = Number(process.argv[3] ?? 1);

async function serve() {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', PORT: String(port), HOST: '127.0.0.1', LANDFALL_DEMO: 'false' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize, prepare: config.dbPrepare });
  const app = await buildApp({ database, config, now: () => new Date() });
  await app.listen({ port: config.port, host: config.host });
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}

if (processes > 1 && cluster.isPrimary) {
  let listening = 0;
  for (let index = 0; index < processes; index++) cluster.fork();
  cluster.on('listening', () => {
    if (++listening === processes) process.send?.({ listening: port });
  });
  cluster.on('exit', (worker, code) => {
    if (code !== 0) console.error(`landfall worker ${worker.process.pid} exited with ${code}`);
  });
  process.on('SIGTERM', () => {
    // Exit after the workers do: a worker whose primary is gone fails on its IPC channel (EPIPE).
    cluster.removeAllListeners('exit');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
} else {
  await serve();
  if (processes === 1) process.send?.({ listening: port });
}
