CREATE TABLE "metric_actuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"metric_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"measured_on" date NOT NULL,
	"note" text,
	"recorded_by_side" text NOT NULL,
	"recorded_by_member_id" uuid,
	"recorded_by_contact_id" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_actuals_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "success_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"target_date" date NOT NULL,
	"owner_member_id" uuid,
	"owner_contact_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "success_metrics_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "success_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"verification_requested_at" timestamp with time zone,
	"verification_requested_by" text,
	"verification_request_note" text,
	"verified_at" timestamp with time zone,
	"verified_on" date,
	"verified_by_contact_id" uuid,
	"verified_by_name" text,
	"verification_comment" text,
	"verification_evidence" text,
	"verification_snapshot" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "success_outcomes_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "success_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"goals" text[] DEFAULT '{}'::text[] NOT NULL,
	"executive_sponsor_contact_id" uuid,
	"communication_cadence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_value_on" date,
	"value_achieved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "success_plans_project_key" UNIQUE("workspace_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "metric_actuals" ADD CONSTRAINT "metric_actuals_workspace_id_metric_id_success_metrics_workspace_id_id_fk" FOREIGN KEY ("workspace_id","metric_id") REFERENCES "public"."success_metrics"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_metrics" ADD CONSTRAINT "success_metrics_workspace_id_outcome_id_success_outcomes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","outcome_id") REFERENCES "public"."success_outcomes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_metrics" ADD CONSTRAINT "success_metrics_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_metrics" ADD CONSTRAINT "success_metrics_workspace_id_owner_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_metrics" ADD CONSTRAINT "success_metrics_workspace_id_owner_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owner_contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_outcomes" ADD CONSTRAINT "success_outcomes_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_outcomes" ADD CONSTRAINT "success_outcomes_workspace_id_verified_by_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","verified_by_contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_plans" ADD CONSTRAINT "success_plans_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_plans" ADD CONSTRAINT "success_plans_workspace_id_executive_sponsor_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","executive_sponsor_contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_actuals_metric_idx" ON "metric_actuals" USING btree ("workspace_id","metric_id","measured_on");--> statement-breakpoint
CREATE INDEX "success_metrics_outcome_idx" ON "success_metrics" USING btree ("workspace_id","outcome_id","position");--> statement-breakpoint
CREATE INDEX "success_metrics_project_idx" ON "success_metrics" USING btree ("workspace_id","project_id");--> statement-breakpoint
CREATE INDEX "success_outcomes_project_idx" ON "success_outcomes" USING btree ("workspace_id","project_id","position");