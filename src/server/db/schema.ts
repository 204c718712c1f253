// The database's tables, one file per domain under tables/ (named as the server's modules are). Repositories join
// across domains, so the tables live here rather than inside each module; everything imports them from this file,
// as does drizzle.config.ts.
//
// Every table carries workspace_id; child rows reference their parent through (workspace_id, id)
// so a row can never point into another workspace.

export * from './tables/workspaces.ts';
export * from './tables/members.ts';
export * from './tables/auth.ts';
export * from './tables/api-tokens.ts';
export * from './tables/accounts.ts';
export * from './tables/data-versions.ts';
export * from './tables/organizations.ts';
export * from './tables/contacts.ts';
export * from './tables/mail.ts';
export * from './tables/playbooks.ts';
export * from './tables/projects.ts';
export * from './tables/intake.ts';
export * from './tables/handoffs.ts';
export * from './tables/cadences.ts';
export * from './tables/portal.ts';
export * from './tables/success-plans.ts';
export * from './tables/escalation.ts';
export * from './tables/readiness.ts';
export * from './tables/jobs.ts';
export * from './tables/assignment.ts';
export * from './tables/academy.ts';
export * from './tables/people.ts';
export * from './tables/journeys.ts';
export * from './tables/products.ts';
export * from './tables/imports.ts';
export * from './tables/insight.ts';
export * from './tables/health.ts';
export * from './tables/webhooks.ts';
export * from './tables/audit.ts';
export * from './tables/sso.ts';
export * from './tables/scim.ts';
export * from './tables/integrations.ts';
export * from './tables/capacity.ts';
export * from './tables/my-work.ts';
export * from './tables/token-lookups.ts';
