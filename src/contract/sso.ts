import { z } from 'zod';
import { MemberRole } from './members.ts';

// Single sign-on for members (OIDC or SAML 2.0), per workspace.

export const SSO_PROTOCOLS = ['oidc', 'saml'] as const;
export const SsoProtocol = z.enum(SSO_PROTOCOLS);

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'must be an email domain such as acme.com (no @)' });
const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'must be 2–40 letters, digits or dashes, such as acme' });
const HttpUrl = z.url({ protocol: /^https?$/, message: 'must be a web address starting with https://' }).max(2000);
const Text = (max: number) => z.string().trim().min(1, { message: 'is required' }).max(max);

export const RoleMappingRule = z.object({ group: Text(200), role: MemberRole });

export const SsoSettingsInput = z.object({
  protocol: SsoProtocol,
  /** Off: the connection is kept but no one can sign in with it. */
  enabled: z.boolean(),
  displayName: Text(60),
  slug: Slug.nullable(),
  oidcIssuer: HttpUrl.nullable(),
  oidcClientId: Text(500).nullable(),
  /** Omit to keep the stored secret; it is never sent back. */
  oidcClientSecret: Text(2000).optional(),
  samlIdpEntityId: Text(1000).nullable(),
  samlIdpSsoUrl: HttpUrl.nullable(),
  /** The identity provider's signing certificate, PEM or bare base64. */
  samlIdpCertificate: z.string().trim().min(1, { message: 'is required' }).max(20_000).nullable(),
  allowedDomains: z.array(Domain).max(50),
  jitProvisioning: z.boolean(),
  defaultRole: MemberRole,
  groupsClaim: Text(200),
  roleMappings: z.array(RoleMappingRule).max(100),
  /** false: only admins may still sign in with their password (the way back in if the identity provider fails). */
  passwordSignIn: z.boolean(),
});
export type SsoSettingsInput = z.infer<typeof SsoSettingsInput>;

/** What to give the identity provider about Landfall (the service provider) for this workspace. */
export const ServiceProviderInfo = z.object({
  oidcRedirectUri: z.string(),
  samlEntityId: z.string(),
  samlAcsUrl: z.string(),
  samlMetadataUrl: z.string(),
});

export const SsoSettings = SsoSettingsInput.omit({ oidcClientSecret: true }).extend({
  /** false until an admin saves a connection; the rest are then the defaults. */
  configured: z.boolean(),
  hasClientSecret: z.boolean(),
  serviceProvider: ServiceProviderInfo,
});
export type SsoSettings = z.infer<typeof SsoSettings>;

export const SsoTestResult = z.object({ ok: z.boolean(), message: z.string() });
export type SsoTestResult = z.infer<typeof SsoTestResult>;

export const SsoDiscoveryQuery = z
  .object({
    email: z.string().trim().max(254).optional(),
    workspace: z.string().trim().max(40).optional(),
  })
  .refine((query) => query.email || query.workspace, { message: 'send email or workspace' });

export const SsoProvider = z.object({
  workspaceId: z.uuid(),
  workspaceName: z.string(),
  displayName: z.string(),
  protocol: SsoProtocol,
  /** Open this in the browser to sign in (a redirect to the identity provider). */
  startUrl: z.string(),
  /** false: this workspace's members sign in only through the provider (admins keep their password). */
  passwordSignIn: z.boolean(),
});
export const SsoDiscovery = z.object({ provider: SsoProvider.nullable() });
export type SsoDiscovery = z.infer<typeof SsoDiscovery>;

export const OidcCallbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(200).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

export const SamlPostInput = z.object({
  SAMLResponse: z.string().min(1, { message: 'is required' }).max(1_000_000),
  RelayState: z.string().max(2000).optional(),
});
