import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { handoffQuestions, handoffs, members, workspaces } from '../../db/schema.ts';

export async function findHandoff(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select({
      id: handoffs.id,
      projectId: handoffs.projectId,
      status: handoffs.status,
      answers: handoffs.answers,
      repMemberId: handoffs.repMemberId,
      repName: members.name,
      submittedAt: handoffs.submittedAt,
    })
    .from(handoffs)
    .leftJoin(members, and(eq(members.workspaceId, handoffs.workspaceId), eq(members.id, handoffs.repMemberId)))
    .where(and(eq(handoffs.workspaceId, workspaceId), eq(handoffs.projectId, projectId)));
  return row;
}

export async function ensureHandoff(db: Db, workspaceId: string, projectId: string) {
  await db.insert(handoffs).values({ workspaceId, projectId }).onConflictDoNothing();
}

export async function saveHandoff(
  db: Db,
  workspaceId: string,
  projectId: string,
  values: { answers?: unknown; status?: string; submittedAt?: Date | null },
) {
  await db
    .update(handoffs)
    .set(values)
    .where(and(eq(handoffs.workspaceId, workspaceId), eq(handoffs.projectId, projectId)));
}

export function listQuestions(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(handoffQuestions)
    .where(and(eq(handoffQuestions.workspaceId, workspaceId), eq(handoffQuestions.projectId, projectId)))
    .orderBy(asc(handoffQuestions.askedAt));
}

export async function insertQuestion(db: Db, values: typeof handoffQuestions.$inferInsert) {
  const [row] = await db.insert(handoffQuestions).values(values).returning();
  return row!;
}

export async function findQuestion(db: Db, workspaceId: string, questionId: string) {
  const [row] = await db
    .select()
    .from(handoffQuestions)
    .where(and(eq(handoffQuestions.workspaceId, workspaceId), eq(handoffQuestions.id, questionId)));
  return row;
}

export async function answerQuestion(db: Db, workspaceId: string, questionId: string, values: { answer: string; answeredByName: string; answeredAt: Date }) {
  await db
    .update(handoffQuestions)
    .set(values)
    .where(and(eq(handoffQuestions.workspaceId, workspaceId), eq(handoffQuestions.id, questionId)));
}

export async function requiredFields(db: Db, workspaceId: string) {
  const [row] = await db.select({ fields: workspaces.handoffRequiredFields }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.fields ?? [];
}

export async function setRequiredFields(db: Db, workspaceId: string, fields: string[]) {
  await db.update(workspaces).set({ handoffRequiredFields: fields }).where(eq(workspaces.id, workspaceId));
}
