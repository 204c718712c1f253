import type { Ctx } from '../context.ts';
import { revealCredentials, type HiddenCredential } from '../mail/credentials.ts';
import { csrfTokenFor } from '../modules/auth/auth.service.ts';
import { addContact } from '../modules/contacts/contacts.service.ts';
import { listPlaybooks } from '../modules/playbooks/playbooks.service.ts';
import { createProject } from '../modules/projects/projects.service.ts';
import { grantAccess } from '../modules/portal/portal-access.service.ts';
import { httpClient, makeAccount, type TestEnv } from './harness.ts';

/** The newest mail in the outbox to an address (what the person would find in their inbox), optionally by subject start. */
export async function lastMailTo(env: TestEnv, address: string, subjectStart = '') {
  const [row] = await env.services.database.query<{ subject: string; text_body: string; credentials: HiddenCredential[] | null }>(
    `select subject, text_body, credentials from mail_outbox where lower(to_address) = lower($1) and subject like $2 || '%'
     order by created_at desc limit 1`,
    [address, subjectStart],
  );
  // The outbox stores the text with its credentials hidden; the inbox gets them put back.
  return row && { subject: row.subject, text_body: revealCredentials({ text: row.text_body, html: null }, row.credentials).text };
}

export const SIGN_IN_MAIL = 'Your sign-in link';

export const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path}/([A-Za-z0-9_\\-%]+)`).exec(text);
  return match ? decodeURIComponent(match[1]!) : undefined;
};

export const codeIn = (text: string) => /code[^:]*: (\d{6})/.exec(text)?.[1];

/** An HTTP client carrying a portal session cookie (and its CSRF header), as the portal page does. */
export function portalClient(env: TestEnv, sessionToken: string) {
  return httpClient(env.app, { cookie: `lf_portal=${sessionToken}`, 'x-csrf-token': csrfTokenFor(sessionToken) });
}

/** The session token in a response's Set-Cookie, if it set one. */
export function portalCookieOf(headers: Record<string, unknown>): string | undefined {
  const cookies = ([] as string[]).concat((headers['set-cookie'] as string | string[] | undefined) ?? []);
  return cookies.map((c) => /^lf_portal=([^;]+)/.exec(c)?.[1]).find(Boolean);
}

/** A project on the built-in playbook with one champion contact. */
export async function projectWithContact(ctx: Ctx, email = `champion-${Math.random().toString(36).slice(2, 8)}@acme.test`) {
  const account = await makeAccount(ctx);
  const contact = await addContact(ctx, account.id, { name: 'Carla Champion', email, role: 'champion' });
  const [playbook] = await listPlaybooks(ctx);
  const project = await createProject(ctx, { accountId: account.id, playbookId: playbook!.id });
  return { account, contact, project };
}

/** The whole way in, as a customer: invitation → "email me a link" → the link's button. Returns a portal client. */
export async function signInAsContact(env: TestEnv, ctx: Ctx, projectId: string, contact: { id: string; email: string }) {
  const granted = await grantAccess(ctx, projectId, contact.id);
  const inviteToken = linkIn(granted.inviteUrl, '/portal/invite')!;
  const anonymous = httpClient(env.app);
  const sent = await anonymous.post(`/api/portal/v1/invitations/${encodeURIComponent(inviteToken)}/link`);
  if (sent.status !== 200) throw new Error(`link not sent: ${JSON.stringify(sent.body)}`);
  const mail = await lastMailTo(env, contact.email, SIGN_IN_MAIL);
  const token = linkIn(mail!.text_body, '/portal/sign-in')!;
  const signedIn = await anonymous.post('/api/portal/v1/sign-in', { token });
  const session = portalCookieOf(signedIn.headers);
  if (!session) throw new Error(`not signed in: ${JSON.stringify(signedIn.body)}`);
  return { client: portalClient(env, session), session, inviteToken };
}
