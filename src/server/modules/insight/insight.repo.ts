// The insight figures' SQL: every figure is computed by the database over the portfolio (both engines), and
// only the Kaplan–Meier step runs in core, over the (days, reached) pairs returned here.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insightSettings, insightVersions } from '../../db/schema.ts';
import type { GroupBy } from '../../../core/insight/measures.ts';

/** Which projects: the workspace, the scope and the filters, as plain values. */
export interface ProjectSet {
  workspaceId: string;
  /** Only the projects this member manages (the "mine" scope). */
  managerOnly?: string | undefined;
  segment?: string | undefined;
  touchModel?: string | undefined;
  industry?: string | undefined;
  product?: string | undefined;
  complexity?: string | undefined;
  playbookId?: string | undefined;
  managerId?: string | undefined;
  cohortFrom?: string | undefined;
  cohortTo?: string | undefined;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The contract month of a project: the account's signature, else the project's day 0. */
const cohortDate = sql`coalesce(a.contract_signed_on, p.day0)`;

/** `where` over projects p joined to accounts a. */
function whereOf(set: ProjectSet): SQL {
  const parts: SQL[] = [sql`p.workspace_id = ${set.workspaceId}`];
  if (set.managerOnly) parts.push(sql`p.onboarding_manager_id = ${set.managerOnly}`);
  if (set.segment) parts.push(sql`a.segment = ${set.segment}`);
  if (set.touchModel) parts.push(sql`a.touch_model = ${set.touchModel}`);
  if (set.industry) parts.push(sql`lower(a.industry) = lower(${set.industry})`);
  if (set.product) parts.push(sql`lower(p.product) = lower(${set.product})`);
  if (set.complexity) parts.push(sql`a.complexity = ${set.complexity}`);
  if (set.playbookId) parts.push(sql`p.playbook_id = ${set.playbookId}`);
  if (set.managerId) parts.push(sql`p.onboarding_manager_id = ${set.managerId}`);
  if (set.cohortFrom) parts.push(sql`${cohortDate} >= ${`${set.cohortFrom}-01`}::date`);
  if (set.cohortTo) parts.push(sql`${cohortDate} < (${`${set.cohortTo}-01`}::date + interval '1 month')`);
  return sql.join(parts, sql` and `);
}

// A left join (every project has its account: a foreign key), so that PostgreSQL leaves the accounts out of a
// statement that neither filters nor reads them (join removal over their unique key).
/** Every project of the workspace: no scope, no filter (a statement may then skip the projects altogether). */
const wholeWorkspace = (set: ProjectSet) => Object.entries(set).every(([key, value]) => key === 'workspaceId' || value === undefined);

const FROM = sql`projects p left join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id`;

/** A group's key and label, as SQL over p, a, pb (playbooks) and mg (members). */
function groupOf(groupBy: GroupBy): { key: SQL; label: SQL } {
  switch (groupBy) {
    case 'none':
      return { key: sql`'all'`, label: sql`'All projects'` };
    case 'segment':
      return { key: sql`a.segment`, label: sql`a.segment` };
    case 'touch_model':
      return { key: sql`a.touch_model`, label: sql`a.touch_model` };
    case 'industry':
      return { key: sql`a.industry`, label: sql`a.industry` };
    case 'complexity':
      return { key: sql`a.complexity`, label: sql`a.complexity` };
    case 'product':
      return { key: sql`coalesce(p.product, '')`, label: sql`coalesce(p.product, 'No product')` };
    case 'playbook':
      return {
        key: sql`coalesce(p.playbook_id::text || ':' || p.playbook_version, '')`,
        label: sql`coalesce(pb.name || ' v' || p.playbook_version, 'No playbook')`,
      };
    case 'manager':
      return { key: sql`coalesce(p.onboarding_manager_id::text, '')`, label: sql`coalesce(mg.name, 'Nobody assigned')` };
    case 'cohort_month':
      return { key: sql`to_char(${cohortDate}, 'YYYY-MM')`, label: sql`to_char(${cohortDate}, 'YYYY-MM')` };
    case 'cohort_quarter':
      return { key: sql`to_char(${cohortDate}, 'YYYY-"Q"Q')`, label: sql`to_char(${cohortDate}, 'YYYY-"Q"Q')` };
    case 'segment_cohort':
      return {
        key: sql`a.segment || ' ' || to_char(${cohortDate}, 'YYYY-"Q"Q')`,
        label: sql`a.segment || ' · ' || to_char(${cohortDate}, 'YYYY-"Q"Q')`,
      };
  }
}

const GROUP_JOINS = sql`left join playbooks pb on pb.workspace_id = p.workspace_id and pb.id = p.playbook_id
  left join members mg on mg.workspace_id = p.workspace_id and mg.id = p.onboarding_manager_id`;

/**
 * Each project's wait for a milestone: to the day its milestone task was done (reached), or — still waiting —
 * to today, or to the day it was closed without reaching it (censored). Projects without that milestone are not
 * counted. `customer_slip` (asked for with `customerSlip`, else 0): business days of the milestone's slip owed to the
 * customer.
 */
function milestoneRows(set: ProjectSet, milestone: string, today: string, groupBy: GroupBy, options: { extraWhere?: SQL | undefined; customerSlip?: boolean } = {}): SQL {
  const { extraWhere, customerSlip = false } = options;
  const group = groupOf(groupBy);
  // Hash joins over the workspace's milestone rows (one index range), not a lookup per project: at 20,000
  // projects the difference is an order of magnitude. A project has one milestone of each kind (playbooks say
  // so); should it have two, the first in plan order counts.
  return sql`select ${group.key} as key, ${group.label} as label, p.id as project_id,
      (m.status = 'done' and m.actual_finish is not null) as reached,
      greatest(0, case when m.status = 'done' and m.actual_finish is not null then m.actual_finish - p.day0
           when p.status = 'closed' and p.status_changed_at is not null then least(p.status_changed_at::date, ${today}::date) - p.day0
           else ${today}::date - p.day0 end) as days,
      ${customerSlip ? sql`coalesce(cs.days, 0)::int` : sql`0`} as customer_slip,
      m.actual_finish::text as reached_on, m.baseline_finish::text as baseline_on
    from ${FROM}
    ${GROUP_JOINS}
    join (select distinct on (t.project_id) t.id, t.project_id, t.status, t.actual_finish, t.baseline_finish from project_tasks t
      where t.workspace_id = ${set.workspaceId} and t.milestone_kind = ${milestone}
      order by t.project_id, t.position) m on m.project_id = p.id
    ${customerSlip
      ? sql`left join (select s.milestone_task_id, sum(s.days) as days from milestone_slips s
      where s.workspace_id = ${set.workspaceId} and s.side = 'customer' group by 1) cs on cs.milestone_task_id = m.id`
      : sql``}
    where ${whereOf(set)}
      ${extraWhere ? sql`and ${extraWhere}` : sql``}`;
}

export interface MilestoneRow {
  key: string;
  label: string;
  reached: boolean;
  days: number;
  customerSlip: number;
}

export interface DonePercentiles {
  key: string;
  gross: [number, number, number] | null;
  net: [number, number, number] | null;
}

/**
 * A time-to-value report's data in one round trip: each project's group, days, reached and customer slip (for
 * Kaplan–Meier), and percentile_cont(0.5, 0.75, 0.9) over the reached ones, gross and net, per group and overall.
 */
export async function ttvData(db: Db, set: ProjectSet, milestone: string, today: string, groupBy: GroupBy) {
  const percentiles = (by: SQL) => sql`select ${by} as key,
      percentile_cont(array[0.5, 0.75, 0.9]::float8[]) within group (order by days) filter (where reached) as gross,
      percentile_cont(array[0.5, 0.75, 0.9]::float8[]) within group (order by greatest(0, days - round(customer_slip * 7.0 / 5)))
        filter (where reached) as net
    from r group by 1`;
  const result = await db.execute(sql`with r as materialized (${milestoneRows(set, milestone, today, groupBy, { customerSlip: true })})
    select (select coalesce(json_agg(json_build_array(key, label, days, reached, customer_slip)), '[]'::json) from r) as rows,
      (select coalesce(json_agg(g), '[]'::json) from (${percentiles(sql`key`)}) g) as groups,
      (select coalesce(json_agg(o), '[]'::json) from (${percentiles(sql`'all'`)}) o) as overall`);
  const row = rowsOf<{ rows: [string, string, number, boolean, number][]; groups: RawPercentiles[]; overall: RawPercentiles[] }>(result)[0]!;
  return {
    rows: row.rows.map(([key, label, days, reached, customerSlip]): MilestoneRow => ({ key, label, days, reached, customerSlip })),
    groups: row.groups.map(toPercentiles),
    overall: row.overall.map(toPercentiles)[0],
  };
}

interface RawPercentiles {
  key: string;
  gross: (number | null)[] | null;
  net: (number | null)[] | null;
}

const toPercentiles = (row: RawPercentiles): DonePercentiles => ({
  key: row.key,
  gross: row.gross && row.gross[0] !== null ? (row.gross.map(Number) as [number, number, number]) : null,
  net: row.net && row.net[0] !== null ? (row.net.map(Number) as [number, number, number]) : null,
});

export interface MeasureSummary {
  /** [days, reached] per project. */
  pairs: [number, boolean][];
  trend: { month: string; value: number | null; n: number }[];
  onTime: number;
  late: number;
}

/**
 * Everything the dashboard shows of one measure in one round trip: each project's (days, reached) pair for
 * Kaplan–Meier, the median by month reached (percentile_cont, the last 12 months), and reached on or before the
 * milestone's baseline date or after.
 */
export async function measureSummary(db: Db, set: ProjectSet, milestone: string, today: string): Promise<MeasureSummary> {
  const result = await db.execute(sql`with r as materialized (${milestoneRows(set, milestone, today, 'none')})
    select (select coalesce(json_agg(json_build_array(days, reached)), '[]'::json) from r) as pairs,
      (select coalesce(json_agg(t order by t.month), '[]'::json) from (
        select to_char(reached_on::date, 'YYYY-MM') as month, percentile_cont(0.5) within group (order by days)::float8 as value, count(*)::int as n
        from r where reached and reached_on::date > ${today}::date - interval '12 months' group by 1) t) as trend,
      (select count(*) from r where reached and (reached_on <= baseline_on or baseline_on is null))::int as "onTime",
      (select count(*) from r where reached and reached_on > baseline_on)::int as late`);
  return rowsOf<MeasureSummary>(result)[0]!;
}

/** Active and closed, and the active ones by health and by stage, in one pass. */
export async function portfolioCounts(db: Db, set: ProjectSet) {
  const result = await db.execute(sql`with c as materialized (select p.status, p.health, coalesce(p.current_stage, '') as stage
      from ${FROM} where ${whereOf(set)})
    select (select count(*) from c where status <> 'closed')::int as active, (select count(*) from c where status = 'closed')::int as closed,
      (select coalesce(json_agg(h order by h.key), '[]'::json) from (select health as key, count(*)::int as count from c where status <> 'closed' group by 1) h) as "byHealth",
      (select coalesce(json_agg(g order by g.key), '[]'::json) from (select stage as key, count(*)::int as count from c where status <> 'closed' group by 1) g) as "byStage"`);
  return rowsOf<{ active: number; closed: number; byHealth: { key: string; count: number }[]; byStage: { key: string; count: number }[] }>(result)[0]!;
}

/** The stage names of the projects' plans (key → name), for labels. */
export async function stageNames(db: Db, set: ProjectSet) {
  // The distinct plans first: thousands of projects share a handful of stage lists.
  const result = await db.execute(sql`select distinct s->>'key' as key, s->>'name' as name
    from (select distinct p.stages from ${FROM} where ${whereOf(set)} and p.status <> 'closed') d
    cross join lateral jsonb_array_elements(d.stages) s`);
  return rowsOf<{ key: string; name: string }>(result);
}

/** Business days of milestone slip owed to each side, by the month the slipped milestone is now projected in. */
export async function slipByMonth(db: Db, set: ProjectSet, today: string) {
  // The slips matched to the workspace's milestone rows by hash — read from the milestone index alone, which carries
  // their dates — rather than looking up each slipped milestone among a million tasks or scanning them all for the
  // date; grouped by the month as a date, named once per month. The whole workspace's slips need no project.
  const chosen = wholeWorkspace(set) ? sql`` : sql`and s.project_id in (select p.id from ${FROM} where ${whereOf(set)})`;
  const result = await db.execute(sql`select to_char(x.month, 'YYYY-MM') as month, x.customer::int as customer, x.vendor::int as vendor
    from (select date_trunc('month', coalesce(m.actual_finish, m.projected_finish)) as month,
        coalesce(sum(s.days) filter (where s.side = 'customer'), 0) as customer, coalesce(sum(s.days) filter (where s.side = 'vendor'), 0) as vendor
      from milestone_slips s
      join project_tasks m on m.workspace_id = ${set.workspaceId} and m.milestone_kind is not null and m.id = s.milestone_task_id
      where s.workspace_id = ${set.workspaceId} ${chosen}
        and coalesce(m.actual_finish, m.projected_finish) > ${today}::date - interval '12 months'
      group by 1) x
    order by 1`);
  return rowsOf<{ month: string; customer: number; vendor: number }>(result);
}

/** Average milestone CSAT by the month it was given. */
export async function csatByMonth(db: Db, set: ProjectSet, today: string) {
  const result = await db.execute(sql`select to_char(r.created_at, 'YYYY-MM') as month, avg(r.score)::float8 as value, count(*)::int as n
    from ${FROM} join milestone_ratings r on r.workspace_id = p.workspace_id and r.project_id = p.id
    where ${whereOf(set)} and r.created_at > ${today}::date - interval '12 months'
    group by 1 order by 1`);
  return rowsOf<{ month: string; value: number | null; n: number }>(result);
}

export async function outcomeCounts(db: Db, set: ProjectSet) {
  const result = await db.execute(sql`select count(*) filter (where o.verified_at is not null)::int as verified, count(*)::int as total
    from ${FROM} join success_outcomes o on o.workspace_id = p.workspace_id and o.project_id = p.id
    where ${whereOf(set)}`);
  return rowsOf<{ verified: number; total: number }>(result)[0]!;
}

/** An active project at risk: its health is at risk or late, or a task is stuck (stalled). */
const AT_RISK = sql`p.status = 'active' and (p.health in ('at_risk', 'late')
  or exists (select 1 from project_tasks st where st.workspace_id = p.workspace_id and st.project_id = p.id and st.status = 'stuck'))`;

export async function revenueAtRisk(db: Db, set: ProjectSet) {
  const result = await db.execute(sql`select coalesce(sum(a.contract_value), 0)::float8 as amount, count(*)::int as projects,
      coalesce(min(a.currency), 'USD') as currency, count(distinct a.currency)::int as currencies
    from (select distinct on (a.id) a.id, a.contract_value, a.currency from ${FROM} where ${whereOf(set)} and ${AT_RISK}) a`);
  const projects = await db.execute(sql`select count(*)::int as n from ${FROM} where ${whereOf(set)} and ${AT_RISK}`);
  const row = rowsOf<{ amount: number; projects: number; currency: string; currencies: number }>(result)[0]!;
  return { ...row, projects: rowsOf<{ n: number }>(projects)[0]!.n };
}

/** Accounts renewing in the next `days` days, with the worst health of their open projects. */
export async function renewals(db: Db, set: ProjectSet, today: string, days: number) {
  const result = await db.execute(sql`select a.id as "accountId", a.name as "accountName", a.renewal_on::text as "renewalOn",
      a.contract_value::float8 as "contractValue", a.currency,
      (array_agg(p.health order by case p.health when 'late' then 0 when 'at_risk' then 1 else 2 end)
        filter (where p.status <> 'closed'))[1] as health
    from ${FROM}
    where ${whereOf(set)} and a.archived_at is null and a.renewal_on between ${today}::date and ${today}::date + ${days}::int
    group by a.workspace_id, a.id order by a.renewal_on, a.name limit 50`);
  return rowsOf<{ accountId: string; accountName: string; renewalOn: string; contractValue: number; currency: string; health: string | null }>(result);
}

export async function workload(db: Db, set: ProjectSet) {
  const result = await db.execute(sql`select p.onboarding_manager_id as "memberId", coalesce(mg.name, 'Nobody assigned') as name,
      count(*)::int as projects,
      count(*) filter (where p.health = 'at_risk')::int as "atRisk",
      count(*) filter (where p.health = 'late')::int as late
    from ${FROM} ${GROUP_JOINS}
    where ${whereOf(set)} and p.status = 'active'
    group by 1, 2 order by 3 desc, 2`);
  return rowsOf<{ memberId: string | null; name: string; projects: number; atRisk: number; late: number }>(result);
}

export interface DrillFilter {
  health?: string | undefined;
  stage?: string | undefined;
  figure?: 'at_risk' | 'live_on_time' | 'live_late' | 'renewals' | undefined;
  /** A time-to-value group: the milestone, grouping, key and state. */
  milestone?: { kind: string; groupBy: GroupBy; group: string | undefined; state: 'done' | 'open' | undefined } | undefined;
}

const DRILL_LIMIT = 500;

/** The projects behind a figure, newest day 0 first (at most 500, with the total). */
export async function drill(db: Db, set: ProjectSet, filter: DrillFilter, today: string, liveMilestone: string) {
  const extra: SQL[] = [];
  if (filter.health) extra.push(sql`p.health = ${filter.health} and p.status <> 'closed'`);
  if (filter.stage !== undefined) extra.push(sql`coalesce(p.current_stage, '') = ${filter.stage} and p.status <> 'closed'`);
  if (filter.figure === 'at_risk') extra.push(AT_RISK);
  if (filter.figure === 'renewals') {
    extra.push(sql`a.archived_at is null and a.renewal_on between ${today}::date and ${today}::date + 90`);
  }
  let source: SQL;
  const milestone = filter.milestone ?? (filter.figure === 'live_on_time' || filter.figure === 'live_late'
    ? { kind: liveMilestone, groupBy: 'none' as const, group: undefined, state: 'done' as const }
    : undefined);
  if (milestone) {
    const conditions: SQL[] = [sql`true`];
    if (milestone.group !== undefined) conditions.push(sql`r.key = ${milestone.group}`);
    if (milestone.state) conditions.push(milestone.state === 'done' ? sql`r.reached` : sql`not r.reached`);
    if (filter.figure === 'live_on_time') conditions.push(sql`(r.reached_on <= r.baseline_on or r.baseline_on is null)`);
    if (filter.figure === 'live_late') conditions.push(sql`r.reached_on > r.baseline_on`);
    source = sql`select r.project_id, r.days from (${milestoneRows(set, milestone.kind, today, milestone.groupBy, { extraWhere: extra.length ? sql.join(extra, sql` and `) : undefined })}) r
      where ${sql.join(conditions, sql` and `)}`;
  } else {
    source = sql`select p.id as project_id, null::int as days from ${FROM} where ${whereOf(set)}${extra.length ? sql` and ${sql.join(extra, sql` and `)}` : sql``}`;
  }
  const result = await db.execute(sql`with chosen as (${source})
    select p.id, p.name, a.id as "accountId", a.name as "accountName", a.segment, a.industry, p.status, p.health,
      p.current_stage as stage, mg.name as "managerName", p.day0::text as day0, a.contract_value::float8 as "contractValue",
      a.currency, c.days, count(*) over ()::int as total
    from chosen c join projects p on p.workspace_id = ${set.workspaceId} and p.id = c.project_id
    join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
    left join members mg on mg.workspace_id = p.workspace_id and mg.id = p.onboarding_manager_id
    order by p.day0 desc, p.name limit ${DRILL_LIMIT}`);
  const rows = rowsOf<Record<string, unknown> & { total: number }>(result);
  const total = rows[0]?.total ?? 0;
  return { rows: rows.map(({ total: _total, ...row }) => row), total, truncated: total > rows.length };
}

// ── The day −60…+60 report ───────────────────────────────────────────────────────────────────────────────────

/**
 * For each end-customer industry, stage, kind and day from −60 to +60 around the contract signature: how many
 * tasks were planned to finish that day (their baseline) and how many did (their actual finish); messages by their
 * due day (planned) and the day they went (actual). A task's kind (milestone, deliverable, meeting, task) is its
 * activity_kind, and what the report reads of the tasks comes from the project index alone.
 */
export async function dayReport(db: Db, set: ProjectSet, from: number, to: number) {
  const chosen = sql`select p.id, p.workspace_id, coalesce(a.contract_signed_on, p.day0) as anchor, a.industry
    from ${FROM} where ${whereOf(set)}`;
  // Each task or message once, as its planned and its actual day (one row each), counted in one grouping.
  const result = await db.execute(sql`with ps as materialized (${chosen}),
    events as (
      select ps.industry, t.stage, t.activity_kind as kind, t.baseline_finish - ps.anchor as planned_day,
          case when t.status = 'done' then t.actual_finish - ps.anchor end as actual_day
        from ps join project_tasks t on t.workspace_id = ${set.workspaceId} and t.project_id = ps.id
      union all
      select ps.industry, '', 'message', coalesce(o.due_at, o.send_after)::date - ps.anchor,
          case when o.state = 'sent' then o.sent_at::date - ps.anchor end
        from ps join mail_outbox o on o.workspace_id = ${set.workspaceId} and o.project_id = ps.id)
    select e.industry, e.stage, e.kind, d.day, sum(d.planned)::int as planned, sum(d.actual)::int as actual
    from events e cross join lateral (values (e.planned_day, 1, 0), (e.actual_day, 0, 1)) d(day, planned, actual)
    where d.day between ${from} and ${to}
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  const industries = await db.execute(sql`select a.industry, count(*)::int as projects from ${FROM} where ${whereOf(set)} group by 1 order by 2 desc, 1`);
  return {
    cells: rowsOf<{ industry: string; stage: string; kind: string; day: number; planned: number; actual: number }>(result),
    industries: rowsOf<{ industry: string; projects: number }>(industries),
  };
}

/** The stages in plan order across the chosen projects (the first project's order wins for a shared key). */
export async function stagesInOrder(db: Db, set: ProjectSet) {
  const result = await db.execute(sql`select s.value->>'key' as key, min(s.value->>'name') as name, min(s.ordinality)::int as position
    from ${FROM} cross join lateral jsonb_array_elements(p.stages) with ordinality s
    where ${whereOf(set)} group by 1 order by 3, 1`);
  return rowsOf<{ key: string; name: string }>(result);
}

// ── Settings and the benchmark ───────────────────────────────────────────────────────────────────────────────

export async function findSettings(db: Db, workspaceId: string) {
  const result = await db.execute(sql`select definitions, benchmark_opt_in as "benchmarkOptIn", vendor_industry as "vendorIndustry"
    from ${insightSettings} where workspace_id = ${workspaceId}`);
  return rowsOf<{ definitions: Record<string, string>; benchmarkOptIn: boolean; vendorIndustry: string | null }>(result)[0];
}

export async function saveSettings(
  db: Db,
  workspaceId: string,
  settings: { definitions: Record<string, string>; benchmarkOptIn: boolean; vendorIndustry: string | null },
  now: Date,
) {
  await db
    .insert(insightSettings)
    .values({ workspaceId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: insightSettings.workspaceId, set: { ...settings, updatedAt: now } });
}

/**
 * Across the installation: the workspaces that opted in with this vendor industry, and — only when at least
 * `minimum` contribute — the median and P75 days per measure over all their reached milestones (each workspace's
 * own definition of the measure). Aggregates only: no workspace, account or project is named.
 */
export async function benchmark(db: Db, industry: string, minimum: number, defaults: Record<string, string>) {
  const contributors = await db.execute(sql`select count(*)::int as n from ${insightSettings}
    where benchmark_opt_in and lower(vendor_industry) = lower(${industry})`);
  const workspaces = rowsOf<{ n: number }>(contributors)[0]!.n;
  if (workspaces < minimum) return { workspaces, measures: null };
  const measures = Object.entries(defaults);
  const values = sql.join(
    measures.map(([measure, milestone]) => sql`(${measure}, ${milestone})`),
    sql`, `,
  );
  const result = await db.execute(sql`with ws as (select workspace_id, definitions from ${insightSettings}
      where benchmark_opt_in and lower(vendor_industry) = lower(${industry})),
    measures(measure, milestone) as (values ${values})
    select m.measure, percentile_cont(0.5) within group (order by t.actual_finish - p.day0)::float8 as median,
      percentile_cont(0.75) within group (order by t.actual_finish - p.day0)::float8 as p75, count(*)::int as projects
    from ws cross join measures m
    join projects p on p.workspace_id = ws.workspace_id
    join project_tasks t on t.workspace_id = p.workspace_id and t.project_id = p.id
      and t.milestone_kind = coalesce(ws.definitions->>m.measure, m.milestone)
    where t.status = 'done' and t.actual_finish is not null
    group by m.measure`);
  return { workspaces, measures: rowsOf<{ measure: string; median: number | null; p75: number | null; projects: number }>(result) };
}

/** The workspace's insight version (0 before anything it reports on was written). */
export async function insightVersion(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db.select({ version: insightVersions.version }).from(insightVersions).where(eq(insightVersions.workspaceId, workspaceId));
  return row?.version ?? 0;
}
