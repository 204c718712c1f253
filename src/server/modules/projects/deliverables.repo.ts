// The work a task asks of the customer and what comes back: its form and answers, its files, and sign-offs.
// Staff and customers both use them; the portal only decides who may reach which task.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { projectTasks, signOffRequests, taskApprovals, taskFiles } from '../../db/schema.ts';

export function filesOfProject(db: Db, workspaceId: string, projectId: string) {
  return prepared(db, 'project_files', (name) =>
    db
      .select()
      .from(taskFiles)
      .where(and(eq(taskFiles.workspaceId, sql.placeholder('workspaceId')), eq(taskFiles.projectId, sql.placeholder('projectId'))))
      .orderBy(taskFiles.createdAt)
      .prepare(name),
  ).execute({ workspaceId, projectId });
}

export async function findFile(db: Db, workspaceId: string, projectId: string, fileId: string) {
  const [row] = await db
    .select({ file: taskFiles, customerVisible: projectTasks.customerVisible })
    .from(taskFiles)
    .innerJoin(projectTasks, and(eq(projectTasks.workspaceId, taskFiles.workspaceId), eq(projectTasks.id, taskFiles.taskId)))
    .where(and(eq(taskFiles.workspaceId, workspaceId), eq(taskFiles.projectId, projectId), eq(taskFiles.id, fileId)));
  return row;
}

export async function insertFile(db: Db, values: typeof taskFiles.$inferInsert) {
  const [row] = await db.insert(taskFiles).values(values).returning();
  return row!;
}

export function approvalsOfProject(db: Db, workspaceId: string, projectId: string) {
  return prepared(db, 'project_approvals', (name) =>
    db
      .select()
      .from(taskApprovals)
      .where(and(eq(taskApprovals.workspaceId, sql.placeholder('workspaceId')), eq(taskApprovals.projectId, sql.placeholder('projectId'))))
      .orderBy(taskApprovals.createdAt)
      .prepare(name),
  ).execute({ workspaceId, projectId });
}

export async function insertApproval(db: Db, values: typeof taskApprovals.$inferInsert) {
  const [row] = await db.insert(taskApprovals).values(values).returning();
  return row!;
}

/** When the vendor submitted the project's deliverables for sign-off, oldest first. */
export function signOffRequestsOfProject(db: Db, workspaceId: string, projectId: string) {
  return prepared(db, 'project_sign_off_requests', (name) =>
    db
      .select()
      .from(signOffRequests)
      .where(and(eq(signOffRequests.workspaceId, sql.placeholder('workspaceId')), eq(signOffRequests.projectId, sql.placeholder('projectId'))))
      .orderBy(signOffRequests.createdAt)
      .prepare(name),
  ).execute({ workspaceId, projectId });
}

export async function insertSignOffRequest(db: Db, values: typeof signOffRequests.$inferInsert) {
  const [row] = await db.insert(signOffRequests).values(values).returning();
  return row!;
}

/** Comments the customer may read: on the project's tasks, not internal. */

export async function saveFormAnswers(
  db: Db,
  workspaceId: string,
  taskId: string,
  values: { formAnswers: unknown; formAnsweredBy: string; formAnsweredAt: Date },
) {
  await db
    .update(projectTasks)
    .set(values)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, taskId)));
}
