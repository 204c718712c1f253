// The escalation ladder for customer silence: at so many business days overdue, do this. Each workspace
// keeps its own (default below); the planner (plan.ts) decides when a step is due.

export const ESCALATION_ACTIONS = [
  'remind_assignee',
  'tell_champion',
  'tell_executive_sponsor',
  'flag_stalled',
  'tell_onboarding_manager',
] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

export const ESCALATION_ACTION_LABELS: Record<EscalationAction, string> = {
  remind_assignee: 'Remind the assignee',
  tell_champion: 'Tell the champion',
  tell_executive_sponsor: 'Tell the executive sponsor',
  tell_onboarding_manager: 'Tell the onboarding manager',
  flag_stalled: 'Flag the project “stalled, waiting on customer”',
};

export interface LadderStep {
  /** Business days past the due date of the oldest overdue customer task of the project. */
  overdueDays: number;
  action: EscalationAction;
  enabled: boolean;
}

export interface Ladder {
  /** Off: no reminders and no escalation at all in this workspace. */
  enabled: boolean;
  steps: LadderStep[];
}

export const MAX_STEPS = 20;
/** A year of business days: a step further out than that would never fire in an onboarding. */
export const MAX_OVERDUE_DAYS = 260;

export const DEFAULT_LADDER: Ladder = {
  enabled: true,
  steps: [
    { overdueDays: 5, action: 'remind_assignee', enabled: true },
    { overdueDays: 10, action: 'tell_champion', enabled: true },
    { overdueDays: 15, action: 'tell_executive_sponsor', enabled: true },
    { overdueDays: 21, action: 'flag_stalled', enabled: true },
    { overdueDays: 21, action: 'tell_onboarding_manager', enabled: true },
  ],
};

/** A step's identity within an episode: editing other steps (or reordering) does not make it fire again. */
export const stepKey = (step: Pick<LadderStep, 'overdueDays' | 'action'>) => `${step.overdueDays}:${step.action}`;

export interface LadderProblem {
  index: number;
  field: 'overdueDays' | 'action';
  message: string;
}

/** What is wrong with a ladder's steps, each named by its position; empty when it can be saved. */
export function ladderProblems(steps: readonly LadderStep[]): LadderProblem[] {
  const problems: LadderProblem[] = [];
  const seen = new Map<string, number>();
  let stallAt: number | undefined;
  steps.forEach((step, index) => {
    if (!Number.isInteger(step.overdueDays) || step.overdueDays < 1 || step.overdueDays > MAX_OVERDUE_DAYS) {
      problems.push({ index, field: 'overdueDays', message: `must be a whole number of business days from 1 to ${MAX_OVERDUE_DAYS}` });
      return;
    }
    const key = stepKey(step);
    const twin = seen.get(key);
    if (twin !== undefined) {
      problems.push({ index, field: 'action', message: `repeats step ${twin + 1} (the same action on day ${step.overdueDays})` });
    }
    seen.set(key, index);
    if (step.action === 'flag_stalled') {
      if (stallAt !== undefined && twin === undefined) {
        problems.push({ index, field: 'action', message: `the project is already flagged stalled by step ${stallAt + 1}: keep one such step` });
      }
      stallAt ??= index;
    }
  });
  return problems;
}

/** The steps in the order they fire: by day, then in the order of ESCALATION_ACTIONS (stalled before the manager is told). */
export function sortLadder(steps: readonly LadderStep[]): LadderStep[] {
  return [...steps].sort(
    (a, b) => a.overdueDays - b.overdueDays || ESCALATION_ACTIONS.indexOf(a.action) - ESCALATION_ACTIONS.indexOf(b.action),
  );
}
