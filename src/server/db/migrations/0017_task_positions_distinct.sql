-- Upgrading a project to a newer playbook numbered its new tasks from the count of its tasks, so a plan with a task
-- removed could hold two tasks at one position (positions name tasks in the answers of a re-plan). Renumber the
-- plans that do, in their order.
UPDATE "project_tasks" AS t SET "position" = r.n - 1
FROM (
  SELECT id, row_number() OVER (PARTITION BY project_id ORDER BY "position", created_at, id) AS n
  FROM "project_tasks"
  WHERE project_id IN (SELECT project_id FROM "project_tasks" GROUP BY project_id, "position" HAVING count(*) > 1)
) AS r
WHERE t.id = r.id AND t."position" <> r.n - 1;
