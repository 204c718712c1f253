import type { MemberRole } from '../../../core/people.ts';
import { recordAudit } from '../../audit/audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
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
  const createdBy = ctx.actor.memberId;
  const token = randomToken('lft');
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertApiToken(tx.db, tx.workspaceId, { name: input.name, role: input.role, tokenHash: hashToken(token), prefix: token.slice(0, 10), createdBy });
    await recordAudit(tx, { kind: 'api_token.created', summary: `API token "${input.name}" created (${input.role})`, subject: { type: 'api_token', id: row.id }, after: { name: row.name, role: row.role, prefix: row.prefix } });
    return { ...presentToken(row), token };
  });
}

export async function revokeApiToken(ctx: Ctx, tokenId: string) {
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.revokeApiToken(tx.db, tx.workspaceId, tokenId, tx.services.now()))) throw notFound('API token');
    await recordAudit(tx, { kind: 'api_token.revoked', summary: 'API token revoked', subject: { type: 'api_token', id: tokenId } });
  });
}
