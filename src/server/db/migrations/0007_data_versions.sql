CREATE TABLE "data_versions" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_versions" ADD CONSTRAINT "data_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A workspace's data version changes with every statement that writes a table an account page reads, in the same
-- transaction, so a reader that sees version v sees exactly the data that went with v. Values come from a sequence:
-- never reused, even after a workspace is deleted and its row gone.
CREATE SEQUENCE "data_versions_seq";
--> statement-breakpoint
-- One function for every table and event: the trigger names its inserted, updated (new) or deleted rows changed_rows.
CREATE FUNCTION "data_versions_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO data_versions AS v (workspace_id, version)
	SELECT w.workspace_id, nextval('data_versions_seq') FROM (SELECT DISTINCT workspace_id FROM changed_rows) AS w
	ORDER BY w.workspace_id
	ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "data_versions_bump_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE data_versions SET version = nextval('data_versions_seq');
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "accounts_version_insert" AFTER INSERT ON "accounts"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "accounts_version_update" AFTER UPDATE ON "accounts"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "accounts_version_delete" AFTER DELETE ON "accounts"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "accounts_version_truncate" AFTER TRUNCATE ON "accounts" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "account_owners_version_insert" AFTER INSERT ON "account_owners"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "account_owners_version_update" AFTER UPDATE ON "account_owners"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "account_owners_version_delete" AFTER DELETE ON "account_owners"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "account_owners_version_truncate" AFTER TRUNCATE ON "account_owners" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "contacts_version_insert" AFTER INSERT ON "contacts"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "contacts_version_update" AFTER UPDATE ON "contacts"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "contacts_version_delete" AFTER DELETE ON "contacts"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "contacts_version_truncate" AFTER TRUNCATE ON "contacts" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_all"();
--> statement-breakpoint
CREATE TRIGGER "members_version_insert" AFTER INSERT ON "members"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "members_version_update" AFTER UPDATE ON "members"
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "members_version_delete" AFTER DELETE ON "members"
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "members_version_truncate" AFTER TRUNCATE ON "members" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump_all"();
--> statement-breakpoint
INSERT INTO "data_versions" ("workspace_id", "version") SELECT "id", nextval('data_versions_seq') FROM "workspaces"
	ON CONFLICT ("workspace_id") DO NOTHING;
