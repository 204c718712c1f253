// Projects and tasks at benchmark scale (`landfall seed --accounts 10000 --projects 20000 --tasks 1000000`):
// written by INSERT … SELECT generate_series in the database, a few thousand projects per statement, not through
// the services (a re-plan per task would take hours). Each project follows one shape of plan: its tasks over
// the five default stages with the milestones of the built-in playbooks, finishing late now and then, owed to
// the customer or the vendor, so the insight reports have real-looking durations, slips and open projects.
import { DEFAULT_STAGES } from '../../core/playbooks/definition.ts';
import type { Services } from '../context.ts';

/** Projects per statement: short statements, and progress to show. */
const BATCH_PROJECTS = 2000;

/** Where along a plan of `n` tasks each milestone falls (as a share of the plan), and each stage starts. */
const MILESTONES: [number, string][] = [
  [0.1, 'first_engagement'],
  [0.16, 'kickoff'],
  [0.6, 'go_live'],
  [0.76, 'first_value'],
  [0.9, 'value_achieved'],
  [1, 'onboarding_complete'],
];

export interface BulkOptions {
  projects: number;
  tasks: number;
  today: string;
  progress?: (done: number, total: number) => void;
  /** Only these accounts (the demo's older customers); default: every account of the workspace. */
  accountIds?: string[];
  /** Day 0 spread over this many days before `oldest` days ago … (default: the last 425 days). */
  spreadDays?: number;
  /** The newest day 0, in days before today (default 0). */
  newestDaysAgo?: number;
  /** Non-working days: when given, every task date moves to the next working day (weekends too). The demo's. */
  holidays?: readonly string[];
}

/**
 * Adds `projects` projects (over the workspace's accounts, round robin) with `tasks` tasks in all, day 0 spread
 * over the last 14 months, and two messages each in the outbox. Returns the counts written.
 */
export async function seedBulkProjects(services: Services, workspaceId: string, options: BulkOptions) {
  const q = services.database.query.bind(services.database);
  const perProject = Math.max(6, Math.round(options.tasks / Math.max(1, options.projects)));
  const milestoneAt = MILESTONES.map(([share, kind]) => [Math.min(perProject - 1, Math.round(share * (perProject - 1))), kind] as const);
  const kindCase = `case ${milestoneAt.map(([position, kind]) => `when n = ${position} then '${kind}'`).join(' ')} end`;
  const stages = JSON.stringify(DEFAULT_STAGES);
  const stageKeys = `array[${DEFAULT_STAGES.map((s) => `'${s.key}'`).join(',')}]`;
  const only = options.accountIds ? `{${options.accountIds.join(',')}}` : null;
  const spread = options.spreadDays ?? 425;
  const newest = options.newestDaysAgo ?? 0;
  await q(`create temporary table if not exists bulk_accounts (rn int primary key, id uuid, name text)`);
  await q(`truncate bulk_accounts`);
  await q(
    `insert into bulk_accounts select (row_number() over (order by id) - 1)::int, id, name from accounts
     where workspace_id = $1 and ($2::uuid[] is null or id = any($2::uuid[]))`,
    [workspaceId, only],
  );
  const [{ n: accountCount } = { n: 0 }] = await q<{ n: number }>('select count(*)::int as n from bulk_accounts');
  // The projects of the batch being written, so each step touches only them.
  await q(`create temporary table if not exists bulk_new (id uuid primary key)`);
  if (accountCount === 0) throw new Error('seed accounts before projects');
  const [{ ids: managers } = { ids: [] as string[] }] = await q<{ ids: string[] }>(
    `select coalesce(array_agg(id order by id), '{}') as ids from members where workspace_id = $1 and role in ('onboarding_manager', 'implementation_manager')`,
    [workspaceId],
  );

  for (let from = 0; from < options.projects; from += BATCH_PROJECTS) {
    const to = Math.min(options.projects, from + BATCH_PROJECTS) - 1;
    // Day 0 over the last 425 days; lateness in days of each project's go-live (0 for a third of them).
    await q('truncate bulk_new');
    await q(
      `with added as (insert into projects (workspace_id, account_id, name, product, stages, day0, status, closed_outcome, status_changed_at,
         onboarding_manager_id, health, baseline_end, projected_end, current_stage, finished)
       select $1, ba.id, ba.name || case when g >= $7::int then ' onboarding ' || (1 + g / $7::int) else ' onboarding' end, (array['Core Platform', 'Analytics', 'Payroll'])[1 + g % 3], $2::jsonb,
         d.day0,
         case when d.day0 < $3::date - 200 and g % 9 <> 0 then 'closed' else 'active' end,
         case when d.day0 < $3::date - 200 and g % 9 <> 0 then 'complete' end,
         case when d.day0 < $3::date - 200 and g % 9 <> 0 then (d.day0 + 190)::timestamptz end,
         ($4::uuid[])[1 + g % greatest(1, cardinality($4::uuid[]))],
         (array['on_track', 'on_track', 'on_track', 'at_risk', 'late'])[1 + (g * 7) % 5],
         d.day0 + 150, d.day0 + 150 + (g % 4) * 6,
         (${stageKeys})[1 + least(4, greatest(0, ($3::date - d.day0) / 35))],
         false
       from generate_series($5::int, $6::int) g
       join bulk_accounts ba on ba.rn = g % $7::int
       cross join lateral (select ($3::date - $8::int - ((g * 37) % $9::int))::date as day0) d
       returning id)
       insert into bulk_new select id from added`,
      [workspaceId, stages, options.today, `{${managers.join(',')}}`, from, to, accountCount, newest, spread],
    );
    // Tasks: n-th task planned to finish at n × 150 / perProject days; late by 0–12 days now and then (more often
    // on the customer's tasks); done when that day has passed.
    await q(
      `insert into project_tasks (workspace_id, project_id, key, position, title, stage, owner_side, owner_role, duration_days,
         milestone_kind, deliverable, status, actual_start, actual_finish, baseline_start, baseline_finish, projected_start, projected_finish, health)
       select p.workspace_id, p.id, 't' || n, n,
         case when ${kindCase} is not null then initcap(replace(${kindCase}, '_', ' '))
              when n % 7 = 3 then (array['Discovery workshop', 'Admin training', 'Weekly check-in call', 'Design review meeting'])[1 + n % 4]
              when n % 11 = 5 then (array['Solution design document', 'Data mapping sheet', 'Training plan'])[1 + n % 3]
              else (array['Configure the workspace', 'Import the data', 'Build the integration', 'Set up single sign-on', 'Invite the users',
                'Test the reports', 'Answer the security questionnaire', 'Nominate the admins', 'Review the adoption figures'])[1 + n % 9] end,
         (${stageKeys})[1 + least(4, n * 5 / ${perProject})],
         case when n % 3 = 0 then 'customer' else 'vendor' end,
         case when n % 3 = 0 then 'champion' else 'onboarding_manager' end,
         case when ${kindCase} is not null then 0 else 3 end,
         ${kindCase}, n % 11 = 5,
         case when p.day0 + x.planned + x.late <= $2::date then 'done' when p.day0 + x.planned - 3 <= $2::date then 'in_progress' else 'not_started' end,
         case when p.day0 + x.planned - 3 <= $2::date then p.day0 + x.planned - 3 + x.late end,
         case when p.day0 + x.planned + x.late <= $2::date then p.day0 + x.planned + x.late end,
         p.day0 + x.planned - 3, p.day0 + x.planned, p.day0 + x.planned - 3 + x.late, p.day0 + x.planned + x.late,
         case when x.late > 0 then 'late' else 'on_track' end
       from projects p
       cross join generate_series(0, ${perProject - 1}) n
       cross join lateral (select (n * 150 / ${perProject})::int as planned,
         (case when (hashtext(p.id::text) + n * 13) % 5 = 0 then abs(hashtext(p.id::text || n)) % 12 else 0 end
          + case when n * 150 / ${perProject} > 30 then abs(hashtext(p.id::text)) % 20 else 0 end)::int as late) x
       where p.workspace_id = $1 and p.id in (select id from bulk_new)`,
      [workspaceId, options.today],
    );
    // The late milestones owe their slip (in business days, about 5 per 7) to the customer or the vendor.
    await q(
      `insert into milestone_slips (workspace_id, project_id, milestone_task_id, cause_task_id, side, days)
       select m.workspace_id, m.project_id, m.id, m.id, case when abs(hashtext(m.id::text)) % 2 = 0 then 'customer' else 'vendor' end,
         greatest(1, (m.projected_finish - m.baseline_finish) * 5 / 7)
       from project_tasks m join projects p on p.workspace_id = m.workspace_id and p.id = m.project_id
       where m.workspace_id = $1 and m.milestone_kind is not null and m.projected_finish > m.baseline_finish
         and p.id in (select id from bulk_new)`,
      [workspaceId],
    );
    // Two messages per project: a welcome on day 1 and a check-in on day 30 (sent when that day has passed).
    await q(
      `insert into mail_outbox (workspace_id, dedupe_key, to_address, subject, text_body, message_id, state, kind, project_id, due_at, send_after, sent_at)
       select p.workspace_id, 'bulk:' || p.id || ':' || k, 'champion+' || k || '@bulk.example', 'Welcome', 'Hello', '<bulk-' || p.id || '-' || k || '@landfall>',
         case when p.day0 + k <= $2::date then 'sent' else 'scheduled' end, 'automated', p.id,
         (p.day0 + k)::timestamptz, (p.day0 + k)::timestamptz, case when p.day0 + k <= $2::date then (p.day0 + k)::timestamptz end
       from projects p cross join (values (1), (30)) v(k)
       where p.workspace_id = $1 and p.id in (select id from bulk_new)`,
      [workspaceId, options.today],
    );
    if (options.holidays) {
      // To the next working day (a week holds one), date by date: the demo's projects never work on a holiday.
      const next = (column: string) =>
        `case when ${column} is null then null else (select min(x)::date from generate_series(${column}::timestamp, ${column}::timestamp + interval '7 days', interval '1 day') x
           where extract(isodow from x) < 6 and x::date <> all($2::date[])) end`;
      await q(
        `update project_tasks set actual_start = ${next('actual_start')}, actual_finish = ${next('actual_finish')},
           baseline_start = ${next('baseline_start')}, baseline_finish = ${next('baseline_finish')},
           projected_start = ${next('projected_start')}, projected_finish = ${next('projected_finish')}
         where workspace_id = $1 and project_id in (select id from bulk_new)`,
        [workspaceId, `{${options.holidays.join(',')}}`],
      );
    }
    // Closed only once finished: a project whose onboarding-complete milestone is not done stays active.
    await q(
      `update projects p set finished = x.done,
         status = case when p.status = 'closed' and not x.done then 'active' else p.status end,
         closed_outcome = case when p.status = 'closed' and x.done then p.closed_outcome end,
         status_changed_at = case when p.status = 'closed' and x.done then p.status_changed_at end
       from (select b.id, exists (select 1 from project_tasks t where t.workspace_id = $1 and t.milestone_kind = 'onboarding_complete'
               and t.project_id = b.id and t.status = 'done') as done from bulk_new b) x
       where p.workspace_id = $1 and p.id = x.id`,
      [workspaceId],
    );
    // A CSAT rating (3–5) by one of the account's contacts on each milestone reached (most customers rate).
    await q(
      `insert into milestone_ratings (workspace_id, project_id, task_id, contact_id, score, created_at, updated_at)
       select m.workspace_id, m.project_id, m.id, c.id, 3 + abs(hashtext(m.id::text)) % 3, m.actual_finish::timestamptz, m.actual_finish::timestamptz
       from project_tasks m join projects p on p.workspace_id = m.workspace_id and p.id = m.project_id
       join lateral (select id from contacts c where c.workspace_id = p.workspace_id and c.account_id = p.account_id order by c.id limit 1) c on true
       where m.workspace_id = $1 and m.project_id in (select id from bulk_new) and m.status = 'done'
         and m.milestone_kind in ('kickoff', 'go_live', 'first_value') and abs(hashtext(m.id::text)) % 4 <> 0`,
      [workspaceId],
    );
    options.progress?.(to + 1, options.projects);
  }
  // Statistics for the planner, and the visibility map a bulk load leaves unset (autovacuum would set it a while
  // later): the insight reports read the tasks from their indexes alone only where it says the rows are visible.
  await q(`${services.database.engine === 'postgres' ? 'vacuum (analyze)' : 'analyze'} projects, project_tasks, milestone_slips, milestone_ratings, mail_outbox`);
  const [{ n: tasks } = { n: 0 }] = await q<{ n: number }>('select count(*)::int as n from project_tasks where workspace_id = $1', [workspaceId]);
  return { projects: options.projects, tasks };
}
