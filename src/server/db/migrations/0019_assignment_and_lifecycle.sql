CREATE TABLE "assignment_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"match" jsonb NOT NULL,
	"strategy" text NOT NULL,
	"member_ids" jsonb NOT NULL,
	"last_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_rules_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "assignment_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"team_lead_id" uuid,
	"portal_roles" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_assignments" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"role" text NOT NULL,
	"member_id" uuid,
	"rule_name" text,
	"reason" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_assignments_workspace_id_project_id_role_pk" PRIMARY KEY("workspace_id","project_id","role")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "closed_outcome" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignment_rules" ADD CONSTRAINT "assignment_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_settings" ADD CONSTRAINT "assignment_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_settings" ADD CONSTRAINT "assignment_settings_workspace_id_team_lead_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_lead_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_rules_position_idx" ON "assignment_rules" USING btree ("workspace_id","position");