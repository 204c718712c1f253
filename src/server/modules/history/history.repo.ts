import { and, desc, eq, sql } from 'drizzle-orm';
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
    created_at: (row.createdAt ?? new Date()).toISOString(),
  }));
  await db.execute(sql`insert into ${projectEvents}
      (workspace_id, project_id, task_id, actor_name, actor_member_id, actor_contact_id, kind, field, from_value, to_value, reason, created_at)
    select workspace_id, project_id, task_id, actor_name, actor_member_id, actor_contact_id, kind, field, from_value, to_value, reason, created_at
    from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as e(workspace_id uuid, project_id uuid, task_id uuid, actor_name text,
      actor_member_id uuid, actor_contact_id uuid, kind text, field text, from_value text, to_value text, reason text, created_at timestamptz)`);
}

export function listEvents(db: Db, workspaceId: string, projectId: string, limit: number) {
  return db
    .select({
      id: projectEvents.id,
      taskId: projectEvents.taskId,
      taskTitle: projectTasks.title,
      actorName: projectEvents.actorName,
      kind: projectEvents.kind,
      field: projectEvents.field,
      fromValue: projectEvents.fromValue,
      toValue: projectEvents.toValue,
      reason: projectEvents.reason,
      createdAt: projectEvents.createdAt,
    })
    .from(projectEvents)
    .leftJoin(projectTasks, and(eq(projectTasks.workspaceId, projectEvents.workspaceId), eq(projectTasks.id, projectEvents.taskId)))
    .where(and(eq(projectEvents.workspaceId, workspaceId), eq(projectEvents.projectId, projectId)))
    .orderBy(desc(projectEvents.createdAt), desc(projectEvents.id))
    .limit(limit);
}
