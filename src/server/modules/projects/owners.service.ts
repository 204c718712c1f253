// Who owns a project's work by role: the onboarding manager (and implementation manager, CSM) given when it
// starts, and the owner a task added later gets, the same way creation gives owners (by the task's role).
import type { Ctx } from '../../context.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import { contactsOfAccount } from '../contacts/contacts.service.ts';
import * as repo from './owners.repo.ts';
import { CONTACT_FALLBACK } from './project-sources.ts';

/** Open (active or paused) projects per member: those they manage or own a task in. */
export const openProjectCounts = (ctx: Ctx) => repo.openProjectCounts(ctx.db, ctx.workspaceId);

/**
 * Makes a member the project's owner for a vendor role: its onboarding manager when that is the role, and the
 * owner of every task of the role nobody owns yet. Answers how many tasks they were given.
 */
export async function assignProjectRole(ctx: Ctx, projectId: string, role: string, memberId: string) {
  if (role === 'onboarding_manager') await repo.setOnboardingManager(ctx.db, ctx.workspaceId, projectId, memberId);
  return repo.assignUnownedTasks(ctx.db, ctx.workspaceId, projectId, role, memberId);
}

/**
 * The owner of a task added to a running project (a playbook upgrade, or by hand): whoever owns the project's
 * other tasks of its role; else, as at creation, the project's onboarding manager or the account's owner of the
 * role for vendor work, and the contact of the role (or the next one who stands in) for customer work.
 */
export async function ownerForNewTask(
  ctx: Ctx,
  project: { id: string; accountId: string; onboardingManagerId: string | null },
  owner: { side: string; role: string },
): Promise<{ assigneeMemberId: string | null; assigneeContactId: string | null }> {
  const [current] = await repo.ownersOfRole(ctx.db, ctx.workspaceId, project.id, owner.side, owner.role);
  if (owner.side === 'vendor') {
    if (current) return { assigneeMemberId: current, assigneeContactId: null };
    if (owner.role === 'onboarding_manager' && project.onboardingManagerId) return { assigneeMemberId: project.onboardingManagerId, assigneeContactId: null };
    const account = await getAccount(ctx, project.accountId);
    return { assigneeMemberId: account.owners.find((o) => o.role === owner.role)?.memberId ?? null, assigneeContactId: null };
  }
  if (current) return { assigneeMemberId: null, assigneeContactId: current };
  const contacts = await contactsOfAccount(ctx, project.accountId, 'current');
  for (const role of CONTACT_FALLBACK[owner.role] ?? [owner.role]) {
    const found = contacts.find((contact) => contact.role === role);
    if (found) return { assigneeMemberId: null, assigneeContactId: found.id };
  }
  return { assigneeMemberId: null, assigneeContactId: null };
}
