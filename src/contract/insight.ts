// Insight for leaders (issue 17): the home dashboard, time to first engagement / live / first value / value, and
// the day −60…+60 report. Every query refuses a filter it does not know (400 naming it), so a typo never
// silently widens a figure to the whole portfolio.
import { z } from 'zod';
import { GROUP_BYS, MEASURES } from '../core/insight/measures.ts';
import { Complexity, Segment, TouchModel } from './accounts.ts';
import { patchOf } from './common.ts';
import { Health } from './projects.ts';

export const Measure = z.enum(MEASURES, { message: `must be one of: ${MEASURES.join(', ')}` });
export const GroupBy = z.enum(GROUP_BYS, { message: `must be one of: ${GROUP_BYS.join(', ')}` });
export const MeasureMilestone = z.enum(['kickoff', 'first_engagement', 'go_live', 'first_value', 'value_achieved', 'onboarding_complete'], {
  message: 'must be a milestone: kickoff, first_engagement, go_live, first_value, value_achieved or onboarding_complete',
});
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month written YYYY-MM' });
const Text = z.string().trim().min(1).max(120);
const uuid = z.uuid({ message: 'must be an id (a UUID)' });

/** Which projects a figure is about. Each filter narrows; none means the whole portfolio (or your own). */
export const InsightFilters = {
  /** mine: the projects you manage; portfolio: all. Default: portfolio for leaders and admins, mine for others. */
  scope: z.enum(['mine', 'portfolio']).optional(),
  segment: Segment.optional(),
  touchModel: TouchModel.optional(),
  industry: Text.optional(),
  product: Text.optional(),
  complexity: Complexity.optional(),
  playbookId: uuid.optional(),
  managerId: uuid.optional(),
  /** Contract month range (the cohort), inclusive. */
  cohortFrom: Month.optional(),
  cohortTo: Month.optional(),
};

export const DashboardQuery = z.strictObject(InsightFilters);
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const TtvQuery = z.strictObject({
  ...InsightFilters,
  measure: Measure.default('value'),
  groupBy: GroupBy.default('none'),
});
export type TtvQuery = z.infer<typeof TtvQuery>;

/** The projects behind a figure: the filters, plus what the figure counted. */
export const DrillQuery = z.strictObject({
  ...InsightFilters,
  /** A time-to-value group: the measure, the grouping and the group's key (as the report gave it). */
  measure: Measure.optional(),
  groupBy: GroupBy.optional(),
  group: z.string().max(200).optional(),
  /** done: reached the measure's milestone; open: still waiting. */
  state: z.enum(['done', 'open']).optional(),
  health: Health.optional(),
  stage: z.string().max(80).optional(),
  /** The dashboard's lists: revenue at risk, go-live on time / late, renewals in the next 90 days. */
  figure: z.enum(['at_risk', 'live_on_time', 'live_late', 'renewals']).optional(),
});
export type DrillQuery = z.infer<typeof DrillQuery>;

export const DayReportQuery = z.strictObject({
  scope: InsightFilters.scope,
  segment: InsightFilters.segment,
  industry: InsightFilters.industry,
  product: InsightFilters.product,
  complexity: InsightFilters.complexity,
});
export type DayReportQuery = z.infer<typeof DayReportQuery>;

const Days = z.number().nullable();

export const Percentiles = z.object({
  /** Kaplan–Meier (open projects censored): null when too many are still open to know it. */
  median: Days,
  p75: Days,
  p90: Days,
  /** When the median is not known yet: every project has waited at least this long. */
  medianAtLeast: Days,
  /** Over finished projects only (percentile_cont, linear interpolation). */
  doneMedian: Days,
  doneP75: Days,
  doneP90: Days,
});

export const TtvGroup = z.object({
  key: z.string(),
  label: z.string(),
  /** Projects that reached the milestone, and those still waiting (counted as censored). */
  done: z.number().int(),
  open: z.number().int(),
  gross: Percentiles,
  /** Less the slip owed to the customer on that milestone. */
  net: Percentiles,
  histogram: z.array(z.object({ from: z.number(), to: z.number().nullable(), done: z.number().int(), open: z.number().int() })),
});
export type TtvGroup = z.infer<typeof TtvGroup>;

export const TtvReport = z.object({
  measure: Measure,
  milestone: MeasureMilestone,
  groupBy: GroupBy,
  overall: TtvGroup,
  groups: z.array(TtvGroup),
  /** How the figures are made, in words, shown under them. */
  method: z.string(),
});
export type TtvReport = z.infer<typeof TtvReport>;

const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
const MonthValue = z.object({ month: z.string(), value: z.number().nullable(), n: z.number().int() });

export const Dashboard = z.object({
  scope: z.enum(['mine', 'portfolio']),
  today: z.string(),
  projects: z.object({ active: z.number().int(), closed: z.number().int() }),
  byHealth: z.array(Count),
  byStage: z.array(Count),
  /** Go-live reached on or before its baseline date, of all go-lives reached; null rate when none yet. */
  onTimeGoLive: z.object({ onTime: z.number().int(), late: z.number().int(), rate: z.number().nullable() }),
  timeToLive: z.object({ median: Days, medianAtLeast: Days, done: z.number().int(), open: z.number().int(), trend: z.array(MonthValue) }),
  timeToValue: z.object({ median: Days, medianAtLeast: Days, done: z.number().int(), open: z.number().int(), trend: z.array(MonthValue) }),
  /** Business days of milestone slip owed to each side, by the month the slipped milestone falls in. */
  slip: z.array(z.object({ month: z.string(), customer: z.number(), vendor: z.number() })),
  /** Average CSAT (1–5) of milestone ratings by month; empty when no rating was recorded yet. */
  csat: z.array(MonthValue),
  outcomes: z.object({ verified: z.number().int(), total: z.number().int() }),
  revenueAtRisk: z.object({ amount: z.number(), currency: z.string(), projects: z.number().int(), mixedCurrencies: z.boolean() }),
  renewals: z.array(
    z.object({
      accountId: z.string(),
      accountName: z.string(),
      renewalOn: z.string(),
      contractValue: z.number(),
      currency: z.string(),
      health: z.string().nullable(),
    }),
  ),
  workload: z.array(z.object({ memberId: z.string().nullable(), name: z.string(), projects: z.number().int(), atRisk: z.number().int(), late: z.number().int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DrillRow = z.object({
  id: z.string(),
  name: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  segment: z.string(),
  industry: z.string(),
  status: z.string(),
  health: z.string(),
  stage: z.string().nullable(),
  managerName: z.string().nullable(),
  day0: z.string(),
  contractValue: z.number(),
  currency: z.string(),
  /** For a measure: days to its milestone (done) or waited so far (open). */
  days: z.number().nullable(),
});
export const DrillResult = z.object({ projects: z.array(DrillRow), total: z.number().int(), truncated: z.boolean() });
export type DrillResult = z.infer<typeof DrillResult>;

export const DAY_KINDS = ['task', 'milestone', 'deliverable', 'message', 'meeting'] as const;
export const DayKind = z.enum(DAY_KINDS);

export const DayReport = z.object({
  projects: z.number().int(),
  /** Day 0 is the contract signature (the account's, or the project's day 0 when none is recorded). */
  from: z.number().int(),
  to: z.number().int(),
  cells: z.array(
    z.object({
      industry: z.string(),
      stage: z.string(),
      kind: DayKind,
      day: z.number().int(),
      planned: z.number().int(),
      actual: z.number().int(),
    }),
  ),
  stages: z.array(z.object({ key: z.string(), name: z.string() })),
  industries: z.array(z.object({ industry: z.string(), projects: z.number().int() })),
});
export type DayReport = z.infer<typeof DayReport>;

export const Benchmark = z.object({
  optedIn: z.boolean(),
  industry: z.string().nullable(),
  /** Workspaces of this installation that opted in with the same industry. */
  workspaces: z.number().int(),
  /** Shown only where at least 5 workspaces contribute; null otherwise. */
  measures: z
    .array(z.object({ measure: Measure, median: Days, p75: Days, projects: z.number().int() }))
    .nullable(),
  minimumWorkspaces: z.number().int(),
});
export type Benchmark = z.infer<typeof Benchmark>;

export const InsightSettings = z.strictObject({
  definitions: z.strictObject({
    first_engagement: MeasureMilestone,
    live: MeasureMilestone,
    first_value: MeasureMilestone,
    value: MeasureMilestone,
  }),
  benchmarkOptIn: z.boolean(),
  vendorIndustry: z.string().trim().min(1).max(80).nullable(),
});
export type InsightSettings = z.infer<typeof InsightSettings>;

export const InsightSettingsPatch = patchOf(InsightSettings).refine((patch) => Object.keys(patch).length > 0, {
  message: 'send at least one field to change',
});
export type InsightSettingsPatch = z.infer<typeof InsightSettingsPatch>;
