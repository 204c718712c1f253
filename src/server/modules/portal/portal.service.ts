import { mentionedIn } from '../../../core/my-work/mentions.ts';
import { checkAnswers, type FormAnswers, type FormField } from '../../../core/portal/forms.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { projectHeadline, projectWithRows } from '../projects/projects.service.ts';
import { addComment, updateTask } from '../projects/tasks.service.ts';
import {
  approvalsOfProject,
  attachTaskFile,
  decideTaskApproval,
  filesOfProject,
  projectTask,
  saveTaskFormAnswers,
  signOffStates,
  taskFile,
  type ApprovalDecision,
  type Upload,
} from '../projects/deliverables.service.ts';
import { grantAccess } from './portal-access.service.ts';
import { taskCalendarFile } from '../calendars/calendars.service.ts';
import * as repo from './portal.repo.ts';
import { brandingOf, brandingSettings } from '../branding/branding.service.ts';
import { actorOf, recordEvents } from '../history/history.service.ts';
import type { PortalProject, PortalTask } from '../../../contract/portal.ts';
import { addContact, contactOf, contactsOfAccount } from '../contacts/contacts.service.ts';

type ContactCtx = Ctx & { actor: { kind: 'contact'; contactId: string; preview: boolean } };

/** A new portal visit is counted after this long without one. */
const VISIT_GAP_MS = 30 * 60_000;
/** Within a visit, "last seen" moves on at most once a minute. */
const VISIT_TOUCH_MS = 60_000;

/** The contact's live access to the project, or "not found" (never "forbidden": another project's id tells nothing). */
async function accessOf(ctx: ContactCtx, projectId: string) {
  const access = await repo.findLiveAccess(ctx.db, ctx.workspaceId, projectId, ctx.actor.contactId);
  if (!access) throw notFound('project');
  return access;
}

/** A task of the project that the customer may see. */
async function visibleTask(ctx: ContactCtx, projectId: string, taskId: string) {
  await accessOf(ctx, projectId);
  const task = await projectTask(ctx, projectId, taskId);
  if (!task.customerVisible) throw notFound('task');
  return task;
}

export async function portalMe(ctx: ContactCtx) {
  const contact = await contactOf(ctx, ctx.actor.contactId);
  if (!contact) throw notFound('contact');
  const settings = await brandingSettings(ctx.db, ctx.workspaceId);
  const projects = await repo.projectsOfContact(ctx.db, ctx.workspaceId, ctx.actor.contactId);
  return {
    contact: { id: contact.id, name: contact.name, email: contact.email },
    preview: ctx.actor.preview,
    branding: brandingOf(ctx.workspaceId, settings),
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
  };
}

/** The customer's view of their project: the visible plan by stage, "your tasks" first, milestones with their ratings. */
export async function portalProject(ctx: ContactCtx, projectId: string): Promise<PortalProject> {
  const access = await accessOf(ctx, projectId);
  const now = ctx.services.now();
  const sinceLastVisit = access.lastVisitAt ? now.getTime() - access.lastVisitAt.getTime() : Infinity;
  if (!ctx.actor.preview && sinceLastVisit > VISIT_GAP_MS) {
    const who_ = actorOf(ctx);
    await repo.recordVisit(ctx.db, ctx.workspaceId, access.id, now);
    await recordEvents(ctx, [
      { workspaceId: ctx.workspaceId, projectId, ...who_, kind: 'portal_visit', toValue: 'opened the portal', createdAt: now },
    ]);
  } else if (!ctx.actor.preview && sinceLastVisit > VISIT_TOUCH_MS) {
    // "Last seen" to the minute: a page read does not write each time it is read.
    await repo.recordVisit(ctx.db, ctx.workspaceId, access.id, now);
  }

  // One after the other: inside a transaction they share one connection.
  const { project, rows, files } = await projectWithRows(ctx, projectId);
  const settings = await brandingSettings(ctx.db, ctx.workspaceId);
  const approvals = await approvalsOfProject(ctx, projectId);
  const comments = await repo.sharedCommentsOfProject(ctx.db, ctx.workspaceId, projectId);
  const ratings = await repo.ratingsOfProject(ctx.db, ctx.workspaceId, projectId);
  const people = await repo.projectMembers(ctx.db, ctx.workspaceId, projectId);
  const taskRows = new Map(rows.map((row) => [row.id, row]));
  const signOffs = await signOffStates(ctx, projectId, rows, { approvals });

  const tasks: PortalTask[] = project.tasks
    .filter((task) => task.customerVisible)
    .map((task) => {
      const row = taskRows.get(task.id)!;
      const approval = approvals.filter((a) => a.taskId === task.id).at(-1);
      const form = row.form as FormField[] | null;
      return {
        id: task.id,
        title: task.title,
        description: task.description,
        stage: task.stage,
        side: task.owner.side,
        ownerName: task.assignee?.name ?? (task.owner.side === 'customer' ? 'Your team' : settings.workspaceName),
        mine: task.assignee?.kind === 'contact' && task.assignee.id === ctx.actor.contactId,
        status: task.status,
        stuckReason: task.stuckReason,
        plannedFinish: task.baselineFinish,
        projectedStart: task.projectedStart,
        projectedFinish: task.projectedFinish,
        actualFinish: task.actualFinish,
        late: task.status !== 'done' && task.status !== 'skipped' && !!task.projectedFinish && task.projectedFinish < project.today,
        milestoneKind: task.milestoneKind,
        deliverable: task.deliverable,
        needsApproval: task.needsApproval,
        signOff: signOffs.get(task.id) ?? 'none',
        approval: approval
          ? { decision: approval.decision as 'approved' | 'rejected', signedName: approval.signedName, comment: approval.comment, at: approval.createdAt.toISOString() }
          : null,
        form: form
          ? {
              fields: form,
              answers: (row.formAnswers as FormAnswers | null) ?? {},
              answeredBy: row.formAnsweredBy,
              answeredAt: row.formAnsweredAt?.toISOString() ?? null,
            }
          : null,
        files: files
          .filter((f) => f.taskId === task.id)
          .map((f) => ({
            id: f.id,
            fileName: f.fileName,
            size: f.size,
            fieldKey: f.fieldKey,
            uploadedBy: f.uploadedByName,
            at: f.createdAt.toISOString(),
            url: `/api/portal/v1/projects/${projectId}/files/${f.id}`,
          })),
        comments: comments
          .filter((c) => c.taskId === task.id)
          .map((c) => ({ id: c.id, authorName: c.authorName, fromCustomer: c.authorContactId !== null, body: c.body, at: c.createdAt.toISOString() })),
      };
    });
  const open = (task: PortalTask) => task.status !== 'done' && task.status !== 'skipped';
  // Yours: what is assigned to you, and every deliverable waiting for the customer's sign-off.
  const yours = (task: PortalTask) => task.mine || task.signOff === 'waiting';
  const byDate = (a: PortalTask, b: PortalTask) => (a.projectedFinish ?? '').localeCompare(b.projectedFinish ?? '');
  return {
    id: project.id,
    name: project.name,
    accountName: project.accountName,
    today: project.today,
    day0: project.day0,
    health: project.health,
    projectedGoLive: project.projectedGoLive,
    onboardingManager: project.onboardingManager?.name ?? null,
    branding: brandingOf(ctx.workspaceId, settings),
    allowColleagueInvites: settings.allowColleagueInvites,
    preview: ctx.actor.preview,
    yourName: ctx.actor.name,
    stages: project.stages.map((stage) => ({ key: stage.key, name: stage.name, taskIds: tasks.filter((t) => t.stage === stage.key).map((t) => t.id) })),
    yourTaskIds: tasks.filter((t) => yours(t) && open(t)).sort(byDate).map((t) => t.id),
    teamTaskIds: tasks.filter((t) => !yours(t) && t.side === 'customer' && open(t)).sort(byDate).map((t) => t.id),
    tasks,
    milestones: project.milestones
      .filter((m) => taskRows.get(m.taskId)?.customerVisible)
      .map((m) => {
        const mine = ratings.find((r) => r.taskId === m.taskId && r.contactId === ctx.actor.contactId);
        return {
          taskId: m.taskId,
          kind: m.kind,
          title: m.title,
          planned: m.baseline,
          projected: m.projected,
          reachedOn: m.actual,
          myRating: mine ? { score: mine.score, comment: mine.comment } : null,
        };
      }),
    people: people.map((p) => ({ id: p.id, name: p.name })),
  };
}

export async function setTaskStatus(ctx: ContactCtx, projectId: string, taskId: string, input: { status: 'done' | 'stuck' | 'in_progress'; reason?: string | undefined }) {
  const task = await visibleTask(ctx, projectId, taskId);
  if (task.ownerSide !== 'customer') throw forbidden(`"${task.title}" is done by ${'the vendor'}: it is shown so you know where things are.`);
  if (input.status === 'done' && task.needsApproval) throw conflict(`"${task.title}" is completed by approving or rejecting it.`);
  if (input.status === 'done' && task.form) {
    const uploaded = new Set((await filesOfProject(ctx, projectId)).filter((f) => f.taskId === taskId && f.fieldKey).map((f) => f.fieldKey!));
    const { problems } = checkAnswers(task.form as FormField[], (task.formAnswers as FormAnswers | null) ?? {}, uploaded);
    if (problems.length) throw new AppError('conflict', `Answer the task's form first: ${problems[0]!.message}.`, { errors: problems.map((p) => ({ path: ['form', ...p.path], message: p.message })) });
  }
  if (input.status === 'stuck' && !input.reason?.trim()) throw invalid('reason: say what the task is stuck on', { path: ['body', 'reason'] });
  return updateTask(ctx, taskId, { status: input.status, ...(input.status === 'stuck' ? { stuckReason: input.reason!.trim() } : {}), reason: input.reason });
}

/** Saves a task's form answers from the portal, on a task the contact can see. */
export async function saveFormAnswers(ctx: ContactCtx, projectId: string, taskId: string, answers: Record<string, unknown>) {
  return saveTaskFormAnswers(ctx, await visibleTask(ctx, projectId, taskId), answers);
}

/** The task a contact is uploading to (looked up before the upload is read: an unknown task is 404 at once). */
/** A task of the project that this customer may see (or not found): for modules that let customers act on a task. */
export const customerVisibleTask = (ctx: ContactCtx, projectId: string, taskId: string) => visibleTask(ctx, projectId, taskId);
export const uploadTarget = (ctx: ContactCtx, projectId: string, taskId: string) => visibleTask(ctx, projectId, taskId);

/** Keeps a file the contact uploads to a task they can see (found by uploadTarget). */
export const attachFile = (ctx: ContactCtx, task: Awaited<ReturnType<typeof uploadTarget>>, upload: Upload) => attachTaskFile(ctx, task, upload);

/** A file of the project, for download: only of tasks the contact can see. */
export async function projectFile(ctx: ContactCtx, projectId: string, fileId: string) {
  await accessOf(ctx, projectId);
  return taskFile(ctx, projectId, fileId, { customerVisibleOnly: true });
}

/** The customer's sign-off (or rejection) of a deliverable they can see. */
export async function decideApproval(ctx: ContactCtx, projectId: string, taskId: string, input: ApprovalDecision, ip: string) {
  const task = await visibleTask(ctx, projectId, taskId);
  const contact = await contactOf(ctx, ctx.actor.contactId);
  const signer = { contactId: ctx.actor.contactId, name: contact?.name ?? ctx.actor.name, email: contact?.email ?? null, ip };
  return decideTaskApproval(ctx, task, signer, input);
}

/** A comment from the portal; "@Name" of a vendor person on the project tells them by email. */
export async function portalComment(ctx: ContactCtx, projectId: string, taskId: string, body: string) {
  const task = await visibleTask(ctx, projectId, taskId);
  return inTransaction(ctx, async (tx) => {
    const comment = await addComment(tx, taskId, body);
    const people = await repo.projectMembers(tx.db, tx.workspaceId, projectId);
    const mentioned = mentionedIn(body, people);
    for (const person of mentioned) {
      await queueMail(tx.db, tx.services, tx.workspaceId, {
        dedupeKey: `mention:${comment.id}:${person.id}`,
        to: person.email,
        subject: `${comment.authorName} mentioned you on "${task.title}"`,
        text: `${comment.authorName} wrote on "${task.title}":\n\n${body}\n\nOpen the project: ${tx.services.config.publicUrl}/projects/${projectId}`,
      });
    }
    return {
      id: comment.id,
      authorName: comment.authorName,
      fromCustomer: true,
      body: comment.body,
      at: comment.createdAt,
      mentioned: mentioned.map((p) => p.name),
    };
  });
}

/** CSAT: the contact rates a milestone once it is reached (rating again replaces their earlier answer). */
export async function rateMilestone(ctx: ContactCtx, projectId: string, taskId: string, input: { score: number; comment?: string | undefined }) {
  const task = await visibleTask(ctx, projectId, taskId);
  if (!task.milestoneKind) throw conflict(`"${task.title}" is not a milestone.`);
  if (task.status !== 'done') throw conflict(`"${task.title}" has not been reached yet: you can rate it once it is.`);
  return inTransaction(ctx, async (tx) => {
    const now = tx.services.now();
    await repo.upsertRating(tx.db, {
      workspaceId: tx.workspaceId,
      projectId,
      taskId,
      contactId: ctx.actor.contactId,
      score: input.score,
      comment: input.comment?.trim() || null,
      createdAt: now,
      updatedAt: now,
    });
    await recordEvents(tx, [
      { workspaceId: tx.workspaceId, projectId, taskId, ...(actorOf(tx)), kind: 'milestone_rated', toValue: `rated "${task.title}" ${input.score}/5`, reason: input.comment?.trim() || null, createdAt: now },
    ]);
    return { score: input.score, comment: input.comment?.trim() || null };
  });
}

const domainOf = (email: string) => email.split('@')[1]?.toLowerCase() ?? '';

/** A contact invites a colleague from their own company domain (unless the vendor turned that off). */
export async function inviteColleague(ctx: ContactCtx, projectId: string, input: { name: string; email: string; title?: string | undefined }) {
  await accessOf(ctx, projectId);
  const settings = await brandingSettings(ctx.db, ctx.workspaceId);
  if (!settings.allowColleagueInvites) throw forbidden(`${settings.workspaceName} adds people to this portal itself: ask your onboarding manager.`);
  const me = (await contactOf(ctx, ctx.actor.contactId))!;
  if (domainOf(input.email) !== domainOf(me.email)) {
    throw invalid(`email: invite colleagues with an @${domainOf(me.email)} address`, { path: ['body', 'email'] });
  }
  const project = (await projectHeadline(ctx, projectId))!;
  return inTransaction(ctx, async (tx) => {
    const found = (await contactsOfAccount(tx, project.accountId, 'all')).find((c) => c.email.toLowerCase() === input.email.toLowerCase());
    if (found?.leftOn) throw conflict(`${found.name} is recorded as having left the company.`, { path: ['body', 'email'] });
    const contact =
      found ??
      (await addContact(tx, project.accountId, { name: input.name.trim(), email: input.email.trim(), title: input.title?.trim() || null, role: 'end_user' }));
    return grantAccess(tx, projectId, contact.id);
  });
}

/** "Add to calendar" for a milestone or meeting of the contact's project: an .ics file with the task's stable UID. */
export async function taskCalendar(ctx: ContactCtx, projectId: string, taskId: string) {
  await accessOf(ctx, projectId);
  return taskCalendarFile(ctx, projectId, taskId, `${ctx.services.config.publicUrl}/portal/projects/${projectId}`, { customerVisibleOnly: true });
}
