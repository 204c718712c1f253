import { and, asc, count, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  contacts,
  projectRisks,
  projects,
  readinessAssessments,
  readinessGateOverrides,
  readinessQuestionnaireVersions,
  readinessQuestionnaires,
  readinessSettings,
} from '../../db/schema.ts';
import { versionedDefinitions, type NewVersion } from '../../db/versioned.ts';
import type { ReadinessQuestion } from '../../../contract/readiness.ts';

// ---- Settings ----

export async function findSettings(db: Db, workspaceId: string) {
  const [row] = await db.select().from(readinessSettings).where(eq(readinessSettings.workspaceId, workspaceId));
  return row;
}

export async function saveSettings(db: Db, workspaceId: string, values: { readyThreshold: number; atRiskThreshold: number; gateOn: boolean; updatedAt: Date }) {
  await db
    .insert(readinessSettings)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: readinessSettings.workspaceId, set: values });
}

// ---- Questionnaires ----

/** A questionnaire is edited in versions: assessments keep the version they were answered with. */
const versioned = versionedDefinitions({
  definitions: readinessQuestionnaires,
  versions: readinessQuestionnaireVersions,
  definitionId: readinessQuestionnaireVersions.questionnaireId,
  versionRow: ({ definitionId, content, ...version }: NewVersion<ReadinessQuestion[]>) => ({
    ...version,
    questionnaireId: definitionId,
    questions: content,
  }),
});

const questionnaireColumns = {
  id: readinessQuestionnaires.id,
  name: readinessQuestionnaires.name,
  description: readinessQuestionnaires.description,
  currentVersion: readinessQuestionnaires.currentVersion,
  builtinKey: readinessQuestionnaires.builtinKey,
  updatedAt: readinessQuestionnaires.updatedAt,
  archivedAt: readinessQuestionnaires.archivedAt,
  versionId: readinessQuestionnaireVersions.id,
  version: readinessQuestionnaireVersions.version,
  questions: readinessQuestionnaireVersions.questions,
  assessmentCount: sql<number>`(select count(*)::int from ${readinessAssessments} a
    where a.workspace_id = ${readinessQuestionnaires.workspaceId} and a.questionnaire_id = ${readinessQuestionnaires.id})`,
};

const typed = <T extends { questions: unknown; assessmentCount: unknown }>(row: T) => ({
  ...row,
  questions: row.questions as ReadinessQuestion[],
  assessmentCount: Number(row.assessmentCount),
});

export async function listQuestionnaires(db: Db, workspaceId: string, includeArchived: boolean) {
  const rows = await db
    .select(questionnaireColumns)
    .from(readinessQuestionnaires)
    .innerJoin(readinessQuestionnaireVersions, versioned.currentVersion)
    .where(and(eq(readinessQuestionnaires.workspaceId, workspaceId), includeArchived ? undefined : isNull(readinessQuestionnaires.archivedAt)))
    .orderBy(sql`${readinessQuestionnaires.builtinKey} is null`, asc(readinessQuestionnaires.name));
  return rows.map(typed);
}

export async function findQuestionnaire(db: Db, workspaceId: string, questionnaireId: string, version?: number) {
  const [row] = await db
    .select(questionnaireColumns)
    .from(readinessQuestionnaires)
    .innerJoin(readinessQuestionnaireVersions, versioned.anyVersion)
    .where(versioned.atVersion(workspaceId, questionnaireId, version));
  return row ? typed(row) : undefined;
}

export async function findBuiltinQuestionnaireId(db: Db, workspaceId: string, builtinKey: string) {
  const [row] = await db
    .select({ id: readinessQuestionnaires.id })
    .from(readinessQuestionnaires)
    .where(and(eq(readinessQuestionnaires.workspaceId, workspaceId), eq(readinessQuestionnaires.builtinKey, builtinKey)));
  return row?.id;
}

/** Undefined when the built-in one was installed by someone else at the same moment. */
export function insertQuestionnaire(
  db: Db,
  workspaceId: string,
  values: { name: string; description: string | null; questions: ReadinessQuestion[]; builtinKey?: string; createdBy: string | null },
) {
  const { questions, ...rest } = values;
  return versioned.insert(db, workspaceId, { ...rest, content: questions });
}

/** Saves an edit as a new version; assessments keep the version they were answered with. */
export function insertQuestionnaireVersion(
  db: Db,
  workspaceId: string,
  questionnaireId: string,
  values: { name: string; description: string | null; questions: ReadinessQuestion[]; createdBy: string | null; now: Date },
) {
  const { questions, ...rest } = values;
  return versioned.insertVersion(db, workspaceId, questionnaireId, { ...rest, content: questions });
}

export function setQuestionnaireArchived(db: Db, workspaceId: string, questionnaireId: string, archivedAt: Date | null) {
  return versioned.setArchived(db, workspaceId, questionnaireId, archivedAt);
}

// ---- Assessments ----

const assessmentColumns = {
  assessment: readinessAssessments,
  projectName: projects.name,
  accountId: projects.accountId,
  questionnaireName: readinessQuestionnaires.name,
  version: readinessQuestionnaireVersions.version,
  questions: readinessQuestionnaireVersions.questions,
  sentToName: contacts.name,
  sentToEmail: contacts.email,
};

function assessments(db: Db) {
  return db
    .select(assessmentColumns)
    .from(readinessAssessments)
    .innerJoin(projects, and(eq(projects.workspaceId, readinessAssessments.workspaceId), eq(projects.id, readinessAssessments.projectId)))
    .innerJoin(
      readinessQuestionnaireVersions,
      and(
        eq(readinessQuestionnaireVersions.workspaceId, readinessAssessments.workspaceId),
        eq(readinessQuestionnaireVersions.id, readinessAssessments.questionnaireVersionId),
      ),
    )
    .innerJoin(
      readinessQuestionnaires,
      and(
        eq(readinessQuestionnaires.workspaceId, readinessAssessments.workspaceId),
        eq(readinessQuestionnaires.id, readinessAssessments.questionnaireId),
      ),
    )
    .leftJoin(contacts, and(eq(contacts.workspaceId, readinessAssessments.workspaceId), eq(contacts.id, readinessAssessments.sentToContactId)))
    .$dynamic();
}

export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

export async function findAssessment(db: Db, workspaceId: string, assessmentId: string) {
  const [row] = await assessments(db).where(and(eq(readinessAssessments.workspaceId, workspaceId), eq(readinessAssessments.id, assessmentId)));
  return row;
}

/** Locks the assessment for the rest of the transaction, so two people saving answers never lose one. */
export async function lockAssessment(db: Db, workspaceId: string, assessmentId: string) {
  const [row] = await db
    .select({ id: readinessAssessments.id })
    .from(readinessAssessments)
    .where(and(eq(readinessAssessments.workspaceId, workspaceId), eq(readinessAssessments.id, assessmentId)))
    .for('update');
  return row;
}

export function projectAssessments(db: Db, workspaceId: string, projectId: string) {
  return assessments(db)
    .where(and(eq(readinessAssessments.workspaceId, workspaceId), eq(readinessAssessments.projectId, projectId)))
    .orderBy(desc(readinessAssessments.createdAt), desc(readinessAssessments.id));
}

/** The assessments sent to the customer on the projects of an account (the portal shows them to its contacts). */
export function accountSentAssessments(db: Db, workspaceId: string, accountId: string) {
  return assessments(db)
    .where(
      and(
        eq(readinessAssessments.workspaceId, workspaceId),
        eq(projects.accountId, accountId),
        sql`${readinessAssessments.sentAt} is not null`,
      ),
    )
    .orderBy(desc(readinessAssessments.sentAt));
}

export async function latestSubmittedVerdict(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select({ verdict: readinessAssessments.verdict, overall: readinessAssessments.overall })
    .from(readinessAssessments)
    .where(
      and(
        eq(readinessAssessments.workspaceId, workspaceId),
        eq(readinessAssessments.projectId, projectId),
        eq(readinessAssessments.state, 'submitted'),
      ),
    )
    .orderBy(desc(readinessAssessments.submittedAt), desc(readinessAssessments.createdAt))
    .limit(1);
  return row;
}

export async function countOpenAssessments(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(readinessAssessments)
    .where(
      and(
        eq(readinessAssessments.workspaceId, workspaceId),
        eq(readinessAssessments.projectId, projectId),
        ne(readinessAssessments.state, 'submitted'),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function insertAssessment(db: Db, values: typeof readinessAssessments.$inferInsert) {
  const [row] = await db.insert(readinessAssessments).values(values).returning({ id: readinessAssessments.id });
  return row!.id;
}

export async function updateAssessment(db: Db, workspaceId: string, assessmentId: string, values: Partial<typeof readinessAssessments.$inferInsert>) {
  await db
    .update(readinessAssessments)
    .set(values)
    .where(and(eq(readinessAssessments.workspaceId, workspaceId), eq(readinessAssessments.id, assessmentId)));
}

export async function deleteAssessment(db: Db, workspaceId: string, assessmentId: string) {
  await db.delete(readinessAssessments).where(and(eq(readinessAssessments.workspaceId, workspaceId), eq(readinessAssessments.id, assessmentId)));
}

// ---- Gate overrides and risks ----

export async function findOverride(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select()
    .from(readinessGateOverrides)
    .where(and(eq(readinessGateOverrides.workspaceId, workspaceId), eq(readinessGateOverrides.projectId, projectId)));
  return row;
}

export async function saveOverride(db: Db, values: typeof readinessGateOverrides.$inferInsert) {
  await db
    .insert(readinessGateOverrides)
    .values(values)
    .onConflictDoUpdate({
      target: [readinessGateOverrides.workspaceId, readinessGateOverrides.projectId],
      set: { reason: values.reason, byMemberId: values.byMemberId, byName: values.byName, createdAt: values.createdAt },
    });
}

export async function findOpenRisk(db: Db, workspaceId: string, projectId: string, kind: string) {
  const [row] = await db
    .select()
    .from(projectRisks)
    .where(
      and(
        eq(projectRisks.workspaceId, workspaceId),
        eq(projectRisks.projectId, projectId),
        eq(projectRisks.kind, kind),
        isNull(projectRisks.resolvedAt),
      ),
    );
  return row;
}

export async function findRisk(db: Db, workspaceId: string, riskId: string) {
  const [row] = await db
    .select()
    .from(projectRisks)
    .where(and(eq(projectRisks.workspaceId, workspaceId), eq(projectRisks.id, riskId)));
  return row;
}

export async function insertRisk(db: Db, values: typeof projectRisks.$inferInsert) {
  await db.insert(projectRisks).values(values);
}

export async function updateRisk(db: Db, workspaceId: string, riskId: string, values: Partial<typeof projectRisks.$inferInsert>) {
  await db
    .update(projectRisks)
    .set(values)
    .where(and(eq(projectRisks.workspaceId, workspaceId), eq(projectRisks.id, riskId)));
}
