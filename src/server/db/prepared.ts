import type { Db } from './client.ts';

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A named prepared statement, built once per database handle: parsed once per connection, and planned once when
 * PostgreSQL finds its generic plan as good as the custom ones. For hot statements whose plan does not depend on
 * the values (a row by its key, a page in an index's order) — not for `= any($list)` lookups, whose best plan
 * depends on the list's length.
 */
export function prepared<T>(db: Db, name: string, build: (name: string) => T): T {
  let statements = preparedByDb.get(db);
  if (!statements) preparedByDb.set(db, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (!statement) statements.set(name, (statement = build(name)));
  return statement;
}
