import { touchpointScore } from '../../../core/health/journey.ts';
import { DEFAULT_STAGES } from '../../../core/playbooks/definition.ts';
import type { JourneyMap, JourneyMapQuery, TouchpointRatingInput } from '../../../contract/journey.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { customerVisibleTask } from '../portal/portal.service.ts';
import * as repo from './journey.repo.ts';

type ContactCtx = Ctx & { actor: { kind: 'contact'; contactId: string; preview: boolean } };

const stageOrder = (stage: string) => {
  const index = DEFAULT_STAGES.findIndex((s) => s.key === stage);
  return index === -1 ? DEFAULT_STAGES.length : index;
};
const stageName = (stage: string) => DEFAULT_STAGES.find((s) => s.key === stage)?.name ?? stage;

export async function journeyMap(ctx: Ctx, query: JourneyMapQuery): Promise<JourneyMap> {
  const rows = await repo.touchpoints(ctx.db, ctx.workspaceId, query);
  const touchpoints = rows
    .map((r) => {
      const onTimePercent = r.done === 0 ? null : Math.round((100 * r.on_time) / r.done);
      const csat = r.csat === null ? null : Math.round(r.csat * 10) / 10;
      const customerImportance = r.importance === null ? null : Math.round(r.importance * 10) / 10;
      const score = touchpointScore({ customerImportance, defaultWeight: r.weight, onTimePercent, csat });
      return {
        playbookId: r.playbook_id,
        playbookName: r.playbook_name,
        taskKey: r.task_key,
        title: r.title,
        stage: r.stage,
        stageName: stageName(r.stage),
        kind: r.milestone ? ('milestone' as const) : ('task' as const),
        projects: r.projects,
        ratings: r.ratings,
        customerImportance,
        defaultWeight: r.weight,
        onTimePercent,
        csat,
        ...score,
        comments: (r.comments ?? []).slice(0, 5),
      };
    })
    .sort((a, b) => a.playbookName.localeCompare(b.playbookName) || stageOrder(a.stage) - stageOrder(b.stage) || a.taskKey.localeCompare(b.taskKey));
  return { playbooks: await repo.playbooksInUse(ctx.db, ctx.workspaceId), touchpoints };
}

export async function setTouchpointWeight(ctx: Ctx, input: { playbookId: string; taskKey: string; weight: number }) {
  if (!(await repo.playbookExists(ctx.db, ctx.workspaceId, input.playbookId))) throw notFound('playbook');
  await repo.saveWeight(ctx.db, ctx.workspaceId, input);
  return { ok: true as const };
}

/** A customer rates how valuable a task of their own project was to them (the portal checks their access). */
export async function rateTouchpoint(ctx: ContactCtx, projectId: string, taskId: string, input: TouchpointRatingInput) {
  await customerVisibleTask(ctx, projectId, taskId);
  const comment = input.comment?.trim() || null;
  await inTransaction(ctx, (tx) =>
    repo.saveRating(tx.db, { workspaceId: tx.workspaceId, projectId, taskId, contactId: ctx.actor.contactId, score: input.score, comment, now: tx.services.now() }),
  );
  return { score: input.score, comment };
}
