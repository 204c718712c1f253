import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { myWorkDismissals } from '../../db/schema.ts';

export interface MyWorkRow {
  kind: string;
  id: string;
  title: string;
  /** Who did it: the signer, the person who answered or wrote. */
  actor: string | null;
  detail: string | null;
  project_id: string;
  project_name: string;
  account_name: string;
  task_id: string | null;
  /** ISO instant, as text (the same on both drivers). */
  at: string | null;
  due_on: string | null;
}

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * Everything on a member's My work page, in one round trip. "Mine" are the active projects they manage; tasks are
 * theirs when assigned to them, or vendor tasks nobody holds on a project they manage. Each branch reads through an
 * index of its own (projects_manager_idx, project_tasks_assignee_open_idx, comment_mentions_member_idx,
 * task_comments_customer_idx, task_approvals_project_idx, project_tasks_answered_idx, project_events_project_idx),
 * and is capped, so a workspace of thousands of projects answers from the member's few.
 * An item is left out while snoozed, or once done unless something new happened to it since.
 */
export async function myWorkItems(
  db: Db,
  workspaceId: string,
  memberId: string,
  params: { dueBy: string; since: Date; now: Date },
): Promise<MyWorkRow[]> {
  const { dueBy, since, now } = params;
  const result = await db.execute(sql`
    with mine as (
      select p.id, p.name, a.name as account_name
        from projects p join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
       where p.workspace_id = ${workspaceId} and p.status = 'active' and p.onboarding_manager_id = ${memberId}
    ),
    items as (
      (select 'task' as kind, t.id, t.title, null::text as actor, null::text as detail, t.project_id, p.name as project_name,
              a.name as account_name, t.id as task_id, null::timestamptz as at, t.projected_finish as due_on
         from project_tasks t
         join projects p on p.workspace_id = t.workspace_id and p.id = t.project_id and p.status = 'active'
         join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
        where t.workspace_id = ${workspaceId} and t.assignee_member_id = ${memberId}
          and t.status not in ('done', 'skipped') and t.projected_finish <= ${dueBy}::date
        order by t.projected_finish limit 200)
      union all
      (select 'task', t.id, t.title, null, null, t.project_id, m.name, m.account_name, t.id, null, t.projected_finish
         from mine m join project_tasks t on t.workspace_id = ${workspaceId} and t.project_id = m.id
        where t.assignee_member_id is null and t.owner_side = 'vendor'
          and t.status not in ('done', 'skipped') and t.projected_finish <= ${dueBy}::date
        order by t.projected_finish limit 200)
      union all
      (select distinct on (ap.task_id) 'sign_off', ap.id, t.title, ap.signed_name, ap.decision || coalesce(': ' || ap.comment, ''),
              ap.project_id, m.name, m.account_name, ap.task_id, ap.created_at, null
         from mine m
         join task_approvals ap on ap.workspace_id = ${workspaceId} and ap.project_id = m.id and ap.created_at > ${since.toISOString()}::timestamptz
         join project_tasks t on t.workspace_id = ap.workspace_id and t.id = ap.task_id
        order by ap.task_id, ap.created_at desc)
      union all
      (select 'answer', t.id, t.title, t.form_answered_by, null, t.project_id, m.name, m.account_name, t.id, t.form_answered_at, null
         from mine m
         join project_tasks t on t.workspace_id = ${workspaceId} and t.project_id = m.id
        where t.form_answered_at > ${since.toISOString()}::timestamptz and t.status not in ('done', 'skipped')
        order by t.form_answered_at desc limit 100)
      union all
      (select 'mention', c.id, t.title, c.author_name, c.body, c.project_id, p.name, a.name, c.task_id, c.created_at, null
         from comment_mentions cm
         join task_comments c on c.workspace_id = cm.workspace_id and c.id = cm.comment_id
         join project_tasks t on t.workspace_id = c.workspace_id and t.id = c.task_id
         join projects p on p.workspace_id = c.workspace_id and p.id = c.project_id
         join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
        where cm.workspace_id = ${workspaceId} and cm.member_id = ${memberId} and cm.created_at > ${since.toISOString()}::timestamptz
        order by cm.created_at desc limit 100)
      union all
      (select 'reply', c.id, t.title, c.author_name, c.body, c.project_id, m.name, m.account_name, c.task_id, c.created_at, null
         from mine m
         join task_comments c on c.workspace_id = ${workspaceId} and c.project_id = m.id
              and c.author_contact_id is not null and c.created_at > ${since.toISOString()}::timestamptz
         join project_tasks t on t.workspace_id = c.workspace_id and t.id = c.task_id
        order by c.created_at desc limit 100)
      union all
      (select 'project', m.id, m.name, null, count(*)::text, m.id, m.name, m.account_name, null, max(e.created_at), null
         from mine m
         left join project_views v on v.workspace_id = ${workspaceId} and v.member_id = ${memberId} and v.project_id = m.id
         join project_events e on e.workspace_id = ${workspaceId} and e.project_id = m.id
              and e.created_at > coalesce(v.seen_at, ${since.toISOString()}::timestamptz) and e.actor_member_id is distinct from ${memberId}
        group by m.id, m.name, m.account_name)
    )
    select i.kind, i.id, i.title, i.actor, i.detail, i.project_id, i.project_name, i.account_name, i.task_id,
           ${iso('i.at')} as at, i.due_on::text as due_on
      from items i
     where not exists (
       select 1 from my_work_dismissals d
        where d.workspace_id = ${workspaceId} and d.member_id = ${memberId} and d.item_key = i.kind || ':' || i.id
          and (d.until > ${now.toISOString()}::timestamptz or (d.until is null and (i.at is null or i.at <= d.dismissed_at))))`);
  return (result as unknown as { rows: MyWorkRow[] }).rows;
}

export async function dismiss(db: Db, values: typeof myWorkDismissals.$inferInsert) {
  await db
    .insert(myWorkDismissals)
    .values(values)
    .onConflictDoUpdate({
      target: [myWorkDismissals.workspaceId, myWorkDismissals.memberId, myWorkDismissals.itemKey],
      set: { until: values.until ?? null, dismissedAt: values.dismissedAt },
    });
}

/** Records that the member opened the project now; false when the workspace has no such project. */
export async function markSeen(db: Db, workspaceId: string, memberId: string, projectId: string, seenAt: Date): Promise<boolean> {
  const result = await db.execute(sql`
    insert into project_views (workspace_id, member_id, project_id, seen_at)
    select p.workspace_id, ${memberId}, p.id, ${seenAt.toISOString()}::timestamptz from projects p
     where p.workspace_id = ${workspaceId} and p.id = ${projectId}
    on conflict (workspace_id, member_id, project_id) do update set seen_at = excluded.seen_at
    returning project_id`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
