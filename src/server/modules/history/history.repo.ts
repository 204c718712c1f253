import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projectEvents, projectTasks } from '../../db/schema.ts';

export type EventRow = typeof projectEvents.$inferInsert;

/**
 * Writes history lines in one statement with one parameter (a re-plan may write a thousand): building and binding a
 * thousand rows of parameters costs more than the insert itself.
 */
export async function insertEvents(db: Db, rows: EventRow[]) {
  if (rows.length === 0) return;
  const lines = rows.map((row) => ({
    workspace_id: row.workspaceId,
    project_id: row.projectId,
    task_id: row.taskId ?? null,
    actor_name: row.actorName,
    actor_member_id: row.actorMemberId ?? null,
    actor_contact_id: row.actorContactId ?? null,
    kind: row.kind,
    field: row.field ?? null,
    from_value: row.fromValue ?? null,
    to_value: row.toValue ?? null,
    reason: row.reason ?? null,
    moves: row.moves ?? null,
    created_at: (row.createdAt ?? new Date()).toISOString(),
  }));
  await db.execute(sql`insert into ${projectEvents}
      (workspace_id, project_id, task_id, actor_name, actor_member_id, actor_contact_id, kind, field, from_value, to_value, reason, moves, created_at)
    select workspace_id, project_id, task_id, actor_name, actor_member_id, actor_contact_id, kind, field, from_value, to_value, reason, moves, created_at
    from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as e(workspace_id uuid, project_id uuid, task_id uuid, actor_name text,
      actor_member_id uuid, actor_contact_id uuid, kind text, field text, from_value text, to_value text, reason text, moves jsonb, created_at timestamptz)`);
}

export interface EventLine {
  id: string;
  taskId: string | null;
  taskTitle: string | null;
  actorName: string;
  actorContactId: string | null;
  kind: string;
  field: string | null;
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
  /** The stored line a re-plan's moved date was expanded from: every move of one re-plan shares it. */
  groupId: string | null;
  createdAt: Date;
}

/**
 * The newest `limit` lines of a project's history, newest first. A re-plan's line carrying its moved dates answers
 * one line per task, as it always did: the task, its projected finish from and to, with the re-plan's actor, reason
 * and time; each such line's id is derived from the stored line's and the task's place in it (a UUID of version 8).
 */
export async function listEvents(db: Db, workspaceId: string, projectId: string, limit: number): Promise<EventLine[]> {
  type Row = {
    id: string;
    task_id: string | null;
    task_title: string | null;
    actor_name: string;
    actor_contact_id: string | null;
    group_id: string | null;
    kind: string;
    field: string | null;
    from_value: string | null;
    to_value: string | null;
    reason: string | null;
    created_at: string | Date;
  };
  const result = (await db.execute(sql`with newest as (
      select * from ${projectEvents} e where e.workspace_id = ${workspaceId} and e.project_id = ${projectId}
      order by e.created_at desc, e.id desc limit ${limit}
    ), lines as (
      select e.id, e.created_at, e.actor_name, e.actor_contact_id, e.kind, e.field, e.reason, m.n,
        coalesce(m.move->>0, e.task_id::text)::uuid as task_id,
        case when m.move is null then e.from_value else m.move->>1 end as from_value,
        case when m.move is null then e.to_value else m.move->>2 end as to_value
      from newest e left join lateral jsonb_array_elements(e.moves) with ordinality as m(move, n) on true
    )
    select case when l.n is null then l.id::text else (
        select substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-8' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)
        from md5(l.id::text || ':' || l.n) as h
      ) end as id,
      l.task_id, t.title as task_title, l.actor_name, l.actor_contact_id, case when l.n is null then null else l.id end as group_id, l.kind, l.field, l.from_value, l.to_value, l.reason, l.created_at
    from lines l left join ${projectTasks} t on t.workspace_id = ${workspaceId} and t.id = l.task_id
    order by l.created_at desc, l.id desc, l.n
    limit ${limit}`)) as unknown as { rows: Row[] };
  return result.rows.map((row) => ({
    id: row.id,
    taskId: row.task_id,
    taskTitle: row.task_title,
    actorName: row.actor_name,
    actorContactId: row.actor_contact_id,
    groupId: row.group_id,
    kind: row.kind,
    field: row.field,
    fromValue: row.from_value,
    toValue: row.to_value,
    reason: row.reason,
    createdAt: new Date(row.created_at),
  }));
}
