import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { autoPreparingClient, StatementNames } from './auto-prepare.ts';
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
  /** Parameterized statements run as named prepared statements once seen twice (see auto-prepare.ts); default on. */
  prepare?: boolean;
}

// pg returns int8 and numeric as strings, PGlite as numbers: make pg give numbers too,
// so the rest of the code sees one shape (our int8 values are counts and money in whole units).
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.prepare ?? true);
  return openPglite(options);
}

async function openPostgres(databaseUrl: string, poolSize: number, prepare: boolean): Promise<Database> {
  // JIT off: our statements are answered in milliseconds to a second, where compiling them costs more than it saves —
  // an insight report over a million tasks spent four times its 150 ms of CPU compiling (bench/lib/explain-insight.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: '-c jit=off', ...(prepare ? { Client: autoPreparingClient(new StatementNames()) } : {}) });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  // A client in use (a transaction, a job's claim) whose connection is cut — PostgreSQL restarted, a failover — fails
  // its query, which the caller sees; without a listener the same error would also end the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
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
