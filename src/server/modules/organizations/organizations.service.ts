import type { OrganizationKind } from '../../../core/people.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { assertAccountExists, lockAccount } from '../accounts/accounts.service.ts';
import type { OrganizationInput } from '../../../contract/organizations.ts';
import * as repo from './organizations.repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findOrganization>>>;

const presentOrganization = (row: Row) => ({
  ...row,
  kind: row.kind as OrganizationKind,
  createdAt: row.createdAt.toISOString(),
  archivedAt: row.archivedAt?.toISOString() ?? null,
});

export async function listOrganizations(ctx: Ctx, accountId: string) {
  await assertAccountExists(ctx, accountId);
  const rows = await repo.listOrganizations(ctx.db, ctx.workspaceId, accountId);
  return rows.map(presentOrganization);
}

export async function getOrganization(ctx: Ctx, organizationId: string) {
  const row = await repo.findOrganization(ctx.db, ctx.workspaceId, organizationId);
  if (!row) throw notFound('organization');
  return presentOrganization(row);
}

export async function addOrganization(ctx: Ctx, accountId: string, input: OrganizationInput) {
  return inTransaction(ctx, async (tx) => {
    await lockAccount(tx, accountId);
    const id = await repo.insertOrganization(tx.db, tx.workspaceId, accountId, { ...input, startedOn: input.startedOn ?? null });
    return getOrganization(tx, id);
  });
}

export async function updateOrganization(ctx: Ctx, organizationId: string, patch: Partial<OrganizationInput>) {
  const updated = await repo.updateOrganization(ctx.db, ctx.workspaceId, organizationId, patch);
  if (!updated) throw notFound('organization');
  return getOrganization(ctx, organizationId);
}

export async function archiveOrganization(ctx: Ctx, organizationId: string) {
  const archived = await repo.updateOrganization(ctx.db, ctx.workspaceId, organizationId, { archivedAt: ctx.services.now() });
  if (!archived) throw notFound('organization');
  return getOrganization(ctx, organizationId);
}
