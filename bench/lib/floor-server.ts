// The floor under the api bench's mix: a bare Fastify over the same PostgreSQL database that answers each request
// of the mix with the least a database-backed API can do — look up the credential (one prepared statement), read
// one row by its key (or, for a write, update one row: a committed write), and send as many bytes as Landfall's own
// answer to that kind of request (measured in the same run). No validation, no ORM, no domain logic: what the
// machine allows for this traffic before any of Landfall's work. Run by bench/api.ts:
// node --import tsx bench/lib/floor-server.ts <port> with DATABASE_URL and FLOOR_BYTES ({"kind": bytes}) in the environment.
import Fastify from 'fastify';
import pg from 'pg';
import { kindOf } from './api-mix.ts';

const port = Number(process.argv[2]);
const bytes = JSON.parse(process.env.FLOOR_BYTES ?? '{}') as Record<string, number>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const rows = (await pool.query<{ workspace_id: string; id: string }>('select workspace_id, id from accounts limit 1000')).rows;
const tokens = (await pool.query<{ workspace_id: string; token_hash: string }>('select workspace_id, token_hash from api_tokens limit 1')).rows;
await pool.query('create table if not exists floor_writes (id int primary key, n int not null)');
await pool.query('insert into floor_writes select i, 0 from generate_series(1, 1000) i on conflict do nothing');
/** How many copies of the row read make each kind's answer as long as Landfall's (serialized anew each time). */
const copies = new Map<string, number>();
let next = 0;

const app = Fastify({ logger: false });
app.all('/*', async (request, reply) => {
  const kind = kindOf(request.method, request.url);
  const token = tokens[0]!;
  await pool.query({ name: 'floor_credential', text: 'select workspace_id, token_hash from api_tokens where workspace_id = $1 and token_hash = $2', values: [token.workspace_id, token.token_hash] });
  const n = next++ % rows.length;
  let body: unknown;
  if (request.method === 'GET') {
    const target = rows[n]!;
    body = (await pool.query({ name: 'floor_read', text: 'select id, name, domain, segment, laer_stage, contract_value, renewal_on from accounts where workspace_id = $1 and id = $2', values: [target.workspace_id, target.id] })).rows[0];
  } else {
    body = (await pool.query({ name: 'floor_write', text: 'update floor_writes set n = n + 1 where id = $1 returning id, n', values: [n + 1] })).rows[0];
  }
  let count = copies.get(kind);
  if (count === undefined) {
    const one = JSON.stringify(body).length + 1;
    copies.set(kind, (count = Math.max(1, Math.round((bytes[kind] ?? one) / one))));
  }
  const answer = Array.from({ length: count }, (_, index) => ({ ...(body as object), index }));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer));
});
await app.listen({ port, host: '127.0.0.1' });
process.send?.({ listening: port });
// Its scratch table goes with it (the bench may run on a database given by DATABASE_URL).
process.on('SIGTERM', () =>
  void app
    .close()
    .then(() => pool.query('drop table if exists floor_writes'))
    .then(() => pool.end())
    .finally(() => process.exit(0)),
);
