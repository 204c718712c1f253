CREATE TABLE "mail_bounces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"address" text NOT NULL,
	"message" text NOT NULL,
	"outbox_id" uuid,
	"bounced_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "account_risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" text NOT NULL,
	"left_on" date NOT NULL,
	"owned" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"project_id" uuid,
	"successor_contact_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "account_risks_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_bounces" ADD CONSTRAINT "mail_bounces_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_risks" ADD CONSTRAINT "account_risks_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_risks" ADD CONSTRAINT "account_risks_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_risks" ADD CONSTRAINT "account_risks_workspace_id_successor_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","successor_contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_bounces_unhandled_idx" ON "mail_bounces" USING btree ("bounced_at") WHERE handled_at is null;--> statement-breakpoint
CREATE INDEX "account_risks_account_idx" ON "account_risks" USING btree ("workspace_id","account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "account_risks_open_contact_key" ON "account_risks" USING btree ("workspace_id","contact_id") WHERE status = 'open';