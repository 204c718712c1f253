import { MONDAY_TO_FRIDAY, type BusinessCalendar, type Weekday } from '../../../core/calendar.ts';
import { inTransaction, type Ctx, type Services } from '../../context.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { emit } from '../../events/bus.ts';
import type { WorkspacePatch } from '../../../contract/workspaces.ts';
import { assertHolidayPlace, holidayCountries, publicHolidays } from './public-holidays.ts';
import * as repo from './workspaces.repo.ts';

/** Held while an empty installation gets its first workspace (first-admin sign-up, or the demo). */
export const SETUP_LOCK = 4_242_002;

export async function needsSetup(services: Services) {
  return !(await hasWorkspaces(services.database.db));
}

/** Whether this installation has any workspace yet (read inside the setup lock's transaction). */
export async function hasWorkspaces(db: Db) {
  return (await repo.countWorkspaces(db)) > 0;
}

/**
 * A new workspace with the default calendar (Monday to Friday, and the public holidays of the country chosen), in
 * the transaction given. Its first admin and the announcement that it exists come from the sign-up (auth's
 * createWorkspace), which knows who is starting it.
 */
export function openWorkspace(db: Db, workspace: repo.NewWorkspaceRow) {
  assertHolidayPlace({ country: workspace.holidayCountry ?? null, region: workspace.holidayRegion ?? null }, ['body']);
  return repo.insertWorkspace(db, workspace);
}

export async function getWorkspace(ctx: Ctx) {
  const row = await repo.findWorkspace(ctx.db, ctx.workspaceId);
  if (!row) throw notFound('workspace');
  return presentWorkspace(row);
}

/** The timezone of the workspace's calendar: what an account without one of its own follows. */
export async function workspaceTimezone(ctx: Ctx): Promise<string> {
  return (await repo.findWorkspace(ctx.db, ctx.workspaceId))?.timezone ?? 'UTC';
}

/**
 * The business-day calendar every project of the workspace is scheduled on: its working weekdays, its own
 * holidays and the public holidays of its country and region, resolved here into dates so core stays pure.
 */
export async function businessCalendarOf(db: Db, workspaceId: string): Promise<BusinessCalendar> {
  const row = await repo.findCalendar(db, workspaceId);
  const custom = row?.holidays ?? [];
  const holidays = row?.holidayCountry ? [...publicHolidays(row.holidayCountry, row.holidayRegion), ...custom] : custom;
  return {
    timeZone: row?.timezone ?? 'UTC',
    workingWeekdays: (row?.workingWeekdays as Weekday[] | undefined) ?? MONDAY_TO_FRIDAY,
    holidays,
  };
}

const presentWorkspace = (row: NonNullable<Awaited<ReturnType<typeof repo.findWorkspace>>>) => ({
  id: row.id,
  name: row.name,
  timezone: row.timezone,
  workingWeekdays: [...row.workingWeekdays].sort(),
  holidays: [...row.holidays].sort(),
  holidayCountry: row.holidayCountry,
  holidayRegion: row.holidayRegion,
  publicHolidays: row.holidayCountry ? [...publicHolidays(row.holidayCountry, row.holidayRegion)] : [],
});

/**
 * Renames the workspace or changes its calendar; a new calendar re-plans every active project on it. The region
 * belongs to its country: a new country without a region named drops a region that is not one of its own.
 */
export async function updateWorkspace(ctx: Ctx, patch: WorkspacePatch) {
  const current = await repo.findWorkspace(ctx.db, ctx.workspaceId);
  if (!current) throw notFound('workspace');
  const country = patch.holidayCountry !== undefined ? patch.holidayCountry : current.holidayCountry;
  let region = patch.holidayRegion !== undefined ? patch.holidayRegion : current.holidayRegion;
  if (patch.holidayRegion === undefined && region !== null) {
    const regions = holidayCountries().find((known) => known.code === country)?.regions ?? [];
    if (!regions.some((known) => known.code === region)) region = null;
  }
  assertHolidayPlace({ country, region }, ['body']);
  const holidayPlace = patch.holidayCountry !== undefined || patch.holidayRegion !== undefined ? { holidayCountry: country, holidayRegion: region } : {};
  const row = await inTransaction(ctx, async (tx) => {
    const updated = await repo.updateWorkspace(tx.db, tx.workspaceId, {
      ...patch,
      ...holidayPlace,
      holidays: patch.holidays ? [...new Set(patch.holidays)] : undefined,
    });
    if (!updated) throw notFound('workspace');
    const fields = Object.keys(patch) as (keyof typeof current & keyof typeof updated)[];
    const before = Object.fromEntries(fields.map((field) => [field, current[field]]));
    const after = Object.fromEntries(fields.map((field) => [field, updated[field]]));
    await recordAudit(tx, { kind: 'workspace.settings_changed', summary: `Workspace settings changed: ${fields.join(', ')}`, subject: { type: 'workspace', id: tx.workspaceId }, before, after });
    return updated;
  });
  const publicHolidaysChanged = row.holidayCountry !== current.holidayCountry || row.holidayRegion !== current.holidayRegion;
  if (patch.workingWeekdays || patch.holidays || patch.timezone || publicHolidaysChanged) {
    await emit(ctx, 'workspace.calendar_changed', { why: publicHolidaysChanged ? 'The public holidays the workspace observes changed' : 'The workspace calendar changed' });
  }
  return presentWorkspace(row);
}
