import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradedDatabase } from '../test/migrations.ts';
import type { Database } from './client.ts';

/**
 * Migration 0043_citus_keys re-keys 61 tenant tables by (workspace_id, id) and drops and re-adds the 107 foreign keys
 * that referenced their unique (workspace_id, id). An existing install upgrades in place: this test migrates a
 * database of its own (PGlite, or PostgreSQL when DATABASE_URL is set) to the migration before, fills the tables with
 * two workspaces' rows through plain SQL (the schema of 0040, fixed, not the code of today), applies it, and
 * checks that every row is as it was and every link still holds and is enforced.
 */
const MIGRATION = '0043_citus_keys';

const uuid = (workspace: number, n: number) => `00000000-0000-4000-8${workspace}00-${n.toString().padStart(12, '0')}`;

/** One workspace's rows in the re-keyed tables and those whose foreign keys point at them, as of migration 0040. */
function fixture(w: number): string[] {
  const id = (n: number) => `'${uuid(w, n)}'`;
  const ws = id(0);
  const [member, account, contact, playbook, version, project, task1, task2] = [1, 2, 3, 4, 5, 6, 7, 8].map(id);
  const [questionnaire, questionnaireVersion] = [9, 10].map(id);
  return [
    `insert into workspaces (id, name) values (${ws}, 'Workspace ${w}')`,
    `insert into members (id, workspace_id, email, name, role, password_hash) values (${member}, ${ws}, 'admin${w}@example.com', 'Admin ${w}', 'admin', 'x')`,
    `insert into sessions (id, workspace_id, member_id, token_hash, expires_at) values (${id(11)}, ${ws}, ${member}, 'session-${w}', '2030-01-01')`,
    `insert into accounts (id, workspace_id, name, industry, segment, touch_model, complexity) values (${account}, ${ws}, 'Acme ${w}', 'software', 'mid_market', 'high', 'medium')`,
    `insert into account_owners (workspace_id, account_id, role, member_id) values (${ws}, ${account}, 'csm', ${member})`,
    `insert into contacts (id, workspace_id, account_id, name, email, role) values (${contact}, ${ws}, ${account}, 'Casey', 'casey@example.com', 'champion')`,
    `insert into playbooks (id, workspace_id, name) values (${playbook}, ${ws}, 'Standard')`,
    `insert into playbook_versions (id, workspace_id, playbook_id, version, definition) values (${version}, ${ws}, ${playbook}, 1, '{}')`,
    `insert into projects (id, workspace_id, account_id, name, stages, day0) values (${project}, ${ws}, ${account}, 'Rollout', '[]', '2026-01-05')`,
    ...[task1, task2].map(
      (task, i) =>
        `insert into project_tasks (id, workspace_id, project_id, key, position, title, stage, owner_side, owner_role, duration_days)
         values (${task}, ${ws}, ${project}, 'task-${i}', ${i}, 'Task ${i}', 'kickoff', 'vendor', 'onboarding_manager', 2)`,
    ),
    `insert into project_dependencies (workspace_id, project_id, predecessor_id, successor_id) values (${ws}, ${project}, ${task1}, ${task2})`,
    `insert into task_comments (id, workspace_id, project_id, task_id, author_name, body) values (${id(12)}, ${ws}, ${project}, ${task1}, 'Casey', 'Done?')`,
    `insert into milestone_ratings (id, workspace_id, project_id, task_id, contact_id, score) values (${id(13)}, ${ws}, ${project}, ${task2}, ${contact}, 4)`,
    `insert into portal_access (id, workspace_id, project_id, contact_id, invite_token_hash, invited_by_name, invited_at, invite_expires_at)
     values (${id(14)}, ${ws}, ${project}, ${contact}, 'invite-${w}', 'Admin', '2026-01-05', '2026-02-05')`,
    `insert into handoffs (id, workspace_id, project_id) values (${id(15)}, ${ws}, ${project})`,
    `insert into project_risks (id, workspace_id, project_id, kind, reason, raised_at, raised_by_name) values (${id(16)}, ${ws}, ${project}, 'readiness', 'Not ready', '2026-01-06', 'Admin')`,
    `insert into readiness_questionnaires (id, workspace_id, name) values (${questionnaire}, ${ws}, 'Ready?')`,
    `insert into readiness_questionnaire_versions (id, workspace_id, questionnaire_id, version, questions) values (${questionnaireVersion}, ${ws}, ${questionnaire}, 1, '[]')`,
    `insert into readiness_assessments (id, workspace_id, project_id, questionnaire_id, questionnaire_version_id, started_by_name)
     values (${id(17)}, ${ws}, ${project}, ${questionnaire}, ${questionnaireVersion}, 'Admin')`,
  ];
}

/** Every table's row count and a digest of its rows, and every foreign key as the catalogue prints it. */
async function snapshot(database: Database) {
  const tables = await database.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  const rows: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await database.query<{ n: number; digest: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`,
    );
    rows[name] = `${row!.n} ${row!.digest}`;
  }
  const foreignKeys = await database.query<{ key: string; validated: boolean }>(
    `select conrelid::regclass::text || '.' || conname || ' ' || pg_get_constraintdef(oid) as key, convalidated as validated
       from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace order by 1`,
  );
  return { rows, foreignKeys };
}

let env: Awaited<ReturnType<typeof upgradedDatabase>>;
let before: Awaited<ReturnType<typeof snapshot>>;
beforeAll(async () => {
  env = await upgradedDatabase(MIGRATION, async (database) => {
    for (const statement of [...fixture(1), ...fixture(2)]) await database.query(statement);
    before = await snapshot(database);
  });
}, 180_000);
afterAll(() => env?.drop());

describe(`migration ${MIGRATION} on an existing install`, () => {
  it('keeps every row and every foreign key as it was', async () => {
    const after = await snapshot(env.database);
    expect(before.rows.projects).toMatch(/^2 /);
    expect(before.rows.project_tasks).toMatch(/^4 /);
    expect(after.rows).toEqual(before.rows);
    expect(after.foreignKeys).toEqual(before.foreignKeys);
    expect(after.foreignKeys.filter((k) => !k.validated)).toEqual([]);
  });

  it('keys every table with an id and a workspace_id by (workspace_id, id), and the foreign keys use that key', async () => {
    const keys = await env.database.query<{ table: string; columns: string }>(
      `select c.relname as table, (select string_agg(a.attname, ',' order by k.n) from unnest(x.indkey) with ordinality k(attnum, n)
                                     join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) as columns
         from pg_class c join pg_index x on x.indrelid = c.oid and x.indisprimary
        where c.relnamespace = 'public'::regnamespace
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'id')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id')`,
    );
    expect(keys.length).toBeGreaterThanOrEqual(61);
    expect(keys.filter((k) => k.columns !== 'workspace_id,id')).toEqual([]);
    const onOldKeys = await env.database.query(
      `select k.conname from pg_constraint k join pg_index x on x.indexrelid = k.conindid
        where k.contype = 'f' and k.connamespace = 'public'::regnamespace and not x.indisprimary
          and exists (select 1 from pg_class i where i.oid = x.indexrelid and i.relname like '%_workspace_id_id_key')`,
    );
    expect(onOldKeys).toEqual([]);
  });

  it('still joins the rows and enforces the links and the unique keys, per workspace', async () => {
    const [joined] = await env.database.query<{ n: number }>(
      `select count(*)::int as n from project_dependencies d
         join project_tasks p on p.workspace_id = d.workspace_id and p.id = d.predecessor_id
         join project_tasks s on s.workspace_id = d.workspace_id and s.id = d.successor_id
         join projects j on j.workspace_id = d.workspace_id and j.id = d.project_id`,
    );
    expect(joined!.n).toBe(2);
    // A task of workspace 1 cannot point at workspace 2's project: the foreign key carries workspace_id.
    await expect(
      env.database.query(
        `insert into project_tasks (workspace_id, project_id, key, position, title, stage, owner_side, owner_role, duration_days)
         values ($1, $2, 'stray', 9, 'Stray', 'kickoff', 'vendor', 'onboarding_manager', 1)`,
        [uuid(1, 0), uuid(2, 6)],
      ),
    ).rejects.toThrow(/foreign key/);
    // project_tasks_key is now (workspace_id, project_id, key): a second task-0 in the same project is refused.
    await expect(
      env.database.query(
        `insert into project_tasks (workspace_id, project_id, key, position, title, stage, owner_side, owner_role, duration_days)
         values ($1, $2, 'task-0', 9, 'Again', 'kickoff', 'vendor', 'onboarding_manager', 1)`,
        [uuid(1, 0), uuid(1, 6)],
      ),
    ).rejects.toThrow(/project_tasks_key/);
    // Deleting a project still cascades to its tasks and their dependencies.
    await env.database.query(`delete from projects where workspace_id = $1 and id = $2`, [uuid(2, 0), uuid(2, 6)]);
    const [left] = await env.database.query<{ tasks: number; dependencies: number }>(
      `select (select count(*)::int from project_tasks) as tasks, (select count(*)::int from project_dependencies) as dependencies`,
    );
    expect(left).toEqual({ tasks: 2, dependencies: 1 });
  });
});
