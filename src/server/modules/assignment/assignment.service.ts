// Who takes a new project, by the workspace's rules, recorded with the reason; nobody assigned is a state the team
// lead hears about at once, not a silent default. Runs in the transaction that creates the project (a reaction to
// project.created), so the manager is set before the cadence plans the day-0 welcome that they sign.
import { ASSIGNED_ROLES, chooseAssignee, rankByRoom, regionOf, type AssignedRole, type AssignmentRule, type Candidate, type ProjectFacts } from '../../../core/assignment/choose.ts';
import { MEMBER_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import type { AssignmentSettings, AssignmentSettingsInput, ProjectAssignment } from '../../../contract/assignment.ts';
import type { AssignmentSuggestions } from '../../../contract/capacity.ts';
import { roomsOf } from '../capacity/capacity.service.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import { recordEvents } from '../history/history.service.ts';
import { listMembers, memberOf } from '../members/members.service.ts';
import { grantAccessAtStart } from '../portal/portal-access.service.ts';
import { assignProjectRole, openProjectCounts } from '../projects/owners.service.ts';
import { projectHeadline } from '../projects/projects.service.ts';
import * as repo from './assignment.repo.ts';

/** Without settings: the champion and the customer's admin get the portal with the welcome. */
export const DEFAULT_PORTAL_ROLES: ContactRole[] = ['champion', 'admin'];

export async function assignmentSettings(ctx: Ctx): Promise<AssignmentSettings> {
  const settings = await repo.findSettings(ctx.db, ctx.workspaceId);
  const rules = await repo.listRules(ctx.db, ctx.workspaceId);
  const names = new Map((await listMembers(ctx)).map((m) => [m.id, m.name]));
  const teamLeadName = settings?.teamLeadId ? names.get(settings.teamLeadId) : undefined;
  return {
    teamLead: settings?.teamLeadId && teamLeadName ? { id: settings.teamLeadId, name: teamLeadName } : null,
    portalRoles: (settings?.portalRoles as ContactRole[] | undefined) ?? DEFAULT_PORTAL_ROLES,
    rules: rules.map((rule) => {
      const match = rule.match as AssignmentRule['match'];
      return {
        id: rule.id,
        name: rule.name,
        role: rule.role as AssignedRole,
        match: { segments: match.segments ?? [], products: match.products ?? [], regions: match.regions ?? [] },
        strategy: rule.strategy as AssignmentRule['strategy'],
        members: (rule.memberIds as string[]).flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
      };
    }),
  };
}

/** Replaces the team lead, the portal roles and the ordered rules; every member named must be in the workspace. */
export async function saveAssignmentSettings(ctx: Ctx, input: AssignmentSettingsInput) {
  const current = new Set((await listMembers(ctx)).map((m) => m.id));
  if (input.teamLeadId && !current.has(input.teamLeadId)) throw invalid('teamLeadId: is not a member of this workspace', { path: ['body', 'teamLeadId'] });
  input.rules.forEach((rule, index) => {
    rule.memberIds.forEach((id, at) => {
      if (!current.has(id)) throw invalid(`rules.${index}.memberIds.${at}: is not a member of this workspace`, { path: ['body', 'rules', index, 'memberIds', at] });
    });
  });
  await inTransaction(ctx, async (tx) => {
    const turns = new Map((await repo.listRules(tx.db, tx.workspaceId)).map((rule) => [rule.name, rule.lastMemberId]));
    await repo.saveSettings(
      tx.db,
      tx.workspaceId,
      { teamLeadId: input.teamLeadId, portalRoles: [...new Set(input.portalRoles)] },
      input.rules.map((rule) => ({ ...rule, memberIds: [...new Set(rule.memberIds)], lastMemberId: turns.get(rule.name) ?? null })),
      tx.services.now(),
    );
  });
  return assignmentSettings(ctx);
}

export async function projectAssignments(ctx: Ctx, projectId: string): Promise<{ assignments: ProjectAssignment[] }> {
  if (!(await projectHeadline(ctx, projectId))) throw notFound('project');
  const rows = await repo.assignmentsOf(ctx.db, ctx.workspaceId, projectId);
  return {
    assignments: rows.map((row) => ({
      role: row.role as AssignedRole,
      member: row.memberId && row.memberName ? { id: row.memberId, name: row.memberName } : null,
      rule: row.ruleName,
      reason: row.reason,
      assignedAt: row.assignedAt.toISOString(),
    })),
  };
}

/** "onboarding manager", "CSM": lower case in a sentence, except an acronym. */
const roleLabel = (role: AssignedRole) => {
  const label = MEMBER_ROLE_LABELS[role];
  return label === label.toUpperCase() ? label : label.toLowerCase();
};

async function rulesOf(ctx: Ctx): Promise<(AssignmentRule & { id: string })[]> {
  return (await repo.listRules(ctx.db, ctx.workspaceId)).map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role as AssignedRole,
    match: row.match as AssignmentRule['match'],
    strategy: row.strategy as AssignmentRule['strategy'],
    memberIds: row.memberIds as string[],
    lastMemberId: row.lastMemberId,
  }));
}

/** Members with their open projects and, when asked (the capacity view costs a query or two), their hours free. */
async function candidatesOf(ctx: Ctx, members: { id: string; name: string }[], withRoom: boolean): Promise<(Candidate & { warning: string | null })[]> {
  const [counts, rooms] = await Promise.all([openProjectCounts(ctx), withRoom ? roomsOf(ctx) : undefined]);
  return members.map((m) => ({ id: m.id, name: m.name, openProjects: counts.get(m.id) ?? 0, roomHours: rooms?.get(m.id)?.roomHours ?? 0, warning: rooms?.get(m.id)?.warning ?? null }));
}

/**
 * Who could take a role of a project with these facts: what the rules would choose now, and the members of that
 * role (everyone but leaders and sales when nobody has it), most hours free over the next weeks first.
 */
export async function suggestAssignees(ctx: Ctx, role: AssignedRole, facts: ProjectFacts): Promise<AssignmentSuggestions> {
  const [rules, members] = await Promise.all([rulesOf(ctx), listMembers(ctx)]);
  const candidates = await candidatesOf(ctx, members, true);
  const choice = chooseAssignee(role, rules, facts, candidates);
  const inRole = members.filter((m) => m.role === role);
  const pool = new Set((inRole.length > 0 ? inRole : members.filter((m) => m.role !== 'leader' && m.role !== 'sales')).map((m) => m.id));
  const chosen = candidates.find((c) => c.id === choice.memberId);
  return {
    role,
    rule: { member: chosen ? { id: chosen.id, name: chosen.name } : null, reason: choice.reason },
    candidates: rankByRoom(candidates.filter((c) => pool.has(c.id))).map((c) => ({ id: c.id, name: c.name, openProjects: c.openProjects, roomHours: c.roomHours ?? 0, warning: c.warning })),
  };
}

/** Suggestions for a project already started (its manager to choose, or to change). */
export async function projectSuggestions(ctx: Ctx, projectId: string, role: AssignedRole) {
  const project = await projectHeadline(ctx, projectId);
  if (!project) throw notFound('project');
  const account = await getAccount(ctx, project.accountId);
  return suggestAssignees(ctx, role, { segment: account.segment, product: project.product, region: regionOf(account.timezone) });
}

/**
 * A new project's owners: for each role, the account's owner of it, else the first matching rule's choice. A
 * project left without an onboarding manager is recorded as such and the team lead (or, with none, the
 * workspace admins) is emailed. Then the contacts of the workspace's portal roles get access with the welcome.
 */
export async function assignAtStart(ctx: Ctx, projectId: string) {
  const project = await projectHeadline(ctx, projectId);
  if (!project) throw notFound('project');
  const account = await getAccount(ctx, project.accountId);
  const rules = await rulesOf(ctx);
  const members = await listMembers(ctx);
  const candidates = await candidatesOf(ctx, members, rules.some((rule) => rule.strategy === 'most_room'));
  const facts = { segment: account.segment, product: project.product, region: regionOf(account.timezone) };
  const now = ctx.services.now();

  for (const role of ASSIGNED_ROLES) {
    const owner = account.owners.find((o) => o.role === role);
    let memberId: string | null;
    let reason: string;
    let ruleName: string | null = null;
    if (owner) {
      memberId = owner.memberId;
      reason = `${owner.name} is the ${roleLabel(role)} of the account ${account.name}`;
    } else {
      if (role !== 'onboarding_manager' && !rules.some((rule) => rule.role === role)) continue;
      const choice = chooseAssignee(role, rules, facts, candidates);
      memberId = choice.memberId;
      reason = choice.reason;
      const rule = choice.ruleIndex === null ? undefined : rules[choice.ruleIndex];
      ruleName = rule?.name ?? null;
      if (memberId && rule) {
        await assignProjectRole(ctx, projectId, role, memberId);
        if (rule.strategy === 'round_robin') await repo.setLastMember(ctx.db, ctx.workspaceId, rule.id, memberId);
      }
    }
    await repo.upsertAssignment(ctx.db, { workspaceId: ctx.workspaceId, projectId, role, memberId, ruleName, reason, assignedAt: now });
    const name = members.find((m) => m.id === memberId)?.name ?? null;
    await recordEvents(ctx, [
      {
        projectId,
        kind: memberId ? 'assigned' : 'unassigned',
        field: role,
        toValue: name ? `${name} is the ${roleLabel(role)}` : `no ${roleLabel(role)}`,
        reason,
      },
    ]);
    if (!memberId && role === 'onboarding_manager') await alertTeamLead(ctx, { id: projectId, name: project.name }, reason, members);
  }

  const settings = await repo.findSettings(ctx.db, ctx.workspaceId);
  await grantAccessAtStart(ctx, projectId, (settings?.portalRoles as ContactRole[] | undefined) ?? DEFAULT_PORTAL_ROLES);
}

/**
 * Whom to tell when nobody owns a project or its owner does not answer: the workspace's team lead (Settings →
 * Assignment), else its admins. Current members only.
 */
export async function teamLeadIdsOf(ctx: Ctx, members: readonly { id: string; role: string }[]): Promise<string[]> {
  const settings = await repo.findSettings(ctx.db, ctx.workspaceId);
  const lead = members.find((m) => m.id === settings?.teamLeadId);
  return lead ? [lead.id] : members.filter((m) => m.role === 'admin').map((m) => m.id);
}

async function alertTeamLead(ctx: Ctx, project: { id: string; name: string }, reason: string, members: { id: string; name: string; email: string; role: string }[]) {
  const settings = await repo.findSettings(ctx.db, ctx.workspaceId);
  const lead = members.find((m) => m.id === settings?.teamLeadId);
  const recipients = lead ? [lead] : members.filter((m) => m.role === 'admin');
  const url = `${ctx.services.config.publicUrl}/projects/${project.id}`;
  for (const recipient of recipients) {
    await queueMail(ctx.db, ctx.services, ctx.workspaceId, {
      dedupeKey: `unassigned:${project.id}:${recipient.id}`,
      to: recipient.email,
      subject: `Nobody is assigned to ${project.name}`,
      text:
        `Hello ${recipient.name},\n\n${project.name} has just started and has no onboarding manager.\n${reason}.\n\n` +
        `Until someone is assigned, its emails come from "Your onboarding team" and nobody owns its tasks. Assign a manager here:\n${url}\n\n` +
        `The assignment rules are in Settings → Assignment: ${ctx.services.config.publicUrl}/settings/assignment`,
    });
  }
  const told = recipients.map((r) => r.name).join(', ');
  await recordEvents(ctx, [
    { projectId: project.id, kind: 'alert', field: 'onboarding_manager', toValue: told ? `told ${told}` : 'nobody to tell: the workspace has no team lead or admin', reason: 'Nobody is assigned' },
  ]);
}

/** A member assigns a role of a project by hand (after the alert, or to take over); the reason says who did. */
export async function assignByHand(ctx: Ctx, projectId: string, role: AssignedRole, memberId: string) {
  if (!(await projectHeadline(ctx, projectId))) throw notFound('project');
  const member = await memberOf(ctx, memberId);
  if (!member) throw invalid('memberId: is not a member of this workspace', { path: ['body', 'memberId'] });
  await inTransaction(ctx, async (tx) => {
    await assignProjectRole(tx, projectId, role, memberId);
    const reason = `Assigned by ${tx.actor.name}`;
    await repo.upsertAssignment(tx.db, { workspaceId: tx.workspaceId, projectId, role, memberId, ruleName: null, reason, assignedAt: tx.services.now() });
    await recordEvents(tx, [{ projectId, kind: 'assigned', field: role, toValue: `${member.name} is the ${roleLabel(role)}`, reason }]);
  });
  return projectAssignments(ctx, projectId);
}
