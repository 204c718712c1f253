import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignmentRules, assignmentSettings, members, projectAssignments } from '../../db/schema.ts';

export type RuleRow = typeof assignmentRules.$inferSelect;

export async function findSettings(db: Db, workspaceId: string) {
  const [row] = await db.select().from(assignmentSettings).where(eq(assignmentSettings.workspaceId, workspaceId));
  return row;
}

export function listRules(db: Db, workspaceId: string) {
  return db.select().from(assignmentRules).where(eq(assignmentRules.workspaceId, workspaceId)).orderBy(asc(assignmentRules.position));
}

/** Replaces the settings and the whole ordered list of rules (a rule's round-robin turn is kept when its name stays). */
export async function saveSettings(
  db: Db,
  workspaceId: string,
  settings: { teamLeadId: string | null; portalRoles: string[] },
  rules: Omit<typeof assignmentRules.$inferInsert, 'workspaceId' | 'position'>[],
  now: Date,
) {
  await db
    .insert(assignmentSettings)
    .values({ workspaceId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: assignmentSettings.workspaceId, set: { ...settings, updatedAt: now } });
  await db.delete(assignmentRules).where(eq(assignmentRules.workspaceId, workspaceId));
  if (rules.length > 0) await db.insert(assignmentRules).values(rules.map((rule, position) => ({ ...rule, workspaceId, position })));
}

export async function setLastMember(db: Db, workspaceId: string, ruleId: string, memberId: string) {
  await db.update(assignmentRules).set({ lastMemberId: memberId }).where(and(eq(assignmentRules.workspaceId, workspaceId), eq(assignmentRules.id, ruleId)));
}

export async function upsertAssignment(db: Db, row: typeof projectAssignments.$inferInsert) {
  await db
    .insert(projectAssignments)
    .values(row)
    .onConflictDoUpdate({
      target: [projectAssignments.workspaceId, projectAssignments.projectId, projectAssignments.role],
      set: { memberId: row.memberId, ruleName: row.ruleName, reason: row.reason, assignedAt: row.assignedAt },
    });
}

export function assignmentsOf(db: Db, workspaceId: string, projectId: string) {
  return db
    .select({
      role: projectAssignments.role,
      memberId: projectAssignments.memberId,
      memberName: members.name,
      ruleName: projectAssignments.ruleName,
      reason: projectAssignments.reason,
      assignedAt: projectAssignments.assignedAt,
    })
    .from(projectAssignments)
    .leftJoin(members, and(eq(members.workspaceId, projectAssignments.workspaceId), eq(members.id, projectAssignments.memberId)))
    .where(and(eq(projectAssignments.workspaceId, workspaceId), eq(projectAssignments.projectId, projectId)))
    .orderBy(asc(projectAssignments.role));
}
