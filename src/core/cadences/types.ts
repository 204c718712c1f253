// A communication cadence (shared/DOMAIN.md): scheduled touches by day and event, per segment and product.
// Plain data; also what the API reads and writes.
import type { AutomatedAction, PlaybookMilestoneKind } from '../playbooks/definition.ts';
import type { Weekday } from '../calendar.ts';
import type { ContactRole, TouchModel } from '../people.ts';

export const CADENCE_EVENTS = ['milestone_reached', 'task_completed', 'contact_added', 'project_stalled'] as const;
export type CadenceEventKind = (typeof CADENCE_EVENTS)[number];
/** Events a user onboarding journey (a cadence whose subject is one contact) waits for: their learning path done, or stalled. */
export const JOURNEY_EVENTS = ['path_completed', 'path_stalled'] as const;
export type JourneyEventKind = (typeof JOURNEY_EVENTS)[number];

export const PRIORITIES = ['high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['email', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a step's day counts from day 0: working days only (a holiday or weekend does not count), or every day. */
export const DAY_KINDS = ['business', 'calendar'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** A welcome due before the deal arrived (it came in the afternoon): sent at once, or at the next local send time. */
export const WELCOME_TIMINGS = ['at_once', 'next_morning'] as const;
export type WelcomeTiming = (typeof WELCOME_TIMINGS)[number];

/** When a step fires. Day offsets count from day 0 (contract signed), in the step's kind of days. */
export type StepTrigger =
  | { kind: 'day'; day: number }
  | {
      kind: 'event';
      event: CadenceEventKind;
      /** milestone_reached: only this milestone (any when omitted). */
      milestone?: PlaybookMilestoneKind | undefined;
      /** task_completed: only the task with this playbook key (any when omitted). */
      taskKey?: string | undefined;
    }
  | { kind: 'weekly'; weekday: Weekday; fromDay: number; untilDay: number };

/** Who the message is from: the project's onboarding manager, a named member, or a persona with a signature. */
export type Sender =
  | { kind: 'onboarding_manager' }
  | { kind: 'member'; memberId: string }
  | { kind: 'persona'; name: string; title: string; signature?: string | undefined };

/** The step's goal: once met, the step is skipped. */
export interface StepGoal {
  taskKey?: string | undefined;
  milestone?: PlaybookMilestoneKind | undefined;
}

export interface CadenceStep {
  /** Stable across edits: the outbox keys a message by it. */
  id: string;
  name: string;
  trigger: StepTrigger;
  /** Days after the trigger (of the step's day kind). */
  delayDays: number;
  /** Whether the day and the delay count business days (the default) or calendar days. */
  dayKind?: DayKind | undefined;
  /** Local time of day in the recipient's timezone, 'HH:MM'. */
  sendAt: string;
  channel: Channel;
  /** Contact roles that receive it; empty means every active contact (contact_added: the one added). */
  audience: ContactRole[];
  /** The automated action this step performs (the welcome email): playbook tasks bound to it complete when it is sent. */
  action?: AutomatedAction | null | undefined;
  sender: Sender;
  priority: Priority;
  goal?: StepGoal | null | undefined;
  subject: string;
  /** Markdown with template variables. */
  body: string;
}

export interface CadenceDefinition {
  name: string;
  description?: string | null | undefined;
  touchModels: TouchModel[];
  /** Products it is written for; empty means any product. */
  products: string[];
  steps: CadenceStep[];
}

export type { Weekday };

/**
 * What the planner (plan.ts) takes: a cadence step, or a user onboarding journey's step, whose events are the
 * person's own (their learning path completed or stalled). A journey is a cadence whose subject is one contact.
 */
export type PlanStep = Omit<CadenceStep, 'trigger'> & {
  trigger: StepTrigger | { kind: 'event'; event: JourneyEventKind; milestone?: undefined; taskKey?: undefined };
};
