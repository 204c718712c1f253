// A project's life after it starts: paused (with a reason; the cadence and the escalation ladder stop, as they run
// only for active projects), resumed, closed as complete or cancelled (with a reason; it leaves the active lists and
// still counts in reports), reopened. Each change is one transaction with its history line and the
// project.status_changed event.
import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { emit } from '../../events/bus.ts';
import { recordEvents } from '../history/history.service.ts';
import { reschedule } from './plan.ts';
import * as repo from './projects.repo.ts';
import { getProject } from './projects.service.ts';

type Status = 'active' | 'paused' | 'closed';
type Outcome = 'complete' | 'cancelled';

const ALLOWED: Record<'pause' | 'resume' | 'close' | 'reopen', { from: Status[]; to: Status; refusal: (status: string) => string }> = {
  pause: { from: ['active'], to: 'paused', refusal: (s) => (s === 'paused' ? 'The project is already paused.' : 'A closed project cannot be paused: reopen it first.') },
  resume: { from: ['paused'], to: 'active', refusal: (s) => (s === 'active' ? 'The project is not paused.' : 'A closed project is reopened, not resumed.') },
  close: { from: ['active', 'paused'], to: 'closed', refusal: () => 'The project is already closed.' },
  reopen: { from: ['closed'], to: 'active', refusal: () => 'Only a closed project can be reopened.' },
};

async function changeStatus(ctx: Ctx, projectId: string, change: keyof typeof ALLOWED, reason: string | null, outcome: Outcome | null = null) {
  const rule = ALLOWED[change];
  await inTransaction(ctx, async (tx) => {
    const project = await repo.lockProject(tx.db, tx.workspaceId, projectId);
    if (!project) throw notFound('project');
    if (!rule.from.includes(project.status as Status)) throw conflict(rule.refusal(project.status));
    const now = tx.services.now();
    await repo.updateProject(tx.db, tx.workspaceId, projectId, {
      status: rule.to,
      statusReason: rule.to === 'active' ? null : reason,
      closedOutcome: outcome,
      statusChangedAt: now,
      updatedAt: now,
    });
    const label = rule.to === 'closed' ? `closed (${outcome})` : rule.to;
    await recordEvents(tx, [{ projectId, kind: 'status', field: 'status', fromValue: project.status, toValue: label, reason }]);
    await emit(tx, 'project.status_changed', { projectId, from: project.status, to: rule.to, reason, closedOutcome: outcome });
    // Back at work: today's dates, as work not started while it was paused has slipped.
    if (rule.to === 'active') await reschedule(tx, project, change === 'resume' ? 'Resumed after a pause' : 'Reopened');
  });
  return getProject(ctx, projectId);
}

export const pauseProject = (ctx: Ctx, projectId: string, reason: string) => changeStatus(ctx, projectId, 'pause', reason);
export const resumeProject = (ctx: Ctx, projectId: string, note?: string) => changeStatus(ctx, projectId, 'resume', note ?? null);
export const closeProject = (ctx: Ctx, projectId: string, input: { outcome: Outcome; reason: string }) =>
  changeStatus(ctx, projectId, 'close', input.reason, input.outcome);
export const reopenProject = (ctx: Ctx, projectId: string, note?: string) => changeStatus(ctx, projectId, 'reopen', note ?? null);
