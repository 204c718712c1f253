// Sign-up: a new workspace with its first admin. It sits with auth, above workspaces and members, because the
// first admin is signed in at once (sign-up.routes.ts) and because it needs both of them.
import { sql } from 'drizzle-orm';
import type { MemberRole } from '../../../core/people.ts';
import { systemActor, type Ctx, type Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { emit } from '../../events/bus.ts';
import { conflict } from '../../http/errors.ts';
import { addMember, isMemberEmail } from '../members/members.service.ts';
import { hasWorkspaces, openWorkspace, SETUP_LOCK } from '../workspaces/workspaces.service.ts';

export interface NewWorkspace {
  workspaceName: string;
  timezone: string;
  /** Whose public holidays are days off (date-holidays' country and region codes); none when omitted. */
  holidayCountry?: string | null;
  holidayRegion?: string | null;
  admin: { name: string; email: string; password: string; role?: MemberRole };
}

/** Creates a workspace with its first admin, in the transaction given, and announces it (its built-in playbooks). */
export async function createWorkspace(db: Db, services: Services, input: NewWorkspace) {
  if (await isMemberEmail(db, input.admin.email)) {
    throw conflict(`${input.admin.email} is already a member of a Landfall workspace.`, { path: ['body', 'email'] });
  }
  const workspace = await openWorkspace(db, {
    name: input.workspaceName,
    timezone: input.timezone,
    holidayCountry: input.holidayCountry ?? null,
    holidayRegion: input.holidayRegion ?? null,
  });
  const admin = await addMember(db, workspace.id, {
    email: input.admin.email,
    name: input.admin.name,
    role: input.admin.role ?? 'admin',
    password: input.admin.password,
  });
  const setup: Ctx = { db, actor: systemActor(workspace.id, 'setup'), workspaceId: workspace.id, services };
  await emit(setup, 'workspace.created', { workspaceId: workspace.id });
  return { workspace, admin };
}

/** First-admin sign-up: only ever on an empty installation, even with two browsers racing. */
export async function setUpFirstWorkspace(
  services: Services,
  input: {
    workspaceName: string;
    name: string;
    email: string;
    password: string;
    timezone: string;
    holidayCountry: string | null;
    holidayRegion: string | null;
  },
) {
  return services.database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (await hasWorkspaces(tx)) {
      throw conflict('Landfall is already set up. Sign in, or ask an admin for an invitation.');
    }
    return createWorkspace(tx, services, {
      workspaceName: input.workspaceName,
      timezone: input.timezone,
      holidayCountry: input.holidayCountry,
      holidayRegion: input.holidayRegion,
      admin: { name: input.name, email: input.email, password: input.password },
    });
  });
}
