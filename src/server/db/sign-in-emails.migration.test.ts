import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreferenceByToken } from '../mail/mail.repo.ts';
import { findActiveMemberByEmail } from '../modules/auth/auth.repo.ts';
import { hashToken } from '../security/secrets.ts';
import { upgradedDatabase } from '../test/migrations.ts';
import { isUniqueViolation } from './errors.ts';

/**
 * Migration 0044 takes the last two keys without workspace_id off the tenant tables: a member's sign-in email
 * (members_email_active_key) moves to the reference table member_sign_in_emails, and the unsubscribe tokens get
 * token_lookups rows. An existing install upgrades in place: this test migrates a database of its own (PGlite, or
 * PostgreSQL when DATABASE_URL is set) to the migration before, writes members and unsubscribe tokens by plain SQL
 * (the schema of 0043), applies 0044, and checks that everyone signs in and every link sent still unsubscribes.
 */
const MIGRATION = '0044_sign_in_emails_unsubscribe_lookups';

const uuid = (workspace: number, n: number) => `00000000-0000-4000-8${workspace}00-${n.toString().padStart(12, '0')}`;
const ws = (w: number) => uuid(w, 0);
const member = { ada: uuid(1, 1), gone: uuid(1, 2), back: uuid(2, 1), off: uuid(2, 2) };
/** Two unsubscribe links already in people's inboxes, one per workspace (the old form: unsub_ and 24 bytes). */
const links = { 1: 'unsub_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY', 2: 'unsub_eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5' };

function fixture(w: 1 | 2): string[] {
  const [account, contact] = [uuid(w, 3), uuid(w, 4)];
  return [
    `insert into workspaces (id, name) values ('${ws(w)}', 'Workspace ${w}')`,
    `insert into accounts (id, workspace_id, name, industry, segment, touch_model, complexity) values ('${account}', '${ws(w)}', 'Acme ${w}', 'software', 'mid_market', 'high', 'medium')`,
    `insert into contacts (id, workspace_id, account_id, name, email, role) values ('${contact}', '${ws(w)}', '${account}', 'Casey ${w}', 'casey${w}@customer.test', 'champion')`,
    `insert into contact_mail_preferences (workspace_id, contact_id, unsubscribe_token) values ('${ws(w)}', '${contact}', '${links[w]}')`,
  ];
}

const members = [
  // Ada signs in to workspace 1 (her address stored as she typed it once).
  `insert into members (id, workspace_id, email, name, role, password_hash) values ('${member.ada}', '${ws(1)}', 'Ada@Example.test', 'Ada', 'admin', 'x')`,
  // Gil left workspace 1 and joined workspace 2: only his current membership holds the email.
  `insert into members (id, workspace_id, email, name, role, password_hash, removed_at) values ('${member.gone}', '${ws(1)}', 'gil@example.test', 'Gil', 'csm', 'x', now())`,
  `insert into members (id, workspace_id, email, name, role, password_hash) values ('${member.back}', '${ws(2)}', 'gil@example.test', 'Gil', 'admin', 'x')`,
  // Deactivated by the identity provider: cannot sign in, but the email stays theirs.
  `insert into members (id, workspace_id, email, name, role, password_hash, deactivated_at) values ('${member.off}', '${ws(2)}', 'off@example.test', 'Otto', 'csm', 'x', now())`,
];

let env: Awaited<ReturnType<typeof upgradedDatabase>>;
beforeAll(async () => {
  env = await upgradedDatabase(MIGRATION, async (database) => {
    for (const statement of [...fixture(1), ...fixture(2), ...members]) await database.query(statement);
  });
}, 180_000);
afterAll(() => env?.drop());

describe(`migration ${MIGRATION} on an existing install`, () => {
  it('gives every current member their sign-in email, lower-cased, and a password sign-in finds them by it', async () => {
    const rows = await env.database.query(`select email, workspace_id, member_id from member_sign_in_emails order by email`);
    expect(rows).toEqual([
      { email: 'ada@example.test', workspace_id: ws(1), member_id: member.ada },
      { email: 'gil@example.test', workspace_id: ws(2), member_id: member.back },
      { email: 'off@example.test', workspace_id: ws(2), member_id: member.off },
    ]);
    expect((await findActiveMemberByEmail(env.database.db, 'ADA@example.test'))?.id).toBe(member.ada);
    expect((await findActiveMemberByEmail(env.database.db, 'gil@example.test'))?.id).toBe(member.back);
    expect(await findActiveMemberByEmail(env.database.db, 'off@example.test')).toBeUndefined();
  });

  it('keeps every unsubscribe link already sent working, each in its own workspace', async () => {
    for (const w of [1, 2] as const) {
      const preference = await findPreferenceByToken(env.database.db, links[w], hashToken(links[w]));
      expect(preference).toMatchObject({ workspaceId: ws(w), contactId: uuid(w, 4), unsubscribedAt: null });
    }
    expect(await findPreferenceByToken(env.database.db, `${links[1]}x`, hashToken(`${links[1]}x`))).toBeUndefined();
  });

  it('keeps one current member per email: in a workspace by its own key, across workspaces by the sign-in email', async () => {
    const insert = (w: number, n: number, email: string) =>
      env.database.query(`insert into members (id, workspace_id, email, name, role, password_hash) values ($1, $2, $3, 'Twin', 'csm', 'x')`, [uuid(w, n), ws(w), email]);
    await expect(insert(1, 9, 'ADA@example.test')).rejects.toSatisfy((error) => isUniqueViolation(error, 'members_workspace_email_active_key'));
    await expect(
      env.database.query(`insert into member_sign_in_emails (email, workspace_id, member_id) values ('ada@example.test', $1, $2)`, [ws(2), uuid(2, 9)]),
    ).rejects.toSatisfy((error) => isUniqueViolation(error, 'member_sign_in_emails_pkey'));
    const keys = await env.database.query<{ name: string; definition: string }>(
      `select i.relname as name, pg_get_indexdef(x.indexrelid) as definition from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid in ('members'::regclass, 'contact_mail_preferences'::regclass) and x.indisunique order by 1`,
    );
    expect(keys.every((key) => key.definition.includes('workspace_id'))).toBe(true);
  });
});
