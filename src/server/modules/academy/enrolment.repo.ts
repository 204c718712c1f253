// Enrolments and the rules that make them. Rules are evaluated as one INSERT … SELECT over every contact (or the
// one contact that just joined): the audience test of core/academy/audience.ts written as SQL. A contact already
// enrolled in the path (running, completed or withdrawn) is not enrolled again by a rule.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { academyEnrolments, academyRules } from '../../db/schema.ts';

export type RuleRow = typeof academyRules.$inferSelect;
export type EnrolmentRow = typeof academyEnrolments.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface RuleScope {
  workspaceId: string;
  triggers: string[];
  ruleId?: string;
  contactId?: string;
  /** Several contacts at once (a CSV import's batch). */
  contactIds?: string[];
  accountId?: string;
  /** Only contacts who use this release (its product on their account and, if it names modules, one of them). */
  release?: { product: string; modules: string[] };
  milestoneKind?: string;
}

/** The scope's filters on rules r, contacts c (with their account's segment, products, stage as c.*). */
function scopeFilters(scope: RuleScope): SQL[] {
  const filters: SQL[] = [sql`r.workspace_id = ${scope.workspaceId}`, sql`r.active`, sql`r.trigger in (${sql.join(scope.triggers.map((t) => sql`${t}`), sql`, `)})`];
  if (scope.ruleId) filters.push(sql`r.id = ${scope.ruleId}`);
  if (scope.milestoneKind) filters.push(sql`(r.milestone_kind is null or r.milestone_kind = ${scope.milestoneKind})`);
  if (scope.release) {
    filters.push(sql`(r.release_product is null or r.release_product = ${scope.release.product})`);
    filters.push(sql`${scope.release.product} = any(c.products)`);
    if (scope.release.modules.length > 0) filters.push(sql`c.modules && ${toTextArray(scope.release.modules)}`);
  }
  return filters;
}

/** The current contacts in scope with the facts rules test (their account's too), as one relation c. */
function learners(scope: RuleScope) {
  return sql`(select c.workspace_id, c.id, c.account_id, c.role, c.modules, c.organization_id, a.segment, a.products, a.laer_stage
      from contacts c join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id and a.archived_at is null
     where c.workspace_id = ${scope.workspaceId} and c.left_on is null
       ${scope.contactId ? sql`and c.id = ${scope.contactId}` : sql``}
       ${scope.contactIds ? sql`and c.id = any(${`{${scope.contactIds.join(',')}}`}::uuid[])` : sql``}
       ${scope.accountId ? sql`and c.account_id = ${scope.accountId}` : sql``}
     offset 0) c`;
}

/** The audience test of core/academy/audience.ts on rule r and learner c (an empty facet matches everyone). */
const RULE_MATCHES = sql`(cardinality(r.roles) = 0 or c.role = any(r.roles))
       and (cardinality(r.segments) = 0 or c.segment = any(r.segments))
       and (cardinality(r.products) = 0 or c.products && r.products)
       and (cardinality(r.modules) = 0 or c.modules && r.modules)
       and (cardinality(r.organization_ids) = 0 or c.organization_id = any(r.organization_ids))
       and (cardinality(r.stages) = 0 or c.laer_stage = any(r.stages))`;

/**
 * Enrols every contact the rules in scope match and who has no enrolment in the rule's path yet (an anti-join:
 * only the rows that change are written). One statement: the contacts and their accounts are hash-joined once,
 * then tested against every rule in scope. Returns how many were enrolled.
 */
export async function enrolByRules(db: Db, scope: RuleScope, now: Date): Promise<number> {
  const result = await db.execute(sql`
    with enrolled as (
    insert into academy_enrolments (workspace_id, contact_id, account_id, path_id, path_version, status, rule_id, enrolled_by_name, enrolled_at)
    select distinct on (c.id, r.path_id) c.workspace_id, c.id, c.account_id, r.path_id, p.current_version, 'active', r.id, r.name, ${now.toISOString()}::timestamptz
      from ${learners(scope)}
      join academy_rules r on r.workspace_id = c.workspace_id
      join academy_paths p on p.workspace_id = r.workspace_id and p.id = r.path_id and p.archived_at is null
     where ${sql.join(scopeFilters(scope), sql` and `)}
       and ${RULE_MATCHES}
       and not exists (select 1 from academy_enrolments e where e.workspace_id = c.workspace_id and e.contact_id = c.id and e.path_id = r.path_id)
     order by c.id, r.path_id, r.created_at
    on conflict ${RUNNING_KEY} do nothing
    returning 1)
    select count(*)::int as n from enrolled`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/**
 * Withdraws (kept, with the reason) the running enrolments a rule made that its audience or path no longer matches
 * (`everyone`: all of them, the rule being deleted), unless the learner has started: any lesson progress on a course
 * of the path keeps the enrolment. Returns how many were withdrawn and how many stay because of progress.
 */
export async function withdrawUnmatched(db: Db, workspaceId: string, ruleId: string, reason: string, now: Date, everyone = false) {
  const stillMatched = everyone ? sql`false` : sql`exists (select 1 from academy_rules r,
        (select c.id, c.role, c.modules, c.organization_id, a.segment, a.products, a.laer_stage
           from contacts c join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id and a.archived_at is null
          where c.workspace_id = e.workspace_id and c.id = e.contact_id and c.left_on is null) c
      where r.workspace_id = e.workspace_id and r.id = e.rule_id and r.path_id = e.path_id and ${RULE_MATCHES})`;
  const started = sql`exists (select 1 from academy_path_versions v
        cross join lateral jsonb_array_elements(v.courses) k
        join academy_lessons l on l.workspace_id = v.workspace_id and l.course_id = (k->>'courseId')::uuid
        join academy_lesson_progress g on g.workspace_id = l.workspace_id and g.lesson_id = l.id and g.contact_id = e.contact_id
      where v.workspace_id = e.workspace_id and v.path_id = e.path_id and v.version = e.path_version)`;
  const [row] = rowsOf<{ withdrawn: number; kept: number }>(
    await db.execute(sql`
    with gone as (
      select e.id, ${started} as started from academy_enrolments e
       where e.workspace_id = ${workspaceId} and e.rule_id = ${ruleId} and e.status = 'active' and not ${stillMatched}),
    w as (
      update academy_enrolments e set status = 'withdrawn', withdrawn_at = ${now.toISOString()}::timestamptz, withdrawn_reason = ${reason}
        from gone where e.workspace_id = ${workspaceId} and e.id = gone.id and not gone.started
      returning 1)
    select (select count(*)::int from w) as withdrawn, (select count(*)::int from gone where started) as kept`),
  );
  return row ?? { withdrawn: 0, kept: 0 };
}

// The arbiter: only the one-running-enrolment-per-path index is checked before each row (not every unique index).
const RUNNING_KEY = sql.raw(`(workspace_id, contact_id, path_id) where status = 'active'`);

const toTextArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/** Enrols these contacts by hand (the current ones of the workspace; those already running the path are skipped). */
export async function enrolContacts(db: Db, workspaceId: string, pathId: string, version: number, contactIds: string[] | { accountId: string }, byName: string, now: Date) {
  const who = Array.isArray(contactIds) ? sql`c.id in (${sql.join(contactIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`c.account_id = ${contactIds.accountId}`;
  const result = await db.execute(sql`
    insert into academy_enrolments (workspace_id, contact_id, account_id, path_id, path_version, status, rule_id, enrolled_by_name, enrolled_at)
    select c.workspace_id, c.id, c.account_id, ${pathId}, ${version}, 'active', null, ${byName}, ${now.toISOString()}::timestamptz
      from contacts c where c.workspace_id = ${workspaceId} and c.left_on is null and ${who}
    on conflict ${RUNNING_KEY} do nothing
    returning 1`);
  return rowsOf(result).length;
}

/** Withdraws the contact's running enrolments (kept, with the reason). */
export async function withdrawContact(db: Db, workspaceId: string, contactId: string, reason: string, now: Date) {
  await db
    .update(academyEnrolments)
    .set({ status: 'withdrawn', withdrawnAt: now, withdrawnReason: reason })
    .where(and(eq(academyEnrolments.workspaceId, workspaceId), eq(academyEnrolments.contactId, contactId), eq(academyEnrolments.status, 'active')));
}

/** Deletes a contact's enrolments (the contact is being deleted; there is no foreign key to do it). */
export async function deleteEnrolmentsOf(db: Db, workspaceId: string, contactId: string) {
  await db.delete(academyEnrolments).where(and(eq(academyEnrolments.workspaceId, workspaceId), eq(academyEnrolments.contactId, contactId)));
}

/** Withdraws the running enrolments of several contacts at once. */
export async function withdrawContacts(db: Db, workspaceId: string, contactIds: string[], reason: string, now: Date) {
  if (contactIds.length === 0) return;
  await db
    .update(academyEnrolments)
    .set({ status: 'withdrawn', withdrawnAt: now, withdrawnReason: reason })
    .where(and(eq(academyEnrolments.workspaceId, workspaceId), inArray(academyEnrolments.contactId, contactIds), eq(academyEnrolments.status, 'active')));
}

export async function withdrawEnrolment(db: Db, workspaceId: string, enrolmentId: string, reason: string, now: Date) {
  const [row] = await db
    .update(academyEnrolments)
    .set({ status: 'withdrawn', withdrawnAt: now, withdrawnReason: reason })
    .where(and(eq(academyEnrolments.workspaceId, workspaceId), eq(academyEnrolments.id, enrolmentId), eq(academyEnrolments.status, 'active')))
    .returning();
  return row;
}

export async function findEnrolment(db: Db, workspaceId: string, enrolmentId: string) {
  const [row] = await db.select().from(academyEnrolments).where(and(eq(academyEnrolments.workspaceId, workspaceId), eq(academyEnrolments.id, enrolmentId)));
  return row;
}

export async function markCompleted(db: Db, workspaceId: string, enrolmentId: string, now: Date) {
  const [row] = await db
    .update(academyEnrolments)
    .set({ status: 'completed', completedAt: now })
    .where(and(eq(academyEnrolments.workspaceId, workspaceId), eq(academyEnrolments.id, enrolmentId), eq(academyEnrolments.status, 'active')))
    .returning();
  return row;
}

export async function markNudged(db: Db, workspaceId: string, enrolmentId: string, now: Date) {
  await db.update(academyEnrolments).set({ lastNudgedAt: now }).where(and(eq(academyEnrolments.workspaceId, workspaceId), eq(academyEnrolments.id, enrolmentId)));
}

/** A contact's enrolments (not withdrawn unless asked), newest first. */
export function enrolmentsOfContact(db: Db, workspaceId: string, contactId: string, includeWithdrawn = false) {
  return db
    .select()
    .from(academyEnrolments)
    .where(and(eq(academyEnrolments.workspaceId, workspaceId), eq(academyEnrolments.contactId, contactId), includeWithdrawn ? undefined : inArray(academyEnrolments.status, ['active', 'completed'])))
    .orderBy(desc(academyEnrolments.enrolledAt));
}

export interface EnrolmentFilter {
  accountId?: string | undefined;
  contactId?: string | undefined;
  pathId?: string | undefined;
  courseId?: string | undefined;
  status?: string | undefined;
}

const enrolmentWhere = (workspaceId: string, f: EnrolmentFilter) =>
  sql.join(
    [
      sql`e.workspace_id = ${workspaceId}`,
      // Through the account's contacts (the contact index), not a scan of every enrolment.
      ...(f.accountId ? [sql`e.contact_id in (select ac.id from contacts ac where ac.workspace_id = ${workspaceId} and ac.account_id = ${f.accountId})`, sql`e.account_id = ${f.accountId}`] : []),
      ...(f.contactId ? [sql`e.contact_id = ${f.contactId}`] : []),
      ...(f.pathId ? [sql`e.path_id = ${f.pathId}`] : []),
      ...(f.status ? [sql`e.status = ${f.status}`] : []),
      ...(f.courseId ? [sql`v.courses @> ${JSON.stringify([{ courseId: f.courseId }])}::jsonb`] : []),
    ],
    sql` and `,
  );

export interface EnrolmentListRow {
  id: string;
  contact_id: string;
  contact_name: string;
  account_id: string;
  account_name: string;
  path_id: string;
  path_title: string;
  path_version: number;
  status: string;
  rule_id: string | null;
  enrolled_by_name: string;
  enrolled_at: string | Date;
  completed_at: string | Date | null;
  withdrawn_at: string | Date | null;
  withdrawn_reason: string | null;
}

export async function listEnrolments(db: Db, workspaceId: string, f: EnrolmentFilter, limit: number, offset: number) {
  const from = sql`from academy_enrolments e
      join academy_path_versions v on v.workspace_id = e.workspace_id and v.path_id = e.path_id and v.version = e.path_version
      join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
      join accounts a on a.workspace_id = e.workspace_id and a.id = e.account_id
     where ${enrolmentWhere(workspaceId, f)}`;
  const rows = rowsOf<EnrolmentListRow>(
    await db.execute(sql`select e.id, e.contact_id, c.name as contact_name, e.account_id, a.name as account_name, e.path_id, v.title as path_title,
        e.path_version, e.status, e.rule_id, e.enrolled_by_name, e.enrolled_at, e.completed_at, e.withdrawn_at, e.withdrawn_reason
      ${from} order by e.enrolled_at desc, e.id limit ${limit} offset ${offset}`),
  );
  const [total] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n ${from}`));
  return { rows, total: total?.n ?? 0 };
}

// ---- rules ----

/** The workspace's rules with how many running or completed enrolments each made (one grouped count, not one per rule). */
export async function listRules(db: Db, workspaceId: string) {
  const rules = await db.select().from(academyRules).where(eq(academyRules.workspaceId, workspaceId)).orderBy(academyRules.name);
  const counts = new Map(
    rowsOf<{ rule_id: string; n: number }>(
      await db.execute(sql`select rule_id, count(*)::int as n from academy_enrolments where workspace_id = ${workspaceId} and rule_id is not null and status <> 'withdrawn' group by rule_id`),
    ).map((r) => [r.rule_id, r.n]),
  );
  return rules.map((rule) => ({ rule, enrolledCount: counts.get(rule.id) ?? 0 }));
}

export async function findRule(db: Db, workspaceId: string, ruleId: string) {
  const [row] = await db.select().from(academyRules).where(and(eq(academyRules.workspaceId, workspaceId), eq(academyRules.id, ruleId)));
  return row;
}

export async function insertRule(db: Db, values: typeof academyRules.$inferInsert) {
  const [row] = await db.insert(academyRules).values(values).returning();
  return row!;
}

export async function updateRule(db: Db, workspaceId: string, ruleId: string, values: Partial<typeof academyRules.$inferInsert>) {
  const [row] = await db.update(academyRules).set(values).where(and(eq(academyRules.workspaceId, workspaceId), eq(academyRules.id, ruleId))).returning();
  return row;
}

export async function deleteRule(db: Db, workspaceId: string, ruleId: string) {
  const rows = await db.delete(academyRules).where(and(eq(academyRules.workspaceId, workspaceId), eq(academyRules.id, ruleId))).returning({ id: academyRules.id });
  return rows.length > 0;
}

/** The project's account (a milestone enrols that account's contacts). */
export async function accountOfProject(db: Db, workspaceId: string, projectId: string) {
  const [row] = rowsOf<{ account_id: string }>(await db.execute(sql`select account_id from projects where workspace_id = ${workspaceId} and id = ${projectId}`));
  return row?.account_id;
}

/** Whether the contact is enrolled (running or completed) in a path whose version holds the course. */
export async function courseOpenTo(db: Db, workspaceId: string, contactId: string, courseId: string) {
  const result = await db.execute(sql`select 1 from academy_enrolments e
      join academy_path_versions v on v.workspace_id = e.workspace_id and v.path_id = e.path_id and v.version = e.path_version
     where e.workspace_id = ${workspaceId} and e.contact_id = ${contactId} and e.status in ('active', 'completed')
       and v.courses @> ${JSON.stringify([{ courseId }])}::jsonb limit 1`);
  return rowsOf(result).length > 0;
}

/** What rules and audiences test of one contact: their role and modules, their account's segment, products and stage. */
export async function learnerFacts(db: Db, workspaceId: string, contactId: string) {
  const [row] = rowsOf<{ role: string; modules: string[]; organization_id: string | null; left_on: string | null; segment: string; products: string[]; laer_stage: string }>(
    await db.execute(sql`select c.role, c.modules, c.organization_id, c.left_on, a.segment, a.products, a.laer_stage
      from contacts c join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id where c.workspace_id = ${workspaceId} and c.id = ${contactId}`),
  );
  return row;
}

export interface StuckRow {
  id: string;
  contact_id: string;
  contact_name: string;
  email: string;
  account_name: string;
  path_title: string;
  enrolled_at: string | Date;
  last_activity: string | Date;
  last_nudged_at: string | Date | null;
}

/** Running enrolments started more than `days` ago with no lesson progress since `days` ago (or ever). */
export async function stuck(db: Db, workspaceId: string, before: Date, accountId?: string) {
  return rowsOf<StuckRow>(
    await db.execute(sql`select e.id, e.contact_id, c.name as contact_name, c.email, a.name as account_name, v.title as path_title, e.enrolled_at, e.last_nudged_at,
        greatest(e.enrolled_at, (select max(p.updated_at) from academy_lesson_progress p where p.workspace_id = e.workspace_id and p.contact_id = e.contact_id)) as last_activity
      from academy_enrolments e
      join academy_path_versions v on v.workspace_id = e.workspace_id and v.path_id = e.path_id and v.version = e.path_version
      join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
      join accounts a on a.workspace_id = e.workspace_id and a.id = e.account_id
     where e.workspace_id = ${workspaceId} and e.status = 'active' and e.enrolled_at < ${before.toISOString()}::timestamptz
       ${accountId ? sql`and c.account_id = ${accountId}` : sql``}
       and not exists (select 1 from academy_lesson_progress p where p.workspace_id = e.workspace_id and p.contact_id = e.contact_id and p.updated_at >= ${before.toISOString()}::timestamptz)
     order by e.enrolled_at limit 500`),
  );
}

/** Enrols, in one statement, the current contacts who use a release (its product, one of its modules if it names any). */
export async function enrolReleaseAudience(db: Db, workspaceId: string, pathId: string, version: number, release: { product: string; modules: string[] }, byName: string, now: Date) {
  const result = await db.execute(sql`
    insert into academy_enrolments (workspace_id, contact_id, account_id, path_id, path_version, status, rule_id, enrolled_by_name, enrolled_at)
    select c.workspace_id, c.id, c.account_id, ${pathId}, ${version}, 'active', null, ${byName}, ${now.toISOString()}::timestamptz
      from contacts c join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
     where c.workspace_id = ${workspaceId} and c.left_on is null and a.archived_at is null and ${release.product} = any(a.products)
       ${release.modules.length > 0 ? sql`and c.modules && ${toTextArray(release.modules)}` : sql``}
    on conflict ${RUNNING_KEY} do nothing
    returning 1`);
  return rowsOf(result).length;
}
