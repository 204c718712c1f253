// The journey map's figures, grouped per playbook and task key in SQL; ratings written one per contact and task.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { touchpointRatings, touchpointWeights } from '../../db/schema.ts';

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface TouchpointRow {
  playbook_id: string;
  playbook_name: string;
  task_key: string;
  title: string;
  stage: string;
  milestone: boolean;
  projects: number;
  done: number;
  on_time: number;
  ratings: number;
  importance: number | null;
  csat: number | null;
  weight: number | null;
  comments: string[] | null;
}

export async function touchpoints(db: Db, workspaceId: string, filter: { playbookId?: string | undefined; segment?: string | undefined }) {
  const ws = sql`${workspaceId}::uuid`;
  const scope = sql`p.workspace_id = ${ws} and p.playbook_id is not null
    ${filter.playbookId ? sql`and p.playbook_id = ${filter.playbookId}::uuid` : sql``}
    ${filter.segment ? sql`and a.segment = ${filter.segment}` : sql``}`;
  return rows<TouchpointRow>(
    await db.execute(sql`
      with scoped as (
        select p.id as project_id, p.playbook_id from projects p
          join accounts a on a.workspace_id = p.workspace_id and a.id = p.account_id
         where ${scope} and p.closed_outcome is distinct from 'cancelled'
      ),
      tasks as (
        select s.playbook_id, t.key, min(t.title) as title, min(t.stage) as stage, bool_or(t.milestone_kind is not null) as milestone,
               count(*)::int as projects,
               count(*) filter (where t.status = 'done' and t.baseline_finish is not null)::int as done,
               count(*) filter (where t.status = 'done' and t.actual_finish <= t.baseline_finish)::int as on_time
          from project_tasks t join scoped s on s.project_id = t.project_id
         where t.workspace_id = ${ws}
         group by s.playbook_id, t.key
      ),
      rated as (
        select s.playbook_id, t.key, count(*)::int as ratings, avg(r.score)::float8 as importance,
               array_agg(r.comment order by r.updated_at desc) filter (where r.comment is not null) as comments
          from touchpoint_ratings r join project_tasks t on t.workspace_id = r.workspace_id and t.id = r.task_id
          join scoped s on s.project_id = r.project_id
         where r.workspace_id = ${ws}
         group by s.playbook_id, t.key
      ),
      csat as (
        select s.playbook_id, t.key, avg(m.score)::float8 as csat
          from milestone_ratings m join project_tasks t on t.workspace_id = m.workspace_id and t.id = m.task_id
          join scoped s on s.project_id = m.project_id
         where m.workspace_id = ${ws}
         group by s.playbook_id, t.key
      )
      select tasks.playbook_id, pb.name as playbook_name, tasks.key as task_key, tasks.title, tasks.stage, tasks.milestone,
             tasks.projects, tasks.done, tasks.on_time, coalesce(rated.ratings, 0) as ratings, rated.importance, csat.csat,
             w.weight, rated.comments
        from tasks
        join playbooks pb on pb.workspace_id = ${ws} and pb.id = tasks.playbook_id
        left join rated on rated.playbook_id = tasks.playbook_id and rated.key = tasks.key
        left join csat on csat.playbook_id = tasks.playbook_id and csat.key = tasks.key
        left join touchpoint_weights w on w.workspace_id = ${ws} and w.playbook_id = tasks.playbook_id and w.task_key = tasks.key
       order by pb.name, tasks.key`),
  );
}

export async function playbooksInUse(db: Db, workspaceId: string) {
  return rows<{ id: string; name: string }>(
    await db.execute(sql`select pb.id, pb.name from playbooks pb where pb.workspace_id = ${workspaceId}::uuid
      and exists (select 1 from projects p where p.workspace_id = pb.workspace_id and p.playbook_id = pb.id) order by pb.name`),
  );
}

export async function saveRating(
  db: Db,
  row: { workspaceId: string; projectId: string; taskId: string; contactId: string; score: number; comment: string | null; now: Date },
) {
  const { now, ...values } = row;
  await db
    .insert(touchpointRatings)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [touchpointRatings.workspaceId, touchpointRatings.taskId, touchpointRatings.contactId],
      set: { score: row.score, comment: row.comment, updatedAt: now },
    });
}

export async function saveWeight(db: Db, workspaceId: string, input: { playbookId: string; taskKey: string; weight: number }) {
  await db
    .insert(touchpointWeights)
    .values({ workspaceId, ...input })
    .onConflictDoUpdate({ target: [touchpointWeights.workspaceId, touchpointWeights.playbookId, touchpointWeights.taskKey], set: { weight: input.weight } });
}

export async function playbookExists(db: Db, workspaceId: string, playbookId: string) {
  return rows(await db.execute(sql`select 1 from playbooks where workspace_id = ${workspaceId}::uuid and id = ${playbookId}::uuid`)).length > 0;
}
