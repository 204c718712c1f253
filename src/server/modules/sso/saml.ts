// SAML 2.0 sign-in (@node-saml/node-saml) as a service provider per workspace: its own entity ID and ACS URL, the
// identity provider's certificate, signed assertions only, the audience and InResponseTo checked, and each assertion
// remembered until it expires so it signs no one in twice.
import { SAML, ValidateInResponseTo, type CacheProvider, type Profile } from '@node-saml/node-saml';
import { groupsFrom } from '../../../core/sso/sso.ts';
import type { Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { conflict, unauthenticated } from '../../http/errors.ts';
import type { Identity } from './sso-sign-in.service.ts';
import { serviceProviderInfo, type OpenConnection } from './sso.service.ts';
import * as repo from './sso.repo.ts';

const SIGN_IN_LIFETIME_MS = 10 * 60_000;
/** How long an assertion with no expiry of its own is remembered. */
const ASSERTION_KEPT_MS = 24 * 3600_000;

/** node-saml's store of the AuthnRequest IDs it sent, kept in the database under the workspace. */
function requestStore(services: Services, workspaceId: string): CacheProvider {
  const db = services.database.db;
  return {
    saveAsync: async (key, value) => {
      const createdAt = new Date(value);
      await repo.insertRequest(db, workspaceId, { key, protocol: 'saml', createdAt, expiresAt: new Date(createdAt.getTime() + SIGN_IN_LIFETIME_MS) });
      return { value, createdAt: createdAt.getTime() };
    },
    // Read twice per response (the Response's InResponseTo, then the subject's); removed once validated. Two
    // processes reading it at the same moment are kept apart by the assertion record (rememberAssertion).
    getAsync: async (key) => {
      const row = await repo.findRequest(db, workspaceId, key, 'saml');
      return row ? row.createdAt.toISOString() : null;
    },
    removeAsync: async (key) => {
      if (key) await repo.takeRequest(db, workspaceId, key, 'saml');
      return key;
    },
  };
}

export function samlFor(services: Services, connection: OpenConnection) {
  const sp = serviceProviderInfo(services, connection.workspaceId);
  return new SAML({
    issuer: sp.samlEntityId,
    callbackUrl: sp.samlAcsUrl,
    audience: sp.samlEntityId,
    entryPoint: connection.samlIdpSsoUrl ?? undefined,
    idpCert: connection.samlIdpCertificate ?? 'none configured',
    idpIssuer: connection.samlIdpEntityId ?? undefined,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: SIGN_IN_LIFETIME_MS,
    acceptedClockSkewMs: 60_000,
    cacheProvider: requestStore(services, connection.workspaceId),
    identifierFormat: null,
    disableRequestedAuthnContext: true,
  });
}

export function serviceProviderMetadata(services: Services, connection: OpenConnection) {
  return samlFor(services, connection).generateServiceProviderMetadata(null, null);
}

export function startSamlSignIn(services: Services, connection: OpenConnection) {
  return samlFor(services, connection).getAuthorizeUrlAsync('', undefined, {});
}

/** node-saml's reasons, in words an admin can act on. */
function refusal(connection: OpenConnection, error: Error) {
  const reason = error.message;
  const said = (words: string) => unauthenticated(`The sign-in response from ${connection.displayName} was refused: ${words}`);
  if (/signature/i.test(reason)) return said(`it is not signed by the identity provider’s certificate configured for this workspace (${reason}).`);
  if (/InResponseTo/i.test(reason)) return said('it does not answer a sign-in started here, or was already used. Start again from the sign-in page.');
  if (/audience/i.test(reason)) return said('it is meant for another service provider, not this workspace.');
  if (/expired|NotBefore|NotOnOrAfter/i.test(reason)) return said('it has expired (or is not valid yet). Start again from the sign-in page.');
  if (/issuer/i.test(reason)) return said('it comes from another identity provider than the one configured.');
  return said(reason);
}

type ParsedAssertion = { Assertion?: { $?: { ID?: string }; Conditions?: { $?: { NotOnOrAfter?: string } }[] } };

/** The assertion's ID and when it stops being valid (then it no longer needs remembering). */
function assertionKey(profile: Profile, now: Date) {
  const assertion = (profile.getAssertion?.() as ParsedAssertion | undefined)?.Assertion;
  const id = assertion?.$?.ID;
  const notOnOrAfter = assertion?.Conditions?.[0]?.$?.NotOnOrAfter;
  const expiresAt = notOnOrAfter ? new Date(notOnOrAfter) : new Date(now.getTime() + ASSERTION_KEPT_MS);
  return { id, expiresAt: Number.isNaN(expiresAt.getTime()) ? new Date(now.getTime() + ASSERTION_KEPT_MS) : expiresAt };
}

/**
 * The identity in a posted SAML response, and the write that remembers its assertion (to run in the sign-in's
 * transaction, so a refused sign-in does not use the assertion up and an accepted one cannot be replayed).
 */
export async function readSamlResponse(services: Services, connection: OpenConnection, body: { SAMLResponse: string; RelayState?: string }) {
  let profile: Profile | null;
  try {
    ({ profile } = await samlFor(services, connection).validatePostResponseAsync({ SAMLResponse: body.SAMLResponse, RelayState: body.RelayState ?? '' }));
  } catch (error) {
    throw refusal(connection, error as Error);
  }
  if (!profile) throw unauthenticated('The identity provider sent a sign-out, not a sign-in.');
  const { id, expiresAt } = assertionKey(profile, services.now());
  if (!id) throw unauthenticated(`The sign-in response from ${connection.displayName} was refused: its assertion has no ID.`);
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const email = text(profile.email) ?? text(profile.mail) ?? (profile.nameID?.includes('@') ? profile.nameID : undefined);
  const name =
    text(attributes.displayName) ??
    text(attributes.name) ??
    ([text(attributes.givenName) ?? text(attributes.firstName), text(attributes.surname) ?? text(attributes.lastName)].filter(Boolean).join(' ') || undefined);
  const identity: Identity = { email, name, groups: groupsFrom(attributes[connection.groupsClaim]) };
  const rememberAssertion = async (db: Db) => {
    if (!(await repo.rememberAssertion(db, connection.workspaceId, id, expiresAt, services.now()))) {
      throw conflict(`This sign-in response from ${connection.displayName} was already used: start again from the sign-in page.`);
    }
  };
  return { identity, rememberAssertion };
}
