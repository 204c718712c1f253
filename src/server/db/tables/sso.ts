import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { workspaces } from './workspaces.ts';

/** One group → role rule of a workspace's single sign-on: members in `group` get `role` (first match wins). */
export interface StoredRoleMapping {
  group: string;
  role: string;
}

/** A workspace's single sign-on connection (OIDC or SAML 2.0): at most one per workspace. */
export const ssoConnections = pgTable('sso_connections', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  protocol: text('protocol').notNull(),
  enabled: boolean('enabled').notNull().default(false),
  /** What the sign-in button says: "Sign in with <displayName>". */
  displayName: text('display_name').notNull(),
  /** A short name that finds the workspace on the sign-in page (/sign-in?workspace=<slug>); null: by email domain only. */
  slug: text('slug'),
  oidcIssuer: text('oidc_issuer'),
  /** Sealed (security/sealed.ts), as the client secret is. */
  oidcClientIdSealed: text('oidc_client_id_sealed'),
  oidcClientSecretSealed: text('oidc_client_secret_sealed'),
  samlIdpEntityId: text('saml_idp_entity_id'),
  samlIdpSsoUrl: text('saml_idp_sso_url'),
  /** The identity provider's signing certificate (PEM); responses must carry assertions signed by it. */
  samlIdpCertificate: text('saml_idp_certificate'),
  /** Email domains whose people may sign in, and be provisioned on first sign-in (lower case, no @). */
  allowedDomains: text('allowed_domains').array().notNull().default(sql`'{}'::text[]`),
  jitProvisioning: boolean('jit_provisioning').notNull().default(true),
  defaultRole: text('default_role').notNull().default('csm'),
  /** The claim (OIDC) or attribute (SAML) that lists the person's groups. */
  groupsClaim: text('groups_claim').notNull().default('groups'),
  roleMappings: jsonb('role_mappings').$type<StoredRoleMapping[]>().notNull().default([]),
  /** false: only admins may still sign in with a password (the way back in when the identity provider fails). */
  passwordSignIn: boolean('password_sign_in').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * How the sign-in page finds a workspace before anyone is signed in: an email domain (has a dot) or a slug (has
 * none), each naming one workspace. A small reference table, looked up without a workspace, as session tokens are.
 */
export const ssoSignInNames = pgTable('sso_sign_in_names', {
  name: text('name').primaryKey(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id),
});

/**
 * A sign-in started at the identity provider and not finished yet: the OIDC state (hashed) with its nonce and PKCE
 * verifier, or the SAML AuthnRequest ID a response must answer. In the database, so any process can finish it.
 */
export const ssoRequests = pgTable(
  'sso_requests',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** sha256 of the OIDC state, or the SAML request ID. */
    key: text('key').notNull(),
    protocol: text('protocol').notNull(),
    nonce: text('nonce'),
    codeVerifier: text('code_verifier'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] }), index('sso_requests_expiry_idx').on(t.workspaceId, t.expiresAt)],
);

/** SAML assertions already used, kept until they expire, so none signs anyone in twice (on any process). */
export const ssoAssertions = pgTable(
  'sso_assertions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    assertionId: text('assertion_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.assertionId] }), index('sso_assertions_expiry_idx').on(t.workspaceId, t.expiresAt)],
);
