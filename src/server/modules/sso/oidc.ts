// OpenID Connect sign-in (openid-client): authorization code with PKCE, state bound to the browser by a cookie and
// kept (hashed) with its nonce and code verifier in the database, so any process can finish the sign-in.
import * as client from 'openid-client';
import type { Services } from '../../context.ts';
import { unauthenticated } from '../../http/errors.ts';
import { hashToken } from '../../security/secrets.ts';
import { groupsFrom } from '../../../core/sso/sso.ts';
import type { Identity } from './sso-sign-in.service.ts';
import * as repo from './sso.repo.ts';

const SIGN_IN_LIFETIME_MS = 10 * 60_000;
const DISCOVERY_KEPT_MS = 5 * 60_000;
export const OIDC_STATE_COOKIE = 'lf_sso_state';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

// Discovery answers are kept a few minutes per issuer and client: a cache any process can rebuild, not shared state.
const discovered = new Map<string, { config: client.Configuration; at: number }>();

/** The issuer's metadata and this workspace's client; plain http is allowed only for an issuer on this machine. */
export async function discoverIssuer(connection: { oidcIssuer: string | null; oidcClientId: string | null; oidcClientSecret: string | null }) {
  const issuer = new URL(connection.oidcIssuer!);
  const key = `${issuer.href} ${connection.oidcClientId} ${hashToken(connection.oidcClientSecret ?? '')}`;
  const known = discovered.get(key);
  if (known && Date.now() - known.at < DISCOVERY_KEPT_MS) return known.config;
  const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  const config = await client.discovery(issuer, connection.oidcClientId!, connection.oidcClientSecret ?? undefined, undefined, {
    ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    timeout: 10,
  });
  discovered.set(key, { config, at: Date.now() });
  return config;
}

type OidcConnection = Parameters<typeof discoverIssuer>[0] & { workspaceId: string; displayName: string; groupsClaim: string };

const providerFailed = (connection: OidcConnection, error: unknown) =>
  unauthenticated(`${connection.displayName} could not be reached or answered unexpectedly: ${(error as Error).message}`);

/** Where to send the browser, and the state to keep in its cookie until it comes back. */
export async function startOidcSignIn(services: Services, connection: OidcConnection, redirectUri: string, loginHint?: string) {
  let config: client.Configuration;
  try {
    config = await discoverIssuer(connection);
  } catch (error) {
    throw providerFailed(connection, error);
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = services.now();
  await repo.insertRequest(services.database.db, connection.workspaceId, {
    key: hashToken(state),
    protocol: 'oidc',
    nonce,
    codeVerifier,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SIGN_IN_LIFETIME_MS),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { url: url.href, state };
}

/**
 * The identity behind the code the provider sent back: the state must be the one this browser's cookie holds and
 * still pending (it is used up here), the code is exchanged with its PKCE verifier, the ID token checked (issuer,
 * audience, nonce, signature), and the user info read for what the ID token leaves out (email, name, groups).
 */
export async function finishOidcSignIn(
  services: Services,
  connection: OidcConnection,
  callbackUrl: URL,
  cookieState: string | undefined,
): Promise<Identity> {
  const query = callbackUrl.searchParams;
  const providerError = query.get('error');
  if (providerError) throw unauthenticated(`${connection.displayName} did not sign you in: ${query.get('error_description') ?? providerError}.`);
  const state = query.get('state');
  if (!state || !cookieState || state !== cookieState) {
    throw unauthenticated('This sign-in was not started in this browser (or it was already used): start again from the sign-in page.');
  }
  const pending = await repo.takeRequest(services.database.db, connection.workspaceId, hashToken(state), 'oidc');
  if (!pending || pending.expiresAt <= services.now()) {
    throw unauthenticated('This sign-in has expired or was already used: start again from the sign-in page.');
  }
  let claims: Record<string, unknown>;
  try {
    const config = await discoverIssuer(connection);
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier!,
      expectedState: state,
      expectedNonce: pending.nonce!,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const userInfo = tokens.access_token ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
    claims = { ...idClaims, ...userInfo };
  } catch (error) {
    throw unauthenticated(`${connection.displayName}'s answer could not be verified: ${(error as Error).message}`);
  }
  if (claims.email_verified === false) throw unauthenticated(`${connection.displayName} has not verified ${String(claims.email)}.`);
  const name = typeof claims.name === 'string' ? claims.name : [claims.given_name, claims.family_name].filter((part) => typeof part === 'string').join(' ');
  return {
    email: typeof claims.email === 'string' ? claims.email : undefined,
    name: name || undefined,
    groups: groupsFrom(claims[connection.groupsClaim]),
  };
}
