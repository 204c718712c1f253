ALTER TABLE "projects" ALTER COLUMN "playbook_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "playbook_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "holiday_country" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "holiday_region" text;