CREATE TABLE "account_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"project_id" uuid,
	"organization_id" uuid,
	"added_on" date NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_products_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "maturity_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "maturity_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid,
	"product_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"at" timestamp with time zone NOT NULL,
	"why" text NOT NULL,
	"review_task_id" uuid,
	CONSTRAINT "maturity_changes_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "organization_onboardings" (
	"workspace_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"type" text NOT NULL,
	"expected_users" integer NOT NULL,
	"mode" text NOT NULL,
	"suggested_mode" text NOT NULL,
	"suggested_because" text NOT NULL,
	"project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_onboardings_workspace_id_organization_id_pk" PRIMARY KEY("workspace_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "product_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"separate_from_users" integer DEFAULT 50 NOT NULL,
	"separate_types" text[] DEFAULT '{subsidiary}'::text[] NOT NULL,
	"separate_complexities" text[] DEFAULT '{high}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"modules" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs_implementation" boolean DEFAULT true NOT NULL,
	"playbook_id" uuid,
	"enablement" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "products_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "usage_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_figures_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "account_products" ADD CONSTRAINT "account_products_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_products" ADD CONSTRAINT "account_products_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_products" ADD CONSTRAINT "account_products_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_products" ADD CONSTRAINT "account_products_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_changes" ADD CONSTRAINT "maturity_changes_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_changes" ADD CONSTRAINT "maturity_changes_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_changes" ADD CONSTRAINT "maturity_changes_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_onboardings" ADD CONSTRAINT "organization_onboardings_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_onboardings" ADD CONSTRAINT "organization_onboardings_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_onboardings" ADD CONSTRAINT "organization_onboardings_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."projects"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_settings" ADD CONSTRAINT "product_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_playbook_id_playbooks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","playbook_id") REFERENCES "public"."playbooks"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_figures" ADD CONSTRAINT "usage_figures_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_products_account_product_key" ON "account_products" USING btree ("workspace_id","account_id","product_id");--> statement-breakpoint
CREATE INDEX "maturity_changes_account_idx" ON "maturity_changes" USING btree ("workspace_id","account_id","product_id","at","seq");--> statement-breakpoint
CREATE INDEX "organization_onboardings_account_idx" ON "organization_onboardings" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_workspace_name_key" ON "products" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "usage_figures_account_idx" ON "usage_figures" USING btree ("workspace_id","account_id","metric","at");--> statement-breakpoint
-- Hand-written: every product name already used in a workspace (accounts, projects, cadences, academy courses,
-- rules and releases) enters its catalogue, so existing data stays valid once products are checked against it.
INSERT INTO "products" ("workspace_id", "name")
SELECT DISTINCT ON (u.workspace_id, lower(u.name)) u.workspace_id, u.name FROM (
  SELECT a.workspace_id, unnest(a.products) AS name FROM accounts a
  UNION ALL SELECT p.workspace_id, p.product FROM projects p WHERE p.product IS NOT NULL
  UNION ALL SELECT c.workspace_id, unnest(c.products) FROM cadences c
  UNION ALL SELECT r.workspace_id, r.product FROM academy_releases r
  UNION ALL SELECT ac.workspace_id, ac.product FROM academy_courses ac WHERE ac.product IS NOT NULL
  UNION ALL SELECT ar.workspace_id, ar.release_product FROM academy_rules ar WHERE ar.release_product IS NOT NULL
  UNION ALL SELECT ar.workspace_id, unnest(ar.products) FROM academy_rules ar
) u WHERE btrim(u.name) <> ''
ORDER BY u.workspace_id, lower(u.name), u.name
ON CONFLICT DO NOTHING;
