CREATE TABLE "insight_versions" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insight_versions" ADD CONSTRAINT "insight_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand SQL (keep in this file if renumbered): a workspace's insight version changes with every statement that writes a
-- table the insight reports read, in the same transaction (as data_versions does for account pages), so a report
-- cached at version v is exactly what the database holds while v is still current.
CREATE SEQUENCE "insight_versions_seq";
--> statement-breakpoint
CREATE FUNCTION "insight_versions_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO insight_versions AS v (workspace_id, version)
	SELECT w.workspace_id, nextval('insight_versions_seq') FROM (SELECT DISTINCT workspace_id FROM changed_rows) AS w
	ORDER BY w.workspace_id
	ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "insight_versions_bump_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE insight_versions SET version = nextval('insight_versions_seq');
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "projects_insight_version_insert" AFTER INSERT ON "projects"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "projects_insight_version_update" AFTER UPDATE ON "projects"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "projects_insight_version_delete" AFTER DELETE ON "projects"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "projects_insight_version_truncate" AFTER TRUNCATE ON "projects" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "project_tasks_insight_version_insert" AFTER INSERT ON "project_tasks"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "project_tasks_insight_version_update" AFTER UPDATE ON "project_tasks"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "project_tasks_insight_version_delete" AFTER DELETE ON "project_tasks"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "project_tasks_insight_version_truncate" AFTER TRUNCATE ON "project_tasks" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "accounts_insight_version_insert" AFTER INSERT ON "accounts"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "accounts_insight_version_update" AFTER UPDATE ON "accounts"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "accounts_insight_version_delete" AFTER DELETE ON "accounts"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "accounts_insight_version_truncate" AFTER TRUNCATE ON "accounts" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "members_insight_version_insert" AFTER INSERT ON "members"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "members_insight_version_update" AFTER UPDATE ON "members"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "members_insight_version_delete" AFTER DELETE ON "members"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "members_insight_version_truncate" AFTER TRUNCATE ON "members" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "playbooks_insight_version_insert" AFTER INSERT ON "playbooks"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "playbooks_insight_version_update" AFTER UPDATE ON "playbooks"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "playbooks_insight_version_delete" AFTER DELETE ON "playbooks"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "playbooks_insight_version_truncate" AFTER TRUNCATE ON "playbooks" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "milestone_slips_insight_version_insert" AFTER INSERT ON "milestone_slips"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "milestone_slips_insight_version_update" AFTER UPDATE ON "milestone_slips"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "milestone_slips_insight_version_delete" AFTER DELETE ON "milestone_slips"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "milestone_slips_insight_version_truncate" AFTER TRUNCATE ON "milestone_slips" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "milestone_ratings_insight_version_insert" AFTER INSERT ON "milestone_ratings"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "milestone_ratings_insight_version_update" AFTER UPDATE ON "milestone_ratings"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "milestone_ratings_insight_version_delete" AFTER DELETE ON "milestone_ratings"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "milestone_ratings_insight_version_truncate" AFTER TRUNCATE ON "milestone_ratings" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "success_outcomes_insight_version_insert" AFTER INSERT ON "success_outcomes"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "success_outcomes_insight_version_update" AFTER UPDATE ON "success_outcomes"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "success_outcomes_insight_version_delete" AFTER DELETE ON "success_outcomes"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "success_outcomes_insight_version_truncate" AFTER TRUNCATE ON "success_outcomes" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_insight_version_insert" AFTER INSERT ON "mail_outbox"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_insight_version_update" AFTER UPDATE ON "mail_outbox"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_insight_version_delete" AFTER DELETE ON "mail_outbox"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_insight_version_truncate" AFTER TRUNCATE ON "mail_outbox" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "insight_settings_insight_version_insert" AFTER INSERT ON "insight_settings"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "insight_settings_insight_version_update" AFTER UPDATE ON "insight_settings"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "insight_settings_insight_version_delete" AFTER DELETE ON "insight_settings"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "insight_settings_insight_version_truncate" AFTER TRUNCATE ON "insight_settings" FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_bump_all"();
