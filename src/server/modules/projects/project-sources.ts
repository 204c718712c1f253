// What a new project's plan starts from: a playbook, nothing (a go-live milestone to build on), or another project
// of the workspace. Each source gives a draft (stages, tasks by key, links); plantProject lays it out from day 0,
// gives the tasks their owners on this account, and saves it in the caller's transaction.
import { DEFAULT_STAGES, type PlaybookStage } from '../../../core/playbooks/definition.ts';
import type { Ctx } from '../../context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { emit } from '../../events/bus.ts';
import type { getAccount } from '../accounts/accounts.service.ts';
import { contactsOfAccount } from '../contacts/contacts.service.ts';
import { recordEvents } from '../history/history.service.ts';
import { playbookOf, proposePlaybooks } from '../playbooks/playbooks.service.ts';
import { calendarOf, engineTasks, layOut, newTaskId, todayFor } from './plan.ts';
import * as repo from './projects.repo.ts';

type Account = Awaited<ReturnType<typeof getAccount>>;

/** A task as a source gives it: what it is and who should own it, not yet dated nor given to anyone. */
type DraftTask = Pick<
  repo.NewTaskRow,
  | 'key'
  | 'title'
  | 'description'
  | 'stage'
  | 'ownerSide'
  | 'ownerRole'
  | 'durationDays'
  | 'effortHours'
  | 'startOffsetDays'
  | 'milestoneKind'
  | 'deliverable'
  | 'needsApproval'
  | 'customerVisible'
  | 'checklist'
  | 'form'
> & {
  /** The member who had the task in the project copied: kept when this account has no owner in that role. */
  memberBefore?: string | null;
};

export interface Draft {
  stages: PlaybookStage[];
  playbook: { id: string; version: number } | null;
  tasks: DraftTask[];
  links: { from: string; to: string; lagDays: number }[];
  /** The history line that says where the plan came from. */
  origin: string;
}

export async function draftFromPlaybook(ctx: Ctx, accountId: string, playbookId: string | undefined): Promise<Draft> {
  if (!playbookId) {
    const [best] = await proposePlaybooks(ctx, accountId);
    if (!best || best.score <= 0) throw invalid('No playbook fits this account: choose one.', { path: ['body', 'playbookId'] });
    playbookId = best.playbookId;
  }
  const playbook = await playbookOf(ctx, playbookId);
  if (!playbook) throw notFound('playbook');
  const { definition } = playbook;
  return {
    stages: definition.stages,
    playbook: { id: playbook.id, version: playbook.version },
    tasks: definition.tasks.map((task) => ({
      key: task.key,
      title: task.title,
      description: task.description ?? null,
      stage: task.stage,
      ownerSide: task.owner.side,
      ownerRole: task.owner.role,
      durationDays: task.durationDays,
      effortHours: task.effortHours ?? null,
      startOffsetDays: task.startOffsetDays ?? null,
      milestoneKind: task.milestoneKind ?? null,
      deliverable: task.deliverable ?? false,
      needsApproval: task.needsApproval ?? false,
      customerVisible: task.customerVisible ?? true,
      checklist: (task.checklist ?? []).map((text) => ({ text, done: false })),
    })),
    links: definition.tasks.flatMap((task) => (task.dependsOn ?? []).map((dependency) => ({ from: dependency.task, to: task.key, lagDays: dependency.lagDays ?? 0 }))),
    origin: `Created from the playbook "${playbook.name}" (version ${playbook.version})`,
  };
}

/** Calendar days from day 0 to the go-live a blank project starts with: Mobilization, then ~30 days of Design and of Launch. */
export const BLANK_GO_LIVE_OFFSET_DAYS = 60;

/**
 * A plan to build by hand, as Rocketlane's and GUIDEcx's blank projects: the usual stages and one go-live milestone
 * (owned by the onboarding manager, ~two months after day 0) for the tasks added to lead to.
 */
export function blankDraft(): Draft {
  return {
    stages: DEFAULT_STAGES.map((stage) => ({ ...stage })),
    playbook: null,
    tasks: [
      {
        key: 'go_live',
        title: 'Go-live',
        description: 'Reached when the customer uses the product in production for real work.',
        stage: 'launch',
        ownerSide: 'vendor',
        ownerRole: 'onboarding_manager',
        durationDays: 0,
        startOffsetDays: BLANK_GO_LIVE_OFFSET_DAYS,
        milestoneKind: 'go_live',
        deliverable: false,
        needsApproval: false,
        customerVisible: true,
        checklist: [],
      },
    ],
    links: [],
    origin: 'Started blank: a go-live milestone to build the plan on',
  };
}

/**
 * Another project's plan: its stages, tasks, links, milestones, owner roles, durations, checklists (unticked) and
 * forms (unanswered). Not its progress, actual dates, dates set by hand, comments, files or sign-offs. A project of
 * another workspace is not found.
 */
export async function draftFromProject(ctx: Ctx, sourceProjectId: string): Promise<Draft> {
  const source = await repo.findProjectSummary(ctx.db, ctx.workspaceId, sourceProjectId);
  if (!source) throw notFound('project');
  const rows = await repo.projectTaskRows(ctx.db, ctx.workspaceId, sourceProjectId);
  const dependencies = await repo.projectDependencyRows(ctx.db, ctx.workspaceId, sourceProjectId);
  const keyOf = new Map(rows.map((row) => [row.id, row.key]));
  return {
    stages: source.stages as PlaybookStage[],
    playbook: source.playbookId && source.playbookVersion ? { id: source.playbookId, version: source.playbookVersion } : null,
    tasks: rows.map((row) => ({
      key: row.key,
      title: row.title,
      description: row.description,
      stage: row.stage,
      ownerSide: row.ownerSide,
      ownerRole: row.ownerRole,
      durationDays: row.durationDays,
      effortHours: row.effortHours,
      startOffsetDays: row.startOffsetDays,
      milestoneKind: row.milestoneKind,
      deliverable: row.deliverable,
      needsApproval: row.needsApproval,
      customerVisible: row.customerVisible,
      checklist: (row.checklist as { text: string }[]).map((item) => ({ text: item.text, done: false })),
      form: row.form ?? null,
      memberBefore: row.assigneeMemberId,
    })),
    links: dependencies.map((dependency) => ({ from: keyOf.get(dependency.predecessorId)!, to: keyOf.get(dependency.successorId)!, lagDays: dependency.lagDays })),
    origin: `Copied from the project "${source.name}" (${source.accountName})`,
  };
}

/** Who stands in for a customer role that the account has nobody in. */
export const CONTACT_FALLBACK: Record<string, string[]> = {
  champion: ['champion', 'project_lead'],
  project_lead: ['project_lead', 'champion'],
  executive_sponsor: ['executive_sponsor', 'champion'],
  admin: ['admin', 'project_lead', 'champion'],
  end_user: ['end_user', 'admin', 'project_lead'],
};

/**
 * Saves a new project of the account from a draft: vendor tasks go to the account's owner in their role (else to
 * whoever had them in the project copied), customer tasks to the account's contact in that role; the plan is laid
 * out from day 0 as of today and becomes the baseline. Returns the new project's id.
 */
export async function plantProject(
  tx: Ctx,
  account: Account,
  input: { organizationId?: string | null | undefined; product?: string | null | undefined; name?: string | undefined },
  day0: string,
  draft: Draft,
) {
  const owners = new Map(account.owners.map((owner) => [owner.role as string, owner.memberId]));
  const contacts = await contactsOfAccount(tx, account.id, 'current');
  const contactFor = (role: string) => {
    for (const candidate of CONTACT_FALLBACK[role] ?? [role]) {
      const found = contacts.find((contact) => contact.role === candidate);
      if (found) return found.id;
    }
    return null;
  };
  const idByKey = new Map(draft.tasks.map((task) => [task.key, newTaskId()]));
  const rows: repo.NewTaskRow[] = draft.tasks.map(({ memberBefore, ...task }, position) => ({
    ...task,
    id: idByKey.get(task.key)!,
    workspaceId: tx.workspaceId,
    projectId: '',
    position,
    assigneeMemberId: task.ownerSide === 'vendor' ? (owners.get(task.ownerRole) ?? memberBefore ?? null) : null,
    assigneeContactId: task.ownerSide === 'customer' ? contactFor(task.ownerRole) : null,
  }));
  const dependencies = draft.links.map((link) => ({
    workspaceId: tx.workspaceId,
    projectId: '',
    predecessorId: idByKey.get(link.from)!,
    successorId: idByKey.get(link.to)!,
    lagDays: link.lagDays,
  }));

  const calendar = await calendarOf(tx.db, tx.workspaceId);
  const { baseline, projected } = layOut(engineTasks(rows as repo.TaskRow[], dependencies), calendar, day0, todayFor(tx, calendar));
  const projectId = await repo.insertProject(tx.db, {
    workspaceId: tx.workspaceId,
    accountId: account.id,
    organizationId: input.organizationId ?? null,
    product: input.product ?? null,
    name: input.name ?? `${account.name} onboarding`,
    playbookId: draft.playbook?.id ?? null,
    playbookVersion: draft.playbook?.version ?? null,
    stages: draft.stages,
    day0,
    onboardingManagerId: owners.get('onboarding_manager') ?? null,
    health: projected.health,
    baselineEnd: baseline.projectEnd,
    projectedEnd: projected.projectEnd,
    // The app's clock, not the database's: the nightly re-plan compares it with the app's today.
    createdAt: tx.services.now(),
    updatedAt: tx.services.now(),
  });
  await repo.insertTasks(
    tx.db,
    rows.map((row, i) => {
      const p = projected.tasks[i]!;
      return {
        ...row,
        projectId,
        baselineStart: baseline.tasks[i]!.start,
        baselineFinish: baseline.tasks[i]!.finish,
        projectedStart: p.start,
        projectedFinish: p.finish,
        slackDays: p.slack,
        critical: p.critical,
        health: p.health,
        startReason: p.startReason,
        drivenBy: p.drivenBy,
      };
    }),
  );
  await repo.insertDependencies(tx.db, dependencies.map((dependency) => ({ ...dependency, projectId })));
  await recordEvents(tx, [{ projectId, kind: 'created', reason: `${draft.origin}, day 0 ${day0}` }]);
  await emit(tx, 'project.created', { projectId, accountId: account.id, playbookId: draft.playbook?.id ?? null });
  return projectId;
}
