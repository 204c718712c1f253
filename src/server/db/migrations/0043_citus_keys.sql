-- Citus-ready keys (issue 20): every tenant table's primary key becomes (workspace_id, id), and the unique keys that
-- lacked workspace_id gain it, so the tables can be distributed by workspace_id. Rows are kept: ids do not change.
--
-- drizzle-kit generated this migration (npx drizzle-kit generate --name citus_keys) but could not order it, nor name
-- the primary keys it drops, so the SQL below is the generated SQL rearranged BY HAND:
--  1. The 107 foreign keys that reference a table's unique (workspace_id, id) key are dropped first: PostgreSQL will
--     not drop a unique constraint that a foreign key depends on. (drizzle-kit emitted only the bare DROP CONSTRAINT
--     of the unique keys, which fails.) The list was read from the catalogue (pg_constraint.conindid) of a database
--     migrated to 0040; no foreign key references a tenant table's id-only primary key.
--  2. For each of the 61 tables: DROP CONSTRAINT "<t>_pkey" (drizzle-kit left it as a commented-out placeholder, not
--     knowing the name) and ADD CONSTRAINT "<t>_workspace_id_id_pk" PRIMARY KEY (workspace_id, id) (the name drizzle's
--     snapshot expects), in one ALTER TABLE; then the now-redundant unique "<t>_workspace_id_id_key" is dropped.
--  3. The 11 non-token unique keys are dropped and re-made with workspace_id first, as drizzle-kit generated them
--     (same names). The token keys (api_tokens, sessions, invites, portal_access, portal_links, portal_sessions,
--     scim_tokens token hashes, contact_mail_preferences.unsubscribe_token) and members_email_active_key (one email
--     signs in to one workspace) are looked up without a workspace and are left as they are.
--  4. The foreign keys of step 1 are re-added exactly as they were (pg_get_constraintdef); they now bind to the new
--     primary key index. Re-adding them re-checks every row, which existing data passes (the same columns were
--     checked before).
-- Running `npx drizzle-kit generate` after this migration produces nothing: the snapshot matches.

-- 1. drop the foreign keys that depend on the (workspace_id, id) unique keys
ALTER TABLE "academy_feedback" DROP CONSTRAINT "academy_feedback_workspace_id_course_id_academy_courses_workspa";--> statement-breakpoint
ALTER TABLE "academy_lessons" DROP CONSTRAINT "academy_lessons_workspace_id_course_id_academy_courses_workspac";--> statement-breakpoint
ALTER TABLE "academy_scorm_files" DROP CONSTRAINT "academy_scorm_files_workspace_id_file_id_academy_files_workspac";--> statement-breakpoint
ALTER TABLE "academy_lesson_progress" DROP CONSTRAINT "academy_lesson_progress_workspace_id_lesson_id_academy_lessons_";--> statement-breakpoint
ALTER TABLE "academy_path_versions" DROP CONSTRAINT "academy_path_versions_workspace_id_path_id_academy_paths_worksp";--> statement-breakpoint
ALTER TABLE "academy_rules" DROP CONSTRAINT "academy_rules_workspace_id_path_id_academy_paths_workspace_id_i";--> statement-breakpoint
ALTER TABLE "academy_scorm_files" DROP CONSTRAINT "academy_scorm_files_workspace_id_package_id_academy_scorm_packa";--> statement-breakpoint
ALTER TABLE "academy_webinar_registrations" DROP CONSTRAINT "academy_webinar_registrations_workspace_id_webinar_id_academy_w";--> statement-breakpoint
ALTER TABLE "account_health" DROP CONSTRAINT "account_health_workspace_id_account_id_accounts_workspace_id_id";--> statement-breakpoint
ALTER TABLE "account_health_history" DROP CONSTRAINT "account_health_history_workspace_id_account_id_accounts_workspa";--> statement-breakpoint
ALTER TABLE "account_laer_changes" DROP CONSTRAINT "account_laer_changes_workspace_id_account_id_accounts_workspace";--> statement-breakpoint
ALTER TABLE "account_owners" DROP CONSTRAINT "account_owners_workspace_id_account_id_accounts_workspace_id_id";--> statement-breakpoint
ALTER TABLE "account_products" DROP CONSTRAINT "account_products_workspace_id_account_id_accounts_workspace_id_";--> statement-breakpoint
ALTER TABLE "account_risks" DROP CONSTRAINT "account_risks_workspace_id_account_id_accounts_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_workspace_id_account_id_accounts_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "maturity_changes" DROP CONSTRAINT "maturity_changes_workspace_id_account_id_accounts_workspace_id_";--> statement-breakpoint
ALTER TABLE "organization_onboardings" DROP CONSTRAINT "organization_onboardings_workspace_id_account_id_accounts_works";--> statement-breakpoint
ALTER TABLE "organizations" DROP CONSTRAINT "organizations_workspace_id_account_id_accounts_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_workspace_id_account_id_accounts_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "usage_figures" DROP CONSTRAINT "usage_figures_workspace_id_account_id_accounts_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "project_cadences" DROP CONSTRAINT "project_cadences_workspace_id_cadence_id_cadences_workspace_id_";--> statement-breakpoint
ALTER TABLE "journey_events" DROP CONSTRAINT "journey_events_workspace_id_contact_journey_id_contact_journeys";--> statement-breakpoint
ALTER TABLE "academy_certificates" DROP CONSTRAINT "academy_certificates_workspace_id_contact_id_contacts_workspace";--> statement-breakpoint
ALTER TABLE "academy_feedback" DROP CONSTRAINT "academy_feedback_workspace_id_contact_id_contacts_workspace_id_";--> statement-breakpoint
ALTER TABLE "academy_lesson_progress" DROP CONSTRAINT "academy_lesson_progress_workspace_id_contact_id_contacts_worksp";--> statement-breakpoint
ALTER TABLE "academy_statements" DROP CONSTRAINT "academy_statements_workspace_id_contact_id_contacts_workspace_i";--> statement-breakpoint
ALTER TABLE "academy_webinar_registrations" DROP CONSTRAINT "academy_webinar_registrations_workspace_id_contact_id_contacts_";--> statement-breakpoint
ALTER TABLE "account_risks" DROP CONSTRAINT "account_risks_workspace_id_contact_id_contacts_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "account_risks" DROP CONSTRAINT "account_risks_workspace_id_successor_contact_id_contacts_worksp";--> statement-breakpoint
ALTER TABLE "contact_journeys" DROP CONSTRAINT "contact_journeys_workspace_id_contact_id_contacts_workspace_id_";--> statement-breakpoint
ALTER TABLE "contact_mail_preferences" DROP CONSTRAINT "contact_mail_preferences_workspace_id_contact_id_contacts_works";--> statement-breakpoint
ALTER TABLE "maturity_changes" DROP CONSTRAINT "maturity_changes_workspace_id_contact_id_contacts_workspace_id_";--> statement-breakpoint
ALTER TABLE "milestone_ratings" DROP CONSTRAINT "milestone_ratings_workspace_id_contact_id_contacts_workspace_id";--> statement-breakpoint
ALTER TABLE "portal_access" DROP CONSTRAINT "portal_access_workspace_id_contact_id_contacts_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "portal_links" DROP CONSTRAINT "portal_links_workspace_id_contact_id_contacts_workspace_id_id_f";--> statement-breakpoint
ALTER TABLE "portal_sessions" DROP CONSTRAINT "portal_sessions_workspace_id_contact_id_contacts_workspace_id_i";--> statement-breakpoint
ALTER TABLE "project_tasks" DROP CONSTRAINT "project_tasks_workspace_id_assignee_contact_id_contacts_workspa";--> statement-breakpoint
ALTER TABLE "readiness_assessments" DROP CONSTRAINT "readiness_assessments_workspace_id_sent_to_contact_id_contacts_";--> statement-breakpoint
ALTER TABLE "success_metrics" DROP CONSTRAINT "success_metrics_workspace_id_owner_contact_id_contacts_workspac";--> statement-breakpoint
ALTER TABLE "success_outcomes" DROP CONSTRAINT "success_outcomes_workspace_id_verified_by_contact_id_contacts_w";--> statement-breakpoint
ALTER TABLE "success_plans" DROP CONSTRAINT "success_plans_workspace_id_executive_sponsor_contact_id_contact";--> statement-breakpoint
ALTER TABLE "touchpoint_ratings" DROP CONSTRAINT "touchpoint_ratings_workspace_id_contact_id_contacts_workspace_i";--> statement-breakpoint
ALTER TABLE "escalation_actions" DROP CONSTRAINT "escalation_actions_workspace_id_episode_id_escalation_episodes_";--> statement-breakpoint
ALTER TABLE "contact_journeys" DROP CONSTRAINT "contact_journeys_workspace_id_journey_id_journeys_workspace_id_";--> statement-breakpoint
ALTER TABLE "account_owners" DROP CONSTRAINT "account_owners_workspace_id_member_id_members_workspace_id_id_f";--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_workspace_id_created_by_members_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "assignment_settings" DROP CONSTRAINT "assignment_settings_workspace_id_team_lead_id_members_workspace";--> statement-breakpoint
ALTER TABLE "comment_mentions" DROP CONSTRAINT "comment_mentions_workspace_id_member_id_members_workspace_id_id";--> statement-breakpoint
ALTER TABLE "invites" DROP CONSTRAINT "invites_workspace_id_invited_by_members_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "member_settings" DROP CONSTRAINT "member_settings_workspace_id_member_id_members_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "member_time_off" DROP CONSTRAINT "member_time_off_workspace_id_member_id_members_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "my_work_dismissals" DROP CONSTRAINT "my_work_dismissals_workspace_id_member_id_members_workspace_id_";--> statement-breakpoint
ALTER TABLE "project_assignments" DROP CONSTRAINT "project_assignments_workspace_id_member_id_members_workspace_id";--> statement-breakpoint
ALTER TABLE "project_tasks" DROP CONSTRAINT "project_tasks_workspace_id_assignee_member_id_members_workspace";--> statement-breakpoint
ALTER TABLE "project_views" DROP CONSTRAINT "project_views_workspace_id_member_id_members_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_workspace_id_onboarding_manager_id_members_workspace_i";--> statement-breakpoint
ALTER TABLE "scim_group_members" DROP CONSTRAINT "scim_group_members_workspace_id_member_id_members_workspace_id_";--> statement-breakpoint
ALTER TABLE "scim_tokens" DROP CONSTRAINT "scim_tokens_workspace_id_created_by_members_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "scim_users" DROP CONSTRAINT "scim_users_workspace_id_member_id_members_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_workspace_id_member_id_members_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "success_metrics" DROP CONSTRAINT "success_metrics_workspace_id_owner_member_id_members_workspace_";--> statement-breakpoint
ALTER TABLE "account_products" DROP CONSTRAINT "account_products_workspace_id_organization_id_organizations_wor";--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_workspace_id_organization_id_organizations_workspace_i";--> statement-breakpoint
ALTER TABLE "organization_onboardings" DROP CONSTRAINT "organization_onboardings_workspace_id_organization_id_organizat";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_workspace_id_organization_id_organizations_workspace_i";--> statement-breakpoint
ALTER TABLE "playbook_versions" DROP CONSTRAINT "playbook_versions_workspace_id_playbook_id_playbooks_workspace_";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_workspace_id_playbook_id_playbooks_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_workspace_id_playbook_id_playbooks_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "touchpoint_weights" DROP CONSTRAINT "touchpoint_weights_workspace_id_playbook_id_playbooks_workspace";--> statement-breakpoint
ALTER TABLE "account_products" DROP CONSTRAINT "account_products_workspace_id_product_id_products_workspace_id_";--> statement-breakpoint
ALTER TABLE "maturity_changes" DROP CONSTRAINT "maturity_changes_workspace_id_product_id_products_workspace_id_";--> statement-breakpoint
ALTER TABLE "milestone_ratings" DROP CONSTRAINT "milestone_ratings_workspace_id_task_id_project_tasks_workspace_";--> statement-breakpoint
ALTER TABLE "milestone_slips" DROP CONSTRAINT "milestone_slips_workspace_id_cause_task_id_project_tasks_worksp";--> statement-breakpoint
ALTER TABLE "milestone_slips" DROP CONSTRAINT "milestone_slips_workspace_id_milestone_task_id_project_tasks_wo";--> statement-breakpoint
ALTER TABLE "project_dependencies" DROP CONSTRAINT "project_dependencies_workspace_id_predecessor_id_project_tasks_";--> statement-breakpoint
ALTER TABLE "project_dependencies" DROP CONSTRAINT "project_dependencies_workspace_id_successor_id_project_tasks_wo";--> statement-breakpoint
ALTER TABLE "sign_off_requests" DROP CONSTRAINT "sign_off_requests_workspace_id_task_id_project_tasks_workspace_";--> statement-breakpoint
ALTER TABLE "task_approvals" DROP CONSTRAINT "task_approvals_workspace_id_task_id_project_tasks_workspace_id_";--> statement-breakpoint
ALTER TABLE "task_comments" DROP CONSTRAINT "task_comments_workspace_id_task_id_project_tasks_workspace_id_i";--> statement-breakpoint
ALTER TABLE "task_files" DROP CONSTRAINT "task_files_workspace_id_task_id_project_tasks_workspace_id_id_f";--> statement-breakpoint
ALTER TABLE "touchpoint_ratings" DROP CONSTRAINT "touchpoint_ratings_workspace_id_task_id_project_tasks_workspace";--> statement-breakpoint
ALTER TABLE "account_products" DROP CONSTRAINT "account_products_workspace_id_project_id_projects_workspace_id_";--> statement-breakpoint
ALTER TABLE "cadence_events" DROP CONSTRAINT "cadence_events_workspace_id_project_id_projects_workspace_id_id";--> statement-breakpoint
ALTER TABLE "delay_events" DROP CONSTRAINT "delay_events_workspace_id_project_id_projects_workspace_id_id_f";--> statement-breakpoint
ALTER TABLE "escalation_actions" DROP CONSTRAINT "escalation_actions_workspace_id_project_id_projects_workspace_i";--> statement-breakpoint
ALTER TABLE "escalation_episodes" DROP CONSTRAINT "escalation_episodes_workspace_id_project_id_projects_workspace_";--> statement-breakpoint
ALTER TABLE "handoff_questions" DROP CONSTRAINT "handoff_questions_workspace_id_project_id_projects_workspace_id";--> statement-breakpoint
ALTER TABLE "handoffs" DROP CONSTRAINT "handoffs_workspace_id_project_id_projects_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "milestone_slips" DROP CONSTRAINT "milestone_slips_workspace_id_project_id_projects_workspace_id_i";--> statement-breakpoint
ALTER TABLE "organization_onboardings" DROP CONSTRAINT "organization_onboardings_workspace_id_project_id_projects_works";--> statement-breakpoint
ALTER TABLE "portal_access" DROP CONSTRAINT "portal_access_workspace_id_project_id_projects_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "project_assignments" DROP CONSTRAINT "project_assignments_workspace_id_project_id_projects_workspace_";--> statement-breakpoint
ALTER TABLE "project_cadences" DROP CONSTRAINT "project_cadences_workspace_id_project_id_projects_workspace_id_";--> statement-breakpoint
ALTER TABLE "project_events" DROP CONSTRAINT "project_events_workspace_id_project_id_projects_workspace_id_id";--> statement-breakpoint
ALTER TABLE "project_risks" DROP CONSTRAINT "project_risks_workspace_id_project_id_projects_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "project_tasks" DROP CONSTRAINT "project_tasks_workspace_id_project_id_projects_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "project_views" DROP CONSTRAINT "project_views_workspace_id_project_id_projects_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "readiness_assessments" DROP CONSTRAINT "readiness_assessments_workspace_id_project_id_projects_workspac";--> statement-breakpoint
ALTER TABLE "readiness_gate_overrides" DROP CONSTRAINT "readiness_gate_overrides_workspace_id_project_id_projects_works";--> statement-breakpoint
ALTER TABLE "success_metrics" DROP CONSTRAINT "success_metrics_workspace_id_project_id_projects_workspace_id_i";--> statement-breakpoint
ALTER TABLE "success_outcomes" DROP CONSTRAINT "success_outcomes_workspace_id_project_id_projects_workspace_id_";--> statement-breakpoint
ALTER TABLE "success_plans" DROP CONSTRAINT "success_plans_workspace_id_project_id_projects_workspace_id_id_";--> statement-breakpoint
ALTER TABLE "readiness_assessments" DROP CONSTRAINT "readiness_assessments_workspace_id_questionnaire_version_id_rea";--> statement-breakpoint
ALTER TABLE "readiness_questionnaire_versions" DROP CONSTRAINT "readiness_questionnaire_versions_workspace_id_questionnaire_id_";--> statement-breakpoint
ALTER TABLE "metric_actuals" DROP CONSTRAINT "metric_actuals_workspace_id_metric_id_success_metrics_workspace";--> statement-breakpoint
ALTER TABLE "success_metrics" DROP CONSTRAINT "success_metrics_workspace_id_outcome_id_success_outcomes_worksp";--> statement-breakpoint
ALTER TABLE "comment_mentions" DROP CONSTRAINT "comment_mentions_workspace_id_comment_id_task_comments_workspac";--> statement-breakpoint
-- 2. primary key (id) -> (workspace_id, id); the unique (workspace_id, id) goes
ALTER TABLE "academy_certificates" DROP CONSTRAINT "academy_certificates_pkey", ADD CONSTRAINT "academy_certificates_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_certificates" DROP CONSTRAINT "academy_certificates_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_courses" DROP CONSTRAINT "academy_courses_pkey", ADD CONSTRAINT "academy_courses_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_courses" DROP CONSTRAINT "academy_courses_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_files" DROP CONSTRAINT "academy_files_pkey", ADD CONSTRAINT "academy_files_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_files" DROP CONSTRAINT "academy_files_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_lessons" DROP CONSTRAINT "academy_lessons_pkey", ADD CONSTRAINT "academy_lessons_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_lessons" DROP CONSTRAINT "academy_lessons_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_paths" DROP CONSTRAINT "academy_paths_pkey", ADD CONSTRAINT "academy_paths_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_paths" DROP CONSTRAINT "academy_paths_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_releases" DROP CONSTRAINT "academy_releases_pkey", ADD CONSTRAINT "academy_releases_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_releases" DROP CONSTRAINT "academy_releases_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_rules" DROP CONSTRAINT "academy_rules_pkey", ADD CONSTRAINT "academy_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_rules" DROP CONSTRAINT "academy_rules_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_scorm_packages" DROP CONSTRAINT "academy_scorm_packages_pkey", ADD CONSTRAINT "academy_scorm_packages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_scorm_packages" DROP CONSTRAINT "academy_scorm_packages_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_statements" DROP CONSTRAINT "academy_statements_pkey", ADD CONSTRAINT "academy_statements_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_statements" DROP CONSTRAINT "academy_statements_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "academy_webinars" DROP CONSTRAINT "academy_webinars_pkey", ADD CONSTRAINT "academy_webinars_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "academy_webinars" DROP CONSTRAINT "academy_webinars_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "account_health_history" DROP CONSTRAINT "account_health_history_pkey", ADD CONSTRAINT "account_health_history_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "account_laer_changes" DROP CONSTRAINT "account_laer_changes_pkey", ADD CONSTRAINT "account_laer_changes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "account_laer_changes" DROP CONSTRAINT "account_laer_changes_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "account_products" DROP CONSTRAINT "account_products_pkey", ADD CONSTRAINT "account_products_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "account_products" DROP CONSTRAINT "account_products_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "account_risks" DROP CONSTRAINT "account_risks_pkey", ADD CONSTRAINT "account_risks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "account_risks" DROP CONSTRAINT "account_risks_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_pkey", ADD CONSTRAINT "accounts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_pkey", ADD CONSTRAINT "api_tokens_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "assignment_rules" DROP CONSTRAINT "assignment_rules_pkey", ADD CONSTRAINT "assignment_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "assignment_rules" DROP CONSTRAINT "assignment_rules_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "cadence_events" DROP CONSTRAINT "cadence_events_pkey", ADD CONSTRAINT "cadence_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "cadences" DROP CONSTRAINT "cadences_pkey", ADD CONSTRAINT "cadences_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "cadences" DROP CONSTRAINT "cadences_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "contact_journeys" DROP CONSTRAINT "contact_journeys_pkey", ADD CONSTRAINT "contact_journeys_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "contact_journeys" DROP CONSTRAINT "contact_journeys_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_pkey", ADD CONSTRAINT "contacts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "delay_events" DROP CONSTRAINT "delay_events_pkey", ADD CONSTRAINT "delay_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "escalation_actions" DROP CONSTRAINT "escalation_actions_pkey", ADD CONSTRAINT "escalation_actions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "escalation_episodes" DROP CONSTRAINT "escalation_episodes_pkey", ADD CONSTRAINT "escalation_episodes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "escalation_episodes" DROP CONSTRAINT "escalation_episodes_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "handoff_questions" DROP CONSTRAINT "handoff_questions_pkey", ADD CONSTRAINT "handoff_questions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "handoffs" DROP CONSTRAINT "handoffs_pkey", ADD CONSTRAINT "handoffs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "imports" DROP CONSTRAINT "imports_pkey", ADD CONSTRAINT "imports_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "imports" DROP CONSTRAINT "imports_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "intake_deliveries" DROP CONSTRAINT "intake_deliveries_pkey", ADD CONSTRAINT "intake_deliveries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "invites" DROP CONSTRAINT "invites_pkey", ADD CONSTRAINT "invites_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "journey_events" DROP CONSTRAINT "journey_events_pkey", ADD CONSTRAINT "journey_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "journeys" DROP CONSTRAINT "journeys_pkey", ADD CONSTRAINT "journeys_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "journeys" DROP CONSTRAINT "journeys_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "mail_bounces" DROP CONSTRAINT "mail_bounces_pkey", ADD CONSTRAINT "mail_bounces_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_pkey", ADD CONSTRAINT "mail_outbox_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "maturity_changes" DROP CONSTRAINT "maturity_changes_pkey", ADD CONSTRAINT "maturity_changes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "maturity_changes" DROP CONSTRAINT "maturity_changes_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_pkey", ADD CONSTRAINT "members_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "metric_actuals" DROP CONSTRAINT "metric_actuals_pkey", ADD CONSTRAINT "metric_actuals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "metric_actuals" DROP CONSTRAINT "metric_actuals_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "milestone_ratings" DROP CONSTRAINT "milestone_ratings_pkey", ADD CONSTRAINT "milestone_ratings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "organizations" DROP CONSTRAINT "organizations_pkey", ADD CONSTRAINT "organizations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "organizations" DROP CONSTRAINT "organizations_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "playbook_versions" DROP CONSTRAINT "playbook_versions_pkey", ADD CONSTRAINT "playbook_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "playbooks" DROP CONSTRAINT "playbooks_pkey", ADD CONSTRAINT "playbooks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "playbooks" DROP CONSTRAINT "playbooks_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "portal_access" DROP CONSTRAINT "portal_access_pkey", ADD CONSTRAINT "portal_access_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "portal_access" DROP CONSTRAINT "portal_access_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "portal_links" DROP CONSTRAINT "portal_links_pkey", ADD CONSTRAINT "portal_links_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "portal_sessions" DROP CONSTRAINT "portal_sessions_pkey", ADD CONSTRAINT "portal_sessions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_pkey", ADD CONSTRAINT "products_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "project_events" DROP CONSTRAINT "project_events_pkey", ADD CONSTRAINT "project_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "project_risks" DROP CONSTRAINT "project_risks_pkey", ADD CONSTRAINT "project_risks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "project_tasks" DROP CONSTRAINT "project_tasks_pkey", ADD CONSTRAINT "project_tasks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "project_tasks" DROP CONSTRAINT "project_tasks_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_pkey", ADD CONSTRAINT "projects_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "readiness_assessments" DROP CONSTRAINT "readiness_assessments_pkey", ADD CONSTRAINT "readiness_assessments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "readiness_assessments" DROP CONSTRAINT "readiness_assessments_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "readiness_gate_overrides" DROP CONSTRAINT "readiness_gate_overrides_pkey", ADD CONSTRAINT "readiness_gate_overrides_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "readiness_questionnaire_versions" DROP CONSTRAINT "readiness_questionnaire_versions_pkey", ADD CONSTRAINT "readiness_questionnaire_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "readiness_questionnaire_versions" DROP CONSTRAINT "readiness_questionnaire_versions_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "readiness_questionnaires" DROP CONSTRAINT "readiness_questionnaires_pkey", ADD CONSTRAINT "readiness_questionnaires_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "readiness_questionnaires" DROP CONSTRAINT "readiness_questionnaires_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_pkey", ADD CONSTRAINT "sessions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "sign_off_requests" DROP CONSTRAINT "sign_off_requests_pkey", ADD CONSTRAINT "sign_off_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "success_metrics" DROP CONSTRAINT "success_metrics_pkey", ADD CONSTRAINT "success_metrics_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "success_metrics" DROP CONSTRAINT "success_metrics_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "success_outcomes" DROP CONSTRAINT "success_outcomes_pkey", ADD CONSTRAINT "success_outcomes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "success_outcomes" DROP CONSTRAINT "success_outcomes_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "success_plans" DROP CONSTRAINT "success_plans_pkey", ADD CONSTRAINT "success_plans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "task_approvals" DROP CONSTRAINT "task_approvals_pkey", ADD CONSTRAINT "task_approvals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "task_comments" DROP CONSTRAINT "task_comments_pkey", ADD CONSTRAINT "task_comments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "task_comments" DROP CONSTRAINT "task_comments_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "task_files" DROP CONSTRAINT "task_files_pkey", ADD CONSTRAINT "task_files_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "task_files" DROP CONSTRAINT "task_files_workspace_id_id_key";--> statement-breakpoint
ALTER TABLE "usage_figures" DROP CONSTRAINT "usage_figures_pkey", ADD CONSTRAINT "usage_figures_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");--> statement-breakpoint
ALTER TABLE "usage_figures" DROP CONSTRAINT "usage_figures_workspace_id_id_key";--> statement-breakpoint
-- 3. the non-token unique keys gain workspace_id
ALTER TABLE "account_owners" DROP CONSTRAINT "account_owners_account_role_key";--> statement-breakpoint
ALTER TABLE "playbook_versions" DROP CONSTRAINT "playbook_versions_version_key";--> statement-breakpoint
ALTER TABLE "project_dependencies" DROP CONSTRAINT "project_dependencies_key";--> statement-breakpoint
ALTER TABLE "project_tasks" DROP CONSTRAINT "project_tasks_key";--> statement-breakpoint
ALTER TABLE "handoffs" DROP CONSTRAINT "handoffs_project_key";--> statement-breakpoint
ALTER TABLE "milestone_ratings" DROP CONSTRAINT "milestone_ratings_key";--> statement-breakpoint
ALTER TABLE "portal_access" DROP CONSTRAINT "portal_access_project_contact_key";--> statement-breakpoint
ALTER TABLE "readiness_questionnaire_versions" DROP CONSTRAINT "readiness_questionnaire_versions_version_key";--> statement-breakpoint
DROP INDEX "contacts_account_email_key";--> statement-breakpoint
DROP INDEX "project_risks_open_key";--> statement-breakpoint
DROP INDEX "readiness_assessments_open_key";--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_account_email_key" ON "contacts" USING btree ("workspace_id","account_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "project_risks_open_key" ON "project_risks" USING btree ("workspace_id","project_id","kind") WHERE "project_risks"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_assessments_open_key" ON "readiness_assessments" USING btree ("workspace_id","project_id") WHERE "readiness_assessments"."state" <> 'submitted';--> statement-breakpoint
ALTER TABLE "account_owners" ADD CONSTRAINT "account_owners_account_role_key" UNIQUE("workspace_id","account_id","role");--> statement-breakpoint
ALTER TABLE "playbook_versions" ADD CONSTRAINT "playbook_versions_version_key" UNIQUE("workspace_id","playbook_id","version");--> statement-breakpoint
ALTER TABLE "project_dependencies" ADD CONSTRAINT "project_dependencies_key" UNIQUE("workspace_id","successor_id","predecessor_id");--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_key" UNIQUE("workspace_id","project_id","key");--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_project_key" UNIQUE("workspace_id","project_id");--> statement-breakpoint
ALTER TABLE "milestone_ratings" ADD CONSTRAINT "milestone_ratings_key" UNIQUE("workspace_id","task_id","contact_id");--> statement-breakpoint
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_project_contact_key" UNIQUE("workspace_id","project_id","contact_id");--> statement-breakpoint
ALTER TABLE "readiness_questionnaire_versions" ADD CONSTRAINT "readiness_questionnaire_versions_version_key" UNIQUE("workspace_id","questionnaire_id","version");--> statement-breakpoint
-- 4. the foreign keys of step 1, as they were
ALTER TABLE "academy_feedback" ADD CONSTRAINT "academy_feedback_workspace_id_course_id_academy_courses_workspa" FOREIGN KEY (workspace_id, course_id) REFERENCES academy_courses(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "academy_lessons" ADD CONSTRAINT "academy_lessons_workspace_id_course_id_academy_courses_workspac" FOREIGN KEY (workspace_id, course_id) REFERENCES academy_courses(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "academy_scorm_files" ADD CONSTRAINT "academy_scorm_files_workspace_id_file_id_academy_files_workspac" FOREIGN KEY (workspace_id, file_id) REFERENCES academy_files(workspace_id, id);--> statement-breakpoint
ALTER TABLE "academy_lesson_progress" ADD CONSTRAINT "academy_lesson_progress_workspace_id_lesson_id_academy_lessons_" FOREIGN KEY (workspace_id, lesson_id) REFERENCES academy_lessons(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "academy_path_versions" ADD CONSTRAINT "academy_path_versions_workspace_id_path_id_academy_paths_worksp" FOREIGN KEY (workspace_id, path_id) REFERENCES academy_paths(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "academy_rules" ADD CONSTRAINT "academy_rules_workspace_id_path_id_academy_paths_workspace_id_i" FOREIGN KEY (workspace_id, path_id) REFERENCES academy_paths(workspace_id, id);--> statement-breakpoint
ALTER TABLE "academy_scorm_files" ADD CONSTRAINT "academy_scorm_files_workspace_id_package_id_academy_scorm_packa" FOREIGN KEY (workspace_id, package_id) REFERENCES academy_scorm_packages(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "academy_webinar_registrations" ADD CONSTRAINT "academy_webinar_registrations_workspace_id_webinar_id_academy_w" FOREIGN KEY (workspace_id, webinar_id) REFERENCES academy_webinars(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "account_health" ADD CONSTRAINT "account_health_workspace_id_account_id_accounts_workspace_id_id" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "account_health_history" ADD CONSTRAINT "account_health_history_workspace_id_account_id_accounts_workspa" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "account_laer_changes" ADD CONSTRAINT "account_laer_changes_workspace_id_account_id_accounts_workspace" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "account_owners" ADD CONSTRAINT "account_owners_workspace_id_account_id_accounts_workspace_id_id" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "account_products" ADD CONSTRAINT "account_products_workspace_id_account_id_accounts_workspace_id_" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "account_risks" ADD CONSTRAINT "account_risks_workspace_id_account_id_accounts_workspace_id_id_" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "maturity_changes" ADD CONSTRAINT "maturity_changes_workspace_id_account_id_accounts_workspace_id_" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "organization_onboardings" ADD CONSTRAINT "organization_onboardings_workspace_id_account_id_accounts_works" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_workspace_id_account_id_accounts_workspace_id_id_" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "usage_figures" ADD CONSTRAINT "usage_figures_workspace_id_account_id_accounts_workspace_id_id_" FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "project_cadences" ADD CONSTRAINT "project_cadences_workspace_id_cadence_id_cadences_workspace_id_" FOREIGN KEY (workspace_id, cadence_id) REFERENCES cadences(workspace_id, id);--> statement-breakpoint
ALTER TABLE "journey_events" ADD CONSTRAINT "journey_events_workspace_id_contact_journey_id_contact_journeys" FOREIGN KEY (workspace_id, contact_journey_id) REFERENCES contact_journeys(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "academy_certificates" ADD CONSTRAINT "academy_certificates_workspace_id_contact_id_contacts_workspace" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "academy_feedback" ADD CONSTRAINT "academy_feedback_workspace_id_contact_id_contacts_workspace_id_" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "academy_lesson_progress" ADD CONSTRAINT "academy_lesson_progress_workspace_id_contact_id_contacts_worksp" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "academy_statements" ADD CONSTRAINT "academy_statements_workspace_id_contact_id_contacts_workspace_i" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "academy_webinar_registrations" ADD CONSTRAINT "academy_webinar_registrations_workspace_id_contact_id_contacts_" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "account_risks" ADD CONSTRAINT "account_risks_workspace_id_contact_id_contacts_workspace_id_id_" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "account_risks" ADD CONSTRAINT "account_risks_workspace_id_successor_contact_id_contacts_worksp" FOREIGN KEY (workspace_id, successor_contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "contact_journeys" ADD CONSTRAINT "contact_journeys_workspace_id_contact_id_contacts_workspace_id_" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "contact_mail_preferences" ADD CONSTRAINT "contact_mail_preferences_workspace_id_contact_id_contacts_works" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "maturity_changes" ADD CONSTRAINT "maturity_changes_workspace_id_contact_id_contacts_workspace_id_" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "milestone_ratings" ADD CONSTRAINT "milestone_ratings_workspace_id_contact_id_contacts_workspace_id" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_workspace_id_contact_id_contacts_workspace_id_id_" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_workspace_id_contact_id_contacts_workspace_id_id_f" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_workspace_id_contact_id_contacts_workspace_id_i" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_workspace_id_assignee_contact_id_contacts_workspa" FOREIGN KEY (workspace_id, assignee_contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "readiness_assessments" ADD CONSTRAINT "readiness_assessments_workspace_id_sent_to_contact_id_contacts_" FOREIGN KEY (workspace_id, sent_to_contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "success_metrics" ADD CONSTRAINT "success_metrics_workspace_id_owner_contact_id_contacts_workspac" FOREIGN KEY (workspace_id, owner_contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "success_outcomes" ADD CONSTRAINT "success_outcomes_workspace_id_verified_by_contact_id_contacts_w" FOREIGN KEY (workspace_id, verified_by_contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "success_plans" ADD CONSTRAINT "success_plans_workspace_id_executive_sponsor_contact_id_contact" FOREIGN KEY (workspace_id, executive_sponsor_contact_id) REFERENCES contacts(workspace_id, id);--> statement-breakpoint
ALTER TABLE "touchpoint_ratings" ADD CONSTRAINT "touchpoint_ratings_workspace_id_contact_id_contacts_workspace_i" FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "escalation_actions" ADD CONSTRAINT "escalation_actions_workspace_id_episode_id_escalation_episodes_" FOREIGN KEY (workspace_id, episode_id) REFERENCES escalation_episodes(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "contact_journeys" ADD CONSTRAINT "contact_journeys_workspace_id_journey_id_journeys_workspace_id_" FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys(workspace_id, id);--> statement-breakpoint
ALTER TABLE "account_owners" ADD CONSTRAINT "account_owners_workspace_id_member_id_members_workspace_id_id_f" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_workspace_id_created_by_members_workspace_id_id_fk" FOREIGN KEY (workspace_id, created_by) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "assignment_settings" ADD CONSTRAINT "assignment_settings_workspace_id_team_lead_id_members_workspace" FOREIGN KEY (workspace_id, team_lead_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_workspace_id_member_id_members_workspace_id_id" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_workspace_id_invited_by_members_workspace_id_id_fk" FOREIGN KEY (workspace_id, invited_by) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "member_settings" ADD CONSTRAINT "member_settings_workspace_id_member_id_members_workspace_id_id_" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "member_time_off" ADD CONSTRAINT "member_time_off_workspace_id_member_id_members_workspace_id_id_" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "my_work_dismissals" ADD CONSTRAINT "my_work_dismissals_workspace_id_member_id_members_workspace_id_" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_workspace_id_member_id_members_workspace_id" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_workspace_id_assignee_member_id_members_workspace" FOREIGN KEY (workspace_id, assignee_member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "project_views" ADD CONSTRAINT "project_views_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_workspace_id_onboarding_manager_id_members_workspace_i" FOREIGN KEY (workspace_id, onboarding_manager_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "scim_group_members" ADD CONSTRAINT "scim_group_members_workspace_id_member_id_members_workspace_id_" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_workspace_id_created_by_members_workspace_id_id_fk" FOREIGN KEY (workspace_id, created_by) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "scim_users" ADD CONSTRAINT "scim_users_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "success_metrics" ADD CONSTRAINT "success_metrics_workspace_id_owner_member_id_members_workspace_" FOREIGN KEY (workspace_id, owner_member_id) REFERENCES members(workspace_id, id);--> statement-breakpoint
ALTER TABLE "account_products" ADD CONSTRAINT "account_products_workspace_id_organization_id_organizations_wor" FOREIGN KEY (workspace_id, organization_id) REFERENCES organizations(workspace_id, id);--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_organization_id_organizations_workspace_i" FOREIGN KEY (workspace_id, organization_id) REFERENCES organizations(workspace_id, id);--> statement-breakpoint
ALTER TABLE "organization_onboardings" ADD CONSTRAINT "organization_onboardings_workspace_id_organization_id_organizat" FOREIGN KEY (workspace_id, organization_id) REFERENCES organizations(workspace_id, id);--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_workspace_id_organization_id_organizations_workspace_i" FOREIGN KEY (workspace_id, organization_id) REFERENCES organizations(workspace_id, id);--> statement-breakpoint
ALTER TABLE "playbook_versions" ADD CONSTRAINT "playbook_versions_workspace_id_playbook_id_playbooks_workspace_" FOREIGN KEY (workspace_id, playbook_id) REFERENCES playbooks(workspace_id, id);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_playbook_id_playbooks_workspace_id_id_fk" FOREIGN KEY (workspace_id, playbook_id) REFERENCES playbooks(workspace_id, id);--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_workspace_id_playbook_id_playbooks_workspace_id_id_fk" FOREIGN KEY (workspace_id, playbook_id) REFERENCES playbooks(workspace_id, id);--> statement-breakpoint
ALTER TABLE "touchpoint_weights" ADD CONSTRAINT "touchpoint_weights_workspace_id_playbook_id_playbooks_workspace" FOREIGN KEY (workspace_id, playbook_id) REFERENCES playbooks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "account_products" ADD CONSTRAINT "account_products_workspace_id_product_id_products_workspace_id_" FOREIGN KEY (workspace_id, product_id) REFERENCES products(workspace_id, id);--> statement-breakpoint
ALTER TABLE "maturity_changes" ADD CONSTRAINT "maturity_changes_workspace_id_product_id_products_workspace_id_" FOREIGN KEY (workspace_id, product_id) REFERENCES products(workspace_id, id);--> statement-breakpoint
ALTER TABLE "milestone_ratings" ADD CONSTRAINT "milestone_ratings_workspace_id_task_id_project_tasks_workspace_" FOREIGN KEY (workspace_id, task_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "milestone_slips" ADD CONSTRAINT "milestone_slips_workspace_id_cause_task_id_project_tasks_worksp" FOREIGN KEY (workspace_id, cause_task_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "milestone_slips" ADD CONSTRAINT "milestone_slips_workspace_id_milestone_task_id_project_tasks_wo" FOREIGN KEY (workspace_id, milestone_task_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_dependencies" ADD CONSTRAINT "project_dependencies_workspace_id_predecessor_id_project_tasks_" FOREIGN KEY (workspace_id, predecessor_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_dependencies" ADD CONSTRAINT "project_dependencies_workspace_id_successor_id_project_tasks_wo" FOREIGN KEY (workspace_id, successor_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "sign_off_requests" ADD CONSTRAINT "sign_off_requests_workspace_id_task_id_project_tasks_workspace_" FOREIGN KEY (workspace_id, task_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "task_approvals" ADD CONSTRAINT "task_approvals_workspace_id_task_id_project_tasks_workspace_id_" FOREIGN KEY (workspace_id, task_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_workspace_id_task_id_project_tasks_workspace_id_i" FOREIGN KEY (workspace_id, task_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_workspace_id_task_id_project_tasks_workspace_id_id_f" FOREIGN KEY (workspace_id, task_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "touchpoint_ratings" ADD CONSTRAINT "touchpoint_ratings_workspace_id_task_id_project_tasks_workspace" FOREIGN KEY (workspace_id, task_id) REFERENCES project_tasks(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "account_products" ADD CONSTRAINT "account_products_workspace_id_project_id_projects_workspace_id_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id);--> statement-breakpoint
ALTER TABLE "cadence_events" ADD CONSTRAINT "cadence_events_workspace_id_project_id_projects_workspace_id_id" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "delay_events" ADD CONSTRAINT "delay_events_workspace_id_project_id_projects_workspace_id_id_f" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "escalation_actions" ADD CONSTRAINT "escalation_actions_workspace_id_project_id_projects_workspace_i" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "escalation_episodes" ADD CONSTRAINT "escalation_episodes_workspace_id_project_id_projects_workspace_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "handoff_questions" ADD CONSTRAINT "handoff_questions_workspace_id_project_id_projects_workspace_id" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_workspace_id_project_id_projects_workspace_id_id_fk" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "milestone_slips" ADD CONSTRAINT "milestone_slips_workspace_id_project_id_projects_workspace_id_i" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "organization_onboardings" ADD CONSTRAINT "organization_onboardings_workspace_id_project_id_projects_works" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id);--> statement-breakpoint
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_workspace_id_project_id_projects_workspace_id_id_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_assignments" ADD CONSTRAINT "project_assignments_workspace_id_project_id_projects_workspace_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_cadences" ADD CONSTRAINT "project_cadences_workspace_id_project_id_projects_workspace_id_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_events" ADD CONSTRAINT "project_events_workspace_id_project_id_projects_workspace_id_id" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_risks" ADD CONSTRAINT "project_risks_workspace_id_project_id_projects_workspace_id_id_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_workspace_id_project_id_projects_workspace_id_id_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "project_views" ADD CONSTRAINT "project_views_workspace_id_project_id_projects_workspace_id_id_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "readiness_assessments" ADD CONSTRAINT "readiness_assessments_workspace_id_project_id_projects_workspac" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "readiness_gate_overrides" ADD CONSTRAINT "readiness_gate_overrides_workspace_id_project_id_projects_works" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "success_metrics" ADD CONSTRAINT "success_metrics_workspace_id_project_id_projects_workspace_id_i" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "success_outcomes" ADD CONSTRAINT "success_outcomes_workspace_id_project_id_projects_workspace_id_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "success_plans" ADD CONSTRAINT "success_plans_workspace_id_project_id_projects_workspace_id_id_" FOREIGN KEY (workspace_id, project_id) REFERENCES projects(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "readiness_assessments" ADD CONSTRAINT "readiness_assessments_workspace_id_questionnaire_version_id_rea" FOREIGN KEY (workspace_id, questionnaire_version_id) REFERENCES readiness_questionnaire_versions(workspace_id, id);--> statement-breakpoint
ALTER TABLE "readiness_questionnaire_versions" ADD CONSTRAINT "readiness_questionnaire_versions_workspace_id_questionnaire_id_" FOREIGN KEY (workspace_id, questionnaire_id) REFERENCES readiness_questionnaires(workspace_id, id);--> statement-breakpoint
ALTER TABLE "metric_actuals" ADD CONSTRAINT "metric_actuals_workspace_id_metric_id_success_metrics_workspace" FOREIGN KEY (workspace_id, metric_id) REFERENCES success_metrics(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "success_metrics" ADD CONSTRAINT "success_metrics_workspace_id_outcome_id_success_outcomes_worksp" FOREIGN KEY (workspace_id, outcome_id) REFERENCES success_outcomes(workspace_id, id) ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_workspace_id_comment_id_task_comments_workspac" FOREIGN KEY (workspace_id, comment_id) REFERENCES task_comments(workspace_id, id) ON DELETE CASCADE;
