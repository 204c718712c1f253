// The plan's quick filters: mine, the customer's, overdue, due this week. Pure, so they are tested without a page.
import { toDayNumber } from './dates.ts';
import type { ProjectTask } from './projects.api.ts';

export const PLAN_FILTERS = ['all', 'mine', 'customer', 'overdue', 'week'] as const;
export type PlanFilter = (typeof PLAN_FILTERS)[number];

export const PLAN_FILTER_LABELS: Record<PlanFilter, string> = {
  all: 'All tasks',
  mine: 'Mine',
  customer: 'Customer’s',
  overdue: 'Overdue',
  week: 'Due this week',
};

export interface PlanFilterContext {
  /** The signed-in member. */
  memberId: string;
  /** Today, YYYY-MM-DD, in the reader's calendar. */
  today: string;
}

const open = (task: ProjectTask) => task.status !== 'done' && task.status !== 'skipped';

export function matchesPlanFilter(task: ProjectTask, filter: PlanFilter, context: PlanFilterContext): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'mine':
      return task.assignee?.kind === 'member' && task.assignee.id === context.memberId;
    case 'customer':
      return task.owner.side === 'customer';
    case 'overdue': {
      // Due is the date promised in the baseline: the engine keeps moving open work's projected dates to today or later.
      const due = task.baselineFinish ?? task.projectedFinish;
      return open(task) && due !== null && due < context.today;
    }
    case 'week': {
      if (!open(task) || task.projectedFinish === null) return false;
      const today = toDayNumber(context.today);
      const finish = toDayNumber(task.projectedFinish);
      return finish >= today && finish < today + 7;
    }
  }
}

/** Today in the browser's own timezone, as the plan's dates are days. */
export const todayHere = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
