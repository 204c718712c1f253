// User onboarding journeys: their definitions, who is on one, the events their steps wait for, and what the
// account's onboarding view reads (contacts, guides, enrolments, certificates). SQL only.
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { PlanStep } from '../../../core/cadences/types.ts';
import type { Db } from '../../db/client.ts';
import { contactJourneys, contacts, journeyEvents, journeys, outbox } from '../../db/schema.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export type JourneyRow = typeof journeys.$inferSelect & { steps: PlanStep[] };
export type ContactJourneyRow = typeof contactJourneys.$inferSelect;
export type JourneyValues = Pick<typeof journeys.$inferInsert, 'name' | 'description' | 'roles' | 'products' | 'stallDays' | 'steps' | 'builtinKey'>;

// ---- definitions ----

export async function listJourneys(db: Db, workspaceId: string, includeArchived = false) {
  const where = includeArchived ? eq(journeys.workspaceId, workspaceId) : and(eq(journeys.workspaceId, workspaceId), isNull(journeys.archivedAt));
  return (await db.select().from(journeys).where(where).orderBy(asc(journeys.createdAt), asc(journeys.name))) as JourneyRow[];
}

export async function findJourney(db: Db, workspaceId: string, journeyId: string) {
  const [row] = await db.select().from(journeys).where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)));
  return row as JourneyRow | undefined;
}

export async function hasBuiltins(db: Db, workspaceId: string) {
  const [row] = await db.select({ id: journeys.id }).from(journeys).where(and(eq(journeys.workspaceId, workspaceId), sql`${journeys.builtinKey} is not null`)).limit(1);
  return row !== undefined;
}

export async function insertJourney(db: Db, workspaceId: string, values: JourneyValues, now: Date) {
  const [row] = await db
    .insert(journeys)
    .values({ ...values, workspaceId, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: journeys.id });
  return row?.id;
}

export async function updateJourney(db: Db, workspaceId: string, journeyId: string, values: Partial<JourneyValues> & { pausedAt?: Date | null; archivedAt?: Date | null }, now: Date) {
  const [row] = await db
    .update(journeys)
    .set({ ...values, updatedAt: now })
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)))
    .returning({ id: journeys.id });
  return row !== undefined;
}

// ---- people on journeys ----

export function insertContactJourneys(db: Db, values: (typeof contactJourneys.$inferInsert)[]) {
  if (values.length === 0) return Promise.resolve([]);
  return db.insert(contactJourneys).values(values).returning();
}

export async function runningJourneyOf(db: Db, workspaceId: string, contactId: string) {
  return (await runningJourneysOf(db, workspaceId, [contactId])).get(contactId);
}

/** Each contact's running journey (the latest started), by contact. */
export async function runningJourneysOf(db: Db, workspaceId: string, contactIds: string[]) {
  const rows =
    contactIds.length === 0
      ? []
      : await db
          .selectDistinctOn([contactJourneys.contactId])
          .from(contactJourneys)
          .where(and(eq(contactJourneys.workspaceId, workspaceId), inArray(contactJourneys.contactId, contactIds), isNull(contactJourneys.endedAt), isNull(contactJourneys.completedAt)))
          .orderBy(contactJourneys.contactId, sql`${contactJourneys.startedAt} desc`);
  return new Map(rows.map((row) => [row.contactId, row]));
}

export function journeysOfContact(db: Db, workspaceId: string, contactId: string) {
  return db
    .select()
    .from(contactJourneys)
    .where(and(eq(contactJourneys.workspaceId, workspaceId), eq(contactJourneys.contactId, contactId)))
    .orderBy(asc(contactJourneys.startedAt));
}

export function journeysOfAccount(db: Db, workspaceId: string, accountId: string) {
  return db
    .select()
    .from(contactJourneys)
    .where(and(eq(contactJourneys.workspaceId, workspaceId), eq(contactJourneys.accountId, accountId)))
    .orderBy(asc(contactJourneys.startedAt));
}

/** Ends these journeys, each with its reason, in one statement. */
export async function endJourneys(db: Db, workspaceId: string, ended: { id: string; reason: string }[], now: Date) {
  if (ended.length === 0) return;
  await db.execute(sql`update ${contactJourneys} set ended_at = ${now}, ended_reason = e.reason, next_run_at = null
    from jsonb_to_recordset(${JSON.stringify(ended)}::jsonb) as e(id uuid, reason text)
    where ${contactJourneys.workspaceId} = ${workspaceId} and ${contactJourneys.id} = e.id`);
}

export async function wakeUp(db: Db, workspaceId: string, contactJourneyId: string, now: Date) {
  await db
    .update(contactJourneys)
    .set({ nextRunAt: now })
    .where(and(eq(contactJourneys.workspaceId, workspaceId), eq(contactJourneys.id, contactJourneyId), isNull(contactJourneys.endedAt)));
}

/** Every running journey on this definition looks again now (a journey resumed or edited). */
export async function wakeUpJourney(db: Db, workspaceId: string, journeyId: string, now: Date) {
  await db
    .update(contactJourneys)
    .set({ nextRunAt: now })
    .where(and(eq(contactJourneys.workspaceId, workspaceId), eq(contactJourneys.journeyId, journeyId), isNull(contactJourneys.endedAt), isNull(contactJourneys.completedAt)));
}

export function dueJourneys(db: Db, now: Date, limit: number) {
  return db
    .select({ workspaceId: contactJourneys.workspaceId, id: contactJourneys.id })
    .from(contactJourneys)
    .where(lte(contactJourneys.nextRunAt, now))
    .orderBy(asc(contactJourneys.nextRunAt))
    .limit(limit);
}

/** Takes one due journey for this process; another process already on it is skipped, not waited for. */
export async function claimJourney(db: Db, workspaceId: string, id: string, now: Date) {
  const result = await db.execute(sql`
    select id from contact_journeys
     where workspace_id = ${workspaceId} and id = ${id} and next_run_at <= ${now.toISOString()}::timestamptz and ended_at is null
     for update skip locked`);
  if (rowsOf(result).length === 0) return undefined;
  const [row] = await db.select().from(contactJourneys).where(and(eq(contactJourneys.workspaceId, workspaceId), eq(contactJourneys.id, id)));
  return row;
}

export async function setNextRun(db: Db, workspaceId: string, id: string, nextRunAt: Date | null, completedAt: Date | null, now: Date) {
  await db
    .update(contactJourneys)
    .set({ nextRunAt, lastRunAt: now, ...(completedAt ? { completedAt } : {}) })
    .where(and(eq(contactJourneys.workspaceId, workspaceId), eq(contactJourneys.id, id)));
}

// ---- events ----

export async function insertEvent(db: Db, values: typeof journeyEvents.$inferInsert) {
  const rows = await db.insert(journeyEvents).values(values).onConflictDoNothing().returning({ id: journeyEvents.id });
  return rows.length > 0;
}

export function eventsOf(db: Db, workspaceId: string, contactJourneyId: string) {
  return db
    .select()
    .from(journeyEvents)
    .where(and(eq(journeyEvents.workspaceId, workspaceId), eq(journeyEvents.contactJourneyId, contactJourneyId)));
}

/** The steps of this journey already in the outbox (any state), keyed like the planner's. */
export function existingMessages(db: Db, workspaceId: string, contactJourneyId: string) {
  return db
    .select({ stepId: outbox.stepId, contactId: outbox.contactId, occurrence: outbox.occurrence, state: outbox.state, sendAfter: outbox.sendAfter, reason: outbox.reason })
    .from(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), sql`${outbox.dedupeKey} like ${`journey:${contactJourneyId}:%`}`));
}

// ---- the account and its people ----

export interface AccountFacts {
  id: string;
  name: string;
  products: string[];
  timezone: string;
  workspace_timezone: string;
  workspace_name: string;
  csm_id: string | null;
  manager_id: string | null;
  /** The account is a customer already: a project closed, or a go-live reached. */
  is_customer: boolean;
  latest_project_id: string | null;
}

export async function accountFacts(db: Db, workspaceId: string, accountId: string) {
  return (await accountFactsOf(db, workspaceId, [accountId])).get(accountId);
}

/** accountFacts of many accounts, by account. */
export async function accountFactsOf(db: Db, workspaceId: string, accountIds: string[]) {
  if (accountIds.length === 0) return new Map<string, AccountFacts>();
  const result = await db.execute(sql`
    select a.id, a.name, a.products, a.timezone, w.timezone as workspace_timezone, w.name as workspace_name,
           (select o.member_id from account_owners o where o.workspace_id = a.workspace_id and o.account_id = a.id and o.role = 'csm') as csm_id,
           (select o.member_id from account_owners o where o.workspace_id = a.workspace_id and o.account_id = a.id and o.role = 'onboarding_manager') as manager_id,
           exists (select 1 from projects p where p.workspace_id = a.workspace_id and p.account_id = a.id
                    and (p.status = 'closed' or exists (select 1 from project_tasks t where t.workspace_id = p.workspace_id and t.project_id = p.id
                                                           and t.milestone_kind = 'go_live' and t.status = 'done'))) as is_customer,
           (select p.id from projects p where p.workspace_id = a.workspace_id and p.account_id = a.id order by p.created_at desc limit 1) as latest_project_id
      from accounts a join workspaces w on w.id = a.workspace_id
     where a.workspace_id = ${workspaceId} and a.id = any(${sql.param(accountIds)}::uuid[])`);
  return new Map(rowsOf<AccountFacts>(result).map((row) => [row.id, row]));
}

export async function findContact(db: Db, workspaceId: string, contactId: string) {
  return (await findContacts(db, workspaceId, [contactId])).get(contactId);
}

export async function findContacts(db: Db, workspaceId: string, contactIds: string[]) {
  const rows = contactIds.length === 0 ? [] : await db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Sets each contact's guide (or none), in one statement. */
export async function setGuides(db: Db, workspaceId: string, guides: { contactId: string; guideId: string | null }[]) {
  if (guides.length === 0) return;
  await db.execute(sql`update ${contacts} set guide_contact_id = g.guide_id
    from jsonb_to_recordset(${JSON.stringify(guides.map((g) => ({ contact_id: g.contactId, guide_id: g.guideId })))}::jsonb) as g(contact_id uuid, guide_id uuid)
    where ${contacts.workspaceId} = ${workspaceId} and ${contacts.id} = g.contact_id`);
}

export interface SuperUserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  certificate_expires_on: string | null;
  certified: boolean;
  trainees: number;
}

/**
 * The account's super-users: current contacts with the role, or with a certificate still valid on `today`
 * (the academy's certified super-users), with their latest expiry and how many current people they guide.
 */
export async function superUsers(db: Db, workspaceId: string, accountId: string, today: string) {
  return (await superUsersOf(db, workspaceId, [accountId], today)).get(accountId) ?? [];
}

/** superUsers of many accounts, by account. */
export async function superUsersOf(db: Db, workspaceId: string, accountIds: string[], today: string) {
  const byAccount = new Map<string, SuperUserRow[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return byAccount;
  const result = await db.execute(sql`
    select c.id, c.account_id, c.name, c.email, c.role,
           (select max(k.expires_on)::text from academy_certificates k
             where k.workspace_id = c.workspace_id and k.contact_id = c.id and (k.expires_on is null or k.expires_on >= ${today}::date)) as certificate_expires_on,
           exists (select 1 from academy_certificates k where k.workspace_id = c.workspace_id and k.contact_id = c.id
                    and (k.expires_on is null or k.expires_on >= ${today}::date)) as certified,
           (select count(*)::int from contacts t where t.workspace_id = c.workspace_id and t.guide_contact_id = c.id and t.left_on is null) as trainees
      from contacts c
     where c.workspace_id = ${workspaceId} and c.account_id = any(${sql.param(accountIds)}::uuid[]) and c.left_on is null
       and (c.role = 'super_user' or exists (select 1 from academy_certificates k where k.workspace_id = c.workspace_id and k.contact_id = c.id
                                              and (k.expires_on is null or k.expires_on >= ${today}::date)))
     order by c.name`);
  for (const { account_id, ...row } of rowsOf<SuperUserRow & { account_id: string }>(result)) byAccount.get(account_id)?.push(row);
  return byAccount;
}

export interface EnrolmentBrief {
  id: string;
  contact_id: string;
  path_id: string;
  path_title: string;
  status: string;
  enrolled_at: string | Date;
  completed_at: string | Date | null;
  last_activity: string | Date;
}

/** The enrolments of an account's (or one contact's) people, with the last progress in each. */
export async function enrolmentsOf(db: Db, workspaceId: string, filter: { accountId?: string; contactId?: string }) {
  const result = await db.execute(sql`
    select e.id, e.contact_id, e.path_id, coalesce(v.title, '') as path_title, e.status, e.enrolled_at, e.completed_at,
           greatest(e.enrolled_at, coalesce((select max(p.updated_at) from academy_lesson_progress p
                                              where p.workspace_id = e.workspace_id and p.contact_id = e.contact_id), e.enrolled_at)) as last_activity
      from academy_enrolments e
      left join academy_path_versions v on v.workspace_id = e.workspace_id and v.path_id = e.path_id and v.version = e.path_version
     where e.workspace_id = ${workspaceId}
       ${filter.accountId ? sql`and e.account_id = ${filter.accountId}` : sql``}
       ${filter.contactId ? sql`and e.contact_id = ${filter.contactId}` : sql``}
     order by e.enrolled_at`);
  return rowsOf<EnrolmentBrief>(result);
}

/** Running journeys whose person has an active enrolment with no progress for the journey's stall days, and no stall recorded yet. */
export async function stalledJourneys(db: Db, now: Date, limit: number) {
  const result = await db.execute(sql`
    select cj.workspace_id, cj.id as contact_journey_id, e.id as enrolment_id
      from contact_journeys cj
      join journeys j on j.workspace_id = cj.workspace_id and j.id = cj.journey_id
      join academy_enrolments e on e.workspace_id = cj.workspace_id and e.contact_id = cj.contact_id and e.status = 'active'
     where cj.ended_at is null and cj.completed_at is null
       and not exists (select 1 from journey_events je where je.workspace_id = cj.workspace_id and je.contact_journey_id = cj.id and je.kind = 'path_stalled')
       and greatest(e.enrolled_at, coalesce((select max(p.updated_at) from academy_lesson_progress p
                                              where p.workspace_id = e.workspace_id and p.contact_id = e.contact_id), e.enrolled_at))
           < ${now.toISOString()}::timestamptz - make_interval(days => j.stall_days)
     limit ${limit}`);
  return rowsOf<{ workspace_id: string; contact_journey_id: string; enrolment_id: string }>(result);
}

/** How many people are on each journey now. */
export async function runningCounts(db: Db, workspaceId: string) {
  const result = await db.execute(sql`
    select journey_id, count(*)::int as n from contact_journeys
     where workspace_id = ${workspaceId} and ended_at is null and completed_at is null group by journey_id`);
  return new Map(rowsOf<{ journey_id: string; n: number }>(result).map((row) => [row.journey_id, row.n]));
}

/** Current contacts guided by these people, with their guide, in a stable order (guide as given, then id). */
export async function traineesOf(db: Db, workspaceId: string, guideContactIds: string[]) {
  if (guideContactIds.length === 0) return [];
  const rows = await db
    .select({ id: contacts.id, accountId: contacts.accountId, guideId: sql<string>`${contacts.guideContactId}` })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.guideContactId, guideContactIds), isNull(contacts.leftOn)))
    .orderBy(asc(contacts.id));
  const order = new Map(guideContactIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.guideId)! - order.get(b.guideId)!);
}
