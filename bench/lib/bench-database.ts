// The database a bench works in: DATABASE_URL when set, else a fresh one of its own on the local PostgreSQL, migrated,
// and dropped by close().
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function openBenchDatabase(prefix: string): Promise<{ database: Database; databaseUrl: string; close: () => Promise<void> }> {
  let databaseUrl = process.env.DATABASE_URL;
  const ownDatabase = databaseUrl ? undefined : `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  if (ownDatabase) {
    await admin.connect();
    await admin.query(`create database ${ownDatabase}`);
    databaseUrl = `postgres://postgres@127.0.0.1:5432/${ownDatabase}`;
  }
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  await migrateDatabase(database);
  return {
    database,
    databaseUrl: databaseUrl!,
    close: async () => {
      await database.close();
      if (ownDatabase) {
        await admin.query(`drop database if exists ${ownDatabase} with (force)`);
        await admin.end();
      }
    },
  };
}
