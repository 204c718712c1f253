import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeWorkspace, signedInClient, type TestEnv } from '../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../test/smtp.ts';
import { closeMailTransports, deliverDueMail, queueCappedNotices } from './mail.service.ts';
import { claimDue } from './mail.repo.ts';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
});
afterAll(() => close());

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
    const [row] = await env.services.database.query<{ state: string; last_error: string; reason: string }>(
      "select state, last_error, reason from mail_outbox where to_address = 'later@vendor.test'",
    );
    expect(row).toMatchObject({ state: 'scheduled' });
    expect(row?.last_error).toMatch(/ECONNREFUSED/);
    expect(row?.reason).toMatch(/^Attempt 1 of 6 failed \(.*ECONNREFUSED.*\); trying again at /);
    env.clock.advance(5 * 60_000);
    expect(await deliverDueMail(env.services)).toBe(1);
    expect(smtp.received.map((mail) => mail.subject)).toHaveLength(2);
  });

  it('takes over a message whose sending process died mid-send once its lease ends, resending it with the same Message-ID and saying so', async () => {
    const { admin } = await makeWorkspace(env.services, 'Crashy');
    const api = await signedInClient(env, admin);
    await api.post('/api/v1/invites', { email: 'crash@vendor.test', role: 'csm' });
    // Process A claims the message and delivers it, then dies before it can record that.
    const [claimed] = await claimDue(env.services.database.db, env.clock.now(), 10, 60_000, ['email']);
    expect(claimed?.toAddress).toBe('crash@vendor.test');
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({ from: 'landfall@vendor.test', to: claimed!.toAddress, subject: claimed!.subject, text: claimed!.textBody, messageId: claimed!.messageId });
    transport.close();
    // Process B: nothing to do while A's lease runs; after it, B takes the message over.
    expect(await deliverDueMail(env.services)).toBe(0);
    env.clock.advance(61_000);
    expect(await deliverDueMail(env.services)).toBe(1);
    const copies = smtp.received.filter((mail) => mail.messageId === claimed!.messageId);
    expect(copies).toHaveLength(2);
    const [row] = await env.services.database.query<{ state: string; interrupted_attempts: number; reason: string }>(
      'select state, interrupted_attempts, reason from mail_outbox where id = $1',
      [claimed!.id],
    );
    expect(row).toMatchObject({ state: 'sent', interrupted_attempts: 1 });
    expect(row?.reason).toMatch(/^Sent again after a sending process stopped mid-delivery \(1×\)/);
  });

  it('retries a temporary SMTP refusal with backoff, and records a refused address as bounced', async () => {
    const picky = await startPickySmtpServer();
    const services = { ...env.services, config: { ...env.services.config, smtpUrl: picky.url } };
    const { admin } = await makeWorkspace(env.services, 'Picky');
    const api = await signedInClient(env, admin);
    await api.post('/api/v1/invites', { email: 'busy@vendor.test', role: 'csm' });
    await api.post('/api/v1/invites', { email: 'nobody@vendor.test', role: 'csm' });
    await deliverDueMail(services);
    const states = async () =>
      Object.fromEntries(
        (await env.services.database.query<{ to_address: string; state: string }>(
          "select to_address, state from mail_outbox where to_address in ('busy@vendor.test', 'nobody@vendor.test')",
        )).map((row) => [row.to_address, row.state]),
      );
    expect(await states()).toEqual({ 'busy@vendor.test': 'scheduled', 'nobody@vendor.test': 'bounced' });
    env.clock.advance(30_000); // the first retry waits a minute
    await deliverDueMail(services);
    expect((await states())['busy@vendor.test']).toBe('scheduled');
    env.clock.advance(60_000);
    await deliverDueMail(services);
    expect((await states())['busy@vendor.test']).toBe('sent');
    closeMailTransports();
    await picky.close();
  });
});

// Last: the scheduled notice it writes would count in the deliveries above.
describe('capped notices', () => {
  it('writes a batch of automated notices under the one frequency cap, counted per day and week in the recipient\'s timezone: a capped or unsubscribed recipient is suppressed with the reason, a key already written is skipped', async () => {
    const { admin } = await makeWorkspace(env.services, 'Capped');
    const account = await makeAccount(admin.ctx);
    const q = env.services.database.query.bind(env.services.database);
    const contact = async (name: string, timezone: string | null = null) =>
      (await q<{ id: string }>("insert into contacts (workspace_id, account_id, name, email, role, timezone) values ($1, $2, $3, $4, 'end_user', $5) returning id", [admin.workspaceId, account.id, name, `${name}@customer.test`, timezone]))[0]!.id;
    const [fresh, busy, weekly, gone, kiwi, yesterday] = [await contact('fresh'), await contact('busy'), await contact('weekly'), await contact('gone'), await contact('kiwi', 'Pacific/Auckland'), await contact('yesterday', 'UTC')];
    // The clock stands on Monday 2 March 2026, shortly after 09:00 UTC (10:00 for the account in Paris, 22:00 in Auckland).
    const now = env.services.now();
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
    const mail = (key: string, to: string, when: string, state = 'sent') =>
      q("insert into mail_outbox (workspace_id, dedupe_key, to_address, subject, text_body, message_id, state, send_after, sent_at, kind, channel) values ($1, $2, $3, 's', 't', $2, $5, $4, case when $5 = 'sent' then $4::timestamptz end, 'automated', 'email')", [admin.workspaceId, key, to, when, state]);
    await mail('old-busy', 'BUSY@customer.test', at(-2)); // one today: the default cap is 1 a day
    for (const [i, hours] of [24, 48, 72].entries()) await mail(`later-weekly-${i}`, 'weekly@customer.test', at(hours), 'scheduled'); // three later this week: the cap is 3
    await mail('old-fresh', 'fresh@customer.test', at(-24 * 9)); // outside the week
    await mail('old-kiwi', 'kiwi@customer.test', at(-10)); // 12:00 Monday in Auckland: today, their time
    await mail('old-yesterday', 'yesterday@customer.test', at(-10)); // 23:00 Sunday in UTC: yesterday, and last ISO week
    await q("insert into contact_mail_preferences (workspace_id, contact_id, unsubscribe_token, unsubscribed_at) values ($1, $2, 'unsub_capped_test', now())", [admin.workspaceId, gone]);
    const names = ['fresh', 'busy', 'weekly', 'gone', 'kiwi', 'yesterday'];
    const notices = [fresh, busy, weekly, gone, kiwi, yesterday].map((id, i) => ({ dedupeKey: `news:${id}`, to: `${names[i]}@customer.test`, contactId: id, subject: 'News', text: 'Hello' }));

    expect(await queueCappedNotices(env.services.database.db, env.services, admin.workspaceId, notices, 'News')).toBe(6);
    const rows = await q<{ contact_id: string; state: string; reason: string | null; recipient_timezone: string }>("select contact_id, state, reason, recipient_timezone from mail_outbox where workspace_id = $1 and dedupe_key like 'news:%'", [admin.workspaceId]);
    const of = (id: string) => rows.find((r) => r.contact_id === id)!;
    expect(of(fresh)).toMatchObject({ state: 'scheduled', reason: null, recipient_timezone: 'Europe/Paris' }); // no zone of their own: their account's
    expect(of(busy)).toMatchObject({ state: 'suppressed', reason: 'Frequency cap: 1 automated email(s) to this person today (their time) already.' });
    expect(of(weekly)).toMatchObject({ state: 'suppressed', reason: 'Frequency cap: 3 automated email(s) to this person this week (their time) already.' });
    expect(of(gone)).toMatchObject({ state: 'suppressed', reason: 'The contact unsubscribed from automated email.' });
    expect(of(kiwi)).toMatchObject({ state: 'suppressed', recipient_timezone: 'Pacific/Auckland' });
    expect(of(yesterday)).toMatchObject({ state: 'scheduled', reason: null });
    expect(await queueCappedNotices(env.services.database.db, env.services, admin.workspaceId, notices, 'News')).toBe(0);
  });
});

/** An SMTP server that answers 451 (try later) to busy@ the first time and 550 (no such user) to nobody@. */
async function startPickySmtpServer() {
  let busyTries = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === 'nobody@vendor.test') return callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
      if (address.address === 'busy@vendor.test' && busyTries++ === 0) return callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
