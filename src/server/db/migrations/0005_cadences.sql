CREATE TABLE "cadence_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"task_key" text,
	"milestone" text,
	"contact_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"touch_models" text[] DEFAULT '{}'::text[] NOT NULL,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"steps" jsonb NOT NULL,
	"builtin_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "cadences_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_mail_preferences" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"unsubscribe_token" text NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "contact_mail_preferences_unsubscribe_token_unique" UNIQUE("unsubscribe_token"),
	CONSTRAINT "contact_mail_preferences_contact_key" UNIQUE("workspace_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "mail_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"cap_per_day" integer DEFAULT 1 NOT NULL,
	"cap_per_week" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_cadences" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"cadence_id" uuid NOT NULL,
	"attached_at" timestamp with time zone NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	CONSTRAINT "project_cadences_project_key" UNIQUE("workspace_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "kind" text DEFAULT 'transactional' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "from_name" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "unsubscribe_url" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "cadence_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "step_id" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "step_name" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "occurrence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "priority" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "recipient_timezone" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "goal_task_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "interrupted_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cadence_events" ADD CONSTRAINT "cadence_events_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadences" ADD CONSTRAINT "cadences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_mail_preferences" ADD CONSTRAINT "contact_mail_preferences_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_cadences" ADD CONSTRAINT "project_cadences_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_cadences" ADD CONSTRAINT "project_cadences_workspace_id_cadence_id_cadences_workspace_id_id_fk" FOREIGN KEY ("workspace_id","cadence_id") REFERENCES "public"."cadences"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cadence_events_project_idx" ON "cadence_events" USING btree ("workspace_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cadences_builtin_key" ON "cadences" USING btree ("workspace_id","builtin_key");--> statement-breakpoint
CREATE INDEX "project_cadences_due_idx" ON "project_cadences" USING btree ("next_run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_cadence_step_key" ON "mail_outbox" USING btree ("workspace_id","project_id","step_id","contact_id","occurrence") WHERE "mail_outbox"."step_id" is not null;--> statement-breakpoint
CREATE INDEX "mail_outbox_workspace_created_idx" ON "mail_outbox" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_contact_idx" ON "mail_outbox" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_recipient_idx" ON "mail_outbox" USING btree ("workspace_id",lower("to_address"),"send_after");