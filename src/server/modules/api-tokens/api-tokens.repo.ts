import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens } from '../../db/schema.ts';
import { recordTokens } from '../../db/token-lookups.ts';

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

export function listApiTokens(db: Db, workspaceId: string) {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, workspaceId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function insertApiToken(
  db: Db,
  workspaceId: string,
  values: { name: string; role: string; tokenHash: string; prefix: string; createdBy: string },
) {
  // The lookup first: outside a transaction, a token row never exists without it (a lookup alone leads nowhere).
  await recordTokens(db, 'api_token', [{ tokenHash: values.tokenHash, workspaceId }]);
  const [row] = await db
    .insert(apiTokens)
    .values({ ...values, workspaceId })
    .returning(tokenColumns);
  return row!;
}

export async function revokeApiToken(db: Db, workspaceId: string, tokenId: string, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return row;
}
