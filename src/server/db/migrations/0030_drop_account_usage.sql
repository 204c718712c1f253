-- hand SQL: the health module's own usage figures move to the one usage table (usage_figures) before the drop
INSERT INTO "usage_figures" ("workspace_id", "account_id", "metric", "value", "at")
SELECT "workspace_id", "account_id", m."metric", m."value", ("recorded_on"::timestamp AT TIME ZONE 'UTC')
  FROM "account_usage"
  CROSS JOIN LATERAL (VALUES ('licensed_users', "licensed_users"::float8), ('active_users', "active_users"::float8)) AS m("metric", "value");--> statement-breakpoint
DROP TABLE "account_usage" CASCADE;
