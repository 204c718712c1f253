import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../test/harness.ts';
import { startSmtpServer } from '../test/smtp.ts';
import { deliverDueMail } from './mail.service.ts';

let env: TestEnv;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  env = await startTestEnv();
  env.services.config = { ...env.services.config, smtpUrl: smtp.url, mailFrom: 'Landfall <landfall@vendor.test>' };
});
afterAll(async () => {
  await env.close();
  await smtp.close();
});

describe('mail', () => {
  it('delivers an invitation over SMTP once, with the link in it, however often delivery runs', async () => {
    const { admin } = await makeWorkspace(env.services);
    const api = await signedInClient(env, admin);
    const invite = await api.post('/api/v1/invites', { email: 'newhire@vendor.test', role: 'csm' });

    expect(await deliverDueMail(env.services)).toBe(1);
    expect(await deliverDueMail(env.services)).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toMatchObject({ text: 'newhire@vendor.test' });
    expect(mail!.subject).toBe('Ada Admin invited you to Landfall');
    expect(mail!.text).toContain(invite.body.inviteUrl);
    expect(mail!.messageId).toMatch(/@landfall\.test>$/);
    const [row] = await env.services.database.query<{ state: string }>('select state from mail_outbox');
    expect(row?.state).toBe('sent');
  });

  it('keeps a message for a later try when the SMTP server cannot be reached', async () => {
    const { admin } = await makeWorkspace(env.services, 'Offline');
    const api = await signedInClient(env, admin);
    await api.post('/api/v1/invites', { email: 'later@vendor.test', role: 'sales' });
    const offline = { ...env.services, config: { ...env.services.config, smtpUrl: 'smtp://127.0.0.1:1' } };
    expect(await deliverDueMail(offline)).toBe(0);
    const [row] = await env.services.database.query<{ state: string; last_error: string }>(
      "select state, last_error from mail_outbox where to_address = 'later@vendor.test'",
    );
    expect(row).toMatchObject({ state: 'retrying' });
    expect(row?.last_error).toMatch(/ECONNREFUSED/);
    env.clock.advance(5 * 60_000);
    expect(await deliverDueMail(env.services)).toBe(1);
    expect(smtp.received.map((mail) => mail.subject)).toHaveLength(2);
  });
});
