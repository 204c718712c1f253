import pg from 'pg';

/**
 * Which statements run as named prepared statements. A parameterized statement whose text this process has sent
 * before gets a name derived from its text, so each connection parses it once and PostgreSQL may keep its plan: for
 * the short statements a request is made of, planning costs more than running (an account by its key with its
 * owners and contact count: 0.29 ms to plan, 0.11 ms to run). PostgreSQL still plans with the values for the first
 * five runs and keeps a generic plan only when it is estimated as cheap as those (plan_cache_mode auto).
 *
 * Bounded: at most `limit` different texts are named per process (each connection holds the ones it ran), and a
 * text is named only once it is seen a second time, so statements built for one use (a bulk insert of n rows) stay
 * unnamed. Off with DB_PREPARE=0 (for a pooler in transaction mode that does not track prepared statements).
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 500) {}

  nameFor(text: string): string | undefined {
    const named = this.names.get(text);
    if (named !== undefined || this.names.size >= this.limit) return named;
    if (!this.seen.has(text)) {
      // Forget one-off texts now and then rather than keep them all.
      if (this.seen.size >= 10 * this.limit) this.seen.clear();
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    const name = `lf_auto_${this.names.size}`;
    this.names.set(text, name);
    return name;
  }
}

type QueryConfig = { text: string; name?: string; values?: unknown[] };

/** A pg client class whose parameterized statements are named by `names` (see StatementNames). */
export function autoPreparingClient(names: StatementNames): typeof pg.Client {
  class AutoPreparingClient extends pg.Client {
    // pg's overloads are many; this one adds a name and passes everything on unchanged.
    override query(config: unknown, values?: unknown, callback?: unknown): never {
      // A query config object (not a submittable Query), or plain text.
      const object = typeof config === 'object' && config !== null && typeof (config as { submit?: unknown }).submit !== 'function' ? (config as QueryConfig) : undefined;
      const text = typeof config === 'string' ? config : object && !object.name ? object.text : undefined;
      const params = Array.isArray(values) ? values : object?.values;
      const name = typeof text === 'string' && params?.length ? names.nameFor(text) : undefined;
      const named = name ? { ...(object ?? { text }), name } : config;
      return (super.query as (...args: unknown[]) => never)(named, values, callback);
    }
  }
  return AutoPreparingClient;
}
