import { containsText } from '../../db/like.ts';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { accountCounts, accountOwners, accounts, contacts, members } from '../../db/schema.ts';
import type { AccountListQuery } from '../../../contract/accounts.ts';

export interface OwnerRow {
  role: string;
  memberId: string;
  name: string;
}

const ownersJson = sql<OwnerRow[]>`coalesce((
  select json_agg(json_build_object('role', o.role, 'memberId', o.member_id, 'name', m.name) order by o.role)
  from ${accountOwners} o join ${members} m on m.id = o.member_id and m.workspace_id = o.workspace_id
  where o.workspace_id = accounts.workspace_id and o.account_id = accounts.id), '[]'::json)`;

const contactCount = sql<number>`(
  select count(*)::int from ${contacts} c
  where c.workspace_id = accounts.workspace_id and c.account_id = accounts.id and c.left_on is null)`;

// As the API writes them (Date#toISOString, to the millisecond in UTC), so no row goes through a Date.
const isoTimestamp = <T extends string | null>(column: AnyPgColumn) =>
  sql<T>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  domain: accounts.domain,
  industry: accounts.industry,
  segment: accounts.segment,
  touchModel: accounts.touchModel,
  complexity: accounts.complexity,
  contractValue: accounts.contractValue,
  currency: accounts.currency,
  contractSignedOn: accounts.contractSignedOn,
  renewalOn: accounts.renewalOn,
  products: accounts.products,
  timezone: accounts.timezone,
  laerStage: accounts.laerStage,
  createdAt: isoTimestamp<string>(accounts.createdAt),
  updatedAt: isoTimestamp<string>(accounts.updatedAt),
  archivedAt: isoTimestamp<string | null>(accounts.archivedAt),
  owners: ownersJson,
  contactCount,
};
export type AccountRow = Awaited<ReturnType<typeof findAccount>> & {};

/**
 * What each sort orders by, and whether the column can be empty. Every sort walks an index of its own
 * (accounts_workspace_*_sort_idx) instead of sorting the workspace's accounts: a descending sort is the ascending
 * one read backwards (ties by id reversed too), except where empty values must still come last both ways, which
 * has a descending index of its own.
 */
const sortColumns = {
  name: { column: sql`lower(${accounts.name})`, nullable: false },
  contractValue: { column: accounts.contractValue, nullable: false },
  contractSignedOn: { column: accounts.contractSignedOn, nullable: true },
  renewalOn: { column: accounts.renewalOn, nullable: true },
  createdAt: { column: accounts.createdAt, nullable: false },
  segment: { column: accounts.segment, nullable: false },
  industry: { column: accounts.industry, nullable: false },
} as const;

const statusFilter = (status: AccountListQuery['status']) =>
  status === 'active' ? isNull(accounts.archivedAt) : status === 'archived' ? isNotNull(accounts.archivedAt) : undefined;

function listFilter(workspaceId: string, query: AccountListQuery): SQL {
  const conditions: (SQL | undefined)[] = [eq(accounts.workspaceId, workspaceId), statusFilter(query.status)];
  if (query.q) conditions.push(containsText(accounts.searchText, query.q));
  if (query.segment?.length) conditions.push(inArray(accounts.segment, query.segment));
  if (query.industry?.length) conditions.push(inArray(accounts.industry, query.industry));
  if (query.complexity?.length) conditions.push(inArray(accounts.complexity, query.complexity));
  if (query.laerStage?.length) conditions.push(inArray(accounts.laerStage, query.laerStage));
  if (query.owner) {
    conditions.push(
      sql`exists (select 1 from ${accountOwners} o where o.workspace_id = accounts.workspace_id
        and o.account_id = accounts.id and o.member_id = ${query.owner})`,
    );
  }
  return and(...conditions)!;
}

type ListSort = { column: SQL | AnyPgColumn; nullable: boolean; descending: boolean };

function listOrder({ column, nullable, descending }: ListSort, id: SQL | AnyPgColumn = accounts.id) {
  const nulls = nullable ? sql` nulls last` : sql``;
  return descending ? [sql`${column} desc${nulls}`, sql`${id} desc`] : [sql`${column} asc${nulls}`, sql`${id} asc`];
}

/**
 * A page of accounts in the sort's order: the page's ids are picked first from the sort's index alone (it carries
 * the filter columns: migration 0045), then only those rows are read, with their owners and contact count — not
 * every row the offset skips or the filters leave out.
 */
function pageOf<Extra extends Record<string, SQL.Aliased | SQL>>(db: Db, where: SQL, sortBy: ListSort, limit: number | Placeholder, offset: number | Placeholder, extra?: Extra) {
  const page = db
    .select({ workspaceId: accounts.workspaceId, id: accounts.id, sortKey: sql`${sortBy.column}`.as('sort_key') })
    .from(accounts)
    .where(where)
    .orderBy(...listOrder(sortBy))
    .limit(limit)
    .offset(offset)
    .as('page');
  return db
    .select({ ...accountColumns, ...(extra ?? ({} as Extra)) })
    .from(page)
    .innerJoin(accounts, and(eq(accounts.workspaceId, page.workspaceId), eq(accounts.id, page.id)))
    .orderBy(...listOrder({ ...sortBy, column: sql`${page.sortKey}` }, page.id));
}

const isUnfiltered = (query: AccountListQuery) =>
  !query.q && !query.segment?.length && !query.industry?.length && !query.complexity?.length && !query.laerStage?.length && !query.owner;

/** The unfiltered list's total, kept by triggers in account_counts (migrations 0004, 0041) instead of counted. */
function countedTotal(status: AccountListQuery['status'], workspaceId: Placeholder | string) {
  const column = { active: sql`c.active`, archived: sql`c.archived`, all: sql`c.active + c.archived` }[status];
  return sql<number>`coalesce((select ${column} from ${accountCounts} c where c.workspace_id = ${workspaceId}), 0)`;
}

/** A page of the unfiltered list and its total in one statement. */
const unfilteredPage = (db: Db, sort: string, status: AccountListQuery['status'], sortBy: ListSort) =>
  prepared(db, `accounts_page_${status}_${sort}`, (name) => {
    const where = and(eq(accounts.workspaceId, sql.placeholder('workspaceId')), statusFilter(status))!;
    const total = countedTotal(status, sql.placeholder('workspaceId'));
    return pageOf(db, where, sortBy, sql.placeholder('limit'), sql.placeholder('offset'), { total }).prepare(name);
  });

const unfilteredTotal = (db: Db, status: AccountListQuery['status']) =>
  prepared(db, `accounts_total_${status}`, (name) =>
    db.select({ total: countedTotal(status, sql.placeholder('workspaceId')) }).from(sql`(select 1) as one`).prepare(name),
  );

export async function listAccounts(db: Db, workspaceId: string, query: AccountListQuery) {
  const descending = query.sort.startsWith('-');
  const sortBy = { ...sortColumns[query.sort.replace(/^-/, '') as keyof typeof sortColumns], descending };
  if (isUnfiltered(query)) {
    const rows = await unfilteredPage(db, query.sort, query.status, sortBy).execute({ workspaceId, limit: query.limit, offset: query.offset });
    // Past the last page there is no row to carry the total.
    const total = rows[0]?.total ?? (await unfilteredTotal(db, query.status).execute({ workspaceId }))[0]?.total ?? 0;
    return { items: rows.map(({ total: _, ...row }) => row), total };
  }
  const where = listFilter(workspaceId, query);
  const [items, totals] = await Promise.all([
    pageOf(db, where, sortBy, query.limit, query.offset),
    db.select({ total: count() }).from(accounts).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export async function findAccount(db: Db, workspaceId: string, accountId: string) {
  const [row] = await findAccounts(db, workspaceId, [accountId]);
  return row;
}

export function findAccounts(db: Db, workspaceId: string, accountIds: string[]) {
  return db
    .select(accountColumns)
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), inArray(accounts.id, accountIds)));
}

/** Locks the account row for the rest of the transaction; undefined when it is not in this workspace. */
export async function lockAccount(db: Db, workspaceId: string, accountId: string) {
  const [row] = await db
    .select({ id: accounts.id, archivedAt: accounts.archivedAt })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)))
    .for('update');
  return row;
}

export type AccountValues = Omit<typeof accounts.$inferInsert, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'archivedAt'>;

export async function insertAccount(db: Db, workspaceId: string, values: AccountValues) {
  const [row] = await db
    .insert(accounts)
    .values({ ...values, workspaceId })
    .returning({ id: accounts.id });
  return row!.id;
}

export async function updateAccount(db: Db, workspaceId: string, accountId: string, values: Partial<AccountValues>, now: Date) {
  await db
    .update(accounts)
    .set({ ...values, updatedAt: now })
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
}

export async function setArchived(db: Db, workspaceId: string, accountId: string, archivedAt: Date | null, now: Date) {
  await db
    .update(accounts)
    .set({ archivedAt, updatedAt: now })
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
}

export async function replaceOwners(db: Db, workspaceId: string, accountId: string, owners: { role: string; memberId: string }[]) {
  await db.delete(accountOwners).where(and(eq(accountOwners.workspaceId, workspaceId), eq(accountOwners.accountId, accountId)));
  if (owners.length === 0) return;
  await db.insert(accountOwners).values(owners.map((owner) => ({ workspaceId, accountId, ...owner })));
}

/** Which of these ids are current members of the workspace. */
export async function existingMemberIds(db: Db, workspaceId: string, memberIds: string[]) {
  if (memberIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, memberIds), isNull(members.removedAt)));
  return new Set(rows.map((row) => row.id));
}

export async function facets(db: Db, workspaceId: string) {
  const [industries, products] = await Promise.all([
    db
      .selectDistinct({ value: accounts.industry })
      .from(accounts)
      .where(eq(accounts.workspaceId, workspaceId))
      .orderBy(asc(accounts.industry)),
    db.execute(sql`select distinct unnest(products) as value from ${accounts} where workspace_id = ${workspaceId} order by 1`),
  ]);
  return { industries: industries.map((row) => row.value), products: (products as unknown as { rows: { value: string }[] }).rows.map((row) => row.value) };
}


export async function accountExists(db: Db, workspaceId: string, accountId: string) {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
  return Boolean(row);
}
