import { bigint, pgTable, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

// Which state of a workspace's data an answer was built from (migrations 0007_data_versions, 0041_row_triggers).
// Every statement that writes a table an account page reads (accounts, account_owners, contacts, members) sets a new
// value for each workspace it touches (row triggers, the first row of each workspace per statement), taken from a
// sequence so it is never reused, in the same transaction as the change: while the version read now is the one a
// cached answer was built at, that answer is still exactly what the database holds.
export const dataVersions = pgTable('data_versions', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull(),
});
