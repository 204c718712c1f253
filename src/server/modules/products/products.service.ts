// The product catalogue: what the workspace sells (modules, implementation or not, playbook, enablement, maturity
// stages), checked wherever a person types a product; the products and organizations an existing account adds.
import { inTransaction, type Ctx } from '../../context.ts';
import { emit } from '../../events/bus.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { suggestMode } from '../../../core/products/organization-rule.ts';
import type {
  AccountProductInput,
  OrganizationOnboardingInput,
  OrganizationRule,
  Product,
  ProductInput,
  ProductPatch,
} from '../../../contract/products.ts';
import { getAccount, lockAccount, updateAccount } from '../accounts/accounts.service.ts';
import { isOrganizationOfAccount } from '../contacts/contacts.service.ts';
import { addOrganization } from '../organizations/organizations.service.ts';
import { createProject } from '../projects/projects.service.ts';
import * as repo from './products.repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findProduct>>>;

const presentProduct = (row: Row): Product => ({
  id: row.id,
  name: row.name,
  description: row.description,
  modules: row.modules,
  needsImplementation: row.needsImplementation,
  playbookId: row.playbookId,
  playbookName: row.playbookName,
  enablement: row.enablement as Product['enablement'],
  stages: row.stages as Product['stages'],
  accountCount: row.accountCount,
  archivedAt: row.archivedAt?.toISOString() ?? null,
});

export async function listProducts(ctx: Ctx, includeArchived = false) {
  return (await repo.listProducts(ctx.db, ctx.workspaceId, includeArchived)).map(presentProduct);
}

export async function getProduct(ctx: Ctx, productId: string) {
  const row = await repo.findProduct(ctx.db, ctx.workspaceId, productId);
  if (!row) throw notFound('product');
  return presentProduct(row);
}

/** Everything a product points at belongs to the workspace, and its stages use only its own modules. */
async function assertReferences(ctx: Ctx, input: Partial<ProductInput>, modules: string[]) {
  if (input.playbookId && !(await repo.playbookExists(ctx.db, ctx.workspaceId, input.playbookId))) {
    throw invalid('playbookId: is not a playbook of this workspace', { path: ['body', 'playbookId'] });
  }
  for (const [index, entry] of (input.enablement ?? []).entries()) {
    if (!(await repo.pathExists(ctx.db, ctx.workspaceId, entry.pathId))) {
      throw invalid(`enablement.${index}.pathId: is not a learning path of this workspace`, { path: ['body', 'enablement', index, 'pathId'] });
    }
  }
  const known = new Set(modules.map((m) => m.toLowerCase()));
  for (const [index, stage] of (input.stages ?? []).entries()) {
    const at = (...rest: (string | number)[]) => ({ path: ['body', 'stages', index, ...rest] });
    if (stage.pathId && !(await repo.pathExists(ctx.db, ctx.workspaceId, stage.pathId))) throw invalid(`stages.${index}.pathId: is not a learning path of this workspace`, at('pathId'));
    if (stage.cadenceId && !(await repo.cadenceExists(ctx.db, ctx.workspaceId, stage.cadenceId))) throw invalid(`stages.${index}.cadenceId: is not a cadence of this workspace`, at('cadenceId'));
    for (const [p, criterion] of stage.criteria.paths.entries()) {
      if (!(await repo.pathExists(ctx.db, ctx.workspaceId, criterion.pathId))) {
        throw invalid(`stages.${index}.criteria.paths.${p}.pathId: is not a learning path of this workspace`, at('criteria', 'paths', p, 'pathId'));
      }
    }
    for (const [m, module] of stage.criteria.modules.entries()) {
      if (!known.has(module.toLowerCase())) {
        throw invalid(`stages.${index}.criteria.modules.${m}: "${module}" is not a module of this product (add it to its modules first)`, at('criteria', 'modules', m));
      }
    }
  }
}

export async function createProduct(ctx: Ctx, input: ProductInput) {
  return inTransaction(ctx, async (tx) => {
    await assertReferences(tx, input, input.modules);
    const id = await repo.insertProduct(tx.db, tx.workspaceId, input);
    if (!id) {
      const existing = await repo.findProductByName(tx.db, tx.workspaceId, input.name);
      throw conflict(`name: the catalogue already has a product called "${existing?.name ?? input.name}"`, { path: ['body', 'name'] });
    }
    return getProduct(tx, id);
  });
}

export async function updateProduct(ctx: Ctx, productId: string, patch: ProductPatch) {
  return inTransaction(ctx, async (tx) => {
    const current = await repo.findProduct(tx.db, tx.workspaceId, productId);
    if (!current) throw notFound('product');
    if (patch.name !== undefined && patch.name.toLowerCase() !== current.name.toLowerCase()) {
      if (current.accountCount > 0) {
        throw invalid(`name: ${current.accountCount} account(s) have "${current.name}": a product in use keeps its name (archive it and add a new one)`, { path: ['body', 'name'] });
      }
      const other = await repo.findProductByName(tx.db, tx.workspaceId, patch.name);
      if (other) throw conflict(`name: the catalogue already has a product called "${other.name}"`, { path: ['body', 'name'] });
    }
    await assertReferences(tx, patch, patch.modules ?? current.modules);
    await repo.updateProduct(tx.db, tx.workspaceId, productId, patch, tx.services.now());
    return getProduct(tx, productId);
  });
}

export async function setProductArchived(ctx: Ctx, productId: string, archived: boolean) {
  if (!(await repo.updateProduct(ctx.db, ctx.workspaceId, productId, { archivedAt: archived ? ctx.services.now() : null }, ctx.services.now()))) {
    throw notFound('product');
  }
  return getProduct(ctx, productId);
}

/**
 * The guard on every product or module a person types (accounts, contacts, projects, cadences, the academy):
 * once the workspace lists what it sells, a product it does not sell is refused with the list, before anything
 * is written. A workspace whose catalogue is empty has not set it up yet, and types freely.
 */
export async function assertSoldProducts(
  ctx: Ctx,
  typed: { products?: readonly (string | null)[]; modules?: readonly string[]; known?: readonly string[]; path: (string | number)[] },
) {
  // What is already stored stays valid (a product archived since, a module of before the catalogue).
  const known = new Set((typed.known ?? []).map((value) => value.toLowerCase()));
  const fresh = (value: string | null): value is string => value !== null && !known.has(value.toLowerCase());
  if (![...(typed.products ?? []), ...(typed.modules ?? [])].some(fresh)) return;
  const catalogue = await repo.catalogueNames(ctx.db, ctx.workspaceId);
  if (catalogue.length === 0) return;
  const sold = catalogue.filter((p) => !p.archivedAt);
  const names = new Map(sold.map((p) => [p.name.toLowerCase(), p.name]));
  for (const [index, product] of (typed.products ?? []).entries()) {
    if (!fresh(product) || names.has(product.toLowerCase())) continue;
    const list = sold.map((p) => p.name).sort((a, b) => a.localeCompare(b)).join(', ') || 'nothing yet';
    const where = typed.path.at(-1) === 'products' ? [...typed.path, index] : typed.path;
    throw invalid(`${where.slice(1).join('.')}: "${product}" is not a product this workspace sells (it sells ${list}); add it to the catalogue under Settings → Products first`, {
      path: where,
    });
  }
  const modules = new Set(sold.flatMap((p) => p.modules.map((m) => m.toLowerCase())));
  if (modules.size === 0) return;
  for (const [index, module] of (typed.modules ?? []).entries()) {
    if (fresh(module) && !modules.has(module.toLowerCase())) {
      const where = [...typed.path, index];
      throw invalid(`${where.slice(1).join('.')}: "${module}" is not a module of a product this workspace sells`, { path: where });
    }
  }
}

// ---- a new product for an existing account ----

const todayOf = (ctx: Ctx) => ctx.services.now().toISOString().slice(0, 10);

/**
 * An existing account takes a product: an onboarding project from the product's playbook when it needs an
 * implementation (the project.created reactions then assign owners and a cadence), else users-only onboarding
 * (journeys and paths react to account.product_added). Refuses a product not sold, or one the account has.
 */
export async function addProduct(ctx: Ctx, accountId: string, input: AccountProductInput, source = 'manual') {
  return inTransaction(ctx, async (tx) => {
    await lockAccount(tx, accountId);
    const account = await getAccount(tx, accountId);
    const product = await repo.findProductByName(tx.db, tx.workspaceId, input.product);
    if (!product || product.archivedAt) {
      const sold = (await repo.listProducts(tx.db, tx.workspaceId, false)).map((p) => p.name).join(', ') || 'nothing yet';
      throw invalid(`product: "${input.product}" is not a product this workspace sells (it sells ${sold})`, { path: ['body', 'product'] });
    }
    const has = account.products.some((p) => p.toLowerCase() === product.name.toLowerCase()) || (await repo.accountProductOf(tx.db, tx.workspaceId, accountId, product.id));
    if (has) throw conflict(`product: ${account.name} already has ${product.name}`, { path: ['body', 'product'] });
    const organizationId = input.organizationId ?? null;
    if (organizationId && !(await isOrganizationOfAccount(tx, accountId, organizationId))) {
      throw invalid('organizationId: is not an organization of this account', { path: ['body', 'organizationId'] });
    }
    const mode = input.mode ?? (product.needsImplementation ? 'project' : 'users_only');
    await updateAccount(tx, accountId, { products: [...account.products, product.name] });
    let projectId: string | null = null;
    if (mode === 'project') {
      const playbookId = input.playbookId ?? product.playbookId ?? undefined;
      const project = await createProject(tx, {
        accountId,
        day0: input.day0 ?? todayOf(tx),
        product: product.name,
        organizationId,
        name: `${account.name}: ${product.name}`,
        ...(playbookId ? { playbookId } : {}),
      });
      projectId = project.id;
    }
    await repo.insertAccountProduct(tx.db, {
      workspaceId: tx.workspaceId,
      accountId,
      productId: product.id,
      mode,
      projectId,
      organizationId,
      addedOn: input.day0 ?? todayOf(tx),
      source,
    });
    await emit(tx, 'account.product_added', { accountId, product: product.name, mode, projectId, organizationId });
    return { product: product.name, mode, projectId };
  });
}

/** Whether the workspace has set up its catalogue (intake adds products through it once it has). */
export async function hasCatalogue(ctx: Ctx) {
  return (await repo.catalogueNames(ctx.db, ctx.workspaceId)).length > 0;
}

// ---- a new organization in an existing account ----

const DEFAULT_RULE: OrganizationRule = { separateFromUsers: 50, separateTypes: ['subsidiary'], separateComplexities: ['high'] };

export async function organizationRule(ctx: Ctx): Promise<OrganizationRule> {
  const row = await repo.findSettings(ctx.db, ctx.workspaceId);
  if (!row) return DEFAULT_RULE;
  return {
    separateFromUsers: row.separateFromUsers,
    separateTypes: row.separateTypes as OrganizationRule['separateTypes'],
    separateComplexities: row.separateComplexities as OrganizationRule['separateComplexities'],
  };
}

export async function updateOrganizationRule(ctx: Ctx, patch: Partial<OrganizationRule>) {
  await repo.upsertSettings(ctx.db, ctx.workspaceId, { ...(await organizationRule(ctx)), ...patch }, ctx.services.now());
  return organizationRule(ctx);
}

export async function suggestOrganizationMode(ctx: Ctx, accountId: string, organization: { users: number; type: string }) {
  const account = await getAccount(ctx, accountId);
  return suggestMode(await organizationRule(ctx), { ...organization, complexity: account.complexity });
}

/**
 * A new department, subsidiary or region of an account: its own implementation (a project linked to the
 * organization) or its users onboarded to the implementation the account has; the workspace's rule by size,
 * type and complexity suggests which, and the vendor may choose otherwise.
 */
export async function addOrganizationOnboarding(ctx: Ctx, accountId: string, input: OrganizationOnboardingInput) {
  return inTransaction(ctx, async (tx) => {
    await lockAccount(tx, accountId);
    const account = await getAccount(tx, accountId);
    const suggestion = await suggestOrganizationMode(tx, accountId, input);
    const mode = input.mode ?? suggestion.mode;
    let product: string | null = null;
    if (mode === 'project') {
      product = input.product ? (account.products.find((p) => p.toLowerCase() === input.product!.toLowerCase()) ?? null) : (account.products[0] ?? null);
      if (input.product && !product) {
        throw invalid(`product: ${account.name} does not have "${input.product}" (it has ${account.products.join(', ') || 'no product yet'}); add the product first`, {
          path: ['body', 'product'],
        });
      }
    }
    const organization = await addOrganization(tx, accountId, {
      name: input.name,
      kind: mode === 'project' ? 'new_implementation' : 'added_users',
      startedOn: input.startedOn ?? null,
    });
    let projectId: string | null = null;
    if (mode === 'project') {
      const catalogued = product ? await repo.findProductByName(tx.db, tx.workspaceId, product) : undefined;
      const project = await createProject(tx, {
        accountId,
        organizationId: organization.id,
        product,
        day0: input.day0 ?? todayOf(tx),
        name: `${account.name}: ${input.name}`,
        ...(catalogued?.playbookId ? { playbookId: catalogued.playbookId } : {}),
      });
      projectId = project.id;
    }
    await repo.insertOrganizationOnboarding(tx.db, {
      workspaceId: tx.workspaceId,
      organizationId: organization.id,
      accountId,
      type: input.type,
      expectedUsers: input.users,
      mode,
      suggestedMode: suggestion.mode,
      suggestedBecause: suggestion.because,
      projectId,
    });
    await emit(tx, 'organization.added', { organizationId: organization.id, accountId, mode, projectId });
    return { organizationId: organization.id, mode, projectId, suggestion };
  });
}
