-- Custom SQL migration (hand-written, drizzle-kit generate --custom): Citus-ready counters (issue 20). Citus cannot run
-- a statement-level trigger with a transition table on a distributed table, so the version counters (0007
-- data_versions, 0029 insight_versions) and the account counts (0004 account_counts) move to row-level triggers with
-- the same meaning:
-- * versions: a BEFORE EACH STATEMENT trigger (no transition table) empties a transaction-local list of the workspaces
--   bumped by the current statement; a BEFORE EACH ROW trigger, whose WHEN skips a workspace already in that list
--   (so a 100,000-row statement calls it once per workspace), sets the workspace's version from the sequence and
--   adds it to the list. Each statement that writes a workspace's rows sets a new, never reused, version in its
--   transaction, as before; an UPDATE that moves a row to another workspace now bumps both. A BEFORE trigger also
--   fires for a row that then is not written (ON CONFLICT DO NOTHING): one bump too many is harmless, one too few
--   never happens.
-- * account counts: an AFTER EACH ROW trigger adds the row's +1/-1 to a transaction-local running total for its
--   workspace; an AFTER EACH STATEMENT trigger (no transition table) writes the total to account_counts once. A
--   statement that goes back and forth between workspaces writes each run of one workspace's rows as it ends.
-- TRUNCATE triggers (no transition table) are kept.
CREATE FUNCTION "data_versions_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('landfall.data_versions_bumped', '', true);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "data_versions_bump_row"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	bumped text := coalesce(current_setting('landfall.data_versions_bumped', true), '');
	touched uuid[];
	workspace uuid;
BEGIN
	IF TG_OP = 'INSERT' THEN touched := ARRAY[NEW.workspace_id];
	ELSIF TG_OP = 'DELETE' THEN touched := ARRAY[OLD.workspace_id];
	ELSE touched := ARRAY[NEW.workspace_id, OLD.workspace_id];
	END IF;
	FOREACH workspace IN ARRAY touched LOOP
		IF strpos(bumped, workspace::text) = 0 THEN
			INSERT INTO data_versions AS v (workspace_id, version) VALUES (workspace, nextval('data_versions_seq'))
			ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version;
			bumped := bumped || workspace::text || ',';
		END IF;
	END LOOP;
	PERFORM set_config('landfall.data_versions_bumped', bumped, true);
	IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE FUNCTION "insight_versions_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('landfall.insight_versions_bumped', '', true);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "insight_versions_bump_row"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	bumped text := coalesce(current_setting('landfall.insight_versions_bumped', true), '');
	touched uuid[];
	workspace uuid;
BEGIN
	IF TG_OP = 'INSERT' THEN touched := ARRAY[NEW.workspace_id];
	ELSIF TG_OP = 'DELETE' THEN touched := ARRAY[OLD.workspace_id];
	ELSE touched := ARRAY[NEW.workspace_id, OLD.workspace_id];
	END IF;
	FOREACH workspace IN ARRAY touched LOOP
		IF strpos(bumped, workspace::text) = 0 THEN
			INSERT INTO insight_versions AS v (workspace_id, version) VALUES (workspace, nextval('insight_versions_seq'))
			ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version;
			bumped := bumped || workspace::text || ',';
		END IF;
	END LOOP;
	PERFORM set_config('landfall.insight_versions_bumped', bumped, true);
	IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER "accounts_version_insert" ON "accounts";
--> statement-breakpoint
DROP TRIGGER "accounts_version_update" ON "accounts";
--> statement-breakpoint
DROP TRIGGER "accounts_version_delete" ON "accounts";
--> statement-breakpoint
CREATE TRIGGER "accounts_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "accounts"
	FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "accounts_version_insert" BEFORE INSERT ON "accounts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "accounts_version_update" BEFORE UPDATE ON "accounts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "accounts_version_delete" BEFORE DELETE ON "accounts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "account_owners_version_insert" ON "account_owners";
--> statement-breakpoint
DROP TRIGGER "account_owners_version_update" ON "account_owners";
--> statement-breakpoint
DROP TRIGGER "account_owners_version_delete" ON "account_owners";
--> statement-breakpoint
CREATE TRIGGER "account_owners_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "account_owners"
	FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "account_owners_version_insert" BEFORE INSERT ON "account_owners" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "account_owners_version_update" BEFORE UPDATE ON "account_owners" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "account_owners_version_delete" BEFORE DELETE ON "account_owners" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "contacts_version_insert" ON "contacts";
--> statement-breakpoint
DROP TRIGGER "contacts_version_update" ON "contacts";
--> statement-breakpoint
DROP TRIGGER "contacts_version_delete" ON "contacts";
--> statement-breakpoint
CREATE TRIGGER "contacts_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "contacts"
	FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "contacts_version_insert" BEFORE INSERT ON "contacts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "contacts_version_update" BEFORE UPDATE ON "contacts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "contacts_version_delete" BEFORE DELETE ON "contacts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "members_version_insert" ON "members";
--> statement-breakpoint
DROP TRIGGER "members_version_update" ON "members";
--> statement-breakpoint
DROP TRIGGER "members_version_delete" ON "members";
--> statement-breakpoint
CREATE TRIGGER "members_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "members"
	FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "members_version_insert" BEFORE INSERT ON "members" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "members_version_update" BEFORE UPDATE ON "members" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "members_version_delete" BEFORE DELETE ON "members" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.data_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "data_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "projects_insight_version_insert" ON "projects";
--> statement-breakpoint
DROP TRIGGER "projects_insight_version_update" ON "projects";
--> statement-breakpoint
DROP TRIGGER "projects_insight_version_delete" ON "projects";
--> statement-breakpoint
CREATE TRIGGER "projects_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "projects"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "projects_insight_version_insert" BEFORE INSERT ON "projects" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "projects_insight_version_update" BEFORE UPDATE ON "projects" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "projects_insight_version_delete" BEFORE DELETE ON "projects" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "project_tasks_insight_version_insert" ON "project_tasks";
--> statement-breakpoint
DROP TRIGGER "project_tasks_insight_version_update" ON "project_tasks";
--> statement-breakpoint
DROP TRIGGER "project_tasks_insight_version_delete" ON "project_tasks";
--> statement-breakpoint
CREATE TRIGGER "project_tasks_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "project_tasks"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "project_tasks_insight_version_insert" BEFORE INSERT ON "project_tasks" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "project_tasks_insight_version_update" BEFORE UPDATE ON "project_tasks" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "project_tasks_insight_version_delete" BEFORE DELETE ON "project_tasks" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "accounts_insight_version_insert" ON "accounts";
--> statement-breakpoint
DROP TRIGGER "accounts_insight_version_update" ON "accounts";
--> statement-breakpoint
DROP TRIGGER "accounts_insight_version_delete" ON "accounts";
--> statement-breakpoint
CREATE TRIGGER "accounts_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "accounts"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "accounts_insight_version_insert" BEFORE INSERT ON "accounts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "accounts_insight_version_update" BEFORE UPDATE ON "accounts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "accounts_insight_version_delete" BEFORE DELETE ON "accounts" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "members_insight_version_insert" ON "members";
--> statement-breakpoint
DROP TRIGGER "members_insight_version_update" ON "members";
--> statement-breakpoint
DROP TRIGGER "members_insight_version_delete" ON "members";
--> statement-breakpoint
CREATE TRIGGER "members_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "members"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "members_insight_version_insert" BEFORE INSERT ON "members" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "members_insight_version_update" BEFORE UPDATE ON "members" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "members_insight_version_delete" BEFORE DELETE ON "members" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "playbooks_insight_version_insert" ON "playbooks";
--> statement-breakpoint
DROP TRIGGER "playbooks_insight_version_update" ON "playbooks";
--> statement-breakpoint
DROP TRIGGER "playbooks_insight_version_delete" ON "playbooks";
--> statement-breakpoint
CREATE TRIGGER "playbooks_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "playbooks"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "playbooks_insight_version_insert" BEFORE INSERT ON "playbooks" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "playbooks_insight_version_update" BEFORE UPDATE ON "playbooks" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "playbooks_insight_version_delete" BEFORE DELETE ON "playbooks" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "milestone_slips_insight_version_insert" ON "milestone_slips";
--> statement-breakpoint
DROP TRIGGER "milestone_slips_insight_version_update" ON "milestone_slips";
--> statement-breakpoint
DROP TRIGGER "milestone_slips_insight_version_delete" ON "milestone_slips";
--> statement-breakpoint
CREATE TRIGGER "milestone_slips_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "milestone_slips"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "milestone_slips_insight_version_insert" BEFORE INSERT ON "milestone_slips" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "milestone_slips_insight_version_update" BEFORE UPDATE ON "milestone_slips" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "milestone_slips_insight_version_delete" BEFORE DELETE ON "milestone_slips" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "milestone_ratings_insight_version_insert" ON "milestone_ratings";
--> statement-breakpoint
DROP TRIGGER "milestone_ratings_insight_version_update" ON "milestone_ratings";
--> statement-breakpoint
DROP TRIGGER "milestone_ratings_insight_version_delete" ON "milestone_ratings";
--> statement-breakpoint
CREATE TRIGGER "milestone_ratings_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "milestone_ratings"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "milestone_ratings_insight_version_insert" BEFORE INSERT ON "milestone_ratings" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "milestone_ratings_insight_version_update" BEFORE UPDATE ON "milestone_ratings" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "milestone_ratings_insight_version_delete" BEFORE DELETE ON "milestone_ratings" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "success_outcomes_insight_version_insert" ON "success_outcomes";
--> statement-breakpoint
DROP TRIGGER "success_outcomes_insight_version_update" ON "success_outcomes";
--> statement-breakpoint
DROP TRIGGER "success_outcomes_insight_version_delete" ON "success_outcomes";
--> statement-breakpoint
CREATE TRIGGER "success_outcomes_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "success_outcomes"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "success_outcomes_insight_version_insert" BEFORE INSERT ON "success_outcomes" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "success_outcomes_insight_version_update" BEFORE UPDATE ON "success_outcomes" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "success_outcomes_insight_version_delete" BEFORE DELETE ON "success_outcomes" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "mail_outbox_insight_version_insert" ON "mail_outbox";
--> statement-breakpoint
DROP TRIGGER "mail_outbox_insight_version_update" ON "mail_outbox";
--> statement-breakpoint
DROP TRIGGER "mail_outbox_insight_version_delete" ON "mail_outbox";
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "mail_outbox"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_insight_version_insert" BEFORE INSERT ON "mail_outbox" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_insight_version_update" BEFORE UPDATE ON "mail_outbox" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "mail_outbox_insight_version_delete" BEFORE DELETE ON "mail_outbox" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP TRIGGER "insight_settings_insight_version_insert" ON "insight_settings";
--> statement-breakpoint
DROP TRIGGER "insight_settings_insight_version_update" ON "insight_settings";
--> statement-breakpoint
DROP TRIGGER "insight_settings_insight_version_delete" ON "insight_settings";
--> statement-breakpoint
CREATE TRIGGER "insight_settings_insight_version_statement" BEFORE INSERT OR UPDATE OR DELETE ON "insight_settings"
	FOR EACH STATEMENT EXECUTE FUNCTION "insight_versions_statement"();
--> statement-breakpoint
CREATE TRIGGER "insight_settings_insight_version_insert" BEFORE INSERT ON "insight_settings" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "insight_settings_insight_version_update" BEFORE UPDATE ON "insight_settings" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), NEW.workspace_id::text) = 0 OR strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
CREATE TRIGGER "insight_settings_insight_version_delete" BEFORE DELETE ON "insight_settings" FOR EACH ROW
	WHEN (strpos(coalesce(current_setting('landfall.insight_versions_bumped', true), ''), OLD.workspace_id::text) = 0) EXECUTE FUNCTION "insight_versions_bump_row"();
--> statement-breakpoint
DROP FUNCTION "data_versions_bump"();
--> statement-breakpoint
DROP FUNCTION "insight_versions_bump"();
--> statement-breakpoint
DROP TRIGGER "accounts_count_insert" ON "accounts";
--> statement-breakpoint
DROP TRIGGER "accounts_count_delete" ON "accounts";
--> statement-breakpoint
DROP TRIGGER "accounts_count_update" ON "accounts";
--> statement-breakpoint
DROP FUNCTION "account_counts_after_insert"();
--> statement-breakpoint
DROP FUNCTION "account_counts_after_delete"();
--> statement-breakpoint
DROP FUNCTION "account_counts_after_update"();
--> statement-breakpoint
-- The running total is "workspace|active|archived" in one transaction-local setting.
CREATE FUNCTION "account_counts_write_pending"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	pending text := coalesce(current_setting('landfall.account_counts_pending', true), '');
	workspace uuid;
BEGIN
	IF pending = '' THEN RETURN; END IF;
	PERFORM set_config('landfall.account_counts_pending', '', true);
	workspace := split_part(pending, '|', 1)::uuid;
	-- A workspace being deleted takes its accounts and its counts row with it: nothing to write.
	INSERT INTO account_counts AS c (workspace_id, active, archived)
	SELECT workspace, split_part(pending, '|', 2)::int, split_part(pending, '|', 3)::int
	WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = workspace)
	ON CONFLICT (workspace_id) DO UPDATE SET active = c.active + excluded.active, archived = c.archived + excluded.archived;
END $$;
--> statement-breakpoint
CREATE FUNCTION "account_counts_row"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	pending text;
	workspace uuid;
	active int;
	archived int;
	step int;
BEGIN
	-- An insert adds NEW, a delete takes OLD away, an update does both.
	FOR step IN 1..2 LOOP
		IF step = 1 AND TG_OP <> 'INSERT' THEN
			workspace := OLD.workspace_id; active := -(OLD.archived_at IS NULL)::int; archived := -(OLD.archived_at IS NOT NULL)::int;
		ELSIF step = 2 AND TG_OP <> 'DELETE' THEN
			workspace := NEW.workspace_id; active := (NEW.archived_at IS NULL)::int; archived := (NEW.archived_at IS NOT NULL)::int;
		ELSE
			CONTINUE;
		END IF;
		pending := coalesce(current_setting('landfall.account_counts_pending', true), '');
		IF pending <> '' AND left(pending, 36) = workspace::text THEN
			active := active + split_part(pending, '|', 2)::int;
			archived := archived + split_part(pending, '|', 3)::int;
		ELSIF pending <> '' THEN
			PERFORM account_counts_write_pending();
		END IF;
		PERFORM set_config('landfall.account_counts_pending', workspace::text || '|' || active || '|' || archived, true);
	END LOOP;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "account_counts_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM account_counts_write_pending();
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "accounts_count_insert" AFTER INSERT ON "accounts" FOR EACH ROW EXECUTE FUNCTION "account_counts_row"();
--> statement-breakpoint
CREATE TRIGGER "accounts_count_delete" AFTER DELETE ON "accounts" FOR EACH ROW EXECUTE FUNCTION "account_counts_row"();
--> statement-breakpoint
CREATE TRIGGER "accounts_count_update" AFTER UPDATE OF "archived_at", "workspace_id" ON "accounts" FOR EACH ROW
	WHEN ((OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL) OR OLD.workspace_id <> NEW.workspace_id)
	EXECUTE FUNCTION "account_counts_row"();
--> statement-breakpoint
-- After the row triggers of the same statement: writes the last running total.
CREATE TRIGGER "accounts_count_statement" AFTER INSERT OR UPDATE OR DELETE ON "accounts"
	FOR EACH STATEMENT EXECUTE FUNCTION "account_counts_statement"();
