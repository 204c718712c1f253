import { DateTime } from 'luxon';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../mail/mail.service.ts';
import { makeAccount, makeWorkspace, signedInClient, type TestEnv } from '../../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { updateTask } from '../projects/tasks.service.ts';
import { runDueCadences } from './cadences.service.ts';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
});
afterAll(() => close());

const HOUR = 3600_000;
const NEW_YORK = 'America/New_York';
const inNewYork = (date: Date | undefined) => DateTime.fromJSDate(date!, { zone: NEW_YORK }).toFormat('yyyy-MM-dd HH:mm ccc');

async function outbox(where = 'true', params: unknown[] = []) {
  return env.services.database.query<{ step_id: string; state: string; reason: string | null; to_address: string; send_after: Date; due_at: Date }>(
    `select step_id, state, reason, to_address, send_after, due_at from mail_outbox where ${where} order by send_after`,
    params,
  );
}

/** The address in the List-Unsubscribe header, as a mail client reads it. */
const unsubscribeUrlOf = (mail: ParsedMail) =>
  /^List-Unsubscribe:\s*<([^>]+)>$/.exec((mail.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '').replace(/\r?\n\s+/g, ' '))?.[1] ?? '';

/** Moves the fake clock hour by hour, planning due steps and delivering mail after each, as the cadences and mail jobs do. */
async function runHours(hours: number, onTick: (now: Date) => void = () => undefined) {
  for (let h = 0; h < hours; h++) {
    env.clock.advance(HOUR);
    await runDueCadences(env.services);
    await deliverDueMail(env.services);
    onTick(env.clock.now());
  }
}

describe('the digital cadence over 60 days, delivered over SMTP', () => {
  // Sixty days hour by hour through the planner and the mail job: ~20 s alone, more on a busy machine.
  it('delivers each message on its business day at 09:00 in the contact’s timezone, across the DST change, in order, once', { timeout: 120_000 }, async () => {
    env.clock.set(new Date('2026-03-02T05:00:00Z')); // Monday, midnight in New York
    const { admin } = await makeWorkspace(env.services, 'Drip Co');
    const account = await makeAccount(admin.ctx, { segment: 'smb', contractSignedOn: '2026-03-02', timezone: NEW_YORK, products: ['Scheduler'] });
    // No timezone of her own: the account's applies.
    await addContact(admin.ctx, account.id, { name: 'Carla Champion', email: 'carla@drip.test', role: 'champion' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const api = await signedInClient(env, admin);
    expect((await api.get(`/api/v1/projects/${project.id}/cadence`)).body.cadence.name).toMatch(/Digital touch/);

    const arrivals: { subject: string; messageId: string; at: Date; date: Date | undefined }[] = [];
    let seen = smtp.received.length;
    await runHours(60 * 24, (now) => {
      for (; seen < smtp.received.length; seen++) {
        const mail = smtp.received[seen]!;
        // Carla's inbox only: the vendor's admin also hears that nobody manages the project (assignment).
        if (!JSON.stringify(mail.to).includes('carla@drip.test')) continue;
        arrivals.push({ subject: mail.subject ?? '', messageId: mail.messageId ?? '', at: now, date: mail.date });
      }
    });

    expect(arrivals.map((arrival) => `${inNewYork(arrival.at)} ${arrival.subject}`)).toEqual([
      '2026-03-02 09:00 Mon Welcome to Scheduler, Carla',
      '2026-03-03 09:00 Tue Your first ten minutes with Scheduler',
      '2026-03-05 09:00 Thu What should Scheduler change for ' + account.name + '?',
      '2026-03-09 09:00 Mon Connect the tools ' + account.name + ' already uses',
      '2026-03-11 09:00 Wed Bring your team into Scheduler',
      '2026-03-16 09:00 Mon Can we help, Carla?', // ten business days without activity: the project stalled
      '2026-03-18 09:00 Wed Live this week: getting the most from Scheduler',
      '2026-03-30 09:00 Mon Meet other teams who use Scheduler',
      '2026-04-13 09:00 Mon Three things teams like ' + account.name + ' fix in month two',
      '2026-04-27 09:00 Mon How is Scheduler working for ' + account.name + '?',
    ]);
    // The Date header is the moment it was sent; 09:00 in New York is 14:00 UTC before 8 March and 13:00 after.
    expect(arrivals.map((arrival) => arrival.date?.getTime())).toEqual(arrivals.map((arrival) => arrival.at.getTime()));
    expect(arrivals[0]!.at.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(arrivals[3]!.at.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(new Set(arrivals.map((arrival) => arrival.messageId)).size).toBe(arrivals.length);

    const welcome = smtp.received.find((mail) => mail.messageId === arrivals[0]!.messageId)!;
    expect(welcome.from?.value[0]).toMatchObject({ name: 'Morgan Lee', address: 'landfall@vendor.test' });
    expect(welcome.text).toContain('Morgan Lee\nChief Customer Officer');
    expect(welcome.html).toContain('<a href="http://landfall.test/portal/projects/');
    const listUnsubscribe = { url: unsubscribeUrlOf(welcome) };
    expect(listUnsubscribe.url).toMatch(/^http:\/\/landfall\.test\/api\/v1\/unsubscribe\/unsub_/);
    expect(welcome.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(welcome.text).toContain(listUnsubscribe.url);

    const rows = await outbox('project_id = $1', [project.id]);
    expect(rows.every((row) => row.state === 'sent')).toBe(true);
    expect(rows).toHaveLength(10);
  });
});

describe('stop and skip conditions, the frequency cap and unsubscribe', () => {
  async function digitalProject(name: string, contacts: { name: string; email: string; role: 'champion' | 'admin' | 'project_lead' }[]) {
    const { admin } = await makeWorkspace(env.services, name);
    const account = await makeAccount(admin.ctx, { segment: 'smb', contractSignedOn: DateTime.fromJSDate(env.clock.now()).toISODate()!, timezone: 'Europe/Paris' });
    const people = [];
    for (const contact of contacts) people.push(await addContact(admin.ctx, account.id, contact));
    const project = await createProject(admin.ctx, { accountId: account.id });
    return { admin, account, people, project };
  }

  it('skips a step whose goal is met, and records why in the outbox', async () => {
    env.clock.set(new Date('2026-03-02T06:00:00Z'));
    const { admin, project } = await digitalProject('Goals Co', [{ name: 'Ann Admin', email: 'ann@goals.test', role: 'admin' }]);
    const signIn = project.tasks.find((task) => task.key === 'first_sign_in')!;
    await updateTask(admin.ctx, signIn.id, { status: 'done' } as never);
    await runHours(30);
    const rows = await outbox('project_id = $1', [project.id]);
    expect(rows.map((row) => [row.step_id, row.state])).toEqual([
      ['digital-welcome', 'sent'],
      ['digital-day-1', 'suppressed'],
    ]);
    expect(rows[1]!.reason).toBe(`Its goal is met: the task "first_sign_in" is done.`);
  });

  it('holds the lower-priority message to the next business day when two cadences reach one person the same day, and says why', async () => {
    env.clock.set(new Date('2026-03-02T06:00:00Z'));
    const { admin, account } = await digitalProject('Busy Co', [{ name: 'Bea Busy', email: 'bea@busy.test', role: 'champion' }]);
    // A second project for the same account (another product): both cadences write to Bea on Tuesday.
    await createProject(admin.ctx, { accountId: account.id, product: 'Analytics', day0: '2026-03-03' } as never);
    await runHours(24 * 3);
    const rows = await outbox(`lower(to_address) = 'bea@busy.test'`);
    const byDay = rows.map((row) => `${DateTime.fromJSDate(row.send_after, { zone: 'Europe/Paris' }).toFormat('ccc HH:mm')} ${row.step_id} ${row.state}`);
    expect(byDay.slice(0, 3)).toEqual(['Mon 09:00 digital-welcome sent', 'Tue 09:00 digital-welcome sent', 'Wed 09:00 digital-day-1 sent']);
    const held = rows.find((row) => row.step_id === 'digital-day-1')!;
    expect(held.reason).toMatch(/^Held from Tue 3 Mar 09:00 to Wed 4 Mar 09:00 by the frequency cap \(1 a day, 3 a week\): Tue 3 Mar already has 1 automated email\.$/);
  });

  it('stops every automated message to a contact who unsubscribes, through the link in the email', async () => {
    env.clock.set(new Date('2026-03-02T06:00:00Z'));
    const { project, people } = await digitalProject('Quiet Co', [{ name: 'Una Unsub', email: 'una@quiet.test', role: 'champion' }]);
    const before = smtp.received.length;
    await runHours(4);
    const welcome = smtp.received.slice(before).find((mail) => mail.to && JSON.stringify(mail.to).includes('una@quiet.test'))!;
    const url = new URL(unsubscribeUrlOf(welcome));
    const page = await env.app.inject({ method: 'GET', url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('una@quiet.test');
    // One-click unsubscribe as a mail client sends it (RFC 8058).
    const done = await env.app.inject({ method: 'POST', url: url.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('You are unsubscribed');
    await runHours(24 * 10);
    const rows = await outbox('project_id = $1', [project.id]);
    expect(rows[0]).toMatchObject({ step_id: 'digital-welcome', state: 'sent' });
    expect(rows.slice(1).length).toBeGreaterThan(2);
    expect(rows.slice(1).every((row) => row.state === 'suppressed' && row.reason === 'The contact unsubscribed from automated email.')).toBe(true);
    expect(smtp.received.slice(before).filter((mail) => JSON.stringify(mail.to).includes('una@quiet.test'))).toHaveLength(1);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/unsubscribe/unsub_not-a-real-token' })).statusCode).toBe(404);
    expect(people).toHaveLength(1);
  });

  it('welcomes a contact added to a running onboarding, without the steps that were before their time', async () => {
    env.clock.set(new Date('2026-03-02T06:00:00Z'));
    const { admin, account, project } = await digitalProject('Growing Co', [{ name: 'Gil First', email: 'gil@growing.test', role: 'champion' }]);
    await runHours(24 * 3);
    await addContact(admin.ctx, account.id, { name: 'Nico New', email: 'nico@growing.test', role: 'champion' });
    await runHours(24 * 3);
    const nico = await outbox(`project_id = $1 and to_address = 'nico@growing.test'`, [project.id]);
    // Added on Thursday before 09:00: the day-3 step (Thursday 09:00) is his too; the welcome waits a day for the cap.
    expect(nico.map((row) => `${row.step_id} ${row.state}`).sort()).toEqual(['digital-day-3 sent', 'digital-new-contact sent']);
    expect(nico.find((row) => row.step_id === 'digital-new-contact')?.reason).toMatch(/^Held from Thu 5 Mar 09:00 to Fri 6 Mar 09:00/);
  });

  it('congratulates on go-live once the milestone is reached (medium touch)', async () => {
    env.clock.set(new Date('2026-03-02T06:00:00Z'));
    const { admin } = await makeWorkspace(env.services, 'Mid Co');
    const account = await makeAccount(admin.ctx, { segment: 'mid_market', contractSignedOn: '2026-03-02', timezone: 'Europe/Paris' });
    await addContact(admin.ctx, account.id, { name: 'Pat Lead', email: 'pat@mid.test', role: 'project_lead' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    await runHours(24);
    const goLive = project.tasks.find((task) => task.milestoneKind === 'go_live')!;
    await updateTask(admin.ctx, goLive.id, { status: 'done' } as never);
    await runHours(24 * 2);
    const steps = (await outbox('project_id = $1', [project.id])).map((row) => `${row.step_id} ${row.state}`);
    expect(steps).toContain('medium-welcome sent');
    expect(steps).toContain('medium-go-live sent');
  });
});

describe('cadences API', () => {
  it('refuses a step with a broken template, naming the field, and writes nothing', async () => {
    const { admin } = await makeWorkspace(env.services, 'Api Co');
    const api = await signedInClient(env, admin);
    const before = (await api.get('/api/v1/cadences')).body.length;
    expect(before).toBe(3);
    const response = await api.post('/api/v1/cadences', {
      name: 'Broken',
      steps: [{ name: 'Hi', trigger: { kind: 'day', day: 0 }, sender: { kind: 'onboarding_manager' }, subject: 'Hi {{ contact.nmae }}', body: 'Hello' }],
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.errors[0].path).toEqual(['body', 'steps', 0, 'subject']);
    expect(response.body.errors[0].message).toMatch(/contact\.nmae/);
    expect((await api.get('/api/v1/cadences')).body).toHaveLength(before);
  });

  it('previews a step with a real contact’s data and sends a test to the member asking', async () => {
    const { admin } = await makeWorkspace(env.services, 'Preview Co');
    const api = await signedInClient(env, admin);
    const account = await makeAccount(admin.ctx, { segment: 'smb', contractSignedOn: '2026-03-02' });
    const contact = await addContact(admin.ctx, account.id, { name: 'Rosa Real', email: 'rosa@preview.test', role: 'champion' });
    await createProject(admin.ctx, { accountId: account.id });
    const step = { subject: 'Hi {{ contact.firstName }} at {{ account.name }}', body: '**{{ daysToGoLive }}** days to go-live', sender: { kind: 'onboarding_manager' } };
    const preview = await api.post('/api/v1/cadences/preview', { step, contactId: contact.id });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe(`Hi Rosa at ${account.name}`);
    expect(preview.body.html).toMatch(/<strong>\d+<\/strong> days to go-live/);
    const test = await api.post('/api/v1/cadences/test-send', { step, contactId: contact.id });
    expect(test.status).toBe(202);
    expect(test.body.to).toBe(admin.email);
    const mail = await api.get('/api/v1/mail?q=' + encodeURIComponent('[Test]'));
    expect(mail.body.messages[0]).toMatchObject({ to: admin.email, subject: `[Test] Hi Rosa at ${account.name}`, state: 'scheduled' });
  });

  it('shows the outbox with state and reason, filtered, and a contact’s timeline of sent and planned messages', async () => {
    env.clock.set(new Date('2026-03-02T06:00:00Z'));
    const { admin } = await makeWorkspace(env.services, 'Timeline Co');
    const api = await signedInClient(env, admin);
    const account = await makeAccount(admin.ctx, { segment: 'smb', contractSignedOn: '2026-03-02', timezone: 'Europe/Paris' });
    const contact = await addContact(admin.ctx, account.id, { name: 'Tim Line', email: 'tim@timeline.test', role: 'champion' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    await runHours(4);
    const timeline = await api.get(`/api/v1/contacts/${contact.id}/messages`);
    expect(timeline.body.messages.map((m: { stepId: string; state: string }) => `${m.stepId} ${m.state}`)).toEqual(['digital-welcome sent']);
    expect(timeline.body.planned[0]).toMatchObject({ stepId: 'digital-day-1', contactName: 'Tim Line', skip: null });
    const sent = await api.get(`/api/v1/mail?state=sent&projectId=${project.id}`);
    expect(sent.body.total).toBe(1);
    expect((await api.get(`/api/v1/mail?state=failed&projectId=${project.id}`)).body.total).toBe(0);
    const one = await api.get(`/api/v1/mail/${sent.body.messages[0].id}`);
    expect(one.body.html).toContain('Tim');
    expect((await api.get('/api/v1/mail?state=nonsense')).status).toBe(400);
    const settings = await api.put('/api/v1/mail/settings', { perDay: 2, perWeek: 1 });
    expect(settings.status).toBe(400);
    expect(settings.body.errors[0].path).toEqual(['body', 'perWeek']);
  });
});
