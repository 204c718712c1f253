// A workspace's single sign-on settings, and how the sign-in page finds a workspace's identity provider.
import { X509Certificate } from 'node:crypto';
import type { MemberRole } from '../../../core/people.ts';
import { emailDomain } from '../../../core/sso/sso.ts';
import type { SsoSettings, SsoSettingsInput, SsoTestResult } from '../../../contract/sso.ts';
import { inTransaction, type Ctx, type Services } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { keyRing, seal, unseal } from '../../security/sealed.ts';
import { discoverIssuer } from './oidc.ts';
import * as repo from './sso.repo.ts';

export const ssoBase = (services: Services, workspaceId: string) => `${services.config.publicUrl}/api/v1/sso/${workspaceId}`;

export function serviceProviderInfo(services: Services, workspaceId: string) {
  const base = ssoBase(services, workspaceId);
  return {
    oidcRedirectUri: `${base}/oidc/callback`,
    samlEntityId: `${base}/saml/metadata`,
    samlAcsUrl: `${base}/saml/acs`,
    samlMetadataUrl: `${base}/saml/metadata`,
  };
}

/** A connection with its secrets opened, for the sign-in flows. */
export type OpenConnection = repo.SsoConnectionRow & { oidcClientId: string | null; oidcClientSecret: string | null };

export function openConnection(services: Services, row: repo.SsoConnectionRow): OpenConnection {
  const keys = keyRing(services.config);
  return {
    ...row,
    oidcClientId: row.oidcClientIdSealed && unseal(keys, row.oidcClientIdSealed),
    oidcClientSecret: row.oidcClientSecretSealed && unseal(keys, row.oidcClientSecretSealed),
  };
}

/** The workspace's enabled connection with its workspace's name, or a 404 that says there is no single sign-on. */
export async function enabledConnection(services: Services, workspaceId: string) {
  const found = await repo.findConnectionWithWorkspace(services.database.db, workspaceId);
  if (!found || !found.connection.enabled) throw notFound('single sign-on for this workspace');
  return { connection: openConnection(services, found.connection), workspaceName: found.workspaceName };
}

const DEFAULTS: Omit<SsoSettings, 'serviceProvider'> = {
  configured: false,
  protocol: 'oidc',
  enabled: false,
  displayName: 'your identity provider',
  slug: null,
  oidcIssuer: null,
  oidcClientId: null,
  hasClientSecret: false,
  samlIdpEntityId: null,
  samlIdpSsoUrl: null,
  samlIdpCertificate: null,
  allowedDomains: [],
  jitProvisioning: true,
  defaultRole: 'csm',
  groupsClaim: 'groups',
  roleMappings: [],
  passwordSignIn: true,
};

export async function getSsoSettings(ctx: Ctx): Promise<SsoSettings> {
  const row = await repo.findConnection(ctx.db, ctx.workspaceId);
  const serviceProvider = serviceProviderInfo(ctx.services, ctx.workspaceId);
  if (!row) return { ...DEFAULTS, serviceProvider };
  const open = openConnection(ctx.services, row);
  return {
    configured: true,
    protocol: row.protocol as SsoSettings['protocol'],
    enabled: row.enabled,
    displayName: row.displayName,
    slug: row.slug,
    oidcIssuer: row.oidcIssuer,
    oidcClientId: open.oidcClientId,
    hasClientSecret: Boolean(row.oidcClientSecretSealed),
    samlIdpEntityId: row.samlIdpEntityId,
    samlIdpSsoUrl: row.samlIdpSsoUrl,
    samlIdpCertificate: row.samlIdpCertificate,
    allowedDomains: row.allowedDomains,
    jitProvisioning: row.jitProvisioning,
    defaultRole: row.defaultRole as MemberRole,
    groupsClaim: row.groupsClaim,
    roleMappings: row.roleMappings.map((rule) => ({ group: rule.group, role: rule.role as MemberRole })),
    passwordSignIn: row.passwordSignIn,
    serviceProvider,
  };
}

/** The certificate as PEM, or a 400 that says it is not one. */
export function certificatePem(text: string, path: (string | number)[] = ['body', 'samlIdpCertificate']): string {
  const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  const pem = `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
  } catch {
    throw invalid('is not an X.509 certificate: paste the identity provider’s signing certificate (PEM)', { path });
  }
  return pem;
}

export async function saveSsoSettings(ctx: Ctx, input: SsoSettingsInput): Promise<SsoSettings> {
  const required = (value: unknown, field: keyof SsoSettingsInput, what: string) => {
    if (value === null || value === undefined) throw invalid(`is required for ${what}`, { path: ['body', field] });
  };
  const keys = keyRing(ctx.services.config);
  await inTransaction(ctx, async (tx) => {
    const current = await repo.findConnection(tx.db, tx.workspaceId);
    let samlIdpCertificate = input.samlIdpCertificate;
    if (input.protocol === 'oidc') {
      required(input.oidcIssuer, 'oidcIssuer', 'OpenID Connect');
      required(input.oidcClientId, 'oidcClientId', 'OpenID Connect');
      if (!input.oidcClientSecret && !current?.oidcClientSecretSealed) required(undefined, 'oidcClientSecret', 'OpenID Connect');
    } else {
      required(input.samlIdpSsoUrl, 'samlIdpSsoUrl', 'SAML');
      required(input.samlIdpCertificate, 'samlIdpCertificate', 'SAML');
    }
    if (samlIdpCertificate) samlIdpCertificate = certificatePem(samlIdpCertificate);
    if (input.enabled && input.allowedDomains.length === 0 && input.jitProvisioning) {
      throw invalid('list at least one email domain whose people may be provisioned on first sign-in', { path: ['body', 'allowedDomains'] });
    }
    if (!input.passwordSignIn && !input.enabled) {
      throw invalid('can be turned off only while single sign-on is on: otherwise no one but admins could sign in', { path: ['body', 'passwordSignIn'] });
    }
    await repo.saveConnection(tx.db, tx.workspaceId, {
      protocol: input.protocol,
      enabled: input.enabled,
      displayName: input.displayName,
      slug: input.slug,
      oidcIssuer: input.oidcIssuer,
      oidcClientIdSealed: input.oidcClientId && seal(keys, input.oidcClientId),
      oidcClientSecretSealed: input.oidcClientSecret ? seal(keys, input.oidcClientSecret) : (current?.oidcClientSecretSealed ?? null),
      samlIdpEntityId: input.samlIdpEntityId,
      samlIdpSsoUrl: input.samlIdpSsoUrl,
      samlIdpCertificate,
      allowedDomains: [...new Set(input.allowedDomains)],
      jitProvisioning: input.jitProvisioning,
      defaultRole: input.defaultRole,
      groupsClaim: input.groupsClaim,
      roleMappings: input.roleMappings,
      passwordSignIn: input.passwordSignIn,
      updatedAt: tx.services.now(),
    });
    const names = [...new Set([...input.allowedDomains, ...(input.slug ? [input.slug] : [])])];
    const taken = await repo.replaceSignInNames(tx.db, tx.workspaceId, names);
    if (taken.length > 0) {
      const isSlug = !taken[0]!.includes('.');
      throw conflict(`${taken[0]} is already used by another Landfall workspace`, { path: ['body', isSlug ? 'slug' : 'allowedDomains'] });
    }
  });
  return getSsoSettings(ctx);
}

/** Checks the saved connection without signing anyone in: the issuer answers discovery, or the certificate reads. */
export async function testSsoConnection(ctx: Ctx): Promise<SsoTestResult> {
  const row = await repo.findConnection(ctx.db, ctx.workspaceId);
  if (!row) throw notFound('single sign-on connection (save one first)');
  const connection = openConnection(ctx.services, row);
  if (connection.protocol === 'oidc') {
    try {
      const found = await discoverIssuer(connection);
      const server = found.serverMetadata();
      return { ok: true, message: `${server.issuer} answered: sign-in at ${server.authorization_endpoint}.` };
    } catch (error) {
      return { ok: false, message: `The issuer did not answer as an OpenID provider: ${(error as Error).message}` };
    }
  }
  const certificate = new X509Certificate(connection.samlIdpCertificate!);
  const validTo = new Date(certificate.validTo);
  if (validTo <= ctx.services.now()) return { ok: false, message: `The identity provider’s certificate expired on ${validTo.toISOString().slice(0, 10)}.` };
  return { ok: true, message: `Certificate for ${certificate.subject.replace(/\n/g, ', ')}, valid until ${validTo.toISOString().slice(0, 10)}.` };
}

/** The identity provider the sign-in page offers for an email (its member's workspace, or its domain) or a slug. */
export async function discoverProvider(services: Services, query: { email?: string; workspace?: string }) {
  const db = services.database.db;
  const name = query.workspace?.toLowerCase() ?? (query.email ? emailDomain(query.email) : undefined);
  const workspaceId = name ? await repo.workspaceOfName(db, name) : undefined;
  const found = workspaceId ? await repo.findConnectionWithWorkspace(db, workspaceId) : undefined;
  if (!found || !found.connection.enabled) return { provider: null };
  return {
    provider: {
      workspaceId: found.connection.workspaceId,
      workspaceName: found.workspaceName,
      displayName: found.connection.displayName,
      protocol: found.connection.protocol as SsoSettings['protocol'],
      startUrl: `/api/v1/sso/${found.connection.workspaceId}/start`,
      passwordSignIn: found.connection.passwordSignIn,
    },
  };
}

/**
 * Whether a member may sign in with their password: always, unless their workspace turned it off for single
 * sign-on; admins keep it even then, so a broken identity provider never locks the workspace out.
 */
export async function passwordSignInRefusal(ctx: Ctx, member: { role: string }) {
  if (member.role === 'admin') return;
  const row = await repo.findConnection(ctx.db, ctx.workspaceId);
  if (!row || row.passwordSignIn || !row.enabled) return;
  throw forbidden(`Your workspace signs in with ${row.displayName}: use “Sign in with ${row.displayName}”.`);
}
