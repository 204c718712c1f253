import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WorkspaceParams } from '../../../contract/common.ts';
import {
  OidcCallbackQuery,
  SamlPostInput,
  SsoDiscovery,
  SsoDiscoveryQuery,
  SsoSettings,
  SsoSettingsInput,
  SsoTestResult,
} from '../../../contract/sso.ts';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { statusOf } from '../../http/error-handler.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { setSessionCookie } from '../auth/session-cookie.ts';
import { finishOidcSignIn, OIDC_STATE_COOKIE, startOidcSignIn } from './oidc.ts';
import { readSamlResponse, serviceProviderMetadata, startSamlSignIn } from './saml.ts';
import { signInWithIdentity } from './sso-sign-in.service.ts';
import { discoverProvider, enabledConnection, getSsoSettings, saveSsoSettings, serviceProviderInfo, testSsoConnection } from './sso.service.ts';

const tags = ['single sign-on'];
const Redirect = z.null().describe('A redirect (Location header)');
const publicRoute = { access: 'public' as const };
const STATE_COOKIE_PATH = '/api/v1/sso/';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The browser arrives here from the identity provider, not from the app: a refusal is a page (same 4xx status) that
 * says why and leads back to the sign-in page; an API client still gets problem+json.
 */
async function forBrowser(request: FastifyRequest, reply: FastifyReply, work: () => Promise<FastifyReply>) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || !request.headers.accept?.includes('text/html')) throw error;
    return reply
      .code(statusOf[error.code])
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>Sign-in refused · Landfall</title></head><body style="font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.5">` +
          `<h1 style="font-size:1.3rem">We could not sign you in</h1><p>${escapeHtml(error.message)}</p><p><a href="/">Back to the sign-in page</a></p></body></html>`,
      );
  }
}

/** Admin settings, and the public sign-in endpoints the browser and the identity provider call. */
export const ssoRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    // The identity provider's page posts the SAML response as an HTML form.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    app.get(
      '/sso-settings',
      { config: { access: 'admin' }, schema: { tags, summary: 'The workspace’s single sign-on connection (secrets are never sent back)', response: { 200: SsoSettings } } },
      (request) => getSsoSettings(requireCtx(request, services)),
    );

    app.put(
      '/sso-settings',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Configure single sign-on (OIDC or SAML), who may come in, and the group → role mapping', body: SsoSettingsInput, response: { 200: SsoSettings } },
      },
      (request) => saveSsoSettings(requireCtx(request, services), request.body),
    );

    app.post(
      '/sso-settings/test',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Check the saved connection: the OIDC issuer answers discovery, or the SAML certificate reads', response: { 200: SsoTestResult } },
      },
      (request) => testSsoConnection(requireCtx(request, services)),
    );

    app.get(
      '/sso/discover',
      {
        config: publicRoute,
        schema: { tags, summary: 'Which identity provider signs in this email (by its domain) or workspace (by its slug)', querystring: SsoDiscoveryQuery, response: { 200: SsoDiscovery } },
      },
      (request) => discoverProvider(services, request.query),
    );

    app.get(
      '/sso/:workspaceId/start',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Start signing in with the workspace’s identity provider (redirects there)',
          params: WorkspaceParams,
          querystring: z.object({ email: z.string().trim().max(254).optional() }),
          response: { 302: Redirect },
        },
      },
      async (request, reply) => {
        const { connection } = await enabledConnection(services, request.params.workspaceId);
        if (connection.protocol === 'saml') return reply.redirect(await startSamlSignIn(services, connection), 302);
        const redirectUri = serviceProviderInfo(services, connection.workspaceId).oidcRedirectUri;
        const { url, state } = await startOidcSignIn(services, connection, redirectUri, request.query.email);
        reply.setCookie(OIDC_STATE_COOKIE, state, {
          httpOnly: true,
          sameSite: 'lax',
          secure: services.config.secureCookies,
          path: STATE_COOKIE_PATH,
          maxAge: 600,
        });
        return reply.redirect(url, 302);
      },
    );

    app.get(
      '/sso/:workspaceId/oidc/callback',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Where the OpenID provider sends the browser back: checks the answer, signs the member in, goes to the app',
          params: WorkspaceParams,
          querystring: OidcCallbackQuery,
          response: { 303: Redirect },
        },
      },
      (request, reply) =>
        forBrowser(request, reply, async () => {
          const { connection } = await enabledConnection(services, request.params.workspaceId);
          const callbackUrl = new URL(`${services.config.publicUrl}${request.url}`);
          const cookieState = request.cookies[OIDC_STATE_COOKIE];
          reply.clearCookie(OIDC_STATE_COOKIE, { path: STATE_COOKIE_PATH });
          const identity = await finishOidcSignIn(services, connection, callbackUrl, cookieState);
          const session = await signInWithIdentity(services, connection, identity, request.headers['user-agent']);
          setSessionCookie(reply, services, session.token);
          return reply.redirect('/', 303);
        }),
    );

    app.get(
      '/sso/:workspaceId/saml/metadata',
      {
        config: publicRoute,
        schema: { tags, summary: 'This workspace’s SAML service provider metadata (entity ID, ACS URL), for the identity provider', params: WorkspaceParams, response: { 200: z.string().describe('application/samlmetadata+xml') } },
      },
      async (request, reply) => {
        const { connection } = await enabledConnection(services, request.params.workspaceId);
        return reply.type('application/samlmetadata+xml').send(serviceProviderMetadata(services, connection));
      },
    );

    app.post(
      '/sso/:workspaceId/saml/acs',
      {
        // The identity provider's page posts here from its own site.
        config: { ...publicRoute, crossSite: true },
        schema: {
          tags,
          summary: 'SAML assertion consumer service: checks the signed response, signs the member in, goes to the app',
          consumes: ['application/x-www-form-urlencoded'],
          params: WorkspaceParams,
          body: SamlPostInput,
          response: { 303: Redirect },
        },
      },
      (request, reply) =>
        forBrowser(request, reply, async () => {
          const { connection } = await enabledConnection(services, request.params.workspaceId);
          if (connection.protocol !== 'saml') throw notFound('SAML sign-in for this workspace');
          const { identity, rememberAssertion } = await readSamlResponse(services, connection, request.body);
          const session = await signInWithIdentity(services, connection, identity, request.headers['user-agent'], rememberAssertion);
          setSessionCookie(reply, services, session.token);
          return reply.redirect('/', 303);
        }),
    );
  };
