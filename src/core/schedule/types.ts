// The plain data the scheduling engine reads and returns.
import type { BusinessCalendar, IsoDate } from '../calendar.ts';

export type TaskSide = 'customer' | 'vendor';
export type TaskStatus = 'not_started' | 'in_progress' | 'stuck' | 'done' | 'skipped';
export type MilestoneKind =
  | 'first_engagement'
  | 'go_live'
  | 'first_value'
  | 'value_achieved'
  | 'onboarding_complete';

/** Finish-to-start: the task starts `lagDays` business days after `taskId` finishes. */
export interface Dependency {
  taskId: string;
  lagDays?: number;
}

/** A task as a playbook defines it. */
export interface PlanTask {
  id: string;
  /** Shown in messages ("dependency cycle: Kickoff → Design → Kickoff"); the id when absent. */
  name?: string;
  side: TaskSide;
  /** Business days; 0 makes the task a milestone (a point in time, on the day it is reached). */
  durationDays: number;
  /** Earliest start, in calendar days from day 0 (contract signed); may be negative. */
  startOffsetDays?: number | null;
  dependsOn?: readonly Dependency[];
  milestoneKind?: MilestoneKind | null;
}

/** A task of a running project: the plan plus what happened. */
export interface ProjectTask extends PlanTask {
  status?: TaskStatus;
  actualStart?: IsoDate | null;
  actualFinish?: IsoDate | null;
  /** A person set the start by hand: the task starts then, whatever its predecessors say. */
  pinnedStart?: IsoDate | null;
  baselineStart?: IsoDate | null;
  baselineFinish?: IsoDate | null;
}

export interface ScheduleInput {
  tasks: readonly ProjectTask[];
  calendar: BusinessCalendar;
  /** Day 0: the contract was signed. */
  projectStart: IsoDate;
  /** Today in the workspace timezone; omit to lay out a playbook without "now". */
  today?: IsoDate | null;
}

export type ScheduleHealth = 'on_track' | 'at_risk' | 'late';

/** What set a task's projected start. */
export type StartReason =
  | 'predecessor'
  | 'start_offset'
  | 'project_start'
  | 'today'
  | 'pinned'
  | 'actual'
  | 'skipped';

export interface ProjectedTask {
  id: string;
  /** Milestones and skipped tasks have start === finish. */
  start: IsoDate;
  finish: IsoDate;
  /** Total float in business days: how far the finish can move before the project end moves. */
  slack: number;
  /** Unfinished, with no slack. */
  critical: boolean;
  health: ScheduleHealth;
  startReason: StartReason;
  /** The predecessor whose finish set this task's start (ties: the earlier task in the list). */
  drivenBy: string | null;
}

export interface ScheduleResult {
  /** In the order of the input tasks. */
  tasks: ProjectedTask[];
  projectEnd: IsoDate;
  /** Critical tasks, in dependency order. */
  criticalPath: string[];
  health: ScheduleHealth;
}
