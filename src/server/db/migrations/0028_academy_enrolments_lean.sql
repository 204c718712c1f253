-- Enrolments kept lean for the set-based rule evaluation (issue 15 bench): the key is (workspace_id, id) alone
-- (was a key on id plus a unique (workspace_id, id)); the account and path foreign keys go (the account is the
-- contact's, copied in the same statement; paths are never deleted and every insert takes the path from a row that
-- exists); the path, account and rule indexes give way to one (workspace_id, contact_id, path_id) index.
-- Hand-ordered: the certificates' foreign key depends on the old unique key, so it is dropped and made again.
ALTER TABLE "academy_certificates" DROP CONSTRAINT "academy_certificates_workspace_id_enrolment_id_academy_enrolments_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "academy_enrolments" DROP CONSTRAINT "academy_enrolments_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_enrolments" DROP CONSTRAINT "academy_enrolments_pkey";--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD CONSTRAINT "academy_enrolments_pkey" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_certificates" ADD CONSTRAINT "academy_certificates_workspace_id_enrolment_id_academy_enrolments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","enrolment_id") REFERENCES "public"."academy_enrolments"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_enrolments" DROP CONSTRAINT "academy_enrolments_workspace_id_account_id_accounts_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "academy_enrolments" DROP CONSTRAINT "academy_enrolments_workspace_id_path_id_academy_paths_workspace_id_id_fk";--> statement-breakpoint
DROP INDEX "academy_enrolments_path_idx";--> statement-breakpoint
DROP INDEX "academy_enrolments_account_idx";--> statement-breakpoint
DROP INDEX "academy_enrolments_rule_idx";--> statement-breakpoint
CREATE INDEX "academy_enrolments_contact_idx" ON "academy_enrolments" USING btree ("workspace_id","contact_id","path_id");
