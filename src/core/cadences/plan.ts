// What a project's cadence sends, to whom and when: the steps due now (to write to the outbox, or to skip
// with a reason) and the ones still to come (for the timeline and the next planner run).
import { addBusinessDays, todayInTimeZone, type BusinessCalendar } from '../calendar.ts';
import type { ContactRole } from '../people.ts';
import { dayStepAt, eventStepAt, lateWelcomeAt, localInstant, weeklyStepAt } from './timing.ts';
import type { CadenceEventKind, JourneyEventKind, PlanStep, WelcomeTiming } from './types.ts';

export interface PlanContact {
  id: string;
  role: ContactRole;
  timeZone: string;
  leftOn: string | null;
  unsubscribed: boolean;
  /** When Landfall learnt of them: steps long before it are not theirs. */
  addedAt: number;
}

export interface PlanEvent {
  kind: CadenceEventKind | JourneyEventKind;
  at: number;
  taskKey?: string | null | undefined;
  milestone?: string | null | undefined;
  contactId?: string | null | undefined;
}

export interface PlanInput {
  steps: PlanStep[];
  day0: string;
  calendar: BusinessCalendar;
  /** When the cadence was attached to the project (the deal arrived). */
  attachedAt: number;
  /** A day-0 step due before the deal arrived goes at once, or at its send time on the next business day. Default: at once. */
  welcomeTiming?: WelcomeTiming | undefined;
  now: number;
  projectStatus: 'active' | 'paused' | 'closed' | string;
  contacts: PlanContact[];
  events: PlanEvent[];
  /** Playbook keys of tasks done or skipped, and milestones reached. */
  doneTaskKeys: ReadonlySet<string>;
  reachedMilestones: ReadonlySet<string>;
  /** Keys (`stepId:contactId:occurrence`) already in the outbox. */
  existing: ReadonlySet<string>;
  /** The project's last activity (a task changed, a comment…): the project stalls when it is long ago. */
  lastActivityAt: number;
}

export interface PlannedMessage {
  stepId: string;
  contactId: string;
  occurrence: number;
  dueAt: number;
  /** Why it will not be sent, when it will not. */
  skip: string | null;
}

export interface CadencePlan {
  due: PlannedMessage[];
  upcoming: PlannedMessage[];
  /** When the planner should look again (the next upcoming step), or null when nothing is left. */
  nextRunAt: number | null;
}

/** A step whose moment passed more than this long before the contact was known is not sent late. */
export const MISSED_AFTER_MS = 24 * 3600_000;
/** A project with no activity for this many business days has stalled. */
export const STALL_AFTER_BUSINESS_DAYS = 10;

export const messageKey = (stepId: string, contactId: string, occurrence: number) => `${stepId}:${contactId}:${occurrence}`;

function matches(step: PlanStep, event: PlanEvent): boolean {
  if (step.trigger.kind !== 'event' || step.trigger.event !== event.kind) return false;
  if (step.trigger.milestone && step.trigger.milestone !== event.milestone) return false;
  if (step.trigger.taskKey && step.trigger.taskKey !== event.taskKey) return false;
  return true;
}

/** Why a message due at `at` to `contact` must not go, or null. */
export function skipReason(input: PlanInput, step: PlanStep, contact: PlanContact, at: number): string | null {
  if (input.projectStatus === 'paused') return 'The project is paused.';
  if (input.projectStatus === 'closed') return 'The project is closed.';
  if (contact.leftOn && contact.leftOn <= todayInTimeZone(at, contact.timeZone)) return `The contact left on ${contact.leftOn}.`;
  if (contact.unsubscribed) return 'The contact unsubscribed from automated email.';
  const goal = step.goal;
  if (goal?.taskKey && input.doneTaskKeys.has(goal.taskKey)) return `Its goal is met: the task "${goal.taskKey}" is done.`;
  if (goal?.milestone && input.reachedMilestones.has(goal.milestone)) return `Its goal is met: ${goal.milestone.replace(/_/g, ' ')} is reached.`;
  return null;
}

function recipients(step: PlanStep, contacts: PlanContact[], event?: PlanEvent): PlanContact[] {
  if (step.trigger.kind === 'event' && step.trigger.event === 'contact_added') {
    return contacts.filter((contact) => contact.id === event?.contactId && (step.audience.length === 0 || step.audience.includes(contact.role)));
  }
  return step.audience.length === 0 ? contacts : contacts.filter((contact) => step.audience.includes(contact.role));
}

/** Every (step, contact, occurrence) moment the cadence defines so far, with its due time. */
function moments(input: PlanInput): { step: PlanStep; contact: PlanContact; occurrence: number; dueAt: number }[] {
  const out: { step: PlanStep; contact: PlanContact; occurrence: number; dueAt: number }[] = [];
  for (const step of input.steps) {
    const trigger = step.trigger;
    if (trigger.kind === 'day') {
      const welcome = trigger.day + step.delayDays === 0;
      for (const contact of recipients(step, input.contacts)) {
        let dueAt = dayStepAt(input.day0, trigger.day, step.delayDays, step.sendAt, contact.timeZone, input.calendar, step.dayKind ?? 'business');
        // A deal that arrives after the welcome's hour (or days after day 0): the workspace says when it goes.
        if (welcome && dueAt < input.attachedAt && dueAt >= input.attachedAt - MISSED_AFTER_MS) {
          dueAt = lateWelcomeAt(input.attachedAt, step.sendAt, contact.timeZone, input.calendar, input.welcomeTiming ?? 'at_once');
        }
        out.push({ step, contact, occurrence: 0, dueAt });
      }
    } else if (trigger.kind === 'event') {
      const events = input.events.filter((candidate) => matches(step, candidate)).sort((a, b) => a.at - b.at);
      // Each contact added gets their own; any other event fires the step once, on its first occurrence.
      const firing = trigger.event === 'contact_added' ? events : events.slice(0, 1);
      for (const event of firing) {
        for (const contact of recipients(step, input.contacts, event)) {
          out.push({ step, contact, occurrence: 0, dueAt: eventStepAt(event.at, step.delayDays, step.sendAt, contact.timeZone, input.calendar) });
        }
      }
    } else {
      for (const contact of recipients(step, input.contacts)) {
        for (let k = 0; k < 200; k++) {
          const at = weeklyStepAt(input.day0, trigger, k, step.sendAt, contact.timeZone, input.calendar);
          if (at === undefined) break;
          out.push({ step, contact, occurrence: k, dueAt: at });
          if (at > input.now) break; // the next one is enough to know when to look again
        }
      }
    }
  }
  return out;
}

/** Splits the cadence into what is due now and what is to come. Pure: the clock and the data come in. */
export function planCadence(plain: PlanInput): CadencePlan {
  const stallAt = stallMoment(plain.lastActivityAt, plain.calendar);
  const waitsForStall =
    plain.projectStatus === 'active' &&
    plain.steps.some((step) => step.trigger.kind === 'event' && step.trigger.event === 'project_stalled');
  const input =
    waitsForStall && stallAt <= plain.now ? { ...plain, events: [...plain.events, { kind: 'project_stalled' as const, at: stallAt }] } : plain;
  const due: PlannedMessage[] = [];
  const upcoming: PlannedMessage[] = [];
  for (const { step, contact, occurrence, dueAt } of moments(input)) {
    if (input.existing.has(messageKey(step.id, contact.id, occurrence))) continue;
    const knownSince = Math.max(input.attachedAt, contact.addedAt);
    if (dueAt < knownSince - MISSED_AFTER_MS) continue;
    const planned = { stepId: step.id, contactId: contact.id, occurrence, dueAt, skip: skipReason(input, step, contact, dueAt) };
    (dueAt <= input.now ? due : upcoming).push(planned);
  }
  upcoming.sort((a, b) => a.dueAt - b.dueAt);
  due.sort((a, b) => a.dueAt - b.dueAt);
  let nextRunAt = upcoming[0]?.dueAt ?? null;
  if (waitsForStall && stallAt > input.now && (nextRunAt === null || stallAt < nextRunAt)) nextRunAt = stallAt;
  return { due, upcoming, nextRunAt };
}

/** The moment a project counts as stalled: STALL_AFTER_BUSINESS_DAYS business days after its last activity, at the start of that day. */
export function stallMoment(lastActivityAt: number, calendar: BusinessCalendar): number {
  const lastDay = todayInTimeZone(lastActivityAt, calendar.timeZone);
  return localInstant(addBusinessDays(lastDay, STALL_AFTER_BUSINESS_DAYS, calendar), '00:00', calendar.timeZone);
}
