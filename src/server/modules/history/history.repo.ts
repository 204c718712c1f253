import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projectEvents, projectTasks } from '../../db/schema.ts';

export type EventRow = typeof projectEvents.$inferInsert;

export async function insertEvents(db: Db, rows: EventRow[]) {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += 1000) await db.insert(projectEvents).values(rows.slice(i, i + 1000));
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
