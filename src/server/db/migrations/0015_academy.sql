CREATE TABLE "academy_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"path_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_certificates_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "academy_certificates_enrolment_key" UNIQUE("workspace_id","enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "academy_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"product" text,
	"modules" text[] DEFAULT '{}'::text[] NOT NULL,
	"estimated_minutes" integer,
	"source" text DEFAULT 'authored' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "academy_courses_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"path_id" uuid NOT NULL,
	"path_version" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"rule_id" uuid,
	"enrolled_by_name" text NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"last_nudged_at" timestamp with time zone,
	CONSTRAINT "academy_enrolments_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_feedback" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_feedback_workspace_id_contact_id_course_id_pk" PRIMARY KEY("workspace_id","contact_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "academy_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_files_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_lesson_progress" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"status" text NOT NULL,
	"score" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"location" text,
	"suspend_data" text,
	"session_seconds" integer DEFAULT 0 NOT NULL,
	"cmi" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "academy_lesson_progress_workspace_id_contact_id_lesson_id_pk" PRIMARY KEY("workspace_id","contact_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "academy_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_lessons_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_path_versions" (
	"workspace_id" uuid NOT NULL,
	"path_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"audience" jsonb NOT NULL,
	"courses" jsonb NOT NULL,
	"electives_required" integer NOT NULL,
	"minimum_score" integer,
	"certificate" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_path_versions_workspace_id_path_id_version_pk" PRIMARY KEY("workspace_id","path_id","version")
);
--> statement-breakpoint
CREATE TABLE "academy_paths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "academy_paths_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_webinar_registrations" (
	"workspace_id" uuid NOT NULL,
	"webinar_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"via" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	CONSTRAINT "academy_webinar_registrations_workspace_id_webinar_id_contact_id_pk" PRIMARY KEY("workspace_id","webinar_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "academy_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"product" text NOT NULL,
	"name" text NOT NULL,
	"modules" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text NOT NULL,
	"course_id" uuid,
	"webinar_id" uuid,
	"path_id" uuid,
	"published_at" timestamp with time zone,
	"audience_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_releases_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"path_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"milestone_kind" text,
	"release_product" text,
	"active" boolean DEFAULT true NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"segments" text[] DEFAULT '{}'::text[] NOT NULL,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"modules" text[] DEFAULT '{}'::text[] NOT NULL,
	"organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_rules_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_scorm_files" (
	"workspace_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"path" text NOT NULL,
	"file_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	CONSTRAINT "academy_scorm_files_workspace_id_package_id_path_pk" PRIMARY KEY("workspace_id","package_id","path")
);
--> statement-breakpoint
CREATE TABLE "academy_scorm_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"version" text NOT NULL,
	"launch_href" text NOT NULL,
	"title" text NOT NULL,
	"file_count" integer NOT NULL,
	"total_size" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_scorm_packages_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"course_id" uuid,
	"verb" text NOT NULL,
	"statement" jsonb NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"stored" timestamp with time zone NOT NULL,
	CONSTRAINT "academy_statements_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_webinars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"join_url" text NOT NULL,
	"capacity" integer,
	"recording_url" text,
	"release_id" uuid,
	"audience" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_webinars_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "modules" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "academy_certificates" ADD CONSTRAINT "academy_certificates_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_certificates" ADD CONSTRAINT "academy_certificates_workspace_id_enrolment_id_academy_enrolments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","enrolment_id") REFERENCES "public"."academy_enrolments"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_courses" ADD CONSTRAINT "academy_courses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD CONSTRAINT "academy_enrolments_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD CONSTRAINT "academy_enrolments_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD CONSTRAINT "academy_enrolments_workspace_id_path_id_academy_paths_workspace_id_id_fk" FOREIGN KEY ("workspace_id","path_id") REFERENCES "public"."academy_paths"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_feedback" ADD CONSTRAINT "academy_feedback_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_feedback" ADD CONSTRAINT "academy_feedback_workspace_id_course_id_academy_courses_workspace_id_id_fk" FOREIGN KEY ("workspace_id","course_id") REFERENCES "public"."academy_courses"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_files" ADD CONSTRAINT "academy_files_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_lesson_progress" ADD CONSTRAINT "academy_lesson_progress_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_lesson_progress" ADD CONSTRAINT "academy_lesson_progress_workspace_id_lesson_id_academy_lessons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lesson_id") REFERENCES "public"."academy_lessons"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_lessons" ADD CONSTRAINT "academy_lessons_workspace_id_course_id_academy_courses_workspace_id_id_fk" FOREIGN KEY ("workspace_id","course_id") REFERENCES "public"."academy_courses"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_path_versions" ADD CONSTRAINT "academy_path_versions_workspace_id_path_id_academy_paths_workspace_id_id_fk" FOREIGN KEY ("workspace_id","path_id") REFERENCES "public"."academy_paths"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_paths" ADD CONSTRAINT "academy_paths_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_webinar_registrations" ADD CONSTRAINT "academy_webinar_registrations_workspace_id_webinar_id_academy_webinars_workspace_id_id_fk" FOREIGN KEY ("workspace_id","webinar_id") REFERENCES "public"."academy_webinars"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_webinar_registrations" ADD CONSTRAINT "academy_webinar_registrations_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_releases" ADD CONSTRAINT "academy_releases_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_rules" ADD CONSTRAINT "academy_rules_workspace_id_path_id_academy_paths_workspace_id_id_fk" FOREIGN KEY ("workspace_id","path_id") REFERENCES "public"."academy_paths"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_scorm_files" ADD CONSTRAINT "academy_scorm_files_workspace_id_package_id_academy_scorm_packages_workspace_id_id_fk" FOREIGN KEY ("workspace_id","package_id") REFERENCES "public"."academy_scorm_packages"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_scorm_files" ADD CONSTRAINT "academy_scorm_files_workspace_id_file_id_academy_files_workspace_id_id_fk" FOREIGN KEY ("workspace_id","file_id") REFERENCES "public"."academy_files"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_scorm_packages" ADD CONSTRAINT "academy_scorm_packages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_statements" ADD CONSTRAINT "academy_statements_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_webinars" ADD CONSTRAINT "academy_webinars_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "academy_certificates_account_idx" ON "academy_certificates" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_enrolments_active_key" ON "academy_enrolments" USING btree ("workspace_id","contact_id","path_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "academy_enrolments_path_idx" ON "academy_enrolments" USING btree ("workspace_id","path_id","contact_id");--> statement-breakpoint
CREATE INDEX "academy_enrolments_account_idx" ON "academy_enrolments" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "academy_enrolments_rule_idx" ON "academy_enrolments" USING btree ("workspace_id","rule_id");--> statement-breakpoint
CREATE INDEX "academy_lessons_course_idx" ON "academy_lessons" USING btree ("workspace_id","course_id","position");--> statement-breakpoint
CREATE INDEX "academy_statements_stored_idx" ON "academy_statements" USING btree ("workspace_id","stored");--> statement-breakpoint
CREATE INDEX "contacts_modules_idx" ON "contacts" USING gin ("modules");