// Who owns a project's work by role: the onboarding manager (and implementation manager, CSM) given when it
// starts, and the owner a task added later gets, the same way creation gives owners (by the task's role).
import type { Ctx } from '../../context.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import { contactsOfAccount } from '../contacts/contacts.service.ts';
import { recordEvents } from '../history/history.service.ts';
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

/** Open projects and tasks whose owner was removed or deactivated: the "needs a new owner" list. */
export async function workNeedingOwner(ctx: Ctx) {
  const work = await repo.workOfInactiveMembers(ctx.db, ctx.workspaceId);
  return {
    projects: work.projects.map((p) => ({
      projectId: p.project_id,
      projectName: p.project_name,
      accountName: p.account_name,
      formerOwnerId: p.member_id,
      formerOwnerName: p.member_name,
    })),
    tasks: work.tasks.map((t) => ({
      taskId: t.task_id,
      title: t.title,
      due: t.due,
      projectId: t.project_id,
      projectName: t.project_name,
      formerOwnerId: t.member_id,
      formerOwnerName: t.member_name,
    })),
  };
}

/**
 * Reaction to member.deactivated and member.removed: each open project they manage or hold open tasks in says so in
 * its history, so the team sees the work needs a new owner (the list is workNeedingOwner).
 */
export async function flagWorkOfLeaver(ctx: Ctx, memberId: string) {
  const work = await repo.workOfInactiveMembers(ctx.db, ctx.workspaceId, memberId);
  const name = work.projects[0]?.member_name ?? work.tasks[0]?.member_name;
  const byProject = new Map<string, { manages: boolean; tasks: number }>();
  for (const p of work.projects) byProject.set(p.project_id, { manages: true, tasks: 0 });
  for (const t of work.tasks) {
    const entry = byProject.get(t.project_id) ?? { manages: false, tasks: 0 };
    entry.tasks++;
    byProject.set(t.project_id, entry);
  }
  if (!name) return;
  await recordEvents(
    ctx,
    [...byProject].map(([projectId, { manages, tasks }]) => ({
      projectId,
      kind: 'owner_left',
      reason:
        `${name} can no longer work in Landfall: ` +
        [manages ? 'the project needs a new onboarding manager' : '', tasks ? `${tasks} open task${tasks === 1 ? '' : 's'} need${tasks === 1 ? 's' : ''} a new owner` : '']
          .filter(Boolean)
          .join(' and ') +
        '.',
    })),
  );
}
