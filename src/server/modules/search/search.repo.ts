import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containsPattern, containsText, startsWithPattern } from '../../db/like.ts';

export interface HitRow {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
  account_id: string | null;
  project_id: string | null;
  rank: number;
}

/**
 * Up to `limit` of each kind whose name (a contact's email, an account's domain) contains the text; a name that
 * starts with it comes first, then the shorter name. Archived accounts and playbooks, and people who left, are not
 * offered; tasks only of projects still open.
 */
export async function searchAll(db: Db, workspaceId: string, text: string, limit: number): Promise<HitRow[]> {
  const like = containsPattern(text);
  const prefix = startsWithPattern(text);
  const rank = (column: ReturnType<typeof sql.raw>) => sql`(case when ${column} ilike ${prefix} then 0 else 1 end)`;
  // search_text starts with the name, lower-cased: "starts with" is a plain LIKE on it, as "contains" is.
  const rankText = (column: ReturnType<typeof sql.raw>) => sql`(case when ${column} like lower(${prefix}) then 0 else 1 end)`;
  // Each kind picks its few best matches first and only then joins what labels them (an account's name), so a
  // short, common text joins `limit` rows, not the thousands it matches.
  const result = await db.execute(sql`
    (select 'account' as kind, a.id, a.name as title, a.domain as subtitle, a.id as account_id, null::uuid as project_id, ${rankText(sql.raw('a.search_text'))} as rank
       from accounts a where a.workspace_id = ${workspaceId} and a.archived_at is null and ${containsText(sql.raw('a.search_text'), text)}
       order by rank, length(a.name), a.name limit ${limit})
    union all
    (select 'contact', c.id, c.name, c.email || ' · ' || a.name, c.account_id, null::uuid, c.rank
       from (select c.workspace_id, c.id, c.name, c.email, c.account_id, ${rankText(sql.raw('c.search_text'))} as rank from contacts c
              where c.workspace_id = ${workspaceId} and c.left_on is null and ${containsText(sql.raw('c.search_text'), text)}
              order by rank, length(c.name), c.name limit ${limit}) c
       join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
       order by 7, length(c.name), c.name)
    union all
    (select 'project', p.id, p.name, a.name, p.account_id, p.id, p.rank
       from (select p.workspace_id, p.id, p.name, p.account_id, p.status, ${rank(sql.raw('p.name'))} as rank from projects p
              where p.workspace_id = ${workspaceId} and p.name ilike ${like}
              order by rank, (p.status = 'closed'), length(p.name), p.name limit ${limit}) p
       join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
       order by 7, (p.status = 'closed'), length(p.name), p.name)
    union all
    (select 'task', t.id, t.title, p.name, p.account_id, p.id, ${rank(sql.raw('t.title'))}
       from project_tasks t join projects p on p.workspace_id = t.workspace_id and p.id = t.project_id
       where t.workspace_id = ${workspaceId} and p.status <> 'closed' and t.title ilike ${like}
       order by 7, (t.status = 'done'), length(t.title), t.title limit ${limit})
    union all
    (select 'playbook', b.id, b.name, null, null::uuid, null::uuid, ${rank(sql.raw('b.name'))}
       from playbooks b where b.workspace_id = ${workspaceId} and b.archived_at is null and b.name ilike ${like}
       order by 7, length(b.name), b.name limit ${limit})`);
  return (result as unknown as { rows: HitRow[] }).rows;
}
