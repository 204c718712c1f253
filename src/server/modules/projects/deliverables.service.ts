// What a task asks of the customer and what comes back: its form and answers, its files, and sign-offs.
// Staff (the task drawer) and customers (the portal) both use these; the caller has decided that the actor may
// reach the task (the portal checks the contact's access and that the task is customer-visible).
import { randomUUID } from 'node:crypto';
import { checkAnswers, checkFormDefinition, type FormField } from '../../../core/portal/forms.ts';
import { isOwnName, signOffState, type SignOffState } from '../../../core/portal/sign-off.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { actorOf, recordEvents } from '../history/history.service.ts';
import * as repo from './deliverables.repo.ts';
import { inspectUpload, removeFileBytes, writeFileBytes } from './file-store.ts';
import * as projectsRepo from './projects.repo.ts';
import { updateTask } from './tasks.service.ts';

type TaskRow = projectsRepo.TaskRow;

export interface Upload {
  name: string;
  bytes: Buffer;
  /** The form's file field it answers, if any. */
  fieldKey: string | null;
}

export interface ApprovalDecision {
  decision: 'approved' | 'rejected';
  signedName: string;
  comment?: string | undefined;
}

/** The signed-in contact signing, as the portal knows them. */
export interface Signer {
  contactId: string;
  name: string;
  email: string | null;
  ip: string;
}

/** An upload refused for its size (413) or type (415). */
export class UploadRefused extends Error {
  constructor(
    readonly statusCode: 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** A task of the project, for a member or token; "not found" when it belongs to another project or workspace. */
export async function projectTask(ctx: Ctx, projectId: string, taskId: string): Promise<TaskRow> {
  const task = await projectsRepo.findTask(ctx.db, ctx.workspaceId, taskId);
  if (!task || task.projectId !== projectId) throw notFound('task');
  return task;
}

export const filesOfProject = (ctx: Ctx, projectId: string) => repo.filesOfProject(ctx.db, ctx.workspaceId, projectId);

export const approvalsOfProject = (ctx: Ctx, projectId: string) => repo.approvalsOfProject(ctx.db, ctx.workspaceId, projectId);

/** Saves a task's form answers (a partial save is fine; completing the task needs the required ones). */
export async function saveTaskFormAnswers(ctx: Ctx, task: TaskRow, answers: Record<string, unknown>) {
  return inTransaction(ctx, async (tx) => {
    if (!task.form) throw conflict(`"${task.title}" has no form to fill in.`);
    const { values, problems } = checkAnswers(task.form as FormField[], answers, new Set());
    const shapeProblems = problems.filter((p) => !p.message.endsWith('is required') && !p.message.endsWith('upload a file'));
    if (shapeProblems.length) {
      throw new AppError('invalid', shapeProblems.map((p) => p.message).join('; '), {
        errors: shapeProblems.map((p) => ({ path: ['body', 'answers', ...p.path], message: p.message })),
      });
    }
    const who = actorOf(tx);
    const now = tx.services.now();
    await repo.saveFormAnswers(tx.db, tx.workspaceId, task.id, { formAnswers: values, formAnsweredBy: who.actorName, formAnsweredAt: now });
    await recordEvents(tx, [{ projectId: task.projectId, taskId: task.id, kind: 'form_answered', toValue: `answered the form of "${task.title}"` }]);
    return { answers: values, answeredBy: who.actorName, answeredAt: now.toISOString() };
  });
}

/** Defines (or removes, with null) the form the customer fills in on a task. */
export async function defineTaskForm(ctx: Ctx, projectId: string, taskId: string, fields: FormField[] | null) {
  await projectTask(ctx, projectId, taskId);
  if (fields) {
    const problems = checkFormDefinition(fields);
    if (problems.length) {
      throw new AppError('invalid', problems.map((p) => `fields.${p.path.join('.')}: ${p.message}`).join('; '), {
        errors: problems.map((p) => ({ path: ['body', 'fields', ...p.path], message: p.message })),
      });
    }
  }
  await projectsRepo.updateTask(ctx.db, ctx.workspaceId, taskId, { form: fields, updatedAt: ctx.services.now() });
  return { fields };
}

/** Keeps an uploaded file on a task: checked, stored under the data directory, recorded. */
export async function attachTaskFile(ctx: Ctx, task: TaskRow, upload: Upload) {
  if (upload.fieldKey) {
    const field = ((task.form as FormField[] | null) ?? []).find((f) => f.key === upload.fieldKey);
    if (!field || field.type !== 'file') throw invalid(`fieldKey: "${upload.fieldKey}" is not a file field of this task's form`, { path: ['body', 'fieldKey'] });
  }
  const { fileName, verdict, sha256 } = await inspectUpload(upload.name, upload.bytes);
  if (!verdict.ok) throw new UploadRefused(verdict.status, verdict.message);
  const id = randomUUID();
  await writeFileBytes(ctx.services, ctx.workspaceId, id, upload.bytes);
  try {
    return await inTransaction(ctx, async (tx) => {
      const who = actorOf(tx);
      const now = tx.services.now();
      const row = await repo.insertFile(tx.db, {
        id,
        workspaceId: tx.workspaceId,
        projectId: task.projectId,
        taskId: task.id,
        fieldKey: upload.fieldKey,
        fileName,
        contentType: verdict.mime,
        size: upload.bytes.length,
        sha256,
        uploadedByName: who.actorName,
        uploadedByContactId: who.actorContactId ?? null,
        uploadedByMemberId: who.actorMemberId,
        createdAt: now,
      });
      await recordEvents(tx, [{ projectId: task.projectId, taskId: task.id, kind: 'file_uploaded', toValue: `uploaded ${fileName} to "${task.title}"` }]);
      return { id: row.id, fileName, size: row.size, contentType: verdict.mime, fieldKey: row.fieldKey, uploadedBy: row.uploadedByName, at: now.toISOString() };
    });
  } catch (error) {
    await removeFileBytes(ctx.services, ctx.workspaceId, id);
    throw error;
  }
}

/** A file of the project, for download; `customerVisibleOnly` hides files of tasks the customer cannot see. */
export async function taskFile(ctx: Ctx, projectId: string, fileId: string, { customerVisibleOnly = false } = {}) {
  const found = await repo.findFile(ctx.db, ctx.workspaceId, projectId, fileId);
  if (!found || (customerVisibleOnly && !found.customerVisible)) throw notFound('file');
  return found.file;
}

/** Where each of the project's deliverables stands with the customer's sign-off, by task id (core/portal/sign-off.ts). */
export async function signOffStates(
  ctx: Ctx,
  projectId: string,
  tasks: readonly Pick<TaskRow, 'id' | 'needsApproval' | 'deliverable' | 'status'>[],
  /** The project's approvals, when the caller has read them already. */
  known?: { approvals: Awaited<ReturnType<typeof repo.approvalsOfProject>> },
) {
  const [requests, approvals] = await Promise.all([
    repo.signOffRequestsOfProject(ctx.db, ctx.workspaceId, projectId),
    known?.approvals ?? repo.approvalsOfProject(ctx.db, ctx.workspaceId, projectId),
  ]);
  const states = new Map<string, SignOffState>();
  for (const task of tasks) {
    states.set(
      task.id,
      signOffState({
        // A deliverable is signed off too, as the portal always offered.
        needsApproval: task.needsApproval || task.deliverable,
        status: task.status,
        requestedAt: requests.filter((r) => r.taskId === task.id).map((r) => r.createdAt),
        decisions: approvals.filter((a) => a.taskId === task.id).map((a) => ({ decision: a.decision as 'approved' | 'rejected', at: a.createdAt })),
      }),
    );
  }
  return states;
}

/** A deliverable's sign-off, for the task drawer. */
export async function taskSignOff(ctx: Ctx, projectId: string, taskId: string) {
  const task = await projectTask(ctx, projectId, taskId);
  const [state, requests, approvals] = await Promise.all([
    signOffStates(ctx, projectId, [task]).then((states) => states.get(task.id)!),
    repo.signOffRequestsOfProject(ctx.db, ctx.workspaceId, projectId),
    repo.approvalsOfProject(ctx.db, ctx.workspaceId, projectId),
  ]);
  return {
    state,
    requests: requests.filter((r) => r.taskId === task.id).map((r) => ({ by: r.requestedByName, note: r.note, at: r.createdAt.toISOString() })),
    decisions: approvals
      .filter((a) => a.taskId === task.id)
      .map((a) => ({
        decision: a.decision as 'approved' | 'rejected',
        signedName: a.signedName,
        signerEmail: a.signerEmail,
        comment: a.comment,
        at: a.createdAt.toISOString(),
      })),
  };
}

/** The vendor says a deliverable is ready: the customer is asked for their sign-off from now on. */
export async function requestSignOff(ctx: Ctx, projectId: string, taskId: string, note: string | undefined) {
  const task = await projectTask(ctx, projectId, taskId);
  if (!task.needsApproval && !task.deliverable) throw conflict(`"${task.title}" does not ask for the customer's sign-off: turn on "Needs approval" first.`);
  const state = (await signOffStates(ctx, projectId, [task])).get(task.id);
  if (state === 'approved') throw conflict(`"${task.title}" is already approved.`);
  if (state === 'waiting') throw conflict(`"${task.title}" is already waiting for the customer's sign-off.`);
  await inTransaction(ctx, async (tx) => {
    const now = tx.services.now();
    await repo.insertSignOffRequest(tx.db, {
      workspaceId: tx.workspaceId,
      projectId,
      taskId: task.id,
      requestedByName: tx.actor.name,
      note: note?.trim() || null,
      createdAt: now,
    });
    await recordEvents(tx, [
      { projectId, taskId: task.id, kind: 'approval', field: 'approval', toValue: `asked the customer to sign off "${task.title}"`, reason: note?.trim() || null },
    ]);
  });
  return taskSignOff(ctx, projectId, taskId);
}

/**
 * A contact's sign-off (or rejection) of a deliverable that is ready for it; approving completes the task, rejecting
 * sends it back. The name typed must be the signer's own; their address and network address are kept with it.
 */
export async function decideTaskApproval(ctx: Ctx, task: TaskRow, signer: Signer, input: ApprovalDecision) {
  if (!task.needsApproval && !task.deliverable) throw conflict(`"${task.title}" does not ask for a sign-off.`);
  const state = (await signOffStates(ctx, task.projectId, [task])).get(task.id);
  if (state === 'approved') throw conflict(`"${task.title}" is already approved.`);
  if (state !== 'waiting') {
    throw conflict(`"${task.title}" is not ready for your sign-off yet: the team will ask you when the work is done.`);
  }
  if (!isOwnName(input.signedName, signer.name)) {
    throw invalid(`signedName: type your own name, ${signer.name}, to sign`, { path: ['body', 'signedName'] });
  }
  if (input.decision === 'rejected' && !input.comment?.trim()) {
    throw invalid('comment: say what needs to change before you can approve it', { path: ['body', 'comment'] });
  }
  return inTransaction(ctx, async (tx) => {
    const now = tx.services.now();
    const approval = await repo.insertApproval(tx.db, {
      workspaceId: tx.workspaceId,
      projectId: task.projectId,
      taskId: task.id,
      contactId: signer.contactId,
      // Their name as on record: the typed one only confirmed it.
      signedName: signer.name,
      signerEmail: signer.email,
      signerIp: signer.ip,
      decision: input.decision,
      comment: input.comment?.trim() || null,
      createdAt: now,
    });
    await recordEvents(tx, [
      {
        projectId: task.projectId,
        taskId: task.id,
        kind: 'approval',
        field: 'approval',
        toValue: `${input.decision === 'approved' ? 'approved' : 'rejected'} "${task.title}" (signed ${approval.signedName})`,
        reason: approval.comment,
      },
    ]);
    if (input.decision === 'approved' && task.status !== 'done') {
      await updateTask(tx, task.id, { status: 'done', reason: `Approved by ${approval.signedName}` });
    } else if (input.decision === 'rejected' && task.status === 'done') {
      await updateTask(tx, task.id, { status: 'in_progress', reason: `Rejected by ${approval.signedName}: ${approval.comment}` });
    }
    return { decision: input.decision, signedName: approval.signedName, comment: approval.comment, at: now.toISOString() };
  });
}

/** A member or token attaches a file to a task of the project. */
export async function attachFile(ctx: Ctx, projectId: string, taskId: string, upload: Upload) {
  return attachTaskFile(ctx, await projectTask(ctx, projectId, taskId), upload);
}
