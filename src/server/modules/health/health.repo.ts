// SQL only. Facts for health, renewal risk and LAER are read for a whole workspace in one statement (grouped by
// account, no query per account), and written back in chunks of JSON rows, so re-scoring 10,000 accounts is a
// handful of statements.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { USAGE_METRICS } from '../../../core/health/score.ts';
import { accountHealth, accountHealthHistory, accountLaerChanges, healthModels } from '../../db/schema.ts';

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface AccountFactsRow {
  account_id: string;
  segment: string;
  laer_stage: string;
  renewal_on: string | null;
  days_to_renewal: number | null;
  days_late: number | null;
  vendor_slip: number | null;
  csat: number | null;
  outcomes_verified: number | null;
  trained_users: number | null;
  champion_present: number;
  portal_days: number | null;
  usage: number | null;
  key_contacts_left: number;
  live: boolean;
  expanded: boolean;
  current_score: number | null;
  current_band: string | null;
  laer_signal: string | null;
  has_health: boolean;
}

/** Every fact the model's measures read, for the workspace's active accounts (or the listed ones). */
export async function accountFacts(db: Db, workspaceId: string, today: string, now: Date, accountIds?: string[]) {
  const only = accountIds ? sql`and a.id in (${sql.join(accountIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  const ws = sql`${workspaceId}::uuid`;
  const day = sql`${today}::date`;
  return rows<AccountFactsRow>(
    await db.execute(sql`
      with acc as (
        select a.id, a.segment, a.laer_stage, a.renewal_on from accounts a
         where a.workspace_id = ${ws} and a.archived_at is null ${only}
      ),
      proj as (
        select p.account_id,
               max(greatest(0, p.projected_end - p.baseline_end)) as days_late,
               bool_or(p.finished or p.current_stage in ('adoption', 'value_creation') or exists (
                 select 1 from project_tasks t where t.workspace_id = p.workspace_id and t.project_id = p.id
                    and t.milestone_kind = 'go_live' and t.status = 'done')) as live,
               count(distinct coalesce(p.product, '')) > 1 or count(distinct p.organization_id) > 1 as more_than_one
          from projects p join acc on acc.id = p.account_id
         where p.workspace_id = ${ws} and p.closed_outcome is distinct from 'cancelled'
         group by p.account_id
      ),
      slip as (
        select account_id, max(days) as vendor_slip from (
          select p.account_id, sum(s.days) as days
            from milestone_slips s join projects p on p.workspace_id = s.workspace_id and p.id = s.project_id
            join acc on acc.id = p.account_id
           where s.workspace_id = ${ws} and s.side = 'vendor'
           group by p.account_id, s.milestone_task_id) per_milestone
         group by account_id
      ),
      rating as (
        select p.account_id, avg(r.score)::float8 as csat
          from milestone_ratings r join projects p on p.workspace_id = r.workspace_id and p.id = r.project_id
          join acc on acc.id = p.account_id
         where r.workspace_id = ${ws}
         group by p.account_id
      ),
      outcome as (
        select p.account_id, (100.0 * count(o.verified_at) / count(*))::float8 as verified
          from success_outcomes o join projects p on p.workspace_id = o.workspace_id and p.id = o.project_id
          join acc on acc.id = p.account_id
         where o.workspace_id = ${ws}
         group by p.account_id
      ),
      people as (
        select c.account_id,
               count(*) filter (where c.left_on is null) as current_contacts,
               count(*) filter (where c.left_on is null and exists (
                 select 1 from academy_statements s where s.workspace_id = c.workspace_id and s.contact_id = c.id
                    and s.verb = 'completed' and s.course_id is not null
                    and s.statement->'object'->'definition'->>'type' = 'http://adlnet.gov/expapi/activities/course')) as trained,
               bool_or(c.left_on is null and c.role = 'champion') as champion,
               count(*) filter (where c.left_on is not null and c.left_on > ${day} - 365
                 and c.role in ('champion', 'executive_sponsor', 'admin'))::int as key_left
          from contacts c join acc on acc.id = c.account_id
         where c.workspace_id = ${ws}
         group by c.account_id
      ),
      portal as (
        select p.account_id, max(coalesce(pa.last_visit_at, pa.invited_at)) as last_seen
          from portal_access pa join projects p on p.workspace_id = pa.workspace_id and p.id = pa.project_id
          join acc on acc.id = p.account_id
         where pa.workspace_id = ${ws} and pa.revoked_at is null
         group by p.account_id
      ),
      usage_latest as (
        select distinct on (f.account_id, f.metric) f.account_id, f.metric, f.value
          from usage_figures f join acc on acc.id = f.account_id
         where f.workspace_id = ${ws} and f.metric in (${USAGE_METRICS.active}, ${USAGE_METRICS.licensed})
         order by f.account_id, f.metric, f.at desc, f.created_at desc
      ),
      usage as (
        select a.account_id,
               case when l.value <= 0 then 0 else least(100, 100.0 * a.value / l.value) end::float8 as usage_percent,
               l.value > (select min(m.value) from usage_figures m where m.workspace_id = ${ws} and m.account_id = a.account_id
                                                                and m.metric = ${USAGE_METRICS.licensed}) as seats_grew
          from usage_latest a join usage_latest l on l.account_id = a.account_id and l.metric = ${USAGE_METRICS.licensed}
         where a.metric = ${USAGE_METRICS.active}
      )
      select acc.id as account_id, acc.segment, acc.laer_stage, acc.renewal_on::text as renewal_on,
             (acc.renewal_on - ${day})::int as days_to_renewal,
             proj.days_late::int as days_late,
             case when proj.account_id is null then null else coalesce(slip.vendor_slip, 0)::int end as vendor_slip,
             rating.csat, outcome.verified as outcomes_verified,
             case when coalesce(people.current_contacts, 0) = 0 then null
                  else (100.0 * people.trained / people.current_contacts)::float8 end as trained_users,
             case when coalesce(people.champion, false) then 1 else 0 end as champion_present,
             case when portal.last_seen is null then null
                  else floor(extract(epoch from (${now.toISOString()}::timestamptz - portal.last_seen)) / 86400)::int end as portal_days,
             usage.usage_percent as usage,
             coalesce(people.key_left, 0) as key_contacts_left,
             coalesce(proj.live, false) as live,
             coalesce(proj.live, false) and (coalesce(proj.more_than_one, false) or coalesce(usage.seats_grew, false)) as expanded,
             h.score as current_score, h.band as current_band, h.laer_signal, h.account_id is not null as has_health
        from acc
        left join proj on proj.account_id = acc.id
        left join slip on slip.account_id = acc.id
        left join rating on rating.account_id = acc.id
        left join outcome on outcome.account_id = acc.id
        left join people on people.account_id = acc.id
        left join portal on portal.account_id = acc.id
        left join usage on usage.account_id = acc.id
        left join account_health h on h.workspace_id = ${ws} and h.account_id = acc.id
       order by acc.id`),
  );
}

export interface ScoredRow {
  account_id: string;
  score: number | null;
  band: string | null;
  contributions: unknown;
  renewal_risk: string;
  renewal_risk_points: number;
  renewal_risk_reasons: string[];
  key_contacts_left: number;
  changed: boolean;
  laer_from: string;
  laer_to: string;
  laer_signal: string;
}

/** Writes a chunk of scores: the latest row per account, a history row where the score changed, LAER changes. */
export async function writeScores(db: Db, workspaceId: string, scoredAt: Date, chunk: ScoredRow[]) {
  if (chunk.length === 0) return;
  const json = sql`${JSON.stringify(chunk)}::jsonb`;
  const at = sql`${scoredAt.toISOString()}::timestamptz`;
  const ws = sql`${workspaceId}::uuid`;
  await db.execute(sql`
    insert into account_health (workspace_id, account_id, score, band, contributions, renewal_risk, renewal_risk_points,
                                renewal_risk_reasons, key_contacts_left, laer_signal, scored_at)
    select ${ws}, r.account_id, r.score, r.band, r.contributions, r.renewal_risk, r.renewal_risk_points,
           r.renewal_risk_reasons, r.key_contacts_left, r.laer_signal, ${at}
      from jsonb_to_recordset(${json}) as r(account_id uuid, score int, band text, contributions jsonb, renewal_risk text,
           renewal_risk_points int, renewal_risk_reasons jsonb, key_contacts_left int, laer_signal text)
    on conflict (workspace_id, account_id) do update set score = excluded.score, band = excluded.band,
      contributions = excluded.contributions, renewal_risk = excluded.renewal_risk,
      renewal_risk_points = excluded.renewal_risk_points, renewal_risk_reasons = excluded.renewal_risk_reasons,
      key_contacts_left = excluded.key_contacts_left, laer_signal = excluded.laer_signal, scored_at = excluded.scored_at`);
  if (chunk.some((r) => r.changed)) {
    await db.execute(sql`
      insert into account_health_history (workspace_id, account_id, score, band, scored_at)
      select ${ws}, r.account_id, r.score, r.band, ${at}
        from jsonb_to_recordset(${json}) as r(account_id uuid, score int, band text, changed boolean)
       where r.changed`);
  }
  if (chunk.some((r) => r.laer_from !== r.laer_to)) {
    await db.execute(sql`
      update accounts a set laer_stage = r.laer_to
        from jsonb_to_recordset(${json}) as r(account_id uuid, laer_from text, laer_to text)
       where a.workspace_id = ${ws} and a.id = r.account_id and r.laer_from <> r.laer_to`);
    await db.execute(sql`
      insert into account_laer_changes (workspace_id, account_id, from_stage, to_stage, changed_at)
      select ${ws}, r.account_id, r.laer_from, r.laer_to, ${at}
        from jsonb_to_recordset(${json}) as r(account_id uuid, laer_from text, laer_to text)
       where r.laer_from <> r.laer_to`);
  }
}

export async function findModel(db: Db, workspaceId: string) {
  const [row] = await db.select().from(healthModels).where(eq(healthModels.workspaceId, workspaceId));
  return row;
}

export async function saveModel(db: Db, workspaceId: string, model: { kind: string; measures: unknown }, now: Date) {
  await db
    .insert(healthModels)
    .values({ workspaceId, kind: model.kind, measures: model.measures, updatedAt: now })
    .onConflictDoUpdate({ target: healthModels.workspaceId, set: { kind: model.kind, measures: model.measures, updatedAt: now } });
}

export async function findAccountHealth(db: Db, workspaceId: string, accountId: string) {
  const [row] = await db
    .select()
    .from(accountHealth)
    .where(and(eq(accountHealth.workspaceId, workspaceId), eq(accountHealth.accountId, accountId)));
  return row;
}

export function healthHistory(db: Db, workspaceId: string, accountId: string, limit: number) {
  return db
    .select({ score: accountHealthHistory.score, band: accountHealthHistory.band, scoredAt: accountHealthHistory.scoredAt })
    .from(accountHealthHistory)
    .where(and(eq(accountHealthHistory.workspaceId, workspaceId), eq(accountHealthHistory.accountId, accountId)))
    .orderBy(desc(accountHealthHistory.scoredAt))
    .limit(limit);
}

export function laerHistory(db: Db, workspaceId: string, accountId: string) {
  return db
    .select({ fromStage: accountLaerChanges.fromStage, toStage: accountLaerChanges.toStage, changedAt: accountLaerChanges.changedAt })
    .from(accountLaerChanges)
    .where(and(eq(accountLaerChanges.workspaceId, workspaceId), eq(accountLaerChanges.accountId, accountId)))
    .orderBy(desc(accountLaerChanges.changedAt));
}

/** The account's usage by day (UTC) a figure was posted: the latest active_users and licensed_users as of that day's end, newest first. */
export async function usageFigures(db: Db, workspaceId: string, accountId: string, limit: number) {
  const ws = sql`${workspaceId}::uuid`;
  const acc = sql`${accountId}::uuid`;
  const asOf = (metric: string) => sql`(select f.value from usage_figures f where f.workspace_id = ${ws} and f.account_id = ${acc}
      and f.metric = ${metric} and f.at < ((d.day::date + 1)::timestamp at time zone 'UTC') order by f.at desc, f.created_at desc limit 1)`;
  const found = rows<{ recorded_on: string; active: number | null; licensed: number | null }>(
    await db.execute(sql`
      select d.day as recorded_on, ${asOf(USAGE_METRICS.active)} as active, ${asOf(USAGE_METRICS.licensed)} as licensed
        from (select distinct to_char(f.at at time zone 'UTC', 'YYYY-MM-DD') as day from usage_figures f
               where f.workspace_id = ${ws} and f.account_id = ${acc} and f.metric in (${USAGE_METRICS.active}, ${USAGE_METRICS.licensed})
               order by day desc limit ${limit}) d
       order by d.day desc`),
  );
  return found
    .filter((r) => r.active !== null && r.licensed !== null)
    .map((r) => ({ recordedOn: r.recorded_on, activeUsers: Math.round(Number(r.active)), licensedUsers: Math.round(Number(r.licensed)) }));
}

/** Days each account has spent in its current LAER stage, averaged per segment and stage (active accounts). */
export async function timeInStageBySegment(db: Db, workspaceId: string, now: Date) {
  return rows<{ segment: string; stage: string; accounts: number; average_days: number }>(
    await db.execute(sql`
      select a.segment, a.laer_stage as stage, count(*)::int as accounts,
             coalesce(avg(extract(epoch from (${now.toISOString()}::timestamptz - coalesce(
               (select max(l.changed_at) from account_laer_changes l where l.workspace_id = a.workspace_id and l.account_id = a.id),
               a.created_at))) / 86400), 0)::float8 as average_days
        from accounts a where a.workspace_id = ${workspaceId}::uuid and a.archived_at is null
       group by a.segment, a.laer_stage order by a.segment, a.laer_stage`),
  );
}

/** Every workspace with at least one active account: the nightly re-score goes through them. */
export async function workspacesWithAccounts(db: Db) {
  return rows<{ workspace_id: string }>(
    await db.execute(sql`select distinct workspace_id from accounts where archived_at is null`),
  ).map((r) => r.workspace_id);
}

export async function accountOfProject(db: Db, workspaceId: string, projectId: string) {
  const [row] = rows<{ account_id: string }>(
    await db.execute(sql`select account_id from projects where workspace_id = ${workspaceId}::uuid and id = ${projectId}::uuid`),
  );
  return row?.account_id;
}
