import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { autoPreparingClient, StatementNames } from './auto-prepare.ts';
import { openDatabase } from './client.ts';
import { startTestEnv, type TestEnv } from '../test/harness.ts';

describe('StatementNames', () => {
  it('names a text the second time it is seen, and the same name every time after', () => {
    const names = new StatementNames(10);
    const text = 'select id from accounts where workspace_id = $1 and id = $2';
    expect(names.nameFor(text)).toBeUndefined();
    const name = names.nameFor(text);
    expect(name).toMatch(/^lf_auto_\d+$/);
    expect(names.nameFor(text)).toBe(name);
    expect(names.nameFor(`${text} `)).toBeUndefined();
  });

  it('names no more than its limit of texts, and forgets texts seen once when they pile up', () => {
    const names = new StatementNames(2);
    for (const n of [1, 2, 3]) {
      names.nameFor(`select ${n} where $1`);
      names.nameFor(`select ${n} where $1`);
    }
    expect(names.nameFor('select 1 where $1')).toBeDefined();
    expect(names.nameFor('select 3 where $1')).toBeUndefined();
    const wide = new StatementNames(1);
    for (let n = 0; n < 25; n++) wide.nameFor(`insert into t values ${'($1),'.repeat(n)}($1)`);
    expect(wide.nameFor('select $1::int')).toBeUndefined();
    expect(wide.nameFor('select $1::int')).toBe('lf_auto_0');
  });
});

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe.skipIf(!process.env.DATABASE_URL)('on PostgreSQL', () => {
  it('runs a repeated parameterized statement as one prepared statement per connection, with the same answers', async () => {
    const Client = autoPreparingClient(new StatementNames());
    const client = new Client({ connectionString: env.databaseUrl });
    await client.connect();
    try {
      const text = 'select $1::int + 1 as next';
      const answers = [];
      for (const n of [1, 2, 3]) answers.push((await client.query(text, [n])).rows[0].next);
      answers.push((await client.query({ text, values: [4] })).rows[0].next);
      expect(answers).toEqual([2, 3, 4, 5]);
      const prepared = await client.query<{ name: string; statement: string }>('select name, statement from pg_prepared_statements');
      expect(prepared.rows).toEqual([{ name: 'lf_auto_0', statement: text }]);
      // Statements without parameters (migrations, several statements in one text) stay unnamed.
      await client.query('select 1; select 2');
      await client.query('select 1; select 2');
      expect((await client.query('select count(*)::int as n from pg_prepared_statements')).rows[0].n).toBe(1);
      // An error in a named statement leaves the connection usable and the name free for the next try.
      const failing = 'select 1 / $1::int as q';
      await client.query(failing, [1]);
      await expect(client.query(failing, [0])).rejects.toThrow(/division by zero/);
      expect((await client.query(failing, [2])).rows[0].q).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('is how openDatabase talks to PostgreSQL (and DB_PREPARE=0 turns it off)', async () => {
    for (const prepare of [true, false]) {
      const database = await openDatabase({ databaseUrl: env.databaseUrl, poolSize: 1, prepare });
      try {
        for (let i = 0; i < 3; i++) await database.query('select $1::text as echo', ['x']);
        const rows = await database.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements where statement = 'select $1::text as echo'");
        expect(rows[0]!.n).toBe(prepare ? 1 : 0);
      } finally {
        await database.close();
      }
    }
    expect(loadConfig({ DB_PREPARE: '0' }).dbPrepare).toBe(false);
    expect(loadConfig({}).dbPrepare).toBe(true);
  });
});
