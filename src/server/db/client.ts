import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs plain SQL (for migrations, locks and tests); rows come back as plain objects. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite's data; omitted means in memory. */
  dataDir?: string | undefined;
  /** An already open PGlite (tests start one per worker from a migrated template). */
  pglite?: PGlite;
  poolSize?: number;
}

// pg returns int8 and numeric as strings, PGlite as numbers: make pg give numbers too,
// so the rest of the code sees one shape (our int8 values are counts and money in whole units).
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  // JIT off: our statements are answered in milliseconds to a second, where compiling them costs more than it saves —
  // an insight report over a million tasks spent four times its 150 ms of CPU compiling (bench/lib/explain-insight.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: '-c jit=off' });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  // A client in use (a transaction, a job's claim) whose connection is cut — PostgreSQL restarted, a failover — fails
  // its query, which the caller sees; without a listener the same error would also end the process.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    prepareRepeatedStatements(client);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as Row[];
    },
    close: () => pool.end(),
  };
}

/** How many statements one connection keeps prepared; past it, new statements are sent unnamed (planned each time). */
export const PREPARED_PER_CONNECTION = 300;

/**
 * A pattern match's cost depends on its pattern (a trigram index for "%acme%", a scan for "%a%"), which a generic
 * plan cannot know: such statements are planned each time, with their pattern in hand.
 */
const PATTERN_MATCH = /\b(i?like|similar\s+to)\b|~\*?\s/i;

/**
 * Names every parameterised statement a connection sends by a hash of its text, so PostgreSQL parses and plans it
 * once per connection and, after a few runs, keeps its generic plan. Our statements are many and short: a project
 * page's read spent 3–37 ms planning for 1 ms of execution (bench/api.ts, the mix), most of it the same text
 * with other ids. Pattern matches (PATTERN_MATCH) and statements without parameters (migrations, several statements
 * in one text) stay as they are; so do very long texts (bulk inserts, whose text changes with their row count). A named statement outlives a schema
 * change only as PostgreSQL allows (it re-plans on DDL); a connection's set is bounded by PREPARED_PER_CONNECTION.
 */
function prepareRepeatedStatements(client: pg.PoolClient) {
  // Behind a pooler that hands each transaction another server connection (PgBouncer in transaction mode before
  // 1.21), a statement prepared on one connection is unknown on the next: DATABASE_PREPARED_STATEMENTS=off.
  if (process.env.DATABASE_PREPARED_STATEMENTS === 'off') return;
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = new Set<string>();
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) config = { text: config };
    if (config && typeof config === 'object' && !('submit' in config)) {
      const query = config as pg.QueryConfig;
      const params = Array.isArray(values) ? values : query.values;
      if (query.name === undefined && params && params.length > 0 && query.text.length <= 16_384 && !PATTERN_MATCH.test(query.text)) {
        const name = `lf_${createHash('sha1').update(query.text).digest('base64url').slice(0, 24)}`;
        if (prepared.has(name) || prepared.size < PREPARED_PER_CONNECTION) {
          prepared.add(name);
          return send({ ...query, name }, values, callback);
        }
      }
    }
    return send(config, values, callback);
  };
}

/** The extensions the migrations create (pg_trgm: the search's and lists' "contains" matches use trigram indexes). */
export const PGLITE_EXTENSIONS = { pg_trgm };

async function openPglite(options: OpenOptions): Promise<Database> {
  let client = options.pglite;
  if (!client) {
    if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    client = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: PGLITE_EXTENSIONS });
  }
  const pglite = client;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await pglite.query(text, params);
      return result.rows as Row[];
    },
    close: () => pglite.close(),
  };
}
