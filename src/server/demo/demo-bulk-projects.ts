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
  const [{ n: accountCount } = { n: 0 }] = await q<{ n: number }>('select count(*)::int as n from accounts where workspace_id = $1', [workspaceId]);
  if (accountCount === 0) throw new Error('seed accounts before projects');
  await q(`create temporary table if not exists bulk_accounts (rn int primary key, id uuid, industry text)`);
  await q(`truncate bulk_accounts`);
  await q(`insert into bulk_accounts select (row_number() over (order by id) - 1)::int, id, industry from accounts where workspace_id = $1`, [workspaceId]);
  const [{ ids: managers } = { ids: [] as string[] }] = await q<{ ids: string[] }>(
    `select coalesce(array_agg(id order by id), '{}') as ids from members where workspace_id = $1 and role in ('onboarding_manager', 'implementation_manager')`,
    [workspaceId],
  );

  for (let from = 0; from < options.projects; from += BATCH_PROJECTS) {
    const to = Math.min(options.projects, from + BATCH_PROJECTS) - 1;
    // Day 0 over the last 425 days; lateness in days of each project's go-live (0 for a third of them).
    await q(
      `insert into projects (workspace_id, account_id, name, product, stages, day0, status, closed_outcome, status_changed_at,
         onboarding_manager_id, health, baseline_end, projected_end, current_stage, finished)
       select $1, ba.id, 'Onboarding ' || g, (array['Core Platform', 'Analytics', 'Payroll'])[1 + g % 3], $2::jsonb,
         d.day0,
         case when d.day0 < $3::date - 200 and g % 9 <> 0 then 'closed' else 'active' end,
         case when d.day0 < $3::date - 200 and g % 9 <> 0 then (case when g % 23 = 0 then 'cancelled' else 'complete' end) end,
         case when d.day0 < $3::date - 200 and g % 9 <> 0 then (d.day0 + 190)::timestamptz end,
         ($4::uuid[])[1 + g % greatest(1, cardinality($4::uuid[]))],
         (array['on_track', 'on_track', 'on_track', 'at_risk', 'late'])[1 + (g * 7) % 5],
         d.day0 + 150, d.day0 + 150 + (g % 4) * 6,
         (${stageKeys})[1 + least(4, greatest(0, ($3::date - d.day0) / 35))],
         false
       from generate_series($5::int, $6::int) g
       join bulk_accounts ba on ba.rn = g % $7::int
       cross join lateral (select ($3::date - ((g * 37) % 425))::date as day0) d`,
      [workspaceId, stages, options.today, `{${managers.join(',')}}`, from, to, accountCount],
    );
    // Tasks: n-th task planned to finish at n × 150 / perProject days; late by 0–12 days now and then (more often
    // on the customer's tasks); done when that day has passed.
    await q(
      `insert into project_tasks (workspace_id, project_id, key, position, title, stage, owner_side, owner_role, duration_days,
         milestone_kind, deliverable, status, actual_start, actual_finish, baseline_start, baseline_finish, projected_start, projected_finish, health)
       select p.workspace_id, p.id, 't' || n, n,
         case when ${kindCase} is not null then initcap(replace(${kindCase}, '_', ' '))
              when n % 7 = 3 then 'Workshop ' || n when n % 11 = 5 then 'Deliverable ' || n else 'Task ' || n end,
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
       where p.workspace_id = $1 and p.name in (select 'Onboarding ' || g from generate_series($3::int, $4::int) g)`,
      [workspaceId, options.today, from, to],
    );
    // The late milestones owe their slip (in business days, about 5 per 7) to the customer or the vendor.
    await q(
      `insert into milestone_slips (workspace_id, project_id, milestone_task_id, cause_task_id, side, days)
       select m.workspace_id, m.project_id, m.id, m.id, case when abs(hashtext(m.id::text)) % 2 = 0 then 'customer' else 'vendor' end,
         greatest(1, (m.projected_finish - m.baseline_finish) * 5 / 7)
       from project_tasks m join projects p on p.workspace_id = m.workspace_id and p.id = m.project_id
       where m.workspace_id = $1 and m.milestone_kind is not null and m.projected_finish > m.baseline_finish
         and p.name in (select 'Onboarding ' || g from generate_series($2::int, $3::int) g)`,
      [workspaceId, from, to],
    );
    // Two messages per project: a welcome on day 1 and a check-in on day 30 (sent when that day has passed).
    await q(
      `insert into mail_outbox (workspace_id, dedupe_key, to_address, subject, text_body, message_id, state, kind, project_id, due_at, send_after, sent_at)
       select p.workspace_id, 'bulk:' || p.id || ':' || k, 'champion+' || k || '@bulk.example', 'Welcome', 'Hello', '<bulk-' || p.id || '-' || k || '@landfall>',
         case when p.day0 + k <= $2::date then 'sent' else 'scheduled' end, 'automated', p.id,
         (p.day0 + k)::timestamptz, (p.day0 + k)::timestamptz, case when p.day0 + k <= $2::date then (p.day0 + k)::timestamptz end
       from projects p cross join (values (1), (30)) v(k)
       where p.workspace_id = $1 and p.name in (select 'Onboarding ' || g from generate_series($3::int, $4::int) g)`,
      [workspaceId, options.today, from, to],
    );
    options.progress?.(to + 1, options.projects);
  }
  await q(`update projects set finished = exists (select 1 from project_tasks t where t.workspace_id = projects.workspace_id
      and t.project_id = projects.id and t.milestone_kind = 'onboarding_complete' and t.status = 'done')
    where workspace_id = $1`, [workspaceId]);
  await q('analyze projects');
  await q('analyze project_tasks');
  await q('analyze milestone_slips');
  await q('analyze mail_outbox');
  const [{ n: tasks } = { n: 0 }] = await q<{ n: number }>('select count(*)::int as n from project_tasks where workspace_id = $1', [workspaceId]);
  return { projects: options.projects, tasks };
}
