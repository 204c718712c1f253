import type { MemberRole } from '../../../core/people.ts';
import type { Ctx } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { hashToken, randomToken } from '../../security/secrets.ts';
import * as repo from './api-tokens.repo.ts';

type Row = Awaited<ReturnType<typeof repo.insertApiToken>>;

const presentToken = (row: Row) => ({
  ...row,
  role: row.role as MemberRole,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export async function listApiTokens(ctx: Ctx) {
  return (await repo.listApiTokens(ctx.db, ctx.workspaceId)).map(presentToken);
}

/** Creates a token for an integration; the secret is returned this once and stored only as a hash. */
export async function createApiToken(ctx: Ctx, input: { name: string; role: MemberRole }) {
  if (ctx.actor.kind !== 'member') throw forbidden('API tokens are created by an admin member, not by another token.');
  const token = randomToken('lft');
  const row = await repo.insertApiToken(ctx.db, ctx.workspaceId, {
    name: input.name,
    role: input.role,
    tokenHash: hashToken(token),
    prefix: token.slice(0, 10),
    createdBy: ctx.actor.memberId,
  });
  return { ...presentToken(row), token };
}

export async function revokeApiToken(ctx: Ctx, tokenId: string) {
  if (!(await repo.revokeApiToken(ctx.db, ctx.workspaceId, tokenId, ctx.services.now()))) throw notFound('API token');
}
