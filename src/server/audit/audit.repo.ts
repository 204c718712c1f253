import { and, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditEntries, auditSettings, workspaces } from '../db/schema.ts';

export type NewAuditEntry = Omit<typeof auditEntries.$inferInsert, 'id'>;

/** The only write to audit_entries besides the retention job's delete: an insert. */
export async function insertEntry(db: Db, entry: NewAuditEntry) {
  await db.insert(auditEntries).values(entry);
}

export interface AuditFilter {
  actor?: string | undefined;
  kind?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function whereOf(workspaceId: string, filter: AuditFilter): SQL {
  const conditions: SQL[] = [eq(auditEntries.workspaceId, workspaceId)];
  if (filter.actor) conditions.push(or(eq(auditEntries.actorId, filter.actor), sql`lower(${auditEntries.actorName}) = lower(${filter.actor})`)!);
  if (filter.kind) conditions.push(eq(auditEntries.kind, filter.kind));
  if (filter.from) conditions.push(gte(auditEntries.at, filter.from));
  if (filter.to) conditions.push(lt(auditEntries.at, filter.to));
  return and(...conditions)!;
}

export function listEntries(db: Db, workspaceId: string, filter: AuditFilter, page: { limit: number; offset: number }) {
  return db.select().from(auditEntries).where(whereOf(workspaceId, filter)).orderBy(desc(auditEntries.at), desc(auditEntries.id)).limit(page.limit).offset(page.offset);
}

export async function countEntries(db: Db, workspaceId: string, filter: AuditFilter) {
  const [row] = await db.select({ total: count() }).from(auditEntries).where(whereOf(workspaceId, filter));
  return Number(row?.total ?? 0);
}

export async function retentionOf(db: Db, workspaceId: string): Promise<number | undefined> {
  const [row] = await db.select({ days: auditSettings.retentionDays }).from(auditSettings).where(eq(auditSettings.workspaceId, workspaceId));
  return row?.days;
}

export async function saveRetention(db: Db, workspaceId: string, days: number, now: Date) {
  await db
    .insert(auditSettings)
    .values({ workspaceId, retentionDays: days, updatedAt: now })
    .onConflictDoUpdate({ target: auditSettings.workspaceId, set: { retentionDays: days, updatedAt: now } });
}

/**
 * Deletes entries older than each workspace's retention (365 days where none is set). The only delete the
 * append-only trigger lets through: this transaction says it is the retention job.
 */
export async function pruneExpired(db: Db, now: Date, defaultDays: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('landfall.audit_retention', 'on', true)`);
    const result = await tx.execute(sql`
      with gone as (
      delete from audit_entries e
       using workspaces w
        left join audit_settings s on s.workspace_id = w.id
       where e.workspace_id = w.id
         and e.at < ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.retention_days, ${defaultDays}))
      returning 1)
      select count(*)::int as n from gone`);
    return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  });
}

/** The workspace's timezone (the filter's days are its days): read here, so the audit log depends on no module. */
export async function timezoneOf(db: Db, workspaceId: string): Promise<string> {
  const [row] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.timezone ?? 'UTC';
}
