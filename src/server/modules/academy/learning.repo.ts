// What learners did: lesson progress, xAPI statements, certificates and feedback. SQL only.
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { academyCertificates, academyFeedback, academyLessonProgress, academyStatements, contacts } from '../../db/schema.ts';

export type ProgressRow = typeof academyLessonProgress.$inferSelect;
export type CertificateRow = typeof academyCertificates.$inferSelect;

export function progressOf(db: Db, workspaceId: string, contactIds: string[], lessonIds: string[]) {
  if (contactIds.length === 0 || lessonIds.length === 0) return Promise.resolve([] as ProgressRow[]);
  return db
    .select()
    .from(academyLessonProgress)
    .where(and(eq(academyLessonProgress.workspaceId, workspaceId), inArray(academyLessonProgress.contactId, contactIds), inArray(academyLessonProgress.lessonId, lessonIds)));
}

export async function findProgress(db: Db, workspaceId: string, contactId: string, lessonId: string) {
  const [row] = await db
    .select()
    .from(academyLessonProgress)
    .where(and(eq(academyLessonProgress.workspaceId, workspaceId), eq(academyLessonProgress.contactId, contactId), eq(academyLessonProgress.lessonId, lessonId)))
    .for('update');
  return row;
}

export async function saveProgress(db: Db, values: typeof academyLessonProgress.$inferInsert) {
  await db
    .insert(academyLessonProgress)
    .values(values)
    .onConflictDoUpdate({
      target: [academyLessonProgress.workspaceId, academyLessonProgress.contactId, academyLessonProgress.lessonId],
      set: {
        status: values.status,
        score: values.score,
        attempts: values.attempts,
        location: values.location,
        suspendData: values.suspendData,
        sessionSeconds: values.sessionSeconds,
        cmi: values.cmi,
        updatedAt: values.updatedAt,
        completedAt: values.completedAt,
      },
    });
}

export async function insertStatement(db: Db, values: typeof academyStatements.$inferInsert) {
  await db.insert(academyStatements).values(values);
}

export function statements(db: Db, workspaceId: string, filter: { since?: Date | undefined; contactId?: string | undefined; courseId?: string | undefined }, limit: number) {
  return db
    .select({ statement: academyStatements.statement })
    .from(academyStatements)
    .where(
      and(
        eq(academyStatements.workspaceId, workspaceId),
        filter.since ? gte(academyStatements.stored, filter.since) : undefined,
        filter.contactId ? eq(academyStatements.contactId, filter.contactId) : undefined,
        filter.courseId ? eq(academyStatements.courseId, filter.courseId) : undefined,
      ),
    )
    .orderBy(asc(academyStatements.stored), asc(academyStatements.id))
    .limit(limit);
}

export async function insertCertificate(db: Db, values: typeof academyCertificates.$inferInsert) {
  const [row] = await db.insert(academyCertificates).values(values).onConflictDoNothing().returning();
  return row;
}

/** The newest certificate a contact holds for a path (a renewal runs on from it). */
export async function latestCertificate(db: Db, workspaceId: string, contactId: string, pathId: string) {
  const [row] = await db
    .select()
    .from(academyCertificates)
    .where(and(eq(academyCertificates.workspaceId, workspaceId), eq(academyCertificates.contactId, contactId), eq(academyCertificates.pathId, pathId)))
    .orderBy(desc(academyCertificates.issuedOn))
    .limit(1);
  return row;
}

/** Certificates with their holder's name, newest first (only the newest per contact and path). */
export function certificates(db: Db, workspaceId: string, filter: { accountId?: string | undefined; contactId?: string | undefined }) {
  return db
    .selectDistinctOn([academyCertificates.contactId, academyCertificates.pathId], { certificate: academyCertificates, contactName: contacts.name, leftOn: contacts.leftOn })
    .from(academyCertificates)
    .innerJoin(contacts, and(eq(contacts.workspaceId, academyCertificates.workspaceId), eq(contacts.id, academyCertificates.contactId)))
    .where(
      and(
        eq(academyCertificates.workspaceId, workspaceId),
        filter.accountId ? eq(academyCertificates.accountId, filter.accountId) : undefined,
        filter.contactId ? eq(academyCertificates.contactId, filter.contactId) : undefined,
      ),
    )
    .orderBy(academyCertificates.contactId, academyCertificates.pathId, desc(academyCertificates.issuedOn));
}

export async function saveFeedback(db: Db, values: typeof academyFeedback.$inferInsert) {
  await db
    .insert(academyFeedback)
    .values(values)
    .onConflictDoUpdate({ target: [academyFeedback.workspaceId, academyFeedback.contactId, academyFeedback.courseId], set: { rating: values.rating, comment: values.comment, createdAt: values.createdAt } });
}

export async function feedbackOf(db: Db, workspaceId: string, courseId: string) {
  const result = await db.execute(sql`select f.rating, f.comment, f.created_at, c.name as contact_name, a.name as account_name
      from academy_feedback f join contacts c on c.workspace_id = f.workspace_id and c.id = f.contact_id
      join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
     where f.workspace_id = ${workspaceId} and f.course_id = ${courseId} order by f.created_at desc limit 500`);
  return (result as unknown as { rows: { rating: number; comment: string; created_at: string | Date; contact_name: string; account_name: string }[] }).rows;
}

export async function hasFeedback(db: Db, workspaceId: string, contactId: string, courseId: string) {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(academyFeedback)
    .where(and(eq(academyFeedback.workspaceId, workspaceId), eq(academyFeedback.contactId, contactId), eq(academyFeedback.courseId, courseId)));
  return row !== undefined;
}

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Per course: learners who touched it, who completed every lesson, quiz attempts and passes, average rating. */
export async function courseRates(db: Db, workspaceId: string) {
  return rows<{ course_id: string; title: string; learners: number; completed: number; quiz_attempts: number; quiz_passes: number; average_rating: number | null }>(
    await db.execute(sql`with lesson_counts as (
        select course_id, count(*) as n from academy_lessons where workspace_id = ${workspaceId} group by course_id),
      per_learner as (
        select l.course_id, p.contact_id, count(*) filter (where p.status in ('completed', 'passed')) as done
          from academy_lesson_progress p join academy_lessons l on l.workspace_id = p.workspace_id and l.id = p.lesson_id
         where p.workspace_id = ${workspaceId} group by l.course_id, p.contact_id)
      select c.id as course_id, c.title,
             (select count(*)::int from per_learner pl where pl.course_id = c.id) as learners,
             (select count(*)::int from per_learner pl join lesson_counts lc on lc.course_id = pl.course_id where pl.course_id = c.id and pl.done >= lc.n) as completed,
             (select coalesce(sum(p.attempts), 0)::int from academy_lesson_progress p join academy_lessons l on l.workspace_id = p.workspace_id and l.id = p.lesson_id where l.course_id = c.id and l.kind = 'quiz') as quiz_attempts,
             (select count(*)::int from academy_lesson_progress p join academy_lessons l on l.workspace_id = p.workspace_id and l.id = p.lesson_id where l.course_id = c.id and l.kind = 'quiz' and p.status = 'passed') as quiz_passes,
             (select avg(f.rating)::float from academy_feedback f where f.workspace_id = c.workspace_id and f.course_id = c.id) as average_rating
        from academy_courses c where c.workspace_id = ${workspaceId} and c.archived_at is null order by c.title`),
  );
}

export async function pathRates(db: Db, workspaceId: string) {
  return rows<{ path_id: string; title: string; enrolled: number; completed: number }>(
    await db.execute(sql`select p.id as path_id, v.title, coalesce(n.enrolled, 0)::int as enrolled, coalesce(n.completed, 0)::int as completed
      from academy_paths p join academy_path_versions v on v.workspace_id = p.workspace_id and v.path_id = p.id and v.version = p.current_version
      left join (select path_id, count(*) filter (where status <> 'withdrawn') as enrolled, count(*) filter (where status = 'completed') as completed
                   from academy_enrolments where workspace_id = ${workspaceId} group by path_id) n on n.path_id = p.id
     where p.workspace_id = ${workspaceId} and p.archived_at is null order by v.title`),
  );
}

/** An account's current contacts, those who completed a course (trained), and those active in the last `since`. */
export async function accountLearning(db: Db, workspaceId: string, accountId: string, since: Date) {
  const [row] = rows<{ current_contacts: number; trained: number; active: number }>(
    await db.execute(sql`select count(*)::int as current_contacts,
        count(*) filter (where exists (select 1 from academy_statements s where s.workspace_id = c.workspace_id and s.contact_id = c.id and s.verb = 'completed' and s.course_id is not null and s.statement->'object'->'definition'->>'type' = 'http://adlnet.gov/expapi/activities/course'))::int as trained,
        count(*) filter (where exists (select 1 from academy_lesson_progress p where p.workspace_id = c.workspace_id and p.contact_id = c.id and p.updated_at >= ${since.toISOString()}::timestamptz))::int as active
      from contacts c where c.workspace_id = ${workspaceId} and c.account_id = ${accountId} and c.left_on is null`),
  );
  return row ?? { current_contacts: 0, trained: 0, active: 0 };
}

/** Certificates (newest per contact and path, holder still with the customer) expiring on one of these days, all workspaces. */
export async function certificatesExpiringOn(db: Db, days: string[]) {
  return rows<{ id: string; workspace_id: string; contact_id: string; path_id: string; title: string; expires_on: string; name: string; email: string }>(
    await db.execute(sql`select * from (
        select distinct on (k.workspace_id, k.contact_id, k.path_id) k.id, k.workspace_id, k.contact_id, k.path_id, k.title, k.expires_on::text as expires_on, c.name, c.email
          from academy_certificates k join contacts c on c.workspace_id = k.workspace_id and c.id = k.contact_id and c.left_on is null
         order by k.workspace_id, k.contact_id, k.path_id, k.issued_on desc) newest
      where expires_on in (${sql.join(days.map((d) => sql`${d}`), sql`, `)})`),
  );
}
