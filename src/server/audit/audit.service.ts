import { DateTime } from 'luxon';
import { safeCell } from '../../core/imports/csv-cells.ts';
import type { AuditQuery } from '../../contract/audit.ts';
import { inTransaction, type Ctx, type Services } from '../context.ts';
import { invalid } from '../http/errors.ts';
import { recordAudit } from './audit.ts';
import * as repo from './audit.repo.ts';

export const DEFAULT_RETENTION_DAYS = 365;
const EXPORT_PAGE = 1000;

type Row = Awaited<ReturnType<typeof repo.listEntries>>[number];

const present = (row: Row) => ({
  id: row.id,
  at: row.at.toISOString(),
  actorKind: row.actorKind,
  actorId: row.actorId,
  actorName: row.actorName,
  kind: row.kind,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  summary: row.summary,
  before: row.before,
  after: row.after,
  ip: row.ip,
  userAgent: row.userAgent,
});

/** The filter's dates are whole days in the workspace's timezone: from the start of `from` to the end of `to`. */
async function filterOf(ctx: Ctx, query: Omit<AuditQuery, 'limit' | 'offset'>): Promise<repo.AuditFilter> {
  if (query.from && query.to && query.from > query.to) throw invalid('"from" must be on or before "to".', { path: ['query', 'from'] });
  const zone = await repo.timezoneOf(ctx.db, ctx.workspaceId);
  const day = (iso: string) => DateTime.fromISO(iso, { zone }).startOf('day');
  return {
    actor: query.actor,
    kind: query.kind,
    from: query.from ? day(query.from).toJSDate() : undefined,
    to: query.to ? day(query.to).plus({ days: 1 }).toJSDate() : undefined,
  };
}

export async function listAudit(ctx: Ctx, query: AuditQuery) {
  const filter = await filterOf(ctx, query);
  const [rows, total] = await Promise.all([
    repo.listEntries(ctx.db, ctx.workspaceId, filter, { limit: query.limit, offset: query.offset }),
    repo.countEntries(ctx.db, ctx.workspaceId, filter),
  ]);
  return { entries: rows.map(present), total };
}

export const AUDIT_CSV_HEADER = ['time', 'actor', 'actor_kind', 'actor_id', 'kind', 'summary', 'subject_type', 'subject_id', 'ip', 'user_agent', 'before', 'after'];

/** Every entry the filter matches, as CSV rows, page by page. The filter is checked and the export recorded before the answer starts (a bad filter is still a 4xx). */
export async function exportAudit(ctx: Ctx, query: Omit<AuditQuery, 'limit' | 'offset'>): Promise<AsyncIterable<string[]>> {
  const filter = await filterOf(ctx, query);
  await recordAudit(ctx, { kind: 'export.downloaded', summary: 'Exported the audit log to CSV', subject: { type: 'export', id: 'audit' }, after: { filter: query } });
  return (async function* () {
    yield AUDIT_CSV_HEADER;
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const rows = await repo.listEntries(ctx.db, ctx.workspaceId, filter, { limit: EXPORT_PAGE, offset });
      for (const row of rows) {
        yield [row.at.toISOString(), row.actorName, row.actorKind, row.actorId ?? '', row.kind, row.summary, row.subjectType ?? '', row.subjectId ?? '', row.ip ?? '', row.userAgent ?? '', json(row.before), json(row.after)].map((cell) => safeCell(cell));
      }
      if (rows.length < EXPORT_PAGE) return;
    }
  })();
}

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export async function getAuditSettings(ctx: Ctx) {
  return { retentionDays: (await repo.retentionOf(ctx.db, ctx.workspaceId)) ?? DEFAULT_RETENTION_DAYS };
}

export async function saveAuditSettings(ctx: Ctx, input: { retentionDays: number }) {
  return inTransaction(ctx, async (tx) => {
    const before = await getAuditSettings(tx);
    await repo.saveRetention(tx.db, tx.workspaceId, input.retentionDays, tx.services.now());
    if (before.retentionDays !== input.retentionDays) {
      await recordAudit(tx, { kind: 'audit.retention_changed', summary: `Audit log kept for ${input.retentionDays} days (was ${before.retentionDays})`, before, after: input });
    }
    return { retentionDays: input.retentionDays };
  });
}

/** The retention job's pass: entries past their workspace's retention are deleted (the only delete there is). */
export function pruneAudit(services: Services) {
  return repo.pruneExpired(services.database.db, services.now(), DEFAULT_RETENTION_DAYS);
}
