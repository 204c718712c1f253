// SQL for reminders and escalation: the ladder setting, episodes of silence, actions taken, and what the job reads.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LadderStep } from '../../../core/escalation/ladder.ts';
import type { Db } from '../../db/client.ts';
import { accounts, escalationActions, escalationEpisodes, escalationSettings, members, outbox, projects, workspaces } from '../../db/schema.ts';

export type EpisodeRow = typeof escalationEpisodes.$inferSelect;

export async function findSettings(db: Db, workspaceId: string) {
  const [row] = await db.select().from(escalationSettings).where(eq(escalationSettings.workspaceId, workspaceId));
  return row ? { enabled: row.enabled, steps: row.steps as LadderStep[], vendorQuietDays: row.vendorQuietDays } : undefined;
}

export async function saveSettings(db: Db, workspaceId: string, values: { enabled: boolean; steps: LadderStep[]; vendorQuietDays: number }, now: Date) {
  await db
    .insert(escalationSettings)
    .values({ workspaceId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: escalationSettings.workspaceId, set: { ...values, updatedAt: now } });
}

/**
 * Accounts with something to look at: an active project with an open customer task due by `horizon` (a due
 * date is never before the baseline finish, so nothing later can be due), or a project with an open episode
 * of silence (it may have ended). Across workspaces: for the background job, not a request path.
 */
export async function accountsToReview(db: Db, horizon: string, limit: number) {
  const result = await db.execute(sql`
    select distinct p.workspace_id as "workspaceId", p.account_id as "accountId"
      from projects p
      left join escalation_settings s on s.workspace_id = p.workspace_id
     where (p.status = 'active' and coalesce(s.enabled, true) and exists (
              select 1 from project_tasks t
               where t.workspace_id = p.workspace_id and t.project_id = p.id and t.owner_side = 'customer'
                 and t.status not in ('done', 'skipped') and t.milestone_kind is null and t.customer_visible
                 and t.baseline_finish <= ${horizon}::date))
        or exists (select 1 from escalation_episodes e where e.workspace_id = p.workspace_id and e.project_id = p.id and e.ended_on is null)
     limit ${limit}`);
  return (result as unknown as { rows: { workspaceId: string; accountId: string }[] }).rows;
}

/** Takes the account for this transaction, or says another process has it (it is doing the same work). */
export async function tryLockAccount(db: Db, workspaceId: string, accountId: string): Promise<boolean> {
  const result = await db.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${`escalation:${workspaceId}:${accountId}`}, 11)) as locked`);
  return (result as unknown as { rows: { locked: boolean }[] }).rows[0]?.locked === true;
}

export async function findAccountBrief(db: Db, workspaceId: string, accountId: string) {
  const [row] = await db
    .select({ id: accounts.id, name: accounts.name, timezone: accounts.timezone, workspaceTimezone: workspaces.timezone, workspaceName: workspaces.name })
    .from(accounts)
    .innerJoin(workspaces, eq(workspaces.id, accounts.workspaceId))
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
  return row;
}

/** The account's projects that are not closed, with their onboarding manager. */
export function accountProjects(db: Db, workspaceId: string, accountId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      status: projects.status,
      day0: projects.day0,
      onboardingManagerId: projects.onboardingManagerId,
      managerName: members.name,
      managerEmail: members.email,
      managerRemovedAt: members.removedAt,
    })
    .from(projects)
    .leftJoin(members, and(eq(members.workspaceId, projects.workspaceId), eq(members.id, projects.onboardingManagerId)))
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.accountId, accountId)))
    .orderBy(asc(projects.day0), asc(projects.id));
}

export async function openEpisode(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select()
    .from(escalationEpisodes)
    .where(and(eq(escalationEpisodes.workspaceId, workspaceId), eq(escalationEpisodes.projectId, projectId), isNull(escalationEpisodes.endedOn)));
  return row;
}

export async function lastEpisode(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select()
    .from(escalationEpisodes)
    .where(and(eq(escalationEpisodes.workspaceId, workspaceId), eq(escalationEpisodes.projectId, projectId)))
    .orderBy(desc(escalationEpisodes.startedOn), desc(escalationEpisodes.createdAt))
    .limit(1);
  return row;
}

export async function startEpisode(db: Db, workspaceId: string, projectId: string, today: string, now: Date) {
  const [row] = await db
    .insert(escalationEpisodes)
    .values({ workspaceId, projectId, startedOn: today, createdAt: now })
    .returning();
  return row!;
}

export async function endEpisode(db: Db, workspaceId: string, episodeId: string, today: string, reason: string) {
  await db
    .update(escalationEpisodes)
    .set({ endedOn: today, endReason: reason })
    .where(and(eq(escalationEpisodes.workspaceId, workspaceId), eq(escalationEpisodes.id, episodeId)));
}

export async function flagStalled(db: Db, workspaceId: string, episodeId: string, today: string) {
  await db
    .update(escalationEpisodes)
    .set({ stalledSince: today })
    .where(and(eq(escalationEpisodes.workspaceId, workspaceId), eq(escalationEpisodes.id, episodeId), isNull(escalationEpisodes.stalledSince)));
}

/** Every action key already taken on these projects. */
export async function actionKeys(db: Db, workspaceId: string, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select({ projectId: escalationActions.projectId, episodeId: escalationActions.episodeId, key: escalationActions.key })
    .from(escalationActions)
    .where(and(eq(escalationActions.workspaceId, workspaceId), inArray(escalationActions.projectId, projectIds)));
}

export function episodeActions(db: Db, workspaceId: string, episodeId: string) {
  return db
    .select({ key: escalationActions.key, firedOn: escalationActions.firedOn })
    .from(escalationActions)
    .where(and(eq(escalationActions.workspaceId, workspaceId), eq(escalationActions.episodeId, episodeId), isNull(escalationActions.taskId)))
    .orderBy(asc(escalationActions.createdAt));
}

/** Records actions; returns the keys actually written (a key already taken is skipped: it happened once already). */
export async function recordActions(db: Db, rows: (typeof escalationActions.$inferInsert)[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const written = await db.insert(escalationActions).values(rows).onConflictDoNothing().returning({ key: escalationActions.key });
  return new Set(written.map((row) => row.key));
}

/** Which of these reminder emails are already in the outbox (one per person per day). */
export async function existingMailKeys(db: Db, workspaceId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: outbox.dedupeKey })
    .from(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), inArray(outbox.dedupeKey, keys)));
  return new Set(rows.map((row) => row.key));
}

export async function outboxState(db: Db, workspaceId: string, dedupeKey: string) {
  const [row] = await db
    .select({ state: outbox.state, reason: outbox.reason, sendAfter: outbox.sendAfter })
    .from(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.dedupeKey, dedupeKey)));
  return row;
}

// ---- the vendor ladder ----

/**
 * Active projects for the vendor ladder, across workspaces (the background job), with the last day a person (a
 * member or a contact, not a system) did something on each: history lines by the ladder itself do not count.
 */
export function projectsForVendorLadder(db: Db, limit: number) {
  return db
    .select({
      id: projects.id,
      workspaceId: projects.workspaceId,
      name: projects.name,
      day0: projects.day0,
      ownerId: projects.onboardingManagerId,
      accountName: accounts.name,
      lastActivityAt: sql<Date>`coalesce((select max(e.created_at) from project_events e where e.workspace_id = ${projects.workspaceId} and e.project_id = ${projects.id} and (e.actor_member_id is not null or e.actor_contact_id is not null)), ${projects.createdAt})`,
    })
    .from(projects)
    .innerJoin(accounts, and(eq(accounts.workspaceId, projects.workspaceId), eq(accounts.id, projects.accountId)))
    .where(eq(projects.status, 'active'))
    .orderBy(asc(projects.workspaceId), asc(projects.id))
    .limit(limit);
}

/** The workspace's team leads and the project owners to write to (current members only). */
export function membersToTell(db: Db, workspaceId: string) {
  return db
    .select({ id: members.id, name: members.name, email: members.email, role: members.role })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), isNull(members.removedAt)));
}
