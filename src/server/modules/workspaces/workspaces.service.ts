import type { Ctx, Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { emit } from '../../events/bus.ts';
import type { WorkspacePatch } from '../../../contract/workspaces.ts';
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
 * A new workspace with the default calendar, in the transaction given. Its first admin and the announcement
 * that it exists come from the sign-up (auth's createWorkspace), which knows who is starting it.
 */
export function openWorkspace(db: Db, workspace: { name: string; timezone: string }) {
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

const presentWorkspace = (row: NonNullable<Awaited<ReturnType<typeof repo.findWorkspace>>>) => ({
  id: row.id,
  name: row.name,
  timezone: row.timezone,
  workingWeekdays: [...row.workingWeekdays].sort(),
  holidays: [...row.holidays].sort(),
});

/** Renames the workspace or changes its calendar; a new calendar re-plans every active project on it. */
export async function updateWorkspace(ctx: Ctx, patch: WorkspacePatch) {
  const row = await repo.updateWorkspace(ctx.db, ctx.workspaceId, {
    ...patch,
    holidays: patch.holidays ? [...new Set(patch.holidays)] : undefined,
  });
  if (!row) throw notFound('workspace');
  if (patch.workingWeekdays || patch.holidays || patch.timezone) {
    await emit(ctx, 'workspace.calendar_changed', { why: 'The workspace calendar changed' });
  }
  return presentWorkspace(row);
}
