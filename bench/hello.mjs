// A bare Fastify hello-world: the ceiling the api bench compares Landfall with.
// Run by bench/api.ts in a process of its own: node bench/hello.mjs <port>
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 3001);
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port, host: '127.0.0.1' });
process.send?.({ listening: port });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
