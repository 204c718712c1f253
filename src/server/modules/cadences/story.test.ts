// The seed's digital-touch story, the cadence's part: an SMB deal closed Friday 2027-01-15 at 14:30 in Denver,
// the Monday after is Martin Luther King Day. Who gets which step, on which day, and the welcome task done by itself.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../mail/mail.service.ts';
import { makeAccount, makeWorkspace, signedInClient, type TestEnv } from '../../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { projectHistory, createProject } from '../projects/projects.service.ts';
import { updateWorkspace } from '../workspaces/workspaces.service.ts';
import { runDueCadences, saveCadenceSettings } from './cadences.service.ts';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
});
afterAll(() => close());

const HOUR = 3600_000;
const DENVER = 'America/Denver';
const inDenver = (date: Date) => DateTime.fromJSDate(date, { zone: DENVER }).toFormat('yyyy-MM-dd HH:mm ccc');
/** Friday 15 January 2027, 14:30 in Denver. */
const DEAL_CLOSED = new Date('2027-01-15T21:30:00Z');

async function dealClosed(name: string, welcomeTiming: 'at_once' | 'next_morning') {
  env.clock.set(DEAL_CLOSED);
  const { admin } = await makeWorkspace(env.services, name);
  await updateWorkspace(admin.ctx, { timezone: DENVER, holidays: ['2027-01-18', '2027-02-15'] });
  await saveCadenceSettings(admin.ctx, { welcomeTiming });
  const account = await makeAccount(admin.ctx, { segment: 'smb', complexity: 'low', contractSignedOn: '2027-01-15', timezone: DENVER, products: [] });
  const people = {
    champion: await addContact(admin.ctx, account.id, { name: 'Cleo Champion', email: `cleo@${name}.test`, role: 'champion' }),
    admin: await addContact(admin.ctx, account.id, { name: 'Adam Admin', email: `adam@${name}.test`, role: 'admin' }),
    sponsor: await addContact(admin.ctx, account.id, { name: 'Sam Sponsor', email: `sam@${name}.test`, role: 'executive_sponsor' }),
    user: await addContact(admin.ctx, account.id, { name: 'Uma User', email: `uma@${name}.test`, role: 'end_user' }),
  };
  const project = await createProject(admin.ctx, { accountId: account.id });
  return { admin, account, people, project };
}

async function runHours(hours: number) {
  for (let h = 0; h < hours; h++) {
    await runDueCadences(env.services);
    await deliverDueMail(env.services);
    // On the hour, as the planner wakes at each step's time.
    env.clock.set(new Date((Math.floor(env.clock.now().getTime() / HOUR) + 1) * HOUR));
  }
}

const received = (from: number, address: string) =>
  smtp.received.slice(from).filter((mail) => mail.to && JSON.stringify(mail.to).includes(address));

describe('the digital cadence for a deal closed on a Friday afternoon before a holiday', () => {
  it('welcomes at once, counts business days 1, 3, 5 and 7 past the holiday, reaches each role its audience names, and completes the welcome task itself', async () => {
    const before = smtp.received.length;
    const { admin, people, project, account } = await dealClosed('afternoon', 'at_once');
    await runHours(24 * 20);

    const arrivals = (address: string) => received(before, address).map((mail) => `${inDenver(mail.date!)} ${mail.subject}`);
    const champion = arrivals(people.champion.email);
    expect(champion.slice(0, 5)).toEqual([
      '2027-01-15 14:30 Fri Welcome to our product, Cleo',
      '2027-01-19 09:00 Tue Your first ten minutes with our product', // business day 1: Monday is a holiday
      '2027-01-21 09:00 Thu What should our product change for ' + account.name + '?',
      '2027-01-25 09:00 Mon Connect the tools ' + account.name + ' already uses',
      '2027-01-27 09:00 Wed Bring your team into our product',
    ]);
    // The sponsor is welcomed; the end user is not (the welcome's audience), but the webinar is for everyone.
    expect(arrivals(people.sponsor.email)[0]).toBe('2027-01-15 14:30 Fri Welcome to our product, Sam');
    expect(arrivals(people.user.email).some((line) => /Welcome to our product/.test(line))).toBe(false);
    expect(arrivals(people.user.email)).toContain('2027-02-03 09:00 Wed Live this week: getting the most from our product');

    // The welcome email went: its task is done, that Friday, by the cadence, and nothing waits for it.
    const api = await signedInClient(env, admin);
    const tasks = (await api.get(`/api/v1/projects/${project.id}`)).body.tasks as { key: string; status: string; actualStart: string; actualFinish: string }[];
    expect(tasks.find((task) => task.key === 'welcome_email')).toMatchObject({ status: 'done', actualStart: '2027-01-15', actualFinish: '2027-01-15' });
    const history = await projectHistory(admin.ctx, project.id);
    expect(JSON.stringify(history)).toContain('Done by itself: the cadence sent the welcome email on 2027-01-15.');
    const delays = (await api.get(`/api/v1/projects/${project.id}/delays`)).body;
    expect(JSON.stringify(delays)).not.toContain('Send the welcome email');
  });

  it('holds an afternoon welcome for the next business morning when the workspace says so', async () => {
    const before = smtp.received.length;
    const { people } = await dealClosed('morning', 'next_morning');
    await runHours(24 * 5);
    const champion = received(before, people.champion.email).map((mail) => `${inDenver(mail.date!)} ${mail.subject}`);
    // The welcome takes Tuesday 09:00 (Monday is a holiday); the day-1 step, lower in priority, waits a day for the cap.
    expect(champion.slice(0, 2)).toEqual(['2027-01-19 09:00 Tue Welcome to our product, Cleo', '2027-01-20 09:00 Wed Your first ten minutes with our product']);
  });

  it('edits the afternoon-welcome setting and a step’s audience and day kind through the API', async () => {
    const { admin } = await makeWorkspace(env.services, 'Editor');
    const api = await signedInClient(env, admin);
    expect((await api.get('/api/v1/cadences/settings')).body).toEqual({ welcomeTiming: 'at_once' });
    expect((await api.put('/api/v1/cadences/settings', { welcomeTiming: 'next_morning' })).body).toEqual({ welcomeTiming: 'next_morning' });
    expect((await api.put('/api/v1/cadences/settings', { welcomeTiming: 'tomorrow' })).status).toBe(400);

    const [digital] = (await api.get('/api/v1/cadences')).body.filter((cadence: { name: string }) => /Digital/.test(cadence.name));
    expect(digital.name).toBe('Digital touch: day 0, then business days 1, 3, 5 and 7');
    const steps = digital.steps.map((step: Record<string, unknown>) => (step.id === 'digital-day-3' ? { ...step, dayKind: 'calendar', audience: ['executive_sponsor'] } : step));
    const saved = (await api.put(`/api/v1/cadences/${digital.id}`, { name: digital.name, touchModels: ['digital'], steps })).body;
    expect(saved.steps.find((step: { id: string }) => step.id === 'digital-day-3')).toMatchObject({ dayKind: 'calendar', audience: ['executive_sponsor'] });
    expect(saved.steps.find((step: { id: string }) => step.id === 'digital-welcome')).toMatchObject({ dayKind: 'business', action: 'cadence.welcome_sent' });
  });
});
