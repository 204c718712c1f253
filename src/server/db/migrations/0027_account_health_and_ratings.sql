CREATE TABLE "account_health" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"score" integer,
	"band" text,
	"contributions" jsonb NOT NULL,
	"renewal_risk" text NOT NULL,
	"renewal_risk_points" integer NOT NULL,
	"renewal_risk_reasons" jsonb NOT NULL,
	"key_contacts_left" integer DEFAULT 0 NOT NULL,
	"laer_signal" text,
	"scored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "account_health_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "account_health_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"score" integer,
	"band" text,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_laer_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "account_laer_changes_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "account_usage" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"active_users" integer NOT NULL,
	"licensed_users" integer NOT NULL,
	"usage_percent" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_usage_workspace_id_account_id_recorded_on_pk" PRIMARY KEY("workspace_id","account_id","recorded_on")
);
--> statement-breakpoint
CREATE TABLE "health_models" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"measures" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "touchpoint_ratings" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoint_ratings_workspace_id_task_id_contact_id_pk" PRIMARY KEY("workspace_id","task_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "touchpoint_weights" (
	"workspace_id" uuid NOT NULL,
	"playbook_id" uuid NOT NULL,
	"task_key" text NOT NULL,
	"weight" integer NOT NULL,
	CONSTRAINT "touchpoint_weights_workspace_id_playbook_id_task_key_pk" PRIMARY KEY("workspace_id","playbook_id","task_key")
);
--> statement-breakpoint
ALTER TABLE "account_health" ADD CONSTRAINT "account_health_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_health_history" ADD CONSTRAINT "account_health_history_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_laer_changes" ADD CONSTRAINT "account_laer_changes_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_usage" ADD CONSTRAINT "account_usage_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_models" ADD CONSTRAINT "health_models_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoint_ratings" ADD CONSTRAINT "touchpoint_ratings_workspace_id_task_id_project_tasks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","task_id") REFERENCES "public"."project_tasks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoint_ratings" ADD CONSTRAINT "touchpoint_ratings_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoint_weights" ADD CONSTRAINT "touchpoint_weights_workspace_id_playbook_id_playbooks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","playbook_id") REFERENCES "public"."playbooks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_health_history_account_idx" ON "account_health_history" USING btree ("workspace_id","account_id","scored_at");--> statement-breakpoint
CREATE INDEX "account_laer_changes_account_idx" ON "account_laer_changes" USING btree ("workspace_id","account_id","changed_at");--> statement-breakpoint
CREATE INDEX "touchpoint_ratings_project_idx" ON "touchpoint_ratings" USING btree ("workspace_id","project_id");