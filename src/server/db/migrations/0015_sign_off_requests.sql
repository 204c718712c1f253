CREATE TABLE "sign_off_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"requested_by_name" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_approvals" ADD COLUMN "signer_email" text;--> statement-breakpoint
ALTER TABLE "task_approvals" ADD COLUMN "signer_ip" text;--> statement-breakpoint
ALTER TABLE "sign_off_requests" ADD CONSTRAINT "sign_off_requests_workspace_id_task_id_project_tasks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","task_id") REFERENCES "public"."project_tasks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_off_requests_task_idx" ON "sign_off_requests" USING btree ("workspace_id","task_id","created_at");