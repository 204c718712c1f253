// The SQL of CSV imports: the imports table, and the set-based writes of one batch of rows (a JSON array unpacked
// by jsonb_to_recordset into one multi-row INSERT or UPDATE per kind), which the service runs in the batch's own
// transaction.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, contacts, imports, organizations } from '../../db/schema.ts';
import type { RowProblem } from '../../../core/imports/fields.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

// ---- the imports table ----

export type ImportRow = typeof imports.$inferSelect;

export async function insertImport(db: Db, values: typeof imports.$inferInsert) {
  const [row] = await db.insert(imports).values(values).returning();
  return row!;
}

export async function findImport(db: Db, workspaceId: string, importId: string) {
  const [row] = await db.select().from(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)));
  return row;
}

export function listImports(db: Db, workspaceId: string, limit: number) {
  return db
    .select({ ...importSummaryColumns })
    .from(imports)
    .where(eq(imports.workspaceId, workspaceId))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

const importSummaryColumns = {
  id: imports.id,
  kind: imports.kind,
  fileName: imports.fileName,
  status: imports.status,
  totalRows: imports.totalRows,
  processedRows: imports.processedRows,
  created: imports.created,
  updated: imports.updated,
  unchanged: imports.unchanged,
  skipped: imports.skipped,
  createdBy: imports.createdBy,
  createdAt: imports.createdAt,
  finishedAt: imports.finishedAt,
};

export async function updateImport(db: Db, workspaceId: string, importId: string, values: Partial<typeof imports.$inferInsert>) {
  const [row] = await db
    .update(imports)
    .set(values)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)))
    .returning();
  return row;
}

/** Moves a previewed import to running; undefined when it was not previewed (already running or over). */
export async function claimImport(db: Db, workspaceId: string, importId: string, totalRows: number, now: Date) {
  const [row] = await db
    .update(imports)
    .set({ status: 'running', startedAt: now, progressAt: now, totalRows, processedRows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, problems: [] })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId), eq(imports.status, 'previewed')))
    .returning();
  return row;
}

/** Adds one batch's counts and problems to the import's progress. */
export async function addProgress(
  db: Db,
  workspaceId: string,
  importId: string,
  batch: { processed: number; created: number; updated: number; unchanged: number; skipped: number; problems: RowProblem[] },
  now: Date,
) {
  await db
    .update(imports)
    .set({
      progressAt: now,
      processedRows: sql`${imports.processedRows} + ${batch.processed}`,
      created: sql`${imports.created} + ${batch.created}`,
      updated: sql`${imports.updated} + ${batch.updated}`,
      unchanged: sql`${imports.unchanged} + ${batch.unchanged}`,
      skipped: sql`${imports.skipped} + ${batch.skipped}`,
      // The report keeps the first 1,000 problems; the skipped count keeps them all.
      problems: batch.problems.length
        ? sql`(select coalesce(jsonb_agg(p), '[]'::jsonb) from (select p from jsonb_array_elements(${imports.problems} || ${json(batch.problems)}) p order by (p->>'row')::int limit 1000) x)`
        : imports.problems,
    })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, importId)));
}

/** Running imports (of every workspace) with no batch written since `before`: failed, with the reason; answers how many. */
export async function failStaleImports(db: Db, before: Date, now: Date, error: string) {
  const rows = await db
    .update(imports)
    .set({ status: 'failed', error, finishedAt: now, content: '' })
    .where(and(eq(imports.status, 'running'), sql`coalesce(${imports.progressAt}, ${imports.startedAt}) < ${before.toISOString()}::timestamptz`))
    .returning({ id: imports.id });
  return rows.length;
}

/** Imports of one workspace wait for each other batch by batch, so two never match the same new row twice. */
export async function lockWorkspaceImports(db: Db, workspaceId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('landfall.import'), hashtext(${workspaceId}))`);
}

// ---- matching ----

export interface AccountRef {
  i: number;
  externalId?: string | undefined;
  domain?: string | undefined;
  name?: string | undefined;
}
export interface AccountMatch {
  i: number;
  id: string | null;
  matchedBy: 'external id' | 'domain' | 'name' | null;
}

/**
 * The account each reference names: by external id, then by domain, then by exact name (case aside). Domain and
 * name never match an account whose own external id differs from the row's.
 */
export async function matchAccounts(db: Db, workspaceId: string, refs: AccountRef[]): Promise<AccountMatch[]> {
  if (refs.length === 0) return [];
  const result = await db.execute(sql`
    select r.i, m.id, m.matched_by as "matchedBy"
      from jsonb_to_recordset(${json(refs)}) as r(i int, "externalId" text, domain text, name text)
      left join lateral (
        select * from (
          select a.id, 'external id' as matched_by, 1 as rank from ${accounts} a
           where a.workspace_id = ${workspaceId} and r."externalId" is not null and a.external_id = r."externalId"
          union all
          select a.id, 'domain', 2 from ${accounts} a
           where a.workspace_id = ${workspaceId} and r.domain is not null and a.domain = r.domain
             and (r."externalId" is null or a.external_id is null)
          union all
          select a.id, 'name', 3 from ${accounts} a
           where a.workspace_id = ${workspaceId} and r.name is not null and lower(a.name) = lower(r.name)
             and (r."externalId" is null or a.external_id is null)
        ) candidates order by rank limit 1
      ) m on true`);
  return rowsOf<AccountMatch>(result);
}

export interface ContactMatch {
  i: number;
  id: string | null;
  accountId: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  matchedBy: 'external id' | 'email' | null;
}

/** The contact each row names: by external id in the workspace, else by email in the row's account. */
export async function matchContacts(db: Db, workspaceId: string, rows: { i: number; externalId?: string | undefined; accountId: string; email: string }[]) {
  if (rows.length === 0) return [];
  const result = await db.execute(sql`
    select r.i, m.id, m.account_id as "accountId", m.joined_on::text as "joinedOn", m.left_on::text as "leftOn", m.matched_by as "matchedBy"
      from jsonb_to_recordset(${json(rows)}) as r(i int, "externalId" text, "accountId" uuid, email text)
      left join lateral (
        select * from (
          select c.id, c.account_id, c.joined_on, c.left_on, 'external id' as matched_by, 1 as rank from ${contacts} c
           where c.workspace_id = ${workspaceId} and r."externalId" is not null and c.external_id = r."externalId"
          union all
          select c.id, c.account_id, c.joined_on, c.left_on, 'email', 2 from ${contacts} c
           where c.workspace_id = ${workspaceId} and c.account_id = r."accountId" and lower(c.email) = r.email
             and (r."externalId" is null or c.external_id is null)
        ) candidates order by rank limit 1
      ) m on true`);
  return rowsOf<ContactMatch>(result);
}

/** The organization each row names: by external id, else by name in the row's account. */
export async function matchOrganizations(db: Db, workspaceId: string, rows: { i: number; externalId?: string | undefined; accountId: string; name: string }[]) {
  if (rows.length === 0) return [];
  const result = await db.execute(sql`
    select r.i, m.id, m.account_id as "accountId", m.matched_by as "matchedBy"
      from jsonb_to_recordset(${json(rows)}) as r(i int, "externalId" text, "accountId" uuid, name text)
      left join lateral (
        select * from (
          select o.id, o.account_id, 'external id' as matched_by, 1 as rank from ${organizations} o
           where o.workspace_id = ${workspaceId} and r."externalId" is not null and o.external_id = r."externalId"
          union all
          select o.id, o.account_id, 'name', 2 from ${organizations} o
           where o.workspace_id = ${workspaceId} and o.account_id = r."accountId" and lower(o.name) = lower(r.name)
             and (r."externalId" is null or o.external_id is null)
        ) candidates order by rank limit 1
      ) m on true`);
  return rowsOf<{ i: number; id: string | null; accountId: string | null; matchedBy: string | null }>(result);
}

// ---- set-based writes ----

export interface AccountWrite {
  id?: string;
  external_id?: string;
  name?: string;
  domain?: string;
  industry?: string;
  segment?: string;
  complexity?: string;
  touch_model?: string;
  contract_value?: number;
  currency?: string;
  contract_signed_on?: string;
  renewal_on?: string;
  products?: string[];
  timezone?: string;
  laer_stage?: string;
}

const ACCOUNT_RECORD = sql.raw(`r(id uuid, external_id text, name text, domain text, industry text, segment text, complexity text, touch_model text,
  contract_value bigint, currency text, contract_signed_on date, renewal_on date, products text[], timezone text, laer_stage text)`);

export async function insertAccounts(db: Db, workspaceId: string, rows: AccountWrite[], workspaceTimezone: string) {
  if (rows.length === 0) return 0;
  const result = await db.execute(sql`
    insert into ${accounts} (workspace_id, external_id, name, domain, industry, segment, complexity, touch_model, contract_value, currency,
                             contract_signed_on, renewal_on, products, timezone, laer_stage)
    select ${workspaceId}, r.external_id, r.name, r.domain, r.industry, r.segment, r.complexity,
           coalesce(r.touch_model, case r.segment when 'enterprise' then 'high' when 'mid_market' then 'medium' else 'digital' end),
           coalesce(r.contract_value, 0), coalesce(r.currency, 'USD'), r.contract_signed_on, r.renewal_on, coalesce(r.products, '{}'),
           coalesce(r.timezone, ${workspaceTimezone}), coalesce(r.laer_stage, 'land')
      from jsonb_to_recordset(${json(rows)}) as ${ACCOUNT_RECORD}
    returning id`);
  return rowsOf(result).length;
}

/** Updates matched accounts with the cells given (an empty cell keeps the value); returns how many changed. */
export async function updateAccounts(db: Db, workspaceId: string, rows: AccountWrite[], now: Date) {
  if (rows.length === 0) return 0;
  const merged = sql.raw(`coalesce(r.external_id, a.external_id), coalesce(r.name, a.name), coalesce(r.domain, a.domain), coalesce(r.industry, a.industry),
    coalesce(r.segment, a.segment), coalesce(r.complexity, a.complexity), coalesce(r.touch_model, a.touch_model), coalesce(r.contract_value, a.contract_value),
    coalesce(r.currency, a.currency), coalesce(r.contract_signed_on, a.contract_signed_on), coalesce(r.renewal_on, a.renewal_on),
    coalesce(r.products, a.products), coalesce(r.timezone, a.timezone), coalesce(r.laer_stage, a.laer_stage)`);
  const result = await db.execute(sql`
    update ${accounts} a set (external_id, name, domain, industry, segment, complexity, touch_model, contract_value, currency,
                              contract_signed_on, renewal_on, products, timezone, laer_stage) = (${merged}), updated_at = ${now.toISOString()}
      from jsonb_to_recordset(${json(rows)}) as ${ACCOUNT_RECORD}
     where a.workspace_id = ${workspaceId} and a.id = r.id
       and (${merged}) is distinct from (a.external_id, a.name, a.domain, a.industry, a.segment, a.complexity, a.touch_model, a.contract_value,
            a.currency, a.contract_signed_on, a.renewal_on, a.products, a.timezone, a.laer_stage)
    returning a.id`);
  return rowsOf(result).length;
}

export interface ContactWrite {
  id?: string;
  account_id: string;
  external_id?: string;
  email?: string;
  name?: string;
  title?: string;
  role?: string;
  timezone?: string;
  joined_on?: string;
  left_on?: string;
  modules?: string[];
}

const CONTACT_RECORD = sql.raw(`r(id uuid, account_id uuid, external_id text, email text, name text, title text, role text, timezone text,
  joined_on date, left_on date, modules text[])`);

/** Inserts new contacts; returns each one's id, account, role and left date (for the events). */
export async function insertContacts(db: Db, workspaceId: string, rows: ContactWrite[]) {
  if (rows.length === 0) return [];
  const result = await db.execute(sql`
    insert into ${contacts} (workspace_id, account_id, external_id, email, name, title, role, timezone, joined_on, left_on, modules)
    select ${workspaceId}, r.account_id, r.external_id, r.email, r.name, r.title, coalesce(r.role, 'end_user'), r.timezone, r.joined_on, r.left_on,
           coalesce(r.modules, '{}')
      from jsonb_to_recordset(${json(rows)}) as ${CONTACT_RECORD}
    returning id, account_id as "accountId", role, left_on::text as "leftOn"`);
  return rowsOf<{ id: string; accountId: string; role: string; leftOn: string | null }>(result);
}

/** Updates matched contacts with the cells given; returns each changed one with its role and left date before and after. */
export async function updateContacts(db: Db, workspaceId: string, rows: ContactWrite[], now: Date) {
  if (rows.length === 0) return [];
  const merged = sql.raw(`coalesce(r.external_id, c.external_id), coalesce(r.email, c.email), coalesce(r.name, c.name), coalesce(r.title, c.title),
    coalesce(r.role, c.role), coalesce(r.timezone, c.timezone), coalesce(r.joined_on, c.joined_on), coalesce(r.left_on, c.left_on),
    coalesce(r.modules, c.modules)`);
  const result = await db.execute(sql`
    with r as (select * from jsonb_to_recordset(${json(rows)}) as ${CONTACT_RECORD}),
         -- By the ids themselves, so the primary key finds them (a join with r is planned as a scan of the workspace).
         old as (select c.id, c.role, c.left_on from ${contacts} c
                  where c.workspace_id = ${workspaceId} and c.id = any(${`{${rows.map((row) => row.id).join(',')}}`}::uuid[]) for update of c)
    update ${contacts} c set (external_id, email, name, title, role, timezone, joined_on, left_on, modules) = (${merged}), updated_at = ${now.toISOString()}
      from r join old on old.id = r.id
     where c.workspace_id = ${workspaceId} and c.id = r.id
       and (${merged}) is distinct from (c.external_id, c.email, c.name, c.title, c.role, c.timezone, c.joined_on, c.left_on, c.modules)
    returning c.id, c.account_id as "accountId", c.role, c.left_on::text as "leftOn", old.role as "roleBefore", old.left_on::text as "leftOnBefore"`);
  return rowsOf<{ id: string; accountId: string; role: string; leftOn: string | null; roleBefore: string; leftOnBefore: string | null }>(result);
}

export interface OrganizationWrite {
  id?: string;
  account_id: string;
  external_id?: string;
  name?: string;
  kind?: string;
  started_on?: string;
}

const ORGANIZATION_RECORD = sql.raw('r(id uuid, account_id uuid, external_id text, name text, kind text, started_on date)');

export async function insertOrganizations(db: Db, workspaceId: string, rows: OrganizationWrite[]) {
  if (rows.length === 0) return 0;
  const result = await db.execute(sql`
    insert into ${organizations} (workspace_id, account_id, external_id, name, kind, started_on)
    select ${workspaceId}, r.account_id, r.external_id, r.name, r.kind, r.started_on from jsonb_to_recordset(${json(rows)}) as ${ORGANIZATION_RECORD}
    returning id`);
  return rowsOf(result).length;
}

export async function updateOrganizations(db: Db, workspaceId: string, rows: OrganizationWrite[]) {
  if (rows.length === 0) return 0;
  const merged = sql.raw('coalesce(r.external_id, o.external_id), coalesce(r.name, o.name), coalesce(r.kind, o.kind), coalesce(r.started_on, o.started_on)');
  const result = await db.execute(sql`
    update ${organizations} o set (external_id, name, kind, started_on) = (${merged})
      from jsonb_to_recordset(${json(rows)}) as ${ORGANIZATION_RECORD}
     where o.workspace_id = ${workspaceId} and o.id = r.id
       and (${merged}) is distinct from (o.external_id, o.name, o.kind, o.started_on)
    returning o.id`);
  return rowsOf(result).length;
}
