-- Hand SQL (keep it when renumbering): drizzle cannot declare INCLUDE columns, so the list's sort indexes carry the
-- filter columns here (accounts.repo.ts pageOf: a page's ids are read from the index alone).
DROP INDEX "accounts_name_trgm_idx";--> statement-breakpoint
DROP INDEX "accounts_domain_trgm_idx";--> statement-breakpoint
DROP INDEX "contacts_name_trgm_idx";--> statement-breakpoint
DROP INDEX "contacts_email_trgm_idx";--> statement-breakpoint
DROP INDEX "accounts_workspace_signed_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || chr(31) || coalesce(domain, ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || chr(31) || email)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "accounts_workspace_signed_desc_idx" ON "accounts" USING btree ("workspace_id","contract_signed_on" DESC NULLS LAST,"id" DESC NULLS FIRST) INCLUDE ("archived_at", "segment", "laer_stage", "complexity", "industry");--> statement-breakpoint
CREATE INDEX "accounts_workspace_renewal_idx" ON "accounts" USING btree ("workspace_id","renewal_on","id") INCLUDE ("archived_at", "segment", "laer_stage", "complexity", "industry");--> statement-breakpoint
CREATE INDEX "accounts_workspace_renewal_desc_idx" ON "accounts" USING btree ("workspace_id","renewal_on" DESC NULLS LAST,"id" DESC NULLS FIRST) INCLUDE ("archived_at", "segment", "laer_stage", "complexity", "industry");--> statement-breakpoint
CREATE INDEX "accounts_workspace_value_idx" ON "accounts" USING btree ("workspace_id","contract_value","id") INCLUDE ("archived_at", "segment", "laer_stage", "complexity", "industry");--> statement-breakpoint
CREATE INDEX "accounts_workspace_created_idx" ON "accounts" USING btree ("workspace_id","created_at","id") INCLUDE ("archived_at", "segment", "laer_stage", "complexity", "industry");--> statement-breakpoint
CREATE INDEX "accounts_workspace_segment_idx" ON "accounts" USING btree ("workspace_id","segment","id") INCLUDE ("archived_at", "laer_stage", "complexity", "industry");--> statement-breakpoint
CREATE INDEX "accounts_workspace_industry_idx" ON "accounts" USING btree ("workspace_id","industry","id") INCLUDE ("archived_at", "segment", "laer_stage", "complexity");--> statement-breakpoint
CREATE INDEX "accounts_search_trgm_idx" ON "accounts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_workspace_signed_idx" ON "accounts" USING btree ("workspace_id","contract_signed_on","id") INCLUDE ("archived_at", "segment", "laer_stage", "complexity", "industry");
--> statement-breakpoint
DROP INDEX "accounts_workspace_name_idx";--> statement-breakpoint
CREATE INDEX "accounts_workspace_name_idx" ON "accounts" USING btree ("workspace_id",lower("name"),"id") INCLUDE ("name", "archived_at", "segment", "laer_stage", "complexity", "industry");--> statement-breakpoint
CREATE INDEX "accounts_workspace_stage_idx" ON "accounts" USING btree ("workspace_id","laer_stage","id") INCLUDE ("archived_at", "segment", "complexity", "industry");
