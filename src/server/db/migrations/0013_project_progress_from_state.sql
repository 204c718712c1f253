ALTER TABLE "projects" ADD COLUMN "current_stage" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "finished" boolean DEFAULT false NOT NULL;