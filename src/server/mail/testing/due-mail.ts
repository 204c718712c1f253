// Writes N due messages straight into the outbox of a fresh workspace (crash test, bench).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';

export async function seedDueMail(database: Database, count: number): Promise<string> {
  const workspaceId = randomUUID();
  await database.query(`insert into workspaces (id, name) values ($1, 'Mail load')`, [workspaceId]);
  await database.query(
    `insert into mail_outbox (workspace_id, dedupe_key, to_address, subject, text_body, html_body, message_id, kind, send_after)
     select $1, 'load:' || n, 'person' || n || '@customer.test', 'Message ' || n,
            'Hello, this is message ' || n || E'.\\n\\nThe onboarding team', '<p>Hello, this is message ' || n || '.</p>',
            '<load-' || n || '@landfall.test>', 'transactional', now() - interval '1 minute'
       from generate_series(1, $2::int) as n`,
    [workspaceId, count],
  );
  return workspaceId;
}
