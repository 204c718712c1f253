// For the tests of a migration on an existing install (db/*.migration.test.ts): a database of their own, migrated to
// the migration before the one under test, filled by plain SQL (the schema of then, not the code of today), then
// migrated the rest of the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect } from 'vitest';
import { openDatabase, PGLITE_EXTENSIONS, type Database } from '../db/client.ts';
import { migrateDatabase, migrationsFolder } from '../db/migrate.ts';
import { openOwnDatabase } from './harness.ts';

/**
 * A database of the test's own migrated to just before `tag`, filled by `fill` as of then, then migrated through
 * `tag` and no further (so the test stays a test of `tag` when later migrations add tables and rows). Drop it after.
 */
export async function upgradedDatabase(tag: string, fill: (database: Database) => Promise<void>) {
  const folders = [migrationsUntil(tag, 0), migrationsUntil(tag, 1)] as const;
  const env = await emptyDatabase();
  try {
    await migrateDatabase(env.database, folders[0]);
    await fill(env.database);
    await migrateDatabase(env.database, folders[1]);
    return env;
  } catch (error) {
    await env.drop();
    throw error;
  } finally {
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** A copy of the migrations folder that ends before `tag` (past = 0) or with it (past = 1). */
function migrationsUntil(tag: string, past: 0 | 1): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-migrations-'));
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(at, `${tag} in the journal`).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at + past);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

/** An empty database of the test's own: PGlite, or a fresh database on the PostgreSQL of DATABASE_URL (dropped after). */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ pglite: await PGlite.create({ extensions: PGLITE_EXTENSIONS }) });
    return { database, drop: () => database.close() };
  }
  return openOwnDatabase(adminUrl, 'lf_mig', 2);
}
