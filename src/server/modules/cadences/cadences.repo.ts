// SQL for cadences: definitions, which project follows which, the events steps wait for, and what the planner reads.
import { and, asc, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { CadenceStep, WelcomeTiming } from '../../../core/cadences/types.ts';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  cadenceEvents,
  cadenceSettings,
  cadences,
  contacts,
  members,
  outbox,
  projectCadences,
  projectEvents,
  projects,
  projectTasks,
  workspaces,
} from '../../db/schema.ts';

export type CadenceRow = typeof cadences.$inferSelect & { steps: CadenceStep[] };

export async function listCadences(db: Db, workspaceId: string, includeArchived = false) {
  const rows = await db
    .select()
    .from(cadences)
    .where(and(eq(cadences.workspaceId, workspaceId), includeArchived ? undefined : isNull(cadences.archivedAt)))
    .orderBy(asc(cadences.name));
  return rows as CadenceRow[];
}

export async function findCadence(db: Db, workspaceId: string, cadenceId: string) {
  const [row] = await db.select().from(cadences).where(and(eq(cadences.workspaceId, workspaceId), eq(cadences.id, cadenceId)));
  return row as CadenceRow | undefined;
}

export type CadenceValues = Pick<typeof cadences.$inferInsert, 'name' | 'description' | 'touchModels' | 'products' | 'steps' | 'builtinKey'>;

export async function insertCadence(db: Db, workspaceId: string, values: CadenceValues, now: Date) {
  const [row] = await db
    .insert(cadences)
    .values({ workspaceId, ...values, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: cadences.id });
  return row?.id;
}

export async function updateCadence(
  db: Db,
  workspaceId: string,
  cadenceId: string,
  values: Partial<CadenceValues> & { archivedAt?: Date | null; pausedAt?: Date | null },
  now: Date,
) {
  const rows = await db
    .update(cadences)
    .set({ ...values, updatedAt: now })
    .where(and(eq(cadences.workspaceId, workspaceId), eq(cadences.id, cadenceId)))
    .returning({ id: cadences.id });
  return rows.length > 0;
}

export async function welcomeTimingOf(db: Db, workspaceId: string): Promise<WelcomeTiming> {
  const [row] = await db.select({ welcomeTiming: cadenceSettings.welcomeTiming }).from(cadenceSettings).where(eq(cadenceSettings.workspaceId, workspaceId));
  return (row?.welcomeTiming as WelcomeTiming | undefined) ?? 'at_once';
}

export async function saveWelcomeTiming(db: Db, workspaceId: string, welcomeTiming: WelcomeTiming, now: Date) {
  await db
    .insert(cadenceSettings)
    .values({ workspaceId, welcomeTiming, updatedAt: now })
    .onConflictDoUpdate({ target: cadenceSettings.workspaceId, set: { welcomeTiming, updatedAt: now } });
}

export async function hasBuiltins(db: Db, workspaceId: string) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(cadences)
    .where(and(eq(cadences.workspaceId, workspaceId), sql`${cadences.builtinKey} is not null`));
  return (row?.count ?? 0) > 0;
}

// ---- a project's cadence ----

export async function findAttachment(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select()
    .from(projectCadences)
    .where(and(eq(projectCadences.workspaceId, workspaceId), eq(projectCadences.projectId, projectId)));
  return row;
}

export async function attach(db: Db, workspaceId: string, projectId: string, cadenceId: string, now: Date) {
  await db
    .insert(projectCadences)
    .values({ workspaceId, projectId, cadenceId, attachedAt: now, nextRunAt: now })
    .onConflictDoUpdate({
      target: [projectCadences.workspaceId, projectCadences.projectId],
      set: { cadenceId, attachedAt: now, nextRunAt: now },
    });
}

export async function detach(db: Db, workspaceId: string, projectId: string) {
  await db.delete(projectCadences).where(and(eq(projectCadences.workspaceId, workspaceId), eq(projectCadences.projectId, projectId)));
}

/** Asks the planner to look at a project now (something it waits for happened). */
export async function wakeUp(db: Db, workspaceId: string, projectId: string, now: Date) {
  await db
    .update(projectCadences)
    .set({ nextRunAt: now })
    .where(and(eq(projectCadences.workspaceId, workspaceId), eq(projectCadences.projectId, projectId)));
}

/** Projects whose cadence has something due (any workspace: the planner runs for all). */
export function dueAttachments(db: Db, now: Date, limit: number) {
  return db
    .select({ workspaceId: projectCadences.workspaceId, projectId: projectCadences.projectId })
    .from(projectCadences)
    .innerJoin(cadences, and(eq(cadences.workspaceId, projectCadences.workspaceId), eq(cadences.id, projectCadences.cadenceId)))
    .where(and(lte(projectCadences.nextRunAt, now), isNull(cadences.pausedAt)))
    .orderBy(asc(projectCadences.nextRunAt))
    .limit(limit);
}

/** Takes one due project for this process; another process already on it is skipped, not waited for. */
export async function claimAttachment(db: Db, workspaceId: string, projectId: string, now: Date) {
  const result = await db.execute(sql`
    select pc.workspace_id, pc.project_id, pc.cadence_id, pc.attached_at from project_cadences pc
     where pc.workspace_id = ${workspaceId} and pc.project_id = ${projectId} and pc.next_run_at <= ${now.toISOString()}::timestamptz
       and not exists (select 1 from cadences c where c.workspace_id = pc.workspace_id and c.id = pc.cadence_id and c.paused_at is not null)
     for update of pc skip locked`);
  const row = (result as unknown as { rows: { cadence_id: string; attached_at: string | Date }[] }).rows[0];
  return row ? { cadenceId: row.cadence_id, attachedAt: new Date(row.attached_at) } : undefined;
}

export async function setNextRun(db: Db, workspaceId: string, projectId: string, nextRunAt: Date | null, now: Date) {
  await db
    .update(projectCadences)
    .set({ nextRunAt, lastRunAt: now })
    .where(and(eq(projectCadences.workspaceId, workspaceId), eq(projectCadences.projectId, projectId)));
}

// ---- events ----

export async function insertEvent(db: Db, values: typeof cadenceEvents.$inferInsert) {
  await db.insert(cadenceEvents).values(values);
}

export function listEvents(db: Db, workspaceId: string, projectId: string) {
  return db
    .select()
    .from(cadenceEvents)
    .where(and(eq(cadenceEvents.workspaceId, workspaceId), eq(cadenceEvents.projectId, projectId)));
}

/** Active projects of an account that follow a cadence (a contact added there may be welcomed). */
export function attachedProjectsOfAccount(db: Db, workspaceId: string, accountId: string) {
  return db
    .select({ projectId: projects.id })
    .from(projects)
    .innerJoin(projectCadences, and(eq(projectCadences.workspaceId, projects.workspaceId), eq(projectCadences.projectId, projects.id)))
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.accountId, accountId), ne(projects.status, 'closed')));
}

/** attachedProjectsOfAccount for several accounts at once. */
export function attachedProjectsOfAccounts(db: Db, workspaceId: string, accountIds: string[]) {
  return db
    .select({ projectId: projects.id, accountId: projects.accountId })
    .from(projects)
    .innerJoin(projectCadences, and(eq(projectCadences.workspaceId, projects.workspaceId), eq(projectCadences.projectId, projects.id)))
    .where(and(eq(projects.workspaceId, workspaceId), inArray(projects.accountId, accountIds), ne(projects.status, 'closed')));
}

// ---- what the planner reads ----

export async function projectContext(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select({
      id: projects.id,
      name: projects.name,
      status: projects.status,
      day0: projects.day0,
      product: projects.product,
      accountId: projects.accountId,
      onboardingManagerId: projects.onboardingManagerId,
      createdAt: projects.createdAt,
      accountName: accounts.name,
      accountTimezone: accounts.timezone,
      accountProducts: accounts.products,
      touchModel: accounts.touchModel,
      workspaceTimezone: workspaces.timezone,
      workspaceName: workspaces.name,
      /** The account's onboarding manager, who speaks for a project that has none of its own. */
      accountManagerId: sql<string | null>`(select o.member_id from account_owners o where o.workspace_id = ${projects.workspaceId} and o.account_id = ${projects.accountId} and o.role = 'onboarding_manager')`,
    })
    .from(projects)
    .innerJoin(accounts, and(eq(accounts.workspaceId, projects.workspaceId), eq(accounts.id, projects.accountId)))
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, projectId)));
  return row;
}

export function accountContacts(db: Db, workspaceId: string, accountId: string) {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId)))
    .orderBy(asc(contacts.name));
}

export async function findContact(db: Db, workspaceId: string, contactId: string) {
  const [row] = await db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return row;
}

export function projectTasks_(db: Db, workspaceId: string, projectId: string) {
  return db
    .select({
      id: projectTasks.id,
      key: projectTasks.key,
      title: projectTasks.title,
      status: projectTasks.status,
      ownerSide: projectTasks.ownerSide,
      milestoneKind: projectTasks.milestoneKind,
      projectedFinish: projectTasks.projectedFinish,
      customerVisible: projectTasks.customerVisible,
      position: projectTasks.position,
    })
    .from(projectTasks)
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.projectId, projectId)))
    .orderBy(asc(projectTasks.projectedFinish), asc(projectTasks.position));
}

/** The project's last activity by people (Landfall's own re-planning does not count). */
export async function lastActivity(db: Db, workspaceId: string, projectId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: projectEvents.createdAt })
    .from(projectEvents)
    .where(and(eq(projectEvents.workspaceId, workspaceId), eq(projectEvents.projectId, projectId), ne(projectEvents.kind, 'projected')))
    .orderBy(desc(projectEvents.createdAt))
    .limit(1);
  return row?.at;
}

export async function existingMessageKeys(db: Db, workspaceId: string, projectId: string) {
  const rows = await db
    .select({ stepId: outbox.stepId, contactId: outbox.contactId, occurrence: outbox.occurrence })
    .from(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.projectId, projectId), sql`${outbox.stepId} is not null`));
  return rows;
}

export async function findMemberBrief(db: Db, workspaceId: string, memberId: string | null) {
  if (!memberId) return undefined;
  const [row] = await db
    .select({ id: members.id, name: members.name, email: members.email, role: members.role })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId)));
  return row;
}

/** Projects of an account with a cadence (for a contact's timeline). */
export function attachmentsOfAccount(db: Db, workspaceId: string, accountId: string) {
  return db
    .select({ projectId: projectCadences.projectId, cadenceId: projectCadences.cadenceId, attachedAt: projectCadences.attachedAt })
    .from(projectCadences)
    .innerJoin(projects, and(eq(projects.workspaceId, projectCadences.workspaceId), eq(projects.id, projectCadences.projectId)))
    .where(and(eq(projectCadences.workspaceId, workspaceId), eq(projects.accountId, accountId)));
}

/**
 * This week's digest to a contact from another project of theirs (the same step, not suppressed): the one their
 * projects' digests merge into. The week is the one of `from` to `until` in the recipient's timezone.
 */
export async function digestOfOtherProject(db: Db, workspaceId: string, where: { contactId: string; stepId: string; projectId: string; from: Date; until: Date }) {
  const [row] = await db
    .select({ projectName: projects.name })
    .from(outbox)
    .innerJoin(projects, and(eq(projects.workspaceId, outbox.workspaceId), eq(projects.id, outbox.projectId)))
    .where(
      and(
        eq(outbox.workspaceId, workspaceId),
        eq(outbox.contactId, where.contactId),
        eq(outbox.stepId, where.stepId),
        ne(outbox.projectId, where.projectId),
        ne(outbox.state, 'suppressed'),
        sql`${outbox.dueAt} >= ${where.from.toISOString()}::timestamptz and ${outbox.dueAt} < ${where.until.toISOString()}::timestamptz`,
      ),
    )
    .limit(1);
  return row;
}

/** Scheduled messages of a project's cadence: suppressed when the project changes cadence. */
export async function suppressScheduledOfProject(db: Db, workspaceId: string, projectId: string, reason: string, now: Date) {
  await db
    .update(outbox)
    .set({ state: 'suppressed', reason, updatedAt: now })
    .where(
      and(eq(outbox.workspaceId, workspaceId), eq(outbox.projectId, projectId), eq(outbox.state, 'scheduled'), sql`${outbox.stepId} is not null`),
    );
}

/** A resumed cadence's projects are planned at once (what fell due while paused is decided then). */
export async function wakeProjectsOf(db: Db, workspaceId: string, cadenceId: string, now: Date) {
  await db
    .update(projectCadences)
    .set({ nextRunAt: now })
    .where(and(eq(projectCadences.workspaceId, workspaceId), eq(projectCadences.cadenceId, cadenceId)));
}

/** What each step's messages became, counted in the outbox (bounces as the bounce handler recorded them). */
export async function stepStats(db: Db, workspaceId: string, cadenceId: string) {
  const result = await db.execute(sql`
    select m.step_id,
           count(*) filter (where m.state = 'sent')::int as sent,
           count(*) filter (where m.state in ('scheduled', 'sending'))::int as scheduled,
           count(*) filter (where m.state = 'failed')::int as failed,
           count(*) filter (where m.state = 'bounced' or exists (select 1 from mail_bounces b where b.workspace_id = m.workspace_id and b.outbox_id = m.id))::int as bounced
      from mail_outbox m
     where m.workspace_id = ${workspaceId} and m.cadence_id = ${cadenceId} and m.step_id is not null
     group by m.step_id`);
  return (result as unknown as { rows: { step_id: string; sent: number; scheduled: number; failed: number; bounced: number }[] }).rows;
}
