import type { Db } from '../db/client.ts';
import { accountOwners, accounts, contacts, members, organizations } from '../db/schema.ts';

// Multi-row inserts for made-up data: one statement per table per batch, ids chosen by the caller
// so children can point at parents without a round trip. Every row carries the workspace id given.

export type MemberRow = Omit<typeof members.$inferInsert, 'workspaceId' | 'createdAt' | 'removedAt'> & { id: string };
export type AccountRow = Omit<typeof accounts.$inferInsert, 'workspaceId' | 'createdAt' | 'updatedAt' | 'archivedAt'> & { id: string };
export type OwnerRow = Omit<typeof accountOwners.$inferInsert, 'workspaceId'>;
export type OrganizationRow = Omit<typeof organizations.$inferInsert, 'workspaceId' | 'createdAt' | 'archivedAt'> & { id: string };
export type ContactRow = Omit<typeof contacts.$inferInsert, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>;

/** PostgreSQL takes at most 65,535 parameters per statement; stay well under it. */
const MAX_PARAMETERS = 30_000;

async function insertInChunks<Row>(rows: Row[], columns: number, insert: (chunk: Row[]) => Promise<unknown>) {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

export async function insertMembers(db: Db, workspaceId: string, rows: MemberRow[]) {
  await insertInChunks(rows, 6, (chunk) => db.insert(members).values(chunk.map((row) => ({ ...row, workspaceId }))));
}

export interface AccountBatch {
  accounts: AccountRow[];
  owners: OwnerRow[];
  organizations: OrganizationRow[];
  contacts: ContactRow[];
}

/** Inserts accounts with their owners, organizations and contacts, parents first. */
export async function insertAccountBatch(db: Db, workspaceId: string, batch: AccountBatch) {
  await insertInChunks(batch.accounts, 16, (chunk) => db.insert(accounts).values(chunk.map((row) => ({ ...row, workspaceId }))));
  await insertInChunks(batch.owners, 4, (chunk) => db.insert(accountOwners).values(chunk.map((row) => ({ ...row, workspaceId }))));
  await insertInChunks(batch.organizations, 6, (chunk) =>
    db.insert(organizations).values(chunk.map((row) => ({ ...row, workspaceId }))),
  );
  await insertInChunks(batch.contacts, 11, (chunk) => db.insert(contacts).values(chunk.map((row) => ({ ...row, workspaceId }))));
}
