import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, startTestEnv, type TestEnv } from '../test/harness.ts';

// The version counters and the account counts are kept by row-level triggers (migration 0041_row_triggers, Citus
// cannot run statement triggers with transition tables): a version changes once per statement per workspace touched,
// never once per row, never reused; the counts stay exact through bulk statements.

let env: TestEnv;
let north: string;
let south: string;

beforeAll(async () => {
  env = await startTestEnv();
  north = (await makeWorkspace(env.services, 'North')).workspace.id;
  south = (await makeWorkspace(env.services, 'South')).workspace.id;
});
afterAll(() => env.close());

const query = <Row>(text: string, params: unknown[] = []) => env.services.database.query<Row>(text, params);

/** How many versions the sequence has handed out: one per bump. */
async function handedOut(sequence: 'data_versions_seq' | 'insight_versions_seq') {
  const [row] = await query<{ last: string | number }>(`select last_value as last from ${sequence}`);
  return Number(row!.last);
}

const versionOf = async (table: 'data_versions' | 'insight_versions', workspaceId: string) =>
  Number((await query<{ version: string | number }>(`select version from ${table} where workspace_id = $1`, [workspaceId]))[0]!.version);

/** n accounts in one statement, alternating between the given workspaces. */
const insertAccounts = (n: number, workspaceIds: string[], archived = false) =>
  sql.raw(`insert into accounts (workspace_id, name, industry, segment, touch_model, complexity, archived_at)
    select (array['${workspaceIds.join("','")}']::uuid[])[1 + i % ${workspaceIds.length}], 'Bulk ' || i, 'software', 'mid_market', 'low', 'standard',
           ${archived ? 'now()' : 'null'}
    from generate_series(1, ${n}) as i`);

async function countsOf(workspaceId: string) {
  const [kept] = await query<{ active: number; archived: number }>('select active, archived from account_counts where workspace_id = $1', [workspaceId]);
  const [counted] = await query<{ active: string | number; archived: string | number }>(
    `select count(*) filter (where archived_at is null) as active, count(*) filter (where archived_at is not null) as archived
       from accounts where workspace_id = $1`,
    [workspaceId],
  );
  return { kept: { active: Number(kept?.active ?? 0), archived: Number(kept?.archived ?? 0) }, counted: { active: Number(counted!.active), archived: Number(counted!.archived) } };
}

describe('data and insight versions', () => {
  it('bump twice for two statements in one transaction, and a new value each time', async () => {
    const before = await versionOf('data_versions', north);
    const seqBefore = await handedOut('data_versions_seq');
    const seen: number[] = [];
    const versionIn = async (tx: Pick<typeof env.services.database.db, 'execute'>) => {
      const { rows } = (await tx.execute(sql`select version from data_versions where workspace_id = ${north}`)) as unknown as { rows: { version: string | number }[] };
      return Number(rows[0]!.version);
    };
    await env.services.database.db.transaction(async (tx) => {
      await tx.execute(insertAccounts(1, [north]));
      seen.push(await versionIn(tx));
      await tx.execute(sql`update accounts set name = name || '.' where workspace_id = ${north}`);
      seen.push(await versionIn(tx));
    });
    expect(await handedOut('data_versions_seq')).toBe(seqBefore + 2);
    expect(new Set([before, ...seen]).size).toBe(3);
    expect(await versionOf('data_versions', north)).toBe(seen[1]);
  });

  it('bump once per workspace touched by a 1,000-row statement, on every table that counts', async () => {
    const data = await handedOut('data_versions_seq');
    const insight = await handedOut('insight_versions_seq');
    await env.services.database.db.execute(insertAccounts(1000, [north, south]));
    // accounts feed both the account pages and the insight reports: one bump of each per workspace.
    expect(await handedOut('data_versions_seq')).toBe(data + 2);
    expect(await handedOut('insight_versions_seq')).toBe(insight + 2);

    await env.services.database.db.execute(sql`update accounts set name = name || '!' where workspace_id = ${south}`);
    expect(await handedOut('data_versions_seq')).toBe(data + 3);
    await env.services.database.db.execute(sql`delete from accounts where name like 'Bulk %' and workspace_id in (${north}, ${south})`);
    expect(await handedOut('data_versions_seq')).toBe(data + 5);
    expect(await handedOut('insight_versions_seq')).toBe(insight + 5);
  });

  it('do not bump for a statement that writes no row', async () => {
    const data = await handedOut('data_versions_seq');
    await env.services.database.db.execute(sql`update accounts set name = 'nobody' where false`);
    expect(await handedOut('data_versions_seq')).toBe(data);
  });

  it('bump the workspace a row leaves as well as the one it joins', async () => {
    await env.services.database.db.execute(insertAccounts(1, [north]));
    const [northBefore, southBefore] = [await versionOf('data_versions', north), await versionOf('data_versions', south)];
    // Not something Landfall does, but the versions must still say that both workspaces' data changed.
    await env.services.database.db.execute(sql`update accounts set workspace_id = ${south} where name = 'Bulk 1' and workspace_id = ${north}`);
    expect(await versionOf('data_versions', north)).not.toBe(northBefore);
    expect(await versionOf('data_versions', south)).not.toBe(southBefore);
    await env.services.database.db.execute(sql`delete from accounts where name = 'Bulk 1' and workspace_id = ${south}`);
  });
});

describe('account counts', () => {
  it('stay exact through bulk inserts, archiving and deletes, in one or many workspaces', async () => {
    const db = env.services.database.db;
    await db.execute(insertAccounts(10_000, [north]));
    await db.execute(insertAccounts(301, [north, south], true));
    await db.execute(sql`update accounts set archived_at = now() where workspace_id = ${north} and name like 'Bulk 1%' and archived_at is null`);
    await db.execute(sql`update accounts set archived_at = null where workspace_id = ${south} and name like 'Bulk 2%'`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from accounts where workspace_id = ${north} and name like 'Bulk 3%'`);
      await tx.execute(insertAccounts(10, [south, north]));
    });
    for (const workspaceId of [north, south]) {
      const { kept, counted } = await countsOf(workspaceId);
      expect(kept).toEqual(counted);
    }
    expect((await countsOf(north)).counted.active).toBeGreaterThan(5000);
  });

  it('keep nothing of a statement that failed', async () => {
    const before = await countsOf(south);
    await expect(
      env.services.database.db.execute(sql.raw(`insert into accounts (workspace_id, name, industry, segment, touch_model, complexity)
        values ('${south}', 'Fine', 'software', 'smb', 'low', 'standard'), ('${south}', null, 'software', 'smb', 'low', 'standard')`)),
    ).rejects.toThrow();
    await env.services.database.db.execute(insertAccounts(1, [south]));
    const after = await countsOf(south);
    expect(after.kept).toEqual(after.counted);
    expect(after.kept.active).toBe(before.kept.active + 1);
  });
});
