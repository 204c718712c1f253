// A SAML identity provider's half, for tests: a signing key and certificate made here (openssl), responses built
// and signed as an IdP would (xml-crypto, which node-saml verifies with), and the AuthnRequest ID read back.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

export interface SigningKey {
  key: string;
  cert: string;
}

/** A fresh RSA key and self-signed certificate. */
export function makeSigningKey(commonName = 'Test IdP'): SigningKey {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-saml-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-subj', `/CN=${commonName}`,
    ], { stdio: 'ignore' });
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The ID of the AuthnRequest in the redirect to the identity provider (HTTP-Redirect binding: deflated, base64). */
export function requestIdOf(location: string): string {
  const request = new URL(location).searchParams.get('SAMLRequest')!;
  const xml = inflateRawSync(Buffer.from(request, 'base64')).toString('utf8');
  return /\bID="([^"]+)"/.exec(xml)![1]!;
}

export interface AssertionFacts {
  idpEntityId: string;
  /** The service provider the assertion is for (its entity ID) and where it is posted (its ACS URL). */
  audience: string;
  acsUrl: string;
  inResponseTo: string;
  email: string;
  name?: string;
  groups?: string[];
  assertionId?: string;
  /** Minutes the assertion stays valid. */
  validMinutes?: number;
}

const id = () => `_${randomBytes(16).toString('hex')}`;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function assertionXml(facts: AssertionFacts): string {
  const now = new Date();
  const until = new Date(now.getTime() + (facts.validMinutes ?? 5) * 60_000).toISOString();
  const issued = now.toISOString();
  const attribute = (name: string, values: string[]) =>
    `<saml:Attribute Name="${name}">${values.map((value) => `<saml:AttributeValue>${escape(value)}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${facts.assertionId ?? id()}" Version="2.0" IssueInstant="${issued}">` +
    `<saml:Issuer>${escape(facts.idpEntityId)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escape(facts.email)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData InResponseTo="${facts.inResponseTo}" NotOnOrAfter="${until}" Recipient="${escape(facts.acsUrl)}"/>` +
    `</saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${new Date(now.getTime() - 60_000).toISOString()}" NotOnOrAfter="${until}">` +
    `<saml:AudienceRestriction><saml:Audience>${escape(facts.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${id()}"><saml:AuthnContext>` +
    `<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>` +
    `</saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attribute('email', [facts.email])}${facts.name ? attribute('displayName', [facts.name]) : ''}${facts.groups?.length ? attribute('groups', facts.groups) : ''}</saml:AttributeStatement>` +
    `</saml:Assertion>`
  );
}

/** Signs the (first) assertion in the XML, enveloped, its signature after its Issuer as the schema wants. */
export function signAssertion(xml: string, signer: SigningKey): string {
  const signature = new SignedXml({
    privateKey: signer.key,
    publicCert: signer.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signature.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signature.computeSignature(xml, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' } });
  return signature.getSignedXml();
}

/** A Response around the given assertion(s) (signed or not), as the IdP posts it. */
export function responseXml(facts: AssertionFacts, assertions: string): string {
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
    `ID="${id()}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escape(facts.acsUrl)}" InResponseTo="${facts.inResponseTo}">` +
    `<saml:Issuer>${escape(facts.idpEntityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertions +
    `</samlp:Response>`
  );
}

/** The form body the browser posts to the ACS. */
export const samlPost = (xml: string, relayState = '') =>
  new URLSearchParams({ SAMLResponse: Buffer.from(xml).toString('base64'), RelayState: relayState }).toString();
