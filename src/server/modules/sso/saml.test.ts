import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { assertionXml, makeSigningKey, requestIdOf, responseXml, samlPost, signAssertion, type AssertionFacts, type SigningKey } from '../../test/saml-idp.ts';

let env: TestEnv;
let idpKey: SigningKey;
let strangerKey: SigningKey;
let a: string;
let b: string;
const IDP = 'https://idp.acme.test/saml';

const sp = (workspaceId: string) => ({
  audience: `http://landfall.test/api/v1/sso/${workspaceId}/saml/metadata`,
  acsUrl: `http://landfall.test/api/v1/sso/${workspaceId}/saml/acs`,
});

const samlSettings = (cert: string, domain: string) => ({
  protocol: 'saml',
  enabled: true,
  displayName: 'Acme Okta',
  slug: null,
  oidcIssuer: null,
  oidcClientId: null,
  samlIdpEntityId: IDP,
  samlIdpSsoUrl: 'https://idp.acme.test/saml/sso',
  samlIdpCertificate: cert,
  allowedDomains: [domain],
  jitProvisioning: true,
  defaultRole: 'csm',
  groupsClaim: 'groups',
  roleMappings: [{ group: 'Landfall Leaders', role: 'leader' }],
  passwordSignIn: true,
});

/** Starts a sign-in at the workspace; the facts of an answer to it for `email`. */
async function startSignIn(workspaceId: string, email: string, overrides: Partial<AssertionFacts> = {}): Promise<AssertionFacts> {
  const start = await env.app.inject({ method: 'GET', url: `/api/v1/sso/${workspaceId}/start` });
  expect(start.statusCode, start.body).toBe(302);
  expect(String(start.headers.location)).toMatch(/^https:\/\/idp\.acme\.test\/saml\/sso\?SAMLRequest=/);
  return { idpEntityId: IDP, ...sp(workspaceId), inResponseTo: requestIdOf(String(start.headers.location)), email, groups: ['Landfall Leaders'], name: 'Sam L', ...overrides };
}

const signedResponse = (facts: AssertionFacts, key = idpKey) => responseXml(facts, signAssertion(assertionXml(facts), key));

const post = (workspaceId: string, xml: string) =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1/sso/${workspaceId}/saml/acs`,
    // As a browser sends it: a form posted by the identity provider's page, from its own site.
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    payload: samlPost(xml),
  });

const membersWithEmail = (email: string) => env.services.database.query('select id, role from members where lower(email) = $1', [email]);

beforeAll(async () => {
  env = await startTestEnv();
  idpKey = makeSigningKey('Acme IdP');
  strangerKey = makeSigningKey('Someone else');
  const first = await makeWorkspace(env.services, 'Acme');
  const second = await makeWorkspace(env.services, 'Beta');
  a = first.workspace.id;
  b = second.workspace.id;
  for (const [admin, domain] of [[first.admin, 'acme.test'], [second.admin, 'beta.test']] as const) {
    const saved = await (await signedInClient(env, admin)).put('/api/v1/sso-settings', samlSettings(idpKey.cert, domain));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }
});
afterAll(() => env.close());

describe('SAML service provider', () => {
  it('publishes its metadata: entity ID, ACS URL, signed assertions wanted', async () => {
    const metadata = await httpClient(env.app).get(`/api/v1/sso/${a}/saml/metadata`);
    expect(metadata.status).toBe(200);
    expect(metadata.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(metadata.body).toContain(`entityID="${sp(a).audience}"`);
    expect(metadata.body).toContain(`Location="${sp(a).acsUrl}"`);
    expect(metadata.body).toContain('WantAssertionsSigned="true"');
  });

  it('refuses a certificate that is not one, saying where', async () => {
    const admin = (await makeWorkspace(env.services, 'Gamma')).admin;
    const saved = await (await signedInClient(env, admin)).put('/api/v1/sso-settings', { ...samlSettings('not a certificate', 'gamma.test') });
    expect(saved.status).toBe(400);
    expect(saved.body.errors[0].path).toEqual(['body', 'samlIdpCertificate']);
  });
});

describe('signing in with a SAML response', () => {
  it('accepts a signed assertion: provisions the member with the role their groups map to', async () => {
    const facts = await startSignIn(a, 'sam@acme.test');
    const answer = await post(a, signedResponse(facts));
    expect(answer.statusCode, answer.body).toBe(303);
    expect(answer.headers.location).toBe('/');
    const session = /lf_session=([^;]+)/.exec(String(answer.headers['set-cookie']))![1];
    const me = await httpClient(env.app, { cookie: `lf_session=${session}` }).get('/api/v1/session');
    expect(me.body.member).toMatchObject({ email: 'sam@acme.test', name: 'Sam L', role: 'leader' });
  });

  it('refuses an unsigned assertion', async () => {
    const facts = await startSignIn(a, 'unsigned@acme.test');
    const answer = await post(a, responseXml(facts, assertionXml(facts)));
    expect(answer.statusCode).toBe(401);
    expect(answer.json().detail).toContain('not signed by the identity provider');
    expect(await membersWithEmail('unsigned@acme.test')).toEqual([]);
    // A browser (it accepts HTML) is shown a page that says why, with the same status.
    const facts2 = await startSignIn(a, 'unsigned@acme.test');
    const page = await env.app.inject({
      method: 'POST',
      url: `/api/v1/sso/${a}/saml/acs`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml', 'sec-fetch-site': 'cross-site' },
      payload: samlPost(responseXml(facts2, assertionXml(facts2))),
    });
    expect(page.statusCode).toBe(401);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('We could not sign you in');
    expect(page.body).toContain('not signed by the identity provider');
  });

  it('refuses an assertion signed by another key', async () => {
    const facts = await startSignIn(a, 'forged@acme.test');
    const answer = await post(a, signedResponse(facts, strangerKey));
    expect(answer.statusCode).toBe(401);
    expect(answer.json().detail).toContain('not signed by the identity provider');
    expect(await membersWithEmail('forged@acme.test')).toEqual([]);
  });

  it('refuses a signed assertion changed after signing', async () => {
    const facts = await startSignIn(a, 'honest@acme.test');
    const answer = await post(a, signedResponse(facts).replace('honest@acme.test', 'mallory@acme.test'));
    expect(answer.statusCode).toBe(401);
    expect(await membersWithEmail('mallory@acme.test')).toEqual([]);
  });

  it('refuses a replayed response, and an assertion used again in an answer to a new request', async () => {
    const facts = await startSignIn(a, 'ruth@acme.test');
    const xml = signedResponse(facts);
    expect((await post(a, xml)).statusCode).toBe(303);
    const sessions = () => env.services.database.query('select s.id from sessions s join members m on m.id = s.member_id where m.email = $1', ['ruth@acme.test']);
    expect(await sessions()).toHaveLength(1);
    const replay = await post(a, xml);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toContain('already used');
    // The same assertion ID, signed again for a fresh request: the used-assertion record refuses it.
    const fresh = await startSignIn(a, 'ruth@acme.test', { assertionId: /Assertion[^>]* ID="([^"]+)"/.exec(xml)![1] });
    const again = await post(a, signedResponse(fresh));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already used');
    expect(await sessions()).toHaveLength(1);
  });

  it('refuses wrapped assertions (XML signature wrapping)', async () => {
    const facts = await startSignIn(a, 'victim@acme.test', { groups: [] });
    const signed = signAssertion(assertionXml(facts), idpKey);
    const evil = assertionXml({ ...facts, email: 'attacker@acme.test', groups: ['Landfall Leaders'] });
    // The attacker's assertion first, the signed one after it.
    const sideBySide = await post(a, responseXml(facts, evil + signed));
    expect(sideBySide.json().detail).toContain('Invalid signature');
    expect(sideBySide.statusCode).toBe(401);
    // The signed one hidden inside the attacker's (where a naive verifier finds the signature), and the signature
    // copied onto the attacker's assertion.
    const facts2 = await startSignIn(a, 'victim@acme.test', { groups: [] });
    const signed2 = signAssertion(assertionXml(facts2), idpKey);
    const nested = assertionXml({ ...facts2, email: 'attacker@acme.test' }).replace('</saml:Subject>', `</saml:Subject><saml:Advice>${signed2}</saml:Advice>`);
    const nestedAnswer = await post(a, responseXml(facts2, nested));
    expect(nestedAnswer.statusCode).toBe(401);
    expect(nestedAnswer.json().detail).toContain('Invalid signature');
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed2)?.[0] ?? /<Signature[\s\S]*<\/Signature>/.exec(signed2)![0];
    const copied = assertionXml({ ...facts2, email: 'attacker@acme.test' }).replace('</saml:Issuer>', `</saml:Issuer>${signature}`);
    const facts3 = await startSignIn(a, 'victim@acme.test');
    const copiedAnswer = await post(a, responseXml(facts3, copied.replace(facts2.inResponseTo, facts3.inResponseTo)));
    expect(copiedAnswer.statusCode).toBe(401);
    expect(copiedAnswer.json().detail).toContain('Invalid signature');
    expect(await membersWithEmail('attacker@acme.test')).toEqual([]);
  });

  it('refuses a response meant for another workspace’s service provider, and writes nothing', async () => {
    // B started a sign-in; the response (validly signed by the same IdP) is for A's service provider.
    const factsOfB = await startSignIn(b, 'bob@beta.test');
    const forA = { ...factsOfB, ...sp(a) };
    const atB = await post(b, signedResponse(forA));
    expect(atB.statusCode).toBe(401);
    expect(atB.json().detail).toContain('another service provider');
    // Posted at A instead: A never asked (the request was B's).
    const factsOfB2 = await startSignIn(b, 'bob@beta.test');
    const atA = await post(a, signedResponse({ ...factsOfB2, ...sp(a) }));
    expect(atA.statusCode).toBe(401);
    expect(atA.json().detail).toContain('does not answer a sign-in started here');
    expect(await membersWithEmail('bob@beta.test')).toEqual([]);
    expect(await env.services.database.query('select * from sso_assertions where workspace_id = $1', [b])).toEqual([]);
  });

  it('refuses an expired assertion and one without a request', async () => {
    const facts = await startSignIn(a, 'late@acme.test', { validMinutes: -10 });
    expect((await post(a, signedResponse(facts))).statusCode).toBe(401);
    const unsolicited = { idpEntityId: IDP, ...sp(a), inResponseTo: '_never-asked', email: 'late@acme.test' };
    expect((await post(a, signedResponse(unsolicited))).statusCode).toBe(401);
    const empty = await env.app.inject({ method: 'POST', url: `/api/v1/sso/${a}/saml/acs`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(await membersWithEmail('late@acme.test')).toEqual([]);
  });

  it('refuses an email outside the allowed domains, and keeps the assertion unused', async () => {
    const facts = await startSignIn(a, 'someone@beta.test');
    const answer = await post(a, signedResponse(facts));
    expect(answer.statusCode).toBe(403);
    expect(await membersWithEmail('someone@beta.test')).toEqual([]);
  });
});
