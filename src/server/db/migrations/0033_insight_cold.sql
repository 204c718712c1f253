-- Hand SQL at the end of this file (keep it when renumbering): drizzle cannot declare INCLUDE columns, so the two
-- task indexes the insight reports read are re-created with them after the generated statements.
DROP INDEX "project_tasks_milestone_idx";--> statement-breakpoint
ALTER TABLE "project_tasks" ADD COLUMN "activity_kind" text GENERATED ALWAYS AS (case when milestone_kind is not null then 'milestone' when deliverable then 'deliverable'
          when title ~* '(meeting|call|workshop|training|business review|value review|kickoff)' then 'meeting' else 'task' end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "project_tasks_milestone_idx" ON "project_tasks" USING btree ("workspace_id","milestone_kind","project_id","position") WHERE "project_tasks"."milestone_kind" is not null;--> statement-breakpoint
-- Hand SQL: the milestone rows with the dates the reports need (time to a milestone, on-time go-live, slip by month),
-- and a project's tasks with what the day −60…+60 report counts, each read from the index alone.
DROP INDEX "project_tasks_milestone_idx";--> statement-breakpoint
CREATE INDEX "project_tasks_milestone_idx" ON "project_tasks" USING btree ("workspace_id","milestone_kind","project_id","position")
  INCLUDE ("id", "status", "actual_finish", "baseline_finish", "projected_finish") WHERE "project_tasks"."milestone_kind" is not null;--> statement-breakpoint
DROP INDEX "project_tasks_project_idx";--> statement-breakpoint
CREATE INDEX "project_tasks_project_idx" ON "project_tasks" USING btree ("workspace_id","project_id","position")
  INCLUDE ("stage", "activity_kind", "status", "baseline_finish", "actual_finish");
