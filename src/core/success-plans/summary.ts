// The executive summary: one page for the customer's executives, assembled here once and shown by both the
// printable web page and the PDF. Plain data in, plain data out.
import { businessDaysBetween, readableDate, toDayNumber, type BusinessCalendar, type IsoDate } from '../calendar.ts';
import { plural } from '../words.ts';
import { formatMeasure, metricStanding, valueProven, type CadenceFrequency, type MetricDirection, type MetricStatus } from './scorecard.ts';

export const SUMMARY_MILESTONES = ['first_engagement', 'go_live', 'first_value', 'value_achieved', 'onboarding_complete'] as const;
export type SummaryMilestoneKind = (typeof SUMMARY_MILESTONES)[number];

export const SUMMARY_MILESTONE_LABELS: Record<SummaryMilestoneKind, string> = {
  first_engagement: 'First engagement',
  go_live: 'Go-live',
  first_value: 'First value',
  value_achieved: 'Value achieved',
  onboarding_complete: 'Onboarding complete',
};

export interface SummaryInput {
  today: IsoDate;
  calendar: BusinessCalendar;
  project: {
    name: string;
    accountName: string;
    day0: IsoDate;
    status: string;
    onboardingManagerName: string | null;
    playbookName: string;
  };
  milestones: { taskId: string; kind: string; baseline: IsoDate | null; projected: IsoDate | null; actual: IsoDate | null }[];
  /** Days each milestone is late against its baseline, per cause, owed to the side whose task caused it (core's attributeSlip). */
  delays: { milestoneTaskId: string; side: 'customer' | 'vendor'; days: number }[];
  plan: {
    goals: string[];
    executiveSponsor: { name: string; title: string | null } | null;
    communicationCadence: { who: string; meetsWhom: string; frequency: CadenceFrequency; channel: string }[];
    firstValueOn: IsoDate | null;
    valueAchievedOn: IsoDate | null;
  };
  outcomes: {
    statement: string;
    verificationRequestedAt: string | null;
    verification: { byName: string; on: IsoDate; comment: string | null; evidence: string | null } | null;
    metrics: {
      name: string;
      unit: string;
      direction: MetricDirection;
      baseline: number;
      target: number;
      targetDate: IsoDate;
      ownerName: string | null;
      actuals: { value: number; measuredOn: IsoDate; note: string | null; recordedByName: string }[];
    }[];
  }[];
  customerTasks: { status: string; baselineFinish: IsoDate | null; actualFinish: IsoDate | null }[];
  contacts: { current: number; engagedNames: string[] };
}

export interface SummaryMilestone {
  kind: SummaryMilestoneKind;
  label: string;
  baseline: IsoDate | null;
  /** The actual date when reached, else the projected one. */
  date: IsoDate | null;
  /** Where the plan now puts it (the schedule's projection; for a reached milestone, where it was projected last). */
  projected: IsoDate | null;
  /** When it was reached; null while it is ahead. */
  actual: IsoDate | null;
  reached: boolean;
  /** Business days after the baseline (negative: early); 0 when either date is unknown. */
  daysLate: number;
  owedToCustomer: number;
  owedToVendor: number;
  dayNumber: number | null;
  /** 'plan' for a milestone task of the project; 'success_plan' for a date only the success plan records. */
  source: 'plan' | 'success_plan';
}

export interface SummaryMetric {
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: string;
  target: string;
  targetDate: IsoDate;
  owner: string | null;
  latest: { value: string; on: IsoDate; note: string | null; recordedBy: string } | null;
  progressPercent: number | null;
  status: MetricStatus;
  /** The numbers behind the words, for the metric's chart: baseline → target, and each actual in date order. */
  series: { baseline: number; target: number; actuals: { value: number; on: IsoDate }[] };
}

export interface ExecutiveSummary {
  title: string;
  accountName: string;
  projectName: string;
  playbookName: string;
  generatedOn: IsoDate;
  day0: IsoDate;
  daysSinceDay0: number;
  onboardingManager: string | null;
  executiveSponsor: string | null;
  headline: string;
  timeline: { milestones: SummaryMilestone[]; owedToCustomer: number; owedToVendor: number; note: string };
  goals: string[];
  communicationCadence: SummaryInput['plan']['communicationCadence'];
  value: { verifiedOutcomes: number; totalOutcomes: number; firstValueOn: IsoDate | null; valueAchievedOn: IsoDate | null };
  outcomes: {
    statement: string;
    status: 'verified' | 'verification_requested' | 'open';
    verification: { byName: string; on: IsoDate; comment: string | null; evidence: string | null } | null;
    metrics: SummaryMetric[];
  }[];
  adoption: {
    customerTasksDone: number;
    onTime: number;
    late: number;
    overdueOpen: number;
    contactsEngaged: number;
    contactsCurrent: number;
    engagedNames: string[];
    explanation: string;
  };
}

function slip(baseline: IsoDate | null, date: IsoDate | null, calendar: BusinessCalendar): number {
  if (!baseline || !date || baseline === date) return 0;
  return businessDaysBetween(baseline, date, calendar);
}


function timeline(input: SummaryInput): ExecutiveSummary['timeline'] {
  const day0 = toDayNumber(input.project.day0);
  const milestones: SummaryMilestone[] = [];
  for (const kind of SUMMARY_MILESTONES) {
    const task = input.milestones.find((milestone) => milestone.kind === kind);
    if (task) {
      const date = task.actual ?? task.projected;
      const owed = (side: 'customer' | 'vendor') =>
        input.delays.filter((delay) => delay.milestoneTaskId === task.taskId && delay.side === side).reduce((sum, delay) => sum + delay.days, 0);
      milestones.push({
        kind,
        label: SUMMARY_MILESTONE_LABELS[kind],
        baseline: task.baseline,
        date,
        projected: task.projected,
        actual: task.actual,
        reached: Boolean(task.actual),
        daysLate: slip(task.baseline, date, input.calendar),
        owedToCustomer: Math.max(owed('customer'), 0),
        owedToVendor: Math.max(owed('vendor'), 0),
        dayNumber: date ? toDayNumber(date) - day0 : null,
        source: 'plan',
      });
      continue;
    }
    // A playbook without this milestone: the success plan still knows when value was proven.
    const recorded = kind === 'first_value' ? input.plan.firstValueOn : kind === 'value_achieved' ? input.plan.valueAchievedOn : null;
    if (recorded) {
      milestones.push({
        kind,
        label: SUMMARY_MILESTONE_LABELS[kind],
        baseline: null,
        date: recorded,
        projected: null,
        actual: recorded,
        reached: true,
        daysLate: 0,
        owedToCustomer: 0,
        owedToVendor: 0,
        dayNumber: toDayNumber(recorded) - day0,
        source: 'success_plan',
      });
    }
  }
  const goLive = milestones.find((milestone) => milestone.kind === 'go_live');
  // Slip is read off one milestone (go-live, else the last one) so a slip is not counted once per milestone.
  const reference = goLive ?? [...milestones].reverse().find((milestone) => milestone.source === 'plan');
  const owedToCustomer = reference?.owedToCustomer ?? 0;
  const owedToVendor = reference?.owedToVendor ?? 0;
  const note = reference
    ? `${reference.label}: ${plural(owedToCustomer, 'business day')} of delay waiting on the customer, ${owedToVendor} on the vendor.`
    : 'This plan has no milestones yet.';
  return { milestones, owedToCustomer, owedToVendor, note };
}

function adoption(input: SummaryInput): ExecutiveSummary['adoption'] {
  const done = input.customerTasks.filter((task) => task.status === 'done' && task.actualFinish);
  const late = done.filter((task) => task.baselineFinish && task.actualFinish! > task.baselineFinish).length;
  const overdueOpen = input.customerTasks.filter(
    (task) => task.status !== 'done' && task.status !== 'skipped' && task.baselineFinish && task.baselineFinish < input.today,
  ).length;
  return {
    customerTasksDone: done.length,
    onTime: done.length - late,
    late,
    overdueOpen,
    contactsEngaged: input.contacts.engagedNames.length,
    contactsCurrent: input.contacts.current,
    engagedNames: input.contacts.engagedNames,
    explanation:
      'Counted from this onboarding project only: customer-owned tasks done by their planned (baseline) date or after it, ' +
      'open customer tasks past their planned date, and the customer contacts who completed a task, recorded a success ' +
      'metric or confirmed an outcome. Product usage is not measured here.',
  };
}

function headline(input: SummaryInput, value: ReturnType<typeof valueProven>, goLive: SummaryMilestone | undefined): string {
  const parts: string[] = [];
  if (input.plan.valueAchievedOn) parts.push(`Value achieved on ${readableDate(input.plan.valueAchievedOn)}: every outcome confirmed by the customer.`);
  else if (input.plan.firstValueOn) parts.push(`First value on ${readableDate(input.plan.firstValueOn)}; ${value.verifiedOutcomes} of ${value.totalOutcomes} outcomes confirmed.`);
  else if (value.totalOutcomes > 0) parts.push(`No outcome confirmed yet (${plural(value.totalOutcomes, 'outcome')} in the success plan).`);
  else parts.push('The success plan has no outcomes yet.');
  if (goLive?.date) {
    const when = goLive.reached ? `Live since ${readableDate(goLive.date)}` : `Go-live projected for ${readableDate(goLive.date)}`;
    const late = goLive.daysLate > 0 ? `, ${plural(goLive.daysLate, 'business day')} after the plan` : goLive.daysLate < 0 ? ', ahead of the plan' : ', as planned';
    parts.push(`${when}${late}.`);
  }
  return parts.join(' ');
}

export function executiveSummary(input: SummaryInput): ExecutiveSummary {
  const proven = valueProven(input.outcomes.map((outcome) => ({ verified: Boolean(outcome.verification), metricCount: outcome.metrics.length })));
  const line = timeline(input);
  const sponsor = input.plan.executiveSponsor;
  return {
    title: `${input.project.accountName}: onboarding executive summary`,
    accountName: input.project.accountName,
    projectName: input.project.name,
    playbookName: input.project.playbookName,
    generatedOn: input.today,
    day0: input.project.day0,
    daysSinceDay0: toDayNumber(input.today) - toDayNumber(input.project.day0),
    onboardingManager: input.project.onboardingManagerName,
    executiveSponsor: sponsor ? (sponsor.title ? `${sponsor.name}, ${sponsor.title}` : sponsor.name) : null,
    headline: headline(input, proven, line.milestones.find((milestone) => milestone.kind === 'go_live')),
    timeline: line,
    goals: input.plan.goals,
    communicationCadence: input.plan.communicationCadence,
    value: {
      verifiedOutcomes: proven.verifiedOutcomes,
      totalOutcomes: proven.totalOutcomes,
      firstValueOn: input.plan.firstValueOn,
      valueAchievedOn: input.plan.valueAchievedOn,
    },
    outcomes: input.outcomes.map((outcome) => ({
      statement: outcome.statement,
      status: outcome.verification ? 'verified' : outcome.verificationRequestedAt ? 'verification_requested' : 'open',
      verification: outcome.verification,
      metrics: outcome.metrics.map((metric) => {
        const standing = metricStanding(metric, metric.actuals, input.today);
        const latest = standing.latest ? metric.actuals.find((actual) => actual === standing.latest)! : null;
        return {
          name: metric.name,
          unit: metric.unit,
          direction: metric.direction,
          baseline: formatMeasure(metric.baseline, metric.unit),
          target: formatMeasure(metric.target, metric.unit),
          targetDate: metric.targetDate,
          owner: metric.ownerName,
          latest: latest ? { value: formatMeasure(latest.value, metric.unit), on: latest.measuredOn, note: latest.note, recordedBy: latest.recordedByName } : null,
          progressPercent: standing.progressPercent,
          status: standing.status,
          series: {
            baseline: metric.baseline,
            target: metric.target,
            actuals: metric.actuals
              .map((actual) => ({ value: actual.value, on: actual.measuredOn }))
              .sort((a, b) => a.on.localeCompare(b.on)),
          },
        };
      }),
    })),
    adoption: adoption(input),
  };
}
