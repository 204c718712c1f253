CREATE TABLE "handoff_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"field" text,
	"text" text NOT NULL,
	"asked_by" uuid,
	"asked_by_name" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by_name" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "handoff_required_fields" text[] DEFAULT '{why_they_bought,definition_of_success,stakeholders,risks}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "handoff_questions" ADD CONSTRAINT "handoff_questions_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handoff_questions_project_idx" ON "handoff_questions" USING btree ("workspace_id","project_id");