CREATE TABLE "milestone_slips" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"milestone_task_id" uuid NOT NULL,
	"cause_task_id" uuid NOT NULL,
	"side" text NOT NULL,
	"days" integer NOT NULL,
	CONSTRAINT "milestone_slips_workspace_id_milestone_task_id_cause_task_id_pk" PRIMARY KEY("workspace_id","milestone_task_id","cause_task_id")
);
--> statement-breakpoint
ALTER TABLE "milestone_slips" ADD CONSTRAINT "milestone_slips_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_slips" ADD CONSTRAINT "milestone_slips_workspace_id_milestone_task_id_project_tasks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","milestone_task_id") REFERENCES "public"."project_tasks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_slips" ADD CONSTRAINT "milestone_slips_workspace_id_cause_task_id_project_tasks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","cause_task_id") REFERENCES "public"."project_tasks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "milestone_slips_project_idx" ON "milestone_slips" USING btree ("workspace_id","project_id");