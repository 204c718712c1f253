// A real OpenID provider (oidc-provider) on a local port, for tests: one confidential client, PKCE required, and a
// sign-in page of its own that asks only for the email (any listed user signs in, no password).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface IdpUser {
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who may sign in, by email. */
  users: Map<string, IdpUser>;
  close(): Promise<void>;
}

const page = (uid: string) => `<!doctype html><html><head><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label>Email <input name="email" type="email" autofocus></label>
<button type="submit">Continue</button>
</form></body></html>`;

async function readForm(request: http.IncomingMessage) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

/** Starts the provider; `redirectUris` are the callbacks of the workspaces that will use it. */
export async function startOidcProvider(redirectUris: string[]): Promise<TestOidcProvider> {
  const users = new Map<string, IdpUser>();
  const clientId = 'landfall';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['a-test-cookie-key'] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: sub, email_verified: user.emailVerified ?? true, name: user.name, groups: user.groups }) };
    },
    // Consent is taken as given: a workforce identity provider does not ask its employees.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { Grant } = ctx.oidc.provider;
      const grant = new Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(request.url ?? '');
    if (!match) return void callback(request, response);
    void (async () => {
      try {
        const details = await provider.interactionDetails(request, response);
        if (!match[2]) {
          response.writeHead(200, { 'content-type': 'text/html' }).end(page(details.uid));
          return;
        }
        const email = (await readForm(request)).get('email')?.toLowerCase() ?? '';
        const result = users.has(email) ? { login: { accountId: email } } : { error: 'access_denied', error_description: `${email} has no account here` };
        await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
      } catch (error) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      }
    })();
  });
  return {
    issuer,
    clientId,
    clientSecret,
    users,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookies for one site, enough for the provider's own. */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
      }
    },
  };
}

/** Walks the provider's side as a browser would: authorize, sign in as `email`, and back; returns the callback URL. */
export async function signInAtProvider(authorizeUrl: string, email: string): Promise<string> {
  const jar = cookieJar();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== new URL(authorizeUrl).origin) return next.href;
      url = next.href;
      continue;
    }
    const uid = /\/interaction\/([\w-]+)/.exec(url)?.[1];
    if (response.status !== 200 || !uid) throw new Error(`The provider answered ${response.status}: ${await response.text()}`);
    const login = await fetch(new URL(`/interaction/${uid}/login`, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email }).toString(),
    });
    jar.take(login);
    url = new URL(login.headers.get('location')!, url).href;
  }
  throw new Error('The provider never sent the browser back.');
}
