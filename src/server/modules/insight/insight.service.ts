// Insight for leaders: the dashboard, time to a milestone (first engagement, live, first value, value) and the
// day −60…+60 report. Reads the portfolio; writes only the workspace's insight settings.
import { DEFAULT_DEFINITIONS, MEASURES, netDays, type GroupBy, type Measure, type MeasureDefinitions } from '../../../core/insight/measures.ts';
import { histogram, kmPercentile, kmPercentiles, type KmPercentile, type Observation } from '../../../core/insight/survival.ts';
import type {
  Benchmark,
  Dashboard,
  DashboardQuery,
  DayReport,
  DayReportQuery,
  DrillQuery,
  DrillResult,
  InsightSettings,
  InsightSettingsPatch,
  TtvGroup,
  TtvQuery,
  TtvReport,
} from '../../../contract/insight.ts';
import type { Ctx } from '../../context.ts';
import { invalid } from '../../http/errors.ts';
import { calendarOf, todayFor } from '../projects/plan.ts';
import * as repo from './insight.repo.ts';

/** The benchmark shows nothing until this many workspaces contribute (no workspace can be singled out). */
export const BENCHMARK_MINIMUM = 5;
export const DAY_FROM = -60;
export const DAY_TO = 60;

const METHOD =
  'Days from the project’s day 0 to the day the milestone task was done. Projects still open are not dropped: ' +
  'each counts as “at least N days so far” (censored), and the median, P75 and P90 use the Kaplan–Meier estimator; ' +
  'a percentile shows “not yet known” while too many projects are still open to reach it. “Finished only” is ' +
  'percentile_cont over the projects that reached it. Net takes off the slip the customer owes on that milestone ' +
  '(business days, as 7 calendar days per 5).';

async function today(ctx: Ctx) {
  return todayFor(ctx, await calendarOf(ctx.db, ctx.workspaceId));
}

/**
 * What a cached report must be keyed by and checked against: the report, the workspace, who asks (the scope and
 * the "mine" set follow the actor), today (open projects are censored at today) and the parsed query; and the
 * workspace's insight version, which every write to a table the reports read replaces (insight_versions).
 */
export async function answerKey(ctx: Ctx, report: string, query: object): Promise<{ key: string; version: number }> {
  const [day, version] = await Promise.all([today(ctx), repo.insightVersion(ctx.db, ctx.workspaceId)]);
  const actor = ctx.actor.kind === 'member' ? [ctx.actor.kind, ctx.actor.role, ctx.actor.memberId] : [ctx.actor.kind];
  const entries = Object.entries(query).toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { key: JSON.stringify([report, ctx.workspaceId, actor, day, entries]), version };
}

/** Leaders and admins look at the portfolio by default; everyone else at the projects they manage. */
function scopeOf(ctx: Ctx, asked: 'mine' | 'portfolio' | undefined): 'mine' | 'portfolio' {
  if (ctx.actor.kind !== 'member') return 'portfolio';
  if (asked) return asked;
  return ctx.actor.role === 'leader' || ctx.actor.role === 'admin' ? 'portfolio' : 'mine';
}

function projectSet(ctx: Ctx, query: DashboardQuery): { set: repo.ProjectSet; scope: 'mine' | 'portfolio' } {
  if (query.cohortFrom && query.cohortTo && query.cohortFrom > query.cohortTo) {
    throw invalid('the cohort ends before it starts', { path: ['cohortTo'] });
  }
  const scope = scopeOf(ctx, query.scope);
  const { scope: _scope, ...filters } = query;
  return {
    scope,
    set: { ...filters, workspaceId: ctx.workspaceId, managerOnly: scope === 'mine' && ctx.actor.kind === 'member' ? ctx.actor.memberId : undefined },
  };
}

export async function definitionsOf(ctx: Ctx): Promise<MeasureDefinitions> {
  const saved = await repo.findSettings(ctx.db, ctx.workspaceId);
  return { ...DEFAULT_DEFINITIONS, ...(saved?.definitions as Partial<MeasureDefinitions> | undefined) };
}

export async function getSettings(ctx: Ctx): Promise<InsightSettings> {
  const saved = await repo.findSettings(ctx.db, ctx.workspaceId);
  return {
    definitions: { ...DEFAULT_DEFINITIONS, ...(saved?.definitions as Partial<MeasureDefinitions> | undefined) },
    benchmarkOptIn: saved?.benchmarkOptIn ?? false,
    vendorIndustry: saved?.vendorIndustry ?? null,
  };
}

export async function updateSettings(ctx: Ctx, patch: InsightSettingsPatch): Promise<InsightSettings> {
  const current = await getSettings(ctx);
  const next: InsightSettings = {
    definitions: patch.definitions ?? current.definitions,
    benchmarkOptIn: patch.benchmarkOptIn ?? current.benchmarkOptIn,
    vendorIndustry: patch.vendorIndustry === undefined ? current.vendorIndustry : patch.vendorIndustry,
  };
  if (next.benchmarkOptIn && !next.vendorIndustry) {
    throw invalid('say which industry your company is in to join the benchmark', { path: ['vendorIndustry'] });
  }
  await repo.saveSettings(ctx.db, ctx.workspaceId, next, ctx.services.now());
  return next;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function summarize(key: string, label: string, rows: readonly repo.MilestoneRow[], done: repo.DonePercentiles | undefined): TtvGroup {
  const gross: Observation[] = rows.map((r) => ({ days: r.days, event: r.reached }));
  const net: Observation[] = rows.map((r) => ({ days: r.reached ? netDays(r.days, r.customerSlip) : r.days, event: r.reached }));
  const km = (observations: Observation[], finished: [number, number, number] | null | undefined) => {
    const [median, p75, p90] = kmPercentiles(observations, [0.5, 0.75, 0.9]) as [KmPercentile, KmPercentile, KmPercentile];
    return {
      median: median.days,
      p75: p75.days,
      p90: p90.days,
      medianAtLeast: median.atLeast,
      doneMedian: round1(finished?.[0] ?? null),
      doneP75: round1(finished?.[1] ?? null),
      doneP90: round1(finished?.[2] ?? null),
    };
  };
  const reached = rows.filter((r) => r.reached).length;
  return {
    key,
    label,
    done: reached,
    open: rows.length - reached,
    gross: km(gross, done?.gross),
    net: km(net, done?.net),
    histogram: histogram(gross),
  };
}

export async function timeToValue(ctx: Ctx, query: TtvQuery): Promise<TtvReport> {
  const { measure, groupBy, ...filters } = query;
  const { set } = projectSet(ctx, filters);
  const milestone = (await definitionsOf(ctx))[measure];
  const day = await today(ctx);
  const { rows, groups: finished, overall: overallDone } = await repo.ttvData(ctx.db, set, milestone, day, groupBy);
  const byKey = new Map<string, { label: string; rows: repo.MilestoneRow[] }>();
  for (const row of rows) {
    const group = byKey.get(row.key) ?? { label: row.label, rows: [] };
    group.rows.push(row);
    byKey.set(row.key, group);
  }
  const doneByKey = new Map(finished.map((f) => [f.key, f]));
  const groups =
    groupBy === 'none'
      ? []
      : [...byKey.entries()].map(([key, group]) => summarize(key, group.label, group.rows, doneByKey.get(key))).sort((a, b) => a.label.localeCompare(b.label));
  return {
    measure,
    milestone,
    groupBy,
    overall: summarize('all', 'All projects', rows, overallDone),
    groups,
    method: METHOD,
  };
}

const MEASURE_MILESTONE = (definitions: MeasureDefinitions, measure: Measure) => definitions[measure];

export async function dashboard(ctx: Ctx, query: DashboardQuery): Promise<Dashboard> {
  const { set, scope } = projectSet(ctx, query);
  const definitions = await definitionsOf(ctx);
  const day = await today(ctx);
  const live = MEASURE_MILESTONE(definitions, 'live');
  const value = MEASURE_MILESTONE(definitions, 'value');
  // At once: on PostgreSQL each takes its own pooled connection, so a cold dashboard costs about its slowest query
  // (slip by month) rather than the sum; PGlite runs them one after another on its one connection.
  const [counts, stages, liveSummary, valueSummary, slip, csat, outcomes, risk, renewals, workload] = await Promise.all([
    repo.portfolioCounts(ctx.db, set),
    repo.stageNames(ctx.db, set),
    repo.measureSummary(ctx.db, set, live, day),
    live === value ? undefined : repo.measureSummary(ctx.db, set, value, day),
    repo.slipByMonth(ctx.db, set, day),
    repo.csatByMonth(ctx.db, set, day),
    repo.outcomeCounts(ctx.db, set),
    repo.revenueAtRisk(ctx.db, set),
    repo.renewals(ctx.db, set, day, 90),
    repo.workload(ctx.db, set),
  ]);
  const names = new Map(stages.map((s) => [s.key, s.name]));
  const headline = (summary: repo.MeasureSummary) => {
    const median = kmPercentile(
      summary.pairs.map(([days, reached]) => ({ days, event: reached })),
      0.5,
    );
    const done = summary.pairs.filter(([, reached]) => reached).length;
    return { median: median.days, medianAtLeast: median.atLeast, done, open: summary.pairs.length - done, trend: summary.trend.map((t) => ({ ...t, value: round1(t.value) })) };
  };
  const onTime = { onTime: liveSummary.onTime, late: liveSummary.late };
  const decided = onTime.onTime + onTime.late;
  return {
    scope,
    today: day,
    projects: { active: counts.active, closed: counts.closed },
    byHealth: counts.byHealth.map((h) => ({ key: h.key, label: h.key.replace('_', ' '), count: h.count })),
    byStage: counts.byStage.map((s) => ({ key: s.key, label: s.key === '' ? 'Not started' : (names.get(s.key) ?? s.key), count: s.count })),
    onTimeGoLive: { ...onTime, rate: decided === 0 ? null : onTime.onTime / decided },
    timeToLive: headline(liveSummary),
    timeToValue: headline(valueSummary ?? liveSummary),
    slip,
    csat: csat.map((c) => ({ ...c, value: round1(c.value) })),
    outcomes,
    revenueAtRisk: { amount: risk.amount, currency: risk.currency, projects: risk.projects, mixedCurrencies: risk.currencies > 1 },
    renewals,
    workload: workload.map((w) => ({ memberId: w.memberId, name: w.name, projects: w.projects, atRisk: w.atRisk, late: w.late })),
  };
}

export async function drill(ctx: Ctx, query: DrillQuery): Promise<DrillResult> {
  const { measure, groupBy, group, state, health, stage, figure, ...filters } = query;
  const { set } = projectSet(ctx, filters);
  const definitions = await definitionsOf(ctx);
  if ((groupBy || group !== undefined || state) && !measure) {
    throw invalid('name the measure (measure=live, value…) to list the projects of a time-to-value group', { path: ['measure'] });
  }
  const filter: repo.DrillFilter = {
    health,
    stage,
    figure,
    milestone: measure ? { kind: definitions[measure], groupBy: (groupBy ?? 'none') as GroupBy, group, state } : undefined,
  };
  const result = await repo.drill(ctx.db, set, filter, await today(ctx), definitions.live);
  return { projects: result.rows as DrillResult['projects'], total: result.total, truncated: result.truncated };
}

export async function dayReport(ctx: Ctx, query: DayReportQuery): Promise<DayReport> {
  const { set } = projectSet(ctx, query);
  const { cells, industries } = await repo.dayReport(ctx.db, set, DAY_FROM, DAY_TO);
  const stages = await repo.stagesInOrder(ctx.db, set);
  return {
    projects: industries.reduce((n, i) => n + i.projects, 0),
    from: DAY_FROM,
    to: DAY_TO,
    cells: cells as DayReport['cells'],
    stages: [...stages, { key: '', name: 'Messages' }],
    industries,
  };
}

export async function benchmark(ctx: Ctx): Promise<Benchmark> {
  const settings = await getSettings(ctx);
  const industry = settings.vendorIndustry;
  if (!settings.benchmarkOptIn || !industry) {
    return { optedIn: settings.benchmarkOptIn, industry, workspaces: 0, measures: null, minimumWorkspaces: BENCHMARK_MINIMUM };
  }
  const result = await repo.benchmark(ctx.db, industry, BENCHMARK_MINIMUM, DEFAULT_DEFINITIONS);
  return {
    optedIn: true,
    industry,
    workspaces: result.workspaces,
    measures: result.measures
      ? MEASURES.map((measure) => {
          const row = result.measures!.find((m) => m.measure === measure);
          return { measure, median: round1(row?.median ?? null), p75: round1(row?.p75 ?? null), projects: row?.projects ?? 0 };
        })
      : null,
    minimumWorkspaces: BENCHMARK_MINIMUM,
  };
}
