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
ALTER TABLE "touchpoint_ratings" ADD CONSTRAINT "touchpoint_ratings_workspace_id_task_id_project_tasks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","task_id") REFERENCES "public"."project_tasks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoint_ratings" ADD CONSTRAINT "touchpoint_ratings_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoint_weights" ADD CONSTRAINT "touchpoint_weights_workspace_id_playbook_id_playbooks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","playbook_id") REFERENCES "public"."playbooks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "touchpoint_ratings_project_idx" ON "touchpoint_ratings" USING btree ("workspace_id","project_id");