// A communication cadence (shared/DOMAIN.md): scheduled touches by day and event, per segment and product.
// Plain data; also what the API reads and writes.
import type { PlaybookMilestoneKind } from '../playbooks/definition.ts';
import type { Weekday } from '../calendar.ts';
import type { ContactRole, TouchModel } from '../people.ts';

export const CADENCE_EVENTS = ['milestone_reached', 'task_completed', 'contact_added', 'project_stalled'] as const;
export type CadenceEventKind = (typeof CADENCE_EVENTS)[number];

export const PRIORITIES = ['high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['email', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** When a step fires. Day offsets count business days from day 0 (contract signed). */
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
  /** Business days after the trigger. */
  delayDays: number;
  /** Local time of day in the recipient's timezone, 'HH:MM'. */
  sendAt: string;
  channel: Channel;
  /** Contact roles that receive it; empty means every current contact (contact_added: the one added). */
  audience: ContactRole[];
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
