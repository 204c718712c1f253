// The four onboarding measures leaders are judged on, each from day 0 (the project's day 0, the contract
// signature as the project sees it) to the day a milestone task is done. Which milestone ends each measure is a
// workspace's choice; these are the defaults, matching the built-in playbooks' milestones.
import type { PlaybookMilestoneKind } from '../playbooks/definition.ts';

export const MEASURES = ['first_engagement', 'live', 'first_value', 'value'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  first_engagement: 'Time to first engagement',
  live: 'Time to live',
  first_value: 'Time to first value',
  value: 'Time to value',
};

/** The milestones a measure may end at (custom milestones have no kind of their own to aim at). */
export type MeasureMilestone = Exclude<PlaybookMilestoneKind, 'custom'>;

export type MeasureDefinitions = Record<Measure, MeasureMilestone>;

export const DEFAULT_DEFINITIONS: MeasureDefinitions = {
  first_engagement: 'first_engagement',
  live: 'go_live',
  first_value: 'first_value',
  value: 'value_achieved',
};

/** What the groups of a time-to-value report may be. */
export const GROUP_BYS = [
  'none',
  'segment',
  'touch_model',
  'playbook',
  'product',
  'industry',
  'complexity',
  'manager',
  'cohort_month',
  'cohort_quarter',
  /** Segment × contract quarter, one group each. */
  'segment_cohort',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/**
 * Customer-caused slip is kept in business days (milestone_slips); durations are calendar days. Net time takes
 * the customer's business days off as calendar days at 7 per 5, never below zero.
 */
export const customerSlipCalendarDays = (businessDays: number) => Math.round((Math.max(0, businessDays) * 7) / 5);

export const netDays = (grossDays: number, customerBusinessDays: number) => Math.max(0, grossDays - customerSlipCalendarDays(customerBusinessDays));
