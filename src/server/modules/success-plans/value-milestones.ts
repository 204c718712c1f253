import type { Ctx } from '../../context.ts';
import { conflict } from '../../http/errors.ts';
import * as repo from './success-plans.repo.ts';

const WHAT: Record<string, string> = {
  first_value: 'First value is reached when the customer confirms the first outcome of the success plan',
  value_achieved: 'Value achieved is reached when the customer confirms every outcome of the success plan',
};

/**
 * Once a project's success plan has outcomes, value is what the customer confirms: its first value and value achieved
 * milestones are completed by the customer's confirmation in the portal (success-plans.service settleValue), never
 * by a member's click. A project without outcomes keeps them as ordinary milestones, and a customer ticking one in
 * the portal is the customer saying so. A guard of task.status_changing (app/reactions.ts), inside updateTask's transaction, except when the
 * success plan itself completes the milestone.
 */
export async function assertValueMilestoneByCustomer(
  ctx: Ctx,
  projectId: string,
  task: { milestoneKind: string | null; status: string },
  nextStatus: string | undefined,
) {
  if (nextStatus !== 'done' || task.status === 'done' || !task.milestoneKind || !WHAT[task.milestoneKind]) return;
  if (ctx.actor.kind === 'contact') return; // the confirmation itself
  if ((await repo.listOutcomes(ctx.db, ctx.workspaceId, projectId)).length === 0) return;
  throw conflict(`${WHAT[task.milestoneKind]} in the portal: ask them from the project's Success plan tab.`, { path: ['body', 'status'] });
}
