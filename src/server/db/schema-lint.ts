// The Citus-readiness lint (issue 20), read off a migrated database's catalogue. Citus distributes a tenant table by
// workspace_id; it then needs every primary and unique key of the table to include workspace_id, every foreign key
// between tenant tables to carry it (so the join stays on one shard), and no statement-level trigger with a
// transition table. A tenant table is one with a workspace_id column; the rest are workspaces itself or reference
// tables. Each finding is one line, stable across runs, so a baseline can list those not yet fixed.
import type { Database } from './client.ts';

export interface Finding {
  rule: 'primary-key' | 'unique-key' | 'foreign-key' | 'transition-trigger';
  table: string;
  /** The constraint, index or trigger, as the catalogue names it. */
  name: string;
  detail: string;
}

export const findingKey = (f: Finding) => `${f.rule} ${f.table}.${f.name}`;

/**
 * Reference tables: small lookups that arrive without a workspace and say which one (an SSO sign-in name → its
 * workspace, a token's hash → its workspace, a member's sign-in email → their workspace and id). Citus copies them to
 * every node; they are keyed by what is looked up, not by workspace.
 */
export const REFERENCE_TABLES = ['member_sign_in_emails', 'sso_sign_in_names', 'token_lookups'];

const TENANT = `exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped)
  and c.relname not in (${REFERENCE_TABLES.map((t) => `'${t}'`).join(', ')})`;

/** Every place the schema is not ready to be distributed by workspace_id, sorted. */
export async function lintSchema(database: Database): Promise<Finding[]> {
  const keys = await database.query<{ table: string; name: string; kind: string; definition: string }>(
    `select c.relname as table, i.relname as name, case when x.indisprimary then 'p' else 'u' end as kind, pg_get_indexdef(x.indexrelid) as definition
       from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and (x.indisprimary or x.indisunique) and ${TENANT}
        and not exists (select 1 from unnest(x.indkey) k join pg_attribute a on a.attrelid = c.oid and a.attnum = k where a.attname = 'workspace_id')`,
  );
  const foreign = await database.query<{ table: string; name: string; definition: string }>(
    `select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
      where k.contype = 'f' and c.relnamespace = 'public'::regnamespace and ${TENANT}
        and exists (select 1 from pg_attribute a where a.attrelid = r.oid and a.attname = 'workspace_id' and not a.attisdropped)
        and not exists (select 1 from unnest(k.conkey) n join pg_attribute a on a.attrelid = c.oid and a.attnum = n where a.attname = 'workspace_id')`,
  );
  const triggers = await database.query<{ table: string; name: string }>(
    `select c.relname as table, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and c.relnamespace = 'public'::regnamespace and ${TENANT}
        and (t.tgoldtable is not null or t.tgnewtable is not null)`,
  );
  const findings: Finding[] = [
    ...keys.map((k) => ({ rule: k.kind === 'p' ? ('primary-key' as const) : ('unique-key' as const), table: k.table, name: k.name, detail: `${k.definition} does not include workspace_id` })),
    ...foreign.map((f) => ({ rule: 'foreign-key' as const, table: f.table, name: f.name, detail: `${f.definition} joins two tenant tables without workspace_id` })),
    ...triggers.map((t) => ({ rule: 'transition-trigger' as const, table: t.table, name: t.name, detail: 'a statement-level trigger with a transition table (Citus cannot run it on a distributed table)' })),
  ];
  return findings.sort((a, b) => findingKey(a).localeCompare(findingKey(b)));
}
