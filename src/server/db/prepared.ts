import type { Db } from './client.ts';

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle prepared statement, built once per database handle (drizzle spends ~0.1–0.2 ms building a wide select
 * each time) and named, so each connection parses it once. For the hot reads whose shape does not change with the
 * values (a row by its key, a project's rows, a page in an index's order); PostgreSQL keeps a generic plan only when
 * it is as good as planning with the values. Other repeated statements are named by the driver (auto-prepare.ts).
 */
export function prepared<T>(db: Db, name: string, build: (name: string) => T): T {
  let statements = preparedByDb.get(db);
  if (!statements) preparedByDb.set(db, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (!statement) statements.set(name, (statement = build(name)));
  return statement;
}
