import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crmSyncLog, crmSyncQueue, crmSyncSettings, projects } from '../../db/schema.ts';

export type CrmSettingsRow = typeof crmSyncSettings.$inferSelect;
export type CrmQueueRow = typeof crmSyncQueue.$inferSelect;
export type CrmLogInsert = typeof crmSyncLog.$inferInsert;

export async function findSettings(db: Db, workspaceId: string): Promise<CrmSettingsRow | undefined> {
  const [row] = await db.select().from(crmSyncSettings).where(eq(crmSyncSettings.workspaceId, workspaceId));
  return row;
}

export async function saveSettings(db: Db, row: typeof crmSyncSettings.$inferInsert) {
  const { workspaceId: _, ...rest } = row;
  await db.insert(crmSyncSettings).values(row).onConflictDoUpdate({ target: crmSyncSettings.workspaceId, set: rest });
}

export async function deleteSettings(db: Db, workspaceId: string) {
  await db.delete(crmSyncQueue).where(eq(crmSyncQueue.workspaceId, workspaceId));
  await db.delete(crmSyncSettings).where(eq(crmSyncSettings.workspaceId, workspaceId));
}

export async function pendingCount(db: Db, workspaceId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(crmSyncQueue).where(eq(crmSyncQueue.workspaceId, workspaceId));
  return Number(row?.n ?? 0);
}

/**
 * Asks for a write-back of the project, coalescing with one already waiting (its reasons add up, and the wait
 * starts again unless it is backing off after a failure). Only when the workspace writes back and the project
 * came from a CRM deal (intake).
 */
export async function requestSync(db: Db, workspaceId: string, projectId: string, reason: string, dueAt: Date) {
  await db.execute(sql`
    insert into crm_sync_queue (workspace_id, project_id, reasons, due_at)
    select ${workspaceId}::uuid, ${projectId}::uuid, jsonb_build_array(${reason}::text), ${dueAt.toISOString()}::timestamptz
     where exists (select 1 from crm_sync_settings s where s.workspace_id = ${workspaceId}::uuid and s.enabled = 1)
       and exists (select 1 from intake_deliveries d where d.workspace_id = ${workspaceId}::uuid and d.project_id = ${projectId}::uuid and d.status = 'processed')
    on conflict (workspace_id, project_id) do update
       set reasons = case when crm_sync_queue.reasons @> excluded.reasons then crm_sync_queue.reasons else crm_sync_queue.reasons || excluded.reasons end,
           due_at = case when crm_sync_queue.attempts = 0 then excluded.due_at else crm_sync_queue.due_at end`);
}

export async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<CrmQueueRow[]> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    update crm_sync_queue q set claimed_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
     where (q.workspace_id, q.project_id) in (
       select workspace_id, project_id from crm_sync_queue
        where due_at <= ${at}::timestamptz and (claimed_until is null or claimed_until < ${at}::timestamptz)
        order by due_at limit ${limit} for update skip locked)
    returning q.workspace_id, q.project_id, q.reasons, q.due_at, q.attempts, q.last_error, q.claimed_until`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    workspaceId: String(row.workspace_id),
    projectId: String(row.project_id),
    reasons: row.reasons as string[],
    dueAt: new Date(row.due_at as string),
    attempts: Number(row.attempts),
    lastError: (row.last_error as string | null) ?? null,
    claimedUntil: row.claimed_until ? new Date(row.claimed_until as string) : null,
  }));
}

/** Done: the row goes, unless a change asked again while it was being written (then it stays, due again). */
export async function finish(db: Db, row: CrmQueueRow) {
  await db
    .delete(crmSyncQueue)
    .where(and(eq(crmSyncQueue.workspaceId, row.workspaceId), eq(crmSyncQueue.projectId, row.projectId), eq(crmSyncQueue.dueAt, row.dueAt)));
  await db
    .update(crmSyncQueue)
    .set({ claimedUntil: null, attempts: 0 })
    .where(and(eq(crmSyncQueue.workspaceId, row.workspaceId), eq(crmSyncQueue.projectId, row.projectId)));
}

export async function retryLater(db: Db, row: CrmQueueRow, dueAt: Date, error: string) {
  await db
    .update(crmSyncQueue)
    .set({ claimedUntil: null, attempts: row.attempts + 1, dueAt, lastError: error })
    .where(and(eq(crmSyncQueue.workspaceId, row.workspaceId), eq(crmSyncQueue.projectId, row.projectId)));
}

export async function drop(db: Db, row: CrmQueueRow) {
  await db.delete(crmSyncQueue).where(and(eq(crmSyncQueue.workspaceId, row.workspaceId), eq(crmSyncQueue.projectId, row.projectId)));
}

export async function insertLog(db: Db, entry: CrmLogInsert) {
  await db.insert(crmSyncLog).values(entry);
}

export function listLog(db: Db, workspaceId: string, limit = 100) {
  return db
    .select({ entry: crmSyncLog, projectName: projects.name })
    .from(crmSyncLog)
    .leftJoin(projects, and(eq(projects.workspaceId, crmSyncLog.workspaceId), eq(projects.id, crmSyncLog.projectId)))
    .where(eq(crmSyncLog.workspaceId, workspaceId))
    .orderBy(desc(crmSyncLog.at))
    .limit(limit);
}

/** What the CRM is told about a project and its account, and the deal (and company/account) it came from. */
export async function projectStanding(db: Db, workspaceId: string, projectId: string) {
  const result = await db.execute(sql`
    with deal as (
      select d.deal_id, d.payload->'company'->>'id' as company_id from intake_deliveries d
       where d.workspace_id = ${workspaceId}::uuid and d.project_id = ${projectId}::uuid and d.status = 'processed' order by d.received_at limit 1)
    select p.current_stage, p.status, p.health, p.projected_end,
           (select t.projected_finish from project_tasks t
             where t.workspace_id = p.workspace_id and t.project_id = p.id and t.milestone_kind = 'go_live' limit 1) as go_live,
           (select count(*)::int from success_outcomes o where o.workspace_id = p.workspace_id and o.project_id = p.id) as outcomes,
           (select count(*)::int from success_outcomes o where o.workspace_id = p.workspace_id and o.project_id = p.id and o.verified_at is not null) as verified,
           (select count(*)::int from success_outcomes o join projects ap on ap.workspace_id = o.workspace_id and ap.id = o.project_id
             where ap.workspace_id = p.workspace_id and ap.account_id = p.account_id) as account_outcomes,
           (select count(*)::int from success_outcomes o join projects ap on ap.workspace_id = o.workspace_id and ap.id = o.project_id
             where ap.workspace_id = p.workspace_id and ap.account_id = p.account_id and o.verified_at is not null) as account_verified,
           a.renewal_on, h.band, h.score,
           (select deal_id from deal) as deal_id, (select company_id from deal) as company_id
      from projects p
      join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
      left join account_health h on h.workspace_id = p.workspace_id and h.account_id = p.account_id
     where p.workspace_id = ${workspaceId}::uuid and p.id = ${projectId}::uuid`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) return undefined;
  const day = (value: unknown) => (value === null || value === undefined ? null : String(value instanceof Date ? value.toISOString() : value).slice(0, 10));
  const percent = (verified: unknown, planned: unknown) => (Number(planned) === 0 ? null : Math.round((Number(verified) / Number(planned)) * 100));
  return {
    dealId: (row.deal_id as string | null) ?? null,
    companyId: (row.company_id as string | null) ?? null,
    facts: {
      stage: (row.current_stage as string | null) ?? null,
      status: String(row.status),
      health: String(row.health),
      projectedGoLive: day(row.go_live) ?? day(row.projected_end),
      valueAchievedPercent: percent(row.verified, row.outcomes),
    },
    account: {
      healthBand: (row.band as string | null) ?? null,
      healthScore: row.score === null || row.score === undefined ? null : Number(row.score),
      valueAchievedPercent: percent(row.account_verified, row.account_outcomes),
      renewalOn: day(row.renewal_on),
    },
  };
}
