import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './client.ts';

export const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

// Any fixed number works; it only has to be the same in every Landfall process.
const MIGRATION_LOCK = 4_242_001;

/**
 * Applies pending migrations. Safe when several processes start at once on one PostgreSQL. `folder` is for tests that
 * migrate to an earlier migration first (test/migrations.ts, for the db/*.migration.test.ts).
 */
export async function migrateDatabase(database: Database, folder = migrationsFolder): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    return;
  }
  const db = database.db as unknown as NodePgDatabase;
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(db, { migrationsFolder: folder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lockClient.release();
  }
}
