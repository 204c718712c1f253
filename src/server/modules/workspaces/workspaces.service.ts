import { sql } from 'drizzle-orm';
import type { MemberRole } from '../../../core/people.ts';
import type { Ctx, Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { hashPassword } from '../../security/secrets.ts';
import { findActiveMemberByEmail } from '../auth/auth.repo.ts';
import { insertMember } from '../members/members.repo.ts';
import { installBuiltinPlaybooks } from '../playbooks/playbooks.service.ts';
import { emit } from '../../events/bus.ts';
import type { WorkspacePatch } from '../../../contract/workspaces.ts';
import * as repo from './workspaces.repo.ts';

/** Held while an empty installation gets its first workspace (first-admin sign-up, or the demo). */
export const SETUP_LOCK = 4_242_002;

export interface NewWorkspace {
  workspaceName: string;
  timezone: string;
  admin: { name: string; email: string; password: string; role?: MemberRole };
}

/** Creates a workspace with its first admin, in the transaction given. */
export async function createWorkspace(db: Db, input: NewWorkspace) {
  if (await findActiveMemberByEmail(db, input.admin.email)) {
    throw conflict(`${input.admin.email} is already a member of a Landfall workspace.`, { path: ['body', 'email'] });
  }
  const workspace = await repo.insertWorkspace(db, { name: input.workspaceName, timezone: input.timezone });
  const admin = await insertMember(db, workspace.id, {
    email: input.admin.email.toLowerCase(),
    name: input.admin.name,
    role: input.admin.role ?? 'admin',
    passwordHash: await hashPassword(input.admin.password),
  });
  await installBuiltinPlaybooks(db, workspace.id);
  return { workspace, admin };
}

export async function needsSetup(services: Services) {
  return (await repo.countWorkspaces(services.database.db)) === 0;
}

/** First-admin sign-up: only ever on an empty installation, even with two browsers racing. */
export async function setUpFirstWorkspace(
  services: Services,
  input: { workspaceName: string; name: string; email: string; password: string; timezone: string },
) {
  return services.database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await repo.countWorkspaces(tx)) > 0) {
      throw conflict('Landfall is already set up. Sign in, or ask an admin for an invitation.');
    }
    return createWorkspace(tx, {
      workspaceName: input.workspaceName,
      timezone: input.timezone,
      admin: { name: input.name, email: input.email, password: input.password },
    });
  });
}

export async function getWorkspace(ctx: Ctx) {
  const row = await repo.findWorkspace(ctx.db, ctx.workspaceId);
  if (!row) throw notFound('workspace');
  return presentWorkspace(row);
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
