import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv } from '../test/harness.ts';
import { findingKey, lintSchema } from './schema-lint.ts';

/**
 * The schema lint of issue 20, as a ratchet: schema-lint.baseline.json lists the findings not fixed yet (empty since
 * migration 0044: the schema had tables keyed by id alone, token lookups without a workspace, the version-counting
 * triggers when the lint arrived). Nothing may be added to it — a new table is keyed (workspace_id, id) from the start — and an entry fixed must leave it, so the
 * list only shrinks. docs/scaling.md says what each rule is for.
 */
const baseline: string[] = JSON.parse(readFileSync(new URL('./schema-lint.baseline.json', import.meta.url), 'utf8'));

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe('schema lint (Citus-ready by workspace_id)', () => {
  it('finds nothing new, and nothing in the baseline that has been fixed', async () => {
    const findings = await lintSchema(env.services.database);
    const found = new Set(findings.map(findingKey));
    const added = findings.filter((f) => !baseline.includes(findingKey(f))).map((f) => `${findingKey(f)}: ${f.detail}`);
    const fixed = baseline.filter((key) => !found.has(key));
    expect(added, 'new tables and keys must include workspace_id (see docs/scaling.md)').toEqual([]);
    expect(fixed, 'fixed: remove these lines from src/server/db/schema-lint.baseline.json').toEqual([]);
  });
});
