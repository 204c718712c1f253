CREATE TABLE "project_risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by_name" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_name" text,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "readiness_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"questionnaire_version_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_by_name" text NOT NULL,
	"sent_to_contact_id" uuid,
	"sent_at" timestamp with time zone,
	"sent_by_name" text,
	"submitted_at" timestamp with time zone,
	"submitted_by_name" text,
	"overall" integer,
	"verdict" text,
	"score" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_assessments_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "readiness_gate_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"by_member_id" uuid,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_gate_overrides_project_key" UNIQUE("workspace_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "readiness_questionnaire_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "readiness_questionnaire_versions_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "readiness_questionnaire_versions_version_key" UNIQUE("questionnaire_id","version")
);
--> statement-breakpoint
CREATE TABLE "readiness_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"current_version" integer DEFAULT 1 NOT NULL,
	"builtin_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "readiness_questionnaires_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "readiness_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"ready_threshold" integer DEFAULT 70 NOT NULL,
	"at_risk_threshold" integer DEFAULT 50 NOT NULL,
	"gate_on" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_risks" ADD CONSTRAINT "project_risks_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_assessments" ADD CONSTRAINT "readiness_assessments_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_assessments" ADD CONSTRAINT "readiness_assessments_workspace_id_questionnaire_version_id_readiness_questionnaire_versions_workspace_id_id_fk" FOREIGN KEY ("workspace_id","questionnaire_version_id") REFERENCES "public"."readiness_questionnaire_versions"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_assessments" ADD CONSTRAINT "readiness_assessments_workspace_id_sent_to_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","sent_to_contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_gate_overrides" ADD CONSTRAINT "readiness_gate_overrides_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_questionnaire_versions" ADD CONSTRAINT "readiness_questionnaire_versions_workspace_id_questionnaire_id_readiness_questionnaires_workspace_id_id_fk" FOREIGN KEY ("workspace_id","questionnaire_id") REFERENCES "public"."readiness_questionnaires"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_questionnaires" ADD CONSTRAINT "readiness_questionnaires_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_settings" ADD CONSTRAINT "readiness_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_risks_project_idx" ON "project_risks" USING btree ("workspace_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_risks_open_key" ON "project_risks" USING btree ("project_id","kind") WHERE "project_risks"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "readiness_assessments_project_idx" ON "readiness_assessments" USING btree ("workspace_id","project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_assessments_open_key" ON "readiness_assessments" USING btree ("project_id") WHERE "readiness_assessments"."state" <> 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_questionnaires_builtin_key" ON "readiness_questionnaires" USING btree ("workspace_id","builtin_key");