import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountProducts, maturityChanges, organizationOnboardings, productSettings, products, usageFigures } from '../../db/schema.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

// ---- the catalogue ----

const productColumns = {
  id: products.id,
  name: products.name,
  description: products.description,
  modules: products.modules,
  needsImplementation: products.needsImplementation,
  playbookId: products.playbookId,
  enablement: products.enablement,
  stages: products.stages,
  archivedAt: products.archivedAt,
  playbookName: sql<string | null>`(select p.name from playbooks p where p.workspace_id = products.workspace_id and p.id = products.playbook_id)`,
  accountCount: sql<number>`(select count(*)::int from accounts a where a.workspace_id = products.workspace_id and a.archived_at is null
    and lower(products.name) = any(select lower(x) from unnest(a.products) x))`,
};
export type ProductRow = Awaited<ReturnType<typeof findProduct>> & object;

export function listProducts(db: Db, workspaceId: string, includeArchived: boolean) {
  return db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), includeArchived ? undefined : isNull(products.archivedAt)))
    .orderBy(asc(sql`lower(${products.name})`));
}

export async function findProduct(db: Db, workspaceId: string, productId: string) {
  const [row] = await db.select(productColumns).from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  return row;
}

export async function findProductByName(db: Db, workspaceId: string, name: string) {
  const [row] = await db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), sql`lower(${products.name}) = lower(${name})`));
  return row;
}

/** The names (and modules) of the products the workspace sells; an empty catalogue is one not set up yet. */
export async function catalogueNames(db: Db, workspaceId: string) {
  return db
    .select({ name: products.name, modules: products.modules, archivedAt: products.archivedAt })
    .from(products)
    .where(eq(products.workspaceId, workspaceId));
}

type ProductValues = Partial<{
  name: string;
  description: string | null;
  modules: string[];
  needsImplementation: boolean;
  playbookId: string | null;
  enablement: unknown;
  stages: unknown;
  archivedAt: Date | null;
}>;

export async function insertProduct(db: Db, workspaceId: string, values: ProductValues & { name: string }) {
  const [row] = await db
    .insert(products)
    .values({ ...values, workspaceId })
    .onConflictDoNothing()
    .returning({ id: products.id });
  return row?.id;
}

export async function updateProduct(db: Db, workspaceId: string, productId: string, values: ProductValues, now: Date) {
  const [row] = await db
    .update(products)
    .set({ ...values, updatedAt: now })
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)))
    .returning({ id: products.id });
  return row;
}

export async function pathExists(db: Db, workspaceId: string, pathId: string) {
  const rows = rowsOf(await db.execute(sql`select 1 from academy_paths where workspace_id = ${workspaceId} and id = ${pathId}`));
  return rows.length > 0;
}

export async function pathTitles(db: Db, workspaceId: string) {
  const rows = rowsOf<{ id: string; title: string }>(
    await db.execute(sql`select p.id, v.title from academy_paths p join academy_path_versions v on v.workspace_id = p.workspace_id and v.path_id = p.id
      and v.version = p.current_version where p.workspace_id = ${workspaceId}`),
  );
  return new Map(rows.map((row) => [row.id, row.title]));
}

export async function cadenceExists(db: Db, workspaceId: string, cadenceId: string) {
  const rows = rowsOf(await db.execute(sql`select 1 from cadences where workspace_id = ${workspaceId} and id = ${cadenceId} and archived_at is null`));
  return rows.length > 0;
}

export async function playbookExists(db: Db, workspaceId: string, playbookId: string) {
  const rows = rowsOf(await db.execute(sql`select 1 from playbooks where workspace_id = ${workspaceId} and id = ${playbookId} and archived_at is null`));
  return rows.length > 0;
}

// ---- the organization rule ----

export async function findSettings(db: Db, workspaceId: string) {
  const [row] = await db.select().from(productSettings).where(eq(productSettings.workspaceId, workspaceId));
  return row;
}

export async function upsertSettings(
  db: Db,
  workspaceId: string,
  values: Partial<{ separateFromUsers: number; separateTypes: string[]; separateComplexities: string[] }>,
  now: Date,
) {
  await db
    .insert(productSettings)
    .values({ workspaceId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: productSettings.workspaceId, set: { ...values, updatedAt: now } });
}

// ---- an account's added products and organizations ----

export async function insertAccountProduct(
  db: Db,
  values: { workspaceId: string; accountId: string; productId: string; mode: string; projectId: string | null; organizationId: string | null; addedOn: string; source: string },
) {
  const [row] = await db.insert(accountProducts).values(values).onConflictDoNothing().returning({ id: accountProducts.id });
  return row?.id;
}

export async function accountProductOf(db: Db, workspaceId: string, accountId: string, productId: string) {
  const [row] = await db
    .select({ id: accountProducts.id })
    .from(accountProducts)
    .where(and(eq(accountProducts.workspaceId, workspaceId), eq(accountProducts.accountId, accountId), eq(accountProducts.productId, productId)));
  return row;
}

export async function addedProductsOf(db: Db, workspaceId: string, accountId: string) {
  return rowsOf<{ product_id: string; name: string; mode: string; project_id: string | null; project_name: string | null; added_on: string }>(
    await db.execute(sql`select ap.product_id, p.name, ap.mode, ap.project_id, pr.name as project_name, ap.added_on::text as added_on
      from account_products ap join products p on p.workspace_id = ap.workspace_id and p.id = ap.product_id
      left join projects pr on pr.workspace_id = ap.workspace_id and pr.id = ap.project_id
      where ap.workspace_id = ${workspaceId} and ap.account_id = ${accountId} order by ap.added_on, p.name`),
  );
}

export async function firstProjectOf(db: Db, workspaceId: string, accountId: string) {
  return rowsOf<{ id: string; name: string; product: string | null }>(
    await db.execute(sql`select id, name, product from projects where workspace_id = ${workspaceId} and account_id = ${accountId} and organization_id is null
      order by created_at`),
  );
}

export async function insertOrganizationOnboarding(db: Db, values: typeof organizationOnboardings.$inferInsert) {
  await db.insert(organizationOnboardings).values(values);
}

export async function organizationsOf(db: Db, workspaceId: string, accountId: string) {
  return rowsOf<{
    id: string;
    name: string;
    kind: string;
    archived: boolean;
    type: string | null;
    users: number | null;
    mode: string | null;
    suggested_mode: string | null;
    suggested_because: string | null;
    project_id: string | null;
    project_name: string | null;
  }>(
    await db.execute(sql`select o.id, o.name, o.kind, o.archived_at is not null as archived, oo.type, oo.expected_users as users, oo.mode,
        oo.suggested_mode, oo.suggested_because, coalesce(oo.project_id, (select pr.id from projects pr where pr.workspace_id = o.workspace_id
          and pr.organization_id = o.id order by pr.created_at limit 1)) as project_id,
        (select pr.name from projects pr where pr.workspace_id = o.workspace_id and pr.id = coalesce(oo.project_id, (select p2.id from projects p2
          where p2.workspace_id = o.workspace_id and p2.organization_id = o.id order by p2.created_at limit 1))) as project_name
      from organizations o left join organization_onboardings oo on oo.workspace_id = o.workspace_id and oo.organization_id = o.id
      where o.workspace_id = ${workspaceId} and o.account_id = ${accountId} order by o.archived_at is not null, o.created_at`),
  );
}

/** The account's active project (the latest), where a success-plan review can be added. */
export async function activeProjectOf(db: Db, workspaceId: string, accountId: string) {
  const [row] = rowsOf<{ id: string; stages: { key: string }[] }>(
    await db.execute(sql`select id, stages from projects where workspace_id = ${workspaceId} and account_id = ${accountId} and status = 'active'
      order by created_at desc limit 1`),
  );
  return row;
}

// ---- usage and maturity ----

export async function insertUsage(db: Db, values: { workspaceId: string; accountId: string; metric: string; value: number; at: Date }) {
  const [row] = await db.insert(usageFigures).values(values).returning();
  return row!;
}

export function recentUsage(db: Db, workspaceId: string, accountId: string, limit: number) {
  return db
    .select({ id: usageFigures.id, metric: usageFigures.metric, value: usageFigures.value, at: usageFigures.at })
    .from(usageFigures)
    .where(and(eq(usageFigures.workspaceId, workspaceId), eq(usageFigures.accountId, accountId)))
    .orderBy(desc(usageFigures.at), desc(usageFigures.createdAt))
    .limit(limit);
}

/** Everything the maturity model judges an account on, as it is now. */
export async function maturityFactsOf(db: Db, workspaceId: string, accountId: string) {
  const users = rowsOf<{ id: string; name: string; modules: string[] }>(
    await db.execute(sql`select id, name, modules from contacts where workspace_id = ${workspaceId} and account_id = ${accountId} and left_on is null`),
  );
  const completions = rowsOf<{ contact_id: string; path_id: string }>(
    await db.execute(sql`select distinct contact_id, path_id from academy_enrolments where workspace_id = ${workspaceId} and account_id = ${accountId}
      and completed_at is not null`),
  );
  const outcomes = rowsOf<{ id: string }>(
    await db.execute(sql`select o.id from success_outcomes o join projects p on p.workspace_id = o.workspace_id and p.id = o.project_id
      where o.workspace_id = ${workspaceId} and p.account_id = ${accountId} and o.verified_at is not null`),
  );
  const usage = rowsOf<{ metric: string; value: number; at: Date | string }>(
    await db.execute(sql`select distinct on (metric) metric, value, at from usage_figures where workspace_id = ${workspaceId} and account_id = ${accountId}
      order by metric, at desc, value desc`),
  );
  return { users, completions, outcomes, usage };
}

export async function accountProductNames(db: Db, workspaceId: string, accountId: string) {
  const [row] = rowsOf<{ products: string[] }>(await db.execute(sql`select products from accounts where workspace_id = ${workspaceId} and id = ${accountId}`));
  return row?.products ?? [];
}

export async function insertStageChange(db: Db, values: typeof maturityChanges.$inferInsert) {
  const [row] = await db.insert(maturityChanges).values(values).returning({ id: maturityChanges.id });
  return row!.id;
}

/** The review task goes on the account's latest stage change of the product. */
export async function setReviewTask(db: Db, workspaceId: string, of: { accountId: string; productId: string }, taskId: string) {
  await db.execute(sql`update maturity_changes set review_task_id = ${taskId} where id = (select id from maturity_changes
    where workspace_id = ${workspaceId} and account_id = ${of.accountId} and product_id = ${of.productId} and contact_id is null
    order by at desc, seq desc limit 1) and workspace_id = ${workspaceId}`);
}

export function stageChangesOf(db: Db, workspaceId: string, accountId: string) {
  return db
    .select()
    .from(maturityChanges)
    .where(and(eq(maturityChanges.workspaceId, workspaceId), eq(maturityChanges.accountId, accountId)))
    .orderBy(asc(maturityChanges.at), asc(maturityChanges.seq));
}

/** Accounts of a workspace that hold a product with a maturity model, for the nightly evaluation (after `after`, by id). */
export async function accountsToEvaluate(db: Db, after: { workspaceId: string; accountId: string } | null, limit: number) {
  const from = after ?? { workspaceId: '00000000-0000-0000-0000-000000000000', accountId: '00000000-0000-0000-0000-000000000000' };
  return rowsOf<{ workspace_id: string; id: string }>(
    await db.execute(sql`select a.workspace_id, a.id from accounts a where a.archived_at is null and (a.workspace_id, a.id) > (${from.workspaceId}::uuid, ${from.accountId}::uuid)
      and exists (select 1 from products p where p.workspace_id = a.workspace_id and p.archived_at is null and jsonb_array_length(p.stages) > 0
        and lower(p.name) = any(select lower(x) from unnest(a.products) x))
      order by a.workspace_id, a.id limit ${limit}`),
  );
}
