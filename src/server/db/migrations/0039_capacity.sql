CREATE TABLE "member_settings" (
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"weekly_hours" real DEFAULT 40 NOT NULL,
	"weekly_digest" boolean DEFAULT false NOT NULL,
	"time_zone" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_settings_workspace_id_member_id_pk" PRIMARY KEY("workspace_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "member_time_off" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_time_off_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "project_tasks" ADD COLUMN "effort_hours" real;--> statement-breakpoint
ALTER TABLE "member_settings" ADD CONSTRAINT "member_settings_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_time_off" ADD CONSTRAINT "member_time_off_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_time_off_member_idx" ON "member_time_off" USING btree ("workspace_id","member_id","ends_on");