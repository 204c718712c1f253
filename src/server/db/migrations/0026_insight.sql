CREATE TABLE "insight_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"definitions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"benchmark_opt_in" boolean DEFAULT false NOT NULL,
	"vendor_industry" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insight_settings" ADD CONSTRAINT "insight_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_tasks_stuck_idx" ON "project_tasks" USING btree ("workspace_id","project_id") WHERE "project_tasks"."status" = 'stuck';--> statement-breakpoint
CREATE INDEX "project_tasks_milestone_idx" ON "project_tasks" USING btree ("workspace_id","milestone_kind","project_id") WHERE "project_tasks"."milestone_kind" is not null;