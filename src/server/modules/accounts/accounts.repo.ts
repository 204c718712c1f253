import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountOwners, accounts, contacts, members } from '../../db/schema.ts';
import type { AccountListQuery } from './accounts.schema.ts';

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
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
  archivedAt: accounts.archivedAt,
  owners: ownersJson,
  contactCount,
};
export type AccountRow = Awaited<ReturnType<typeof findAccount>> & {};

const sortColumns = {
  name: sql`lower(${accounts.name})`,
  contractValue: accounts.contractValue,
  contractSignedOn: accounts.contractSignedOn,
  renewalOn: accounts.renewalOn,
  createdAt: accounts.createdAt,
  segment: accounts.segment,
  industry: accounts.industry,
} as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function listFilter(workspaceId: string, query: AccountListQuery): SQL {
  const conditions: (SQL | undefined)[] = [eq(accounts.workspaceId, workspaceId)];
  if (query.status === 'active') conditions.push(isNull(accounts.archivedAt));
  if (query.status === 'archived') conditions.push(isNotNull(accounts.archivedAt));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(accounts.name, pattern), ilike(accounts.domain, pattern)));
  }
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

export async function listAccounts(db: Db, workspaceId: string, query: AccountListQuery) {
  const descending = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as keyof typeof sortColumns;
  const column = sortColumns[key];
  const order = descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  const where = listFilter(workspaceId, query);
  const [items, totals] = await Promise.all([
    db.select(accountColumns).from(accounts).where(where).orderBy(order, asc(accounts.id)).limit(query.limit).offset(query.offset),
    db.select({ total: count() }).from(accounts).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export async function findAccount(db: Db, workspaceId: string, accountId: string) {
  const [row] = await db
    .select(accountColumns)
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
  return row;
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
