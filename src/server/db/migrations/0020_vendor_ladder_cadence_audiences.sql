CREATE TABLE "cadence_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"welcome_timing" text DEFAULT 'at_once' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "escalation_settings" ADD COLUMN "vendor_quiet_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "cadence_settings" ADD CONSTRAINT "cadence_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;