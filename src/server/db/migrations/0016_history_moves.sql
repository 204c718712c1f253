ALTER TABLE "project_events" ADD COLUMN "moves" jsonb;--> statement-breakpoint
-- A re-plan rewrites the projected dates of many tasks, none of them indexed: room left in each page lets PostgreSQL
-- update a task in place (a heap-only tuple) instead of writing a new entry in each of its four indexes.
ALTER TABLE "project_tasks" SET (fillfactor = 70);
