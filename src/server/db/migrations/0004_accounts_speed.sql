-- How many active and archived accounts each workspace has, so the unfiltered account list
-- reads its total from one row instead of counting every account. Kept exact by triggers in
-- the same transaction as the change, whatever code (or process) inserts, archives or deletes.
CREATE TABLE "account_counts" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	"archived" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_counts" ADD CONSTRAINT "account_counts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE FUNCTION "account_counts_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO account_counts AS c (workspace_id, active, archived)
	SELECT workspace_id, count(*) FILTER (WHERE archived_at IS NULL), count(*) FILTER (WHERE archived_at IS NOT NULL)
	FROM new_accounts GROUP BY workspace_id ORDER BY workspace_id
	ON CONFLICT (workspace_id) DO UPDATE SET active = c.active + excluded.active, archived = c.archived + excluded.archived;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "account_counts_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE account_counts AS c SET active = c.active - gone.active, archived = c.archived - gone.archived
	FROM (
		SELECT workspace_id, count(*) FILTER (WHERE archived_at IS NULL) AS active, count(*) FILTER (WHERE archived_at IS NOT NULL) AS archived
		FROM old_accounts GROUP BY workspace_id
	) AS gone
	WHERE c.workspace_id = gone.workspace_id;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "account_counts_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE account_counts
	SET active = active - (OLD.archived_at IS NULL)::int, archived = archived - (OLD.archived_at IS NOT NULL)::int
	WHERE workspace_id = OLD.workspace_id;
	INSERT INTO account_counts AS c (workspace_id, active, archived)
	VALUES (NEW.workspace_id, (NEW.archived_at IS NULL)::int, (NEW.archived_at IS NOT NULL)::int)
	ON CONFLICT (workspace_id) DO UPDATE SET active = c.active + excluded.active, archived = c.archived + excluded.archived;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "account_counts_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM account_counts;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- No account is written between the count below and the triggers taking over.
LOCK TABLE "accounts" IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE TRIGGER "accounts_count_insert" AFTER INSERT ON "accounts"
	REFERENCING NEW TABLE AS new_accounts FOR EACH STATEMENT EXECUTE FUNCTION "account_counts_after_insert"();
--> statement-breakpoint
CREATE TRIGGER "accounts_count_delete" AFTER DELETE ON "accounts"
	REFERENCING OLD TABLE AS old_accounts FOR EACH STATEMENT EXECUTE FUNCTION "account_counts_after_delete"();
--> statement-breakpoint
CREATE TRIGGER "accounts_count_update" AFTER UPDATE OF "archived_at", "workspace_id" ON "accounts" FOR EACH ROW
	WHEN ((OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL) OR OLD.workspace_id <> NEW.workspace_id)
	EXECUTE FUNCTION "account_counts_after_update"();
--> statement-breakpoint
CREATE TRIGGER "accounts_count_truncate" AFTER TRUNCATE ON "accounts" FOR EACH STATEMENT EXECUTE FUNCTION "account_counts_after_truncate"();
--> statement-breakpoint
INSERT INTO "account_counts" ("workspace_id", "active", "archived")
SELECT "workspace_id", count(*) FILTER (WHERE "archived_at" IS NULL), count(*) FILTER (WHERE "archived_at" IS NOT NULL)
FROM "accounts" GROUP BY "workspace_id";
