// A playbook: the reusable template of an onboarding (shared/DOMAIN.md). Plain data; also the JSON
// format of playbook import and export.
import type { Complexity, ContactRole, Segment, TouchModel } from '../people.ts';

export const VENDOR_TASK_ROLES = ['onboarding_manager', 'implementation_manager', 'csm', 'sales', 'education'] as const;
export type VendorTaskRole = (typeof VENDOR_TASK_ROLES)[number];

/** Who does a task: a vendor role (resolved from the account's owners) or a customer role (from its contacts). */
export type TaskOwner = { side: 'vendor'; role: VendorTaskRole } | { side: 'customer'; role: ContactRole };

export const MILESTONE_KINDS = [
  'kickoff',
  'first_engagement',
  'go_live',
  'first_value',
  'value_achieved',
  'onboarding_complete',
  'custom',
] as const;
export type PlaybookMilestoneKind = (typeof MILESTONE_KINDS)[number];

export const DEFAULT_STAGES = [
  { key: 'mobilization', name: 'Mobilization' },
  { key: 'design', name: 'Design' },
  { key: 'launch', name: 'Launch' },
  { key: 'adoption', name: 'Adoption' },
  { key: 'value_creation', name: 'Value creation' },
] as const;

export interface PlaybookStage {
  key: string;
  name: string;
}

/**
 * Work Landfall does itself. A task bound to one completes when it happens, on the day it happened, so the
 * plan never waits for (or blames anyone for) work the system already did.
 */
export const AUTOMATED_ACTIONS = ['cadence.welcome_sent'] as const;
export type AutomatedAction = (typeof AUTOMATED_ACTIONS)[number];

export const AUTOMATED_ACTION_LABELS: Record<AutomatedAction, string> = {
  'cadence.welcome_sent': 'the cadence sent the welcome email',
};

export interface PlaybookTask {
  /** Stable within the playbook (e.g. "kickoff_meeting"); dependencies refer to it. */
  key: string;
  title: string;
  /** Markdown. */
  description?: string;
  /** A stage key. */
  stage: string;
  owner: TaskOwner;
  /** Business days; 0 for a milestone. */
  durationDays: number;
  /** Hours of work it takes its owner (the capacity view); missing: the default for its kind (core/capacity). */
  effortHours?: number | null;
  /** Earliest start in calendar days from day 0 (contract signed); negative for work before it. */
  startOffsetDays?: number | null;
  /** Finish-to-start, with a lag in business days. */
  dependsOn?: { task: string; lagDays?: number }[];
  milestoneKind?: PlaybookMilestoneKind | null;
  deliverable?: boolean;
  needsApproval?: boolean;
  customerVisible?: boolean;
  checklist?: string[];
  /** Completes by itself when this automated action happens (e.g. the cadence sends the welcome email). */
  completesOn?: AutomatedAction | null;
}

/** Which accounts a playbook fits; an empty list means "any". */
export interface SelectionRule {
  segments: Segment[];
  complexities: Complexity[];
  /** The account bought at least one of these products. */
  products: string[];
}

export interface PlaybookDefinition {
  name: string;
  description?: string;
  touchModel: TouchModel;
  /** Typical length in days from day 0, for people choosing a playbook. */
  targetDays: number;
  selection: SelectionRule;
  stages: PlaybookStage[];
  tasks: PlaybookTask[];
}
