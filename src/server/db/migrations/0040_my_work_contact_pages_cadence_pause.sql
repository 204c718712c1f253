-- Hand edit: the task_comments unique key moved first (drizzle-kit put it after the foreign key that needs it).
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_workspace_id_id_key" UNIQUE("workspace_id","id");--> statement-breakpoint
CREATE TABLE "comment_mentions" (
	"workspace_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_mentions_workspace_id_member_id_comment_id_pk" PRIMARY KEY("workspace_id","member_id","comment_id")
);
--> statement-breakpoint
CREATE TABLE "my_work_dismissals" (
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"until" timestamp with time zone,
	"dismissed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "my_work_dismissals_workspace_id_member_id_item_key_pk" PRIMARY KEY("workspace_id","member_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "project_views" (
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_views_workspace_id_member_id_project_id_pk" PRIMARY KEY("workspace_id","member_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "cadences" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_workspace_id_comment_id_task_comments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","comment_id") REFERENCES "public"."task_comments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_work_dismissals" ADD CONSTRAINT "my_work_dismissals_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_views" ADD CONSTRAINT "project_views_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_views" ADD CONSTRAINT "project_views_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_mentions_member_idx" ON "comment_mentions" USING btree ("workspace_id","member_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_cadence_idx" ON "mail_outbox" USING btree ("workspace_id","cadence_id","step_id") WHERE "mail_outbox"."cadence_id" is not null;--> statement-breakpoint
CREATE INDEX "project_events_contact_idx" ON "project_events" USING btree ("workspace_id","actor_contact_id","created_at") WHERE "project_events"."actor_contact_id" is not null;--> statement-breakpoint
CREATE INDEX "project_tasks_assignee_open_idx" ON "project_tasks" USING btree ("workspace_id","assignee_member_id","projected_finish") WHERE "project_tasks"."assignee_member_id" is not null and "project_tasks"."status" not in ('done', 'skipped');--> statement-breakpoint
CREATE INDEX "project_tasks_answered_idx" ON "project_tasks" USING btree ("workspace_id","project_id","form_answered_at") WHERE "project_tasks"."form_answered_at" is not null;--> statement-breakpoint
CREATE INDEX "projects_manager_idx" ON "projects" USING btree ("workspace_id","onboarding_manager_id") WHERE "projects"."status" = 'active';--> statement-breakpoint
CREATE INDEX "task_comments_customer_idx" ON "task_comments" USING btree ("workspace_id","project_id","created_at") WHERE "task_comments"."author_contact_id" is not null;--> statement-breakpoint
CREATE INDEX "task_approvals_project_idx" ON "task_approvals" USING btree ("workspace_id","project_id","created_at");
