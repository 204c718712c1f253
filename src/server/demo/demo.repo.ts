import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { claimSignInEmails } from '../db/sign-in-emails.ts';

// Bulk inserts for made-up data. Each batch goes in as ONE json parameter expanded by
// json_to_recordset: on 500 accounts that is ~4× faster than a multi-row VALUES with thousands of
// parameters (which drizzle takes ~80 ms just to build), on PGlite and PostgreSQL alike.
// Ids are chosen by the caller so children can point at parents without a round trip.

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: string;
  passwordHash: string;
}

export interface AccountRow {
  id: string;
  name: string;
  domain: string | null;
  industry: string;
  segment: string;
  touchModel: string;
  complexity: string;
  contractValue: number;
  currency: string;
  contractSignedOn: string | null;
  renewalOn: string | null;
  products: string[];
  timezone: string;
  laerStage: string;
}

export interface OwnerRow {
  accountId: string;
  role: string;
  memberId: string;
}

export interface OrganizationRow {
  id: string;
  accountId: string;
  name: string;
  kind: string;
  startedOn: string | null;
}

export interface ContactRow {
  accountId: string;
  organizationId: string | null;
  name: string;
  email: string;
  title: string | null;
  role: string;
  timezone: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Column name → its SQL type, in the order of the row's keys; workspace_id is added to every row. */
type Columns<Row> = { [Key in keyof Row]: string };

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

async function insertRows<Row extends object>(db: Db, table: string, columns: Columns<Row>, workspaceId: string, rows: Row[]) {
  if (rows.length === 0) return;
  const keys = Object.keys(columns) as (keyof Row & string)[];
  const names = ['workspace_id', ...keys.map(snake)];
  const types = ['uuid', ...keys.map((key) => columns[key] as string)];
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries([['workspace_id', workspaceId], ...keys.map((key, index) => [names[index + 1], row[key]])])),
  );
  const list = sql.raw(names.join(', '));
  const record = sql.raw(names.map((name, index) => `${name} ${types[index]}`).join(', '));
  await db.execute(sql`insert into ${sql.identifier(table)} (${list}) select ${list} from json_to_recordset(${json}::json) as r(${record})`);
}

/** Inserts members with their sign-in emails (db/sign-in-emails.ts), in the caller's transaction. */
export async function insertMembers(db: Db, workspaceId: string, rows: MemberRow[]) {
  await insertRows<MemberRow>(db, 'members', { id: 'uuid', email: 'text', name: 'text', role: 'text', passwordHash: 'text' }, workspaceId, rows);
  await claimSignInEmails(db, rows.map((row) => ({ email: row.email, workspaceId, memberId: row.id })));
}


export interface AccountBatch {
  accounts: AccountRow[];
  owners: OwnerRow[];
  organizations: OrganizationRow[];
  contacts: ContactRow[];
}

/** Inserts accounts with their owners, organizations and contacts, parents first. */
export async function insertAccountBatch(db: Db, workspaceId: string, batch: AccountBatch) {
  await insertRows<AccountRow>(
    db,
    'accounts',
    {
      id: 'uuid',
      name: 'text',
      domain: 'text',
      industry: 'text',
      segment: 'text',
      touchModel: 'text',
      complexity: 'text',
      contractValue: 'bigint',
      currency: 'text',
      contractSignedOn: 'date',
      renewalOn: 'date',
      products: 'text[]',
      timezone: 'text',
      laerStage: 'text',
    },
    workspaceId,
    batch.accounts,
  );
  await insertRows<OwnerRow>(db, 'account_owners', { accountId: 'uuid', role: 'text', memberId: 'uuid' }, workspaceId, batch.owners);
  await insertRows<OrganizationRow>(
    db,
    'organizations',
    { id: 'uuid', accountId: 'uuid', name: 'text', kind: 'text', startedOn: 'date' },
    workspaceId,
    batch.organizations,
  );
  await insertRows<ContactRow>(
    db,
    'contacts',
    {
      accountId: 'uuid',
      organizationId: 'uuid',
      name: 'text',
      email: 'text',
      title: 'text',
      role: 'text',
      timezone: 'text',
      joinedOn: 'date',
      leftOn: 'date',
    },
    workspaceId,
    batch.contacts,
  );
}

/**
 * Refreshes the planner's statistics. Needed while a table grows from empty in one go: the foreign-key
 * checks otherwise keep a plan made for an empty table and scan it whole for every row inserted.
 */
export async function analyzeAccountTables(db: Db) {
  await db.execute(sql`analyze accounts, account_owners, organizations, contacts`);
}
