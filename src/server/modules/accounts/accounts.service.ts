import { DEFAULT_TOUCH_MODEL, type Complexity, type LaerStage, type Segment, type TouchModel } from '../../../core/people.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { check } from '../../events/bus.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { workspaceTimezone } from '../workspaces/workspaces.service.ts';
import type { Account, AccountInput, AccountListQuery, AccountPatch } from '../../../contract/accounts.ts';
import * as repo from './accounts.repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findAccount>>>;

export function presentAccount(row: Row): Account {
  return {
    ...row,
    segment: row.segment as Segment,
    touchModel: row.touchModel as TouchModel,
    complexity: row.complexity as Complexity,
    laerStage: row.laerStage as LaerStage,
    owners: row.owners as Account['owners'],
  };
}

export async function listAccounts(ctx: Ctx, query: AccountListQuery) {
  const { items, total } = await repo.listAccounts(ctx.db, ctx.workspaceId, query);
  return { items: items.map(presentAccount), total, limit: query.limit, offset: query.offset };
}

export async function getAccount(ctx: Ctx, accountId: string) {
  const row = await repo.findAccount(ctx.db, ctx.workspaceId, accountId);
  if (!row) throw notFound('account');
  return presentAccount(row);
}

/** These accounts of the workspace (those that exist), by id: getAccount for many at once. */
export async function accountsByIds(ctx: Ctx, accountIds: string[]) {
  const rows = accountIds.length === 0 ? [] : await repo.findAccounts(ctx.db, ctx.workspaceId, accountIds);
  return new Map(rows.map((row) => [row.id, presentAccount(row)]));
}

/** Refuses with "not found" an account that is not in this workspace. */
export async function assertAccountExists(ctx: Ctx, accountId: string) {
  if (!(await repo.accountExists(ctx.db, ctx.workspaceId, accountId))) throw notFound('account');
}

/**
 * Holds the account's row until the caller's transaction ends, so changes to what hangs from it (contacts,
 * organizations) happen one at a time; "not found" when it is not in this workspace.
 */
export async function lockAccount(ctx: Ctx, accountId: string) {
  if (!(await repo.lockAccount(ctx.db, ctx.workspaceId, accountId))) throw notFound('account');
}

export function accountFacets(ctx: Ctx) {
  return repo.facets(ctx.db, ctx.workspaceId);
}

async function assertOwnersAreMembers(ctx: Ctx, owners: { role: string; memberId: string }[]) {
  const known = await repo.existingMemberIds(ctx.db, ctx.workspaceId, owners.map((owner) => owner.memberId));
  const errors = owners.flatMap((owner, index) =>
    known.has(owner.memberId)
      ? []
      : [{ path: ['body', 'owners', index, 'memberId'], message: 'is not a member of this workspace' }],
  );
  if (errors.length > 0) {
    throw new AppError('invalid', `owners.${errors[0]!.path[2]}.memberId: is not a member of this workspace`, { errors });
  }
}

export async function createAccount(ctx: Ctx, input: AccountInput) {
  return inTransaction(ctx, async (tx) => {
    await assertOwnersAreMembers(tx, input.owners);
    await check(tx, 'products.naming', { products: input.products, path: ['body', 'products'] });
    const timezone = input.timezone ?? (await workspaceTimezone(tx));
    const { owners, ...fields } = input;
    const accountId = await repo.insertAccount(tx.db, tx.workspaceId, {
      ...fields,
      domain: fields.domain ?? null,
      contractSignedOn: fields.contractSignedOn ?? null,
      renewalOn: fields.renewalOn ?? null,
      touchModel: fields.touchModel ?? DEFAULT_TOUCH_MODEL[fields.segment],
      timezone,
    });
    await repo.replaceOwners(tx.db, tx.workspaceId, accountId, owners);
    return getAccount(tx, accountId);
  });
}

export async function updateAccount(ctx: Ctx, accountId: string, patch: AccountPatch) {
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.lockAccount(tx.db, tx.workspaceId, accountId))) throw notFound('account');
    const { owners, ...fields } = patch;
    const current = await getAccount(tx, accountId);
    const signed = fields.contractSignedOn === undefined ? current.contractSignedOn : fields.contractSignedOn;
    const renewal = fields.renewalOn === undefined ? current.renewalOn : fields.renewalOn;
    if (signed && renewal && renewal <= signed) {
      throw new AppError('invalid', 'renewalOn: must be after the contract signed date', {
        errors: [{ path: ['body', 'renewalOn'], message: 'must be after the contract signed date' }],
      });
    }
    if (fields.products) await check(tx, 'products.naming', { products: fields.products, known: current.products, path: ['body', 'products'] });
    if (owners) {
      await assertOwnersAreMembers(tx, owners);
      await repo.replaceOwners(tx.db, tx.workspaceId, accountId, owners);
    }
    await repo.updateAccount(tx.db, tx.workspaceId, accountId, fields, tx.services.now());
    return getAccount(tx, accountId);
  });
}

export async function setAccountArchived(ctx: Ctx, accountId: string, archived: boolean) {
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.lockAccount(tx.db, tx.workspaceId, accountId))) throw notFound('account');
    const now = tx.services.now();
    await repo.setArchived(tx.db, tx.workspaceId, accountId, archived ? now : null, now);
    return getAccount(tx, accountId);
  });
}
