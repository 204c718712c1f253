// Issue 14's story end to end: a SaaS vendor in Denver with US public holidays receives a won SMB deal from its
// CRM on Friday 2027-01-15 at 14:30 (the Monday after is Martin Luther King Day). On a fake clock, running each
// job's function as its job does (nightly re-plan, cadences, escalation, the vendor ladder, mail delivery to a
// real SMTP server), day by day to day 60: the manager is assigned with the reason, champion and admin sign in
// from the welcome, the digital cadence goes on business days 1/3/5/7 to the roles its steps name, the welcome
// task is done by the system and never blamed, and onboarding completes on day 60 when everyone is on time.
// A second deal, left alone, stalls: its owner is reminded, then the team lead told.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../mail/mail.service.ts';
import { workspaceWithCrm } from '../../test/intake.ts';
import { httpClient, makeMember, signedInClient, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { linkIn, portalClient, portalCookieOf } from '../../test/portal.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { runDueCadences } from '../cadences/cadences.service.ts';
import { runEscalations } from '../escalation/escalation.service.ts';
import { runVendorLadder } from '../escalation/vendor-ladder.ts';
import { replanStaleProjects } from '../projects/projects.service.ts';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;
let admin: TestMember;
let api: HttpClient;
let crm: HttpClient;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
  env.clock.set(new Date('2027-01-15T20:00:00Z'));
  ({ admin, api, crm } = await workspaceWithCrm(env));
});
afterAll(() => close());

const DENVER = 'America/Denver';
const DAY0 = DateTime.fromISO('2027-01-15T14:30', { zone: DENVER });
/** A time of day on the calendar day `day` after day 0, in Denver (daylight saving time included). */
const at = (day: number, hour: number, minute = 0) => DAY0.plus({ days: day }).set({ hour, minute }).toJSDate();
const dateOf = (day: number) => DAY0.plus({ days: day }).toISODate()!;
const inDenver = (date: Date) => DateTime.fromJSDate(date, { zone: DENVER }).toFormat('yyyy-MM-dd HH:mm ccc');

/** What the jobs do when they wake: the nightly re-plan, the cadence planner, both ladders, the mail sender. */
async function runJobs() {
  await replanStaleProjects(env.services);
  await runDueCadences(env.services);
  await runEscalations(env.services);
  await runVendorLadder(env.services);
  await deliverDueMail(env.services);
}

const inbox = (address: string) => smtp.received.filter((mail) => JSON.stringify(mail.to ?? '').toLowerCase().includes(address.toLowerCase()));
const bareId = (id: string | undefined) => (id ?? '').replace(/^<|>$/g, '');

const deal = (n: number, company: string) => ({
  dealId: `smb-story-${n}`,
  company: { name: company, domain: `${company.toLowerCase().replace(/\W+/g, '')}.test`, industry: 'Software', segment: 'smb', complexity: 'low', timezone: DENVER },
  products: [],
  contractValue: 18000,
  closedOn: '2027-01-15',
  contacts: [
    { name: 'Cleo Champion', email: `cleo@story${n}.test`, role: 'champion' },
    { name: 'Adam Admin', email: `adam@story${n}.test`, role: 'admin' },
    { name: 'Sam Sponsor', email: `sam@story${n}.test`, role: 'executive_sponsor' },
    { name: 'Uma User', email: `uma@story${n}.test`, role: 'end_user' },
    { name: 'Ed User', email: `ed@story${n}.test`, role: 'end_user' },
  ],
  salesRep: { email: 'nobody@vendor.test' },
});

interface Task {
  id: string;
  key: string;
  title: string;
  status: string;
  projectedStart: string | null;
  projectedFinish: string | null;
  actualStart: string | null;
  actualFinish: string | null;
}

/** Everyone on time: work starts on its planned start and finishes on its planned finish, through the API. */
async function keepUp(projectId: string, today: string, finishing: boolean) {
  const answer = await api.get(`/api/v1/projects/${projectId}`);
  if (answer.status !== 200) throw new Error(`${today}: ${answer.status} ${JSON.stringify(answer.body)}`);
  const tasks = answer.body.tasks as Task[];
  for (const task of tasks) {
    if (task.status === 'done' || task.status === 'skipped' || !task.projectedStart || task.projectedStart > today) continue;
    const patch: Record<string, unknown> = {};
    if (task.status === 'not_started') Object.assign(patch, { status: 'in_progress', actualStart: task.projectedStart });
    if (finishing && task.projectedFinish && task.projectedFinish <= today) Object.assign(patch, { status: 'done', actualStart: task.actualStart ?? task.projectedStart, actualFinish: task.projectedFinish });
    if (Object.keys(patch).length === 0) continue;
    const changed = await api.patch(`/api/v1/tasks/${task.id}`, patch);
    if (changed.status !== 200) throw new Error(`${today} ${task.title}: ${changed.status} ${JSON.stringify(changed.body)}`);
  }
}

/** The welcome from the SMTP server → its portal link → "email me a sign-in link" → that mail → signed in. */
async function signInFromWelcome(address: string, projectId: string) {
  const welcome = inbox(address).find((mail) => /^Welcome to/.test(mail.subject ?? ''));
  expect(welcome, `a welcome for ${address}`).toBeDefined();
  const portalLink = /https?:\/\/\S+?\/portal\/projects\/([0-9a-f-]{36})/.exec(welcome!.text ?? '');
  expect(portalLink?.[1]).toBe(projectId);
  const anonymous = httpClient(env.app);
  const before = smtp.received.length;
  expect((await anonymous.post('/api/portal/v1/sign-in/email', { email: address })).status).toBe(200);
  await deliverDueMail(env.services);
  const signInMail = smtp.received.slice(before).find((mail) => JSON.stringify(mail.to).includes(address) && /sign-in link/i.test(mail.subject ?? ''));
  expect(signInMail, `a sign-in link for ${address}`).toBeDefined();
  const token = linkIn(signInMail!.text ?? '', '/portal/sign-in')!;
  const signedIn = await anonymous.post('/api/portal/v1/sign-in', { token });
  const session = portalCookieOf(signedIn.headers);
  expect(session, JSON.stringify(signedIn.body)).toBeDefined();
  expect((await portalClient(env, session!).get(`/api/portal/v1/projects/${projectId}`)).status).toBe(200);
}

describe('a won SMB deal from Friday 14:30 in Denver to day 60', () => {
  it('assigns, welcomes, lets the customer in, drips on business days past MLK day, completes on day 60 on time, and ladders a stalled twin', { timeout: 240_000 }, async () => {
    // The workspace: Denver, US public holidays, an SMB rule and a team lead.
    expect((await api.patch('/api/v1/workspace', { timezone: DENVER, holidayCountry: 'US' })).status).toBe(200);
    const olivia = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Owner');
    const maya = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Maya Chen');
    const lena = await makeMember(env.services, admin.workspaceId, 'leader', 'Lena Lead');
    const saved = await api.put('/api/v1/assignment/settings', {
      teamLeadId: lena.id,
      portalRoles: ['champion', 'admin'],
      rules: [{ name: 'SMB deals → least loaded', role: 'onboarding_manager', match: { segments: ['smb'] }, strategy: 'least_loaded', memberIds: [olivia.id, maya.id] }],
    });
    expect(saved.status).toBe(200);
    // Two automated emails a day: a "due tomorrow" reminder and the drip can share a day. (At the default of one a
    // day the reminders outrank the drip: the reminders due Friday and Monday take Thursday and Friday, and the
    // day-3 and day-5 steps wait to Monday and Tuesday, as the cap's rules say.)
    expect((await api.put('/api/v1/mail/settings', { perDay: 2, perWeek: 6 })).status).toBe(200);

    // Day 0, Friday 14:30: the deal arrives from the CRM.
    env.clock.set(at(0, 14, 30));
    const won = await crm.post('/api/v1/intake/deals', deal(1, 'Brightline Apps'));
    expect(won.status).toBe(201);
    const projectId: string = won.body.projectId;
    const stalled = await crm.post('/api/v1/intake/deals', deal(2, 'Quietfield Labs'));
    expect(stalled.status).toBe(201);
    const stalledId: string = stalled.body.projectId;

    // The manager, with the reason, on the project and in its history.
    expect((await api.get(`/api/v1/projects/${projectId}`)).body).toMatchObject({ day0: '2027-01-15', onboardingManager: { id: olivia.id, name: 'Olivia Owner' } });
    expect((await api.get(`/api/v1/projects/${projectId}/assignments`)).body.assignments).toEqual([
      expect.objectContaining({ role: 'onboarding_manager', member: { id: olivia.id, name: 'Olivia Owner' }, reason: "Assigned by rule 'SMB deals → least loaded': Olivia Owner had 0 open projects" }),
    ]);
    expect((await api.get(`/api/v1/projects/${stalledId}/assignments`)).body.assignments[0]).toMatchObject({ member: { name: 'Maya Chen' } });
    const history = async (id: string) => (await api.get(`/api/v1/projects/${id}/history`)).body as { kind: string; field: string | null; toValue: string | null; reason: string | null; at?: string; createdAt?: string }[];
    expect(await history(projectId)).toContainEqual(expect.objectContaining({ kind: 'assigned', field: 'onboarding_manager', reason: expect.stringContaining('Olivia Owner had 0 open projects') }));

    // Day 0 to day 60: each day at 09:00 (the cadence's hour) and 17:00 Denver, the jobs run; the customer and the
    // vendor of the first project start and finish their work on the planned dates; the second project is left alone.
    await runJobs();
    await signInFromWelcome('cleo@story1.test', projectId);
    await signInFromWelcome('adam@story1.test', projectId);
    const onboardingComplete = async () =>
      ((await api.get(`/api/v1/projects/${projectId}`)).body.tasks as Task[]).find((task) => task.key === 'onboarding_complete')!;
    for (let day = 0; day <= 60; day++) {
      if (day > 0) {
        env.clock.set(at(day, 9));
        // The vendor's admin signs in again each Monday (a session does not last two months).
        if (day % 7 === 3) api = await signedInClient(env, admin);
        await runJobs();
        await keepUp(projectId, dateOf(day), false);
      }
      env.clock.set(at(day, 17));
      await runJobs();
      if (day === 59) expect((await onboardingComplete()).projectedFinish).toBe('2027-03-16'); // day 60
      await keepUp(projectId, dateOf(day), true);
    }

    // Onboarding complete on day 60, everything else done, nobody late.
    expect(await onboardingComplete()).toMatchObject({ status: 'done', actualFinish: '2027-03-16' });
    const project = (await api.get(`/api/v1/projects/${projectId}`)).body;
    expect((project.tasks as Task[]).filter((task) => task.status !== 'done').map((task) => task.title)).toEqual([]);
    expect(dateOf(60)).toBe('2027-03-16');

    // The welcome task: done on day 0 by the cadence, and nothing owed to it.
    expect((project.tasks as Task[]).find((task) => task.key === 'welcome_email')).toMatchObject({ status: 'done', actualStart: '2027-01-15', actualFinish: '2027-01-15' });
    expect(JSON.stringify(await history(projectId))).toContain('Done by itself: the cadence sent the welcome email on 2027-01-15.');
    expect(JSON.stringify((await api.get(`/api/v1/projects/${projectId}/delays`)).body)).not.toContain('Send the welcome email');
    expect(JSON.stringify((await api.get(`/api/v1/projects/${stalledId}/delays`)).body)).not.toContain('Send the welcome email');

    // The champion's cadence: at once on Friday, then business days 1, 3, 5 and 7 (Monday the 18th is MLK day).
    const arrivals = (address: string) => inbox(address).map((mail) => `${inDenver(mail.date!)} ${mail.subject}`);
    const champion = arrivals('cleo@story1.test').filter((line) => !/sign-in link|Reminder: /.test(line));
    expect(champion.slice(0, 5)).toEqual([
      '2027-01-15 14:30 Fri Welcome to our product, Cleo',
      '2027-01-19 09:00 Tue Your first ten minutes with our product',
      '2027-01-21 09:00 Thu What should our product change for Brightline Apps?',
      '2027-01-25 09:00 Mon Connect the tools Brightline Apps already uses',
      '2027-01-27 09:00 Wed Bring your team into our product',
    ]);
    // The reminders go the business day before their due date, with the drip.
    expect(arrivals('cleo@story1.test').filter((line) => /Reminder: /.test(line)).slice(0, 2)).toEqual([
      '2027-01-21 09:00 Thu Reminder: “Choose how we keep in touch” is due tomorrow',
      '2027-01-22 09:00 Fri Reminder: “Confirm your success metrics” is due tomorrow',
    ]);

    // Each role gets exactly the steps whose audience names it (an empty audience is everyone), over SMTP.
    const [digital] = ((await api.get('/api/v1/cadences')).body as { name: string; steps: { id: string; trigger: { kind: string }; audience: string[] }[] }[]).filter((c) => /^Digital/.test(c.name));
    const dripSteps = digital!.steps.filter((step) => step.trigger.kind === 'day');
    const sentSteps = async (address: string) => {
      const rows = await env.services.database.query<{ message_id: string; step_id: string }>(
        `select message_id, step_id from mail_outbox where project_id = $1 and lower(to_address) = $2 and step_id is not null`,
        [projectId, address],
      );
      const delivered = new Set(inbox(address).map((mail) => bareId(mail.messageId)));
      return rows.filter((row) => delivered.has(bareId(row.message_id))).map((row) => row.step_id).sort();
    };
    const expected = (role: string) => dripSteps.filter((step) => step.audience.length === 0 || step.audience.includes(role)).map((step) => step.id).sort();
    expect(await sentSteps('sam@story1.test')).toEqual(expected('executive_sponsor'));
    expect(await sentSteps('uma@story1.test')).toEqual(expected('end_user'));
    expect(await sentSteps('ed@story1.test')).toEqual(expected('end_user'));
    expect(expected('end_user')).not.toContain('digital-welcome');
    expect(expected('executive_sponsor')).toContain('digital-wrap-up');

    // On time means no vendor work is ever overdue on the first project. (Its long customer tasks — a ten-day course —
    // leave it quiet for more than five business days, and the ladder's quiet-project rule does speak then.)
    // The history API answers a project's newest lines; the ladder's steps are read from the whole history here.
    const vendorLines = async (id: string) =>
      (
        await env.services.database.query<{ created_at: Date; field: string; to_value: string }>(
          `select created_at, field, to_value from project_events where project_id = $1 and field like 'vendor\\_%' order by created_at`,
          [id],
        )
      ).map((line) => `${inDenver(new Date(line.created_at))} ${line.field}: ${line.to_value}`);
    expect((await vendorLines(projectId)).filter((line) => /overdue/.test(line))).toEqual([]);
    // The stalled one reminds Maya, then tells Lena, each in the history and by email.
    const ladder = await vendorLines(stalledId);
    expect(ladder.slice(0, 2)).toEqual([
      expect.stringMatching(/^2027-01-19 09:00 Tue vendor_remind_owner: Owner Maya Chen reminded: “.+” is 1 business day overdue/),
      expect.stringMatching(/^2027-01-22 09:00 Fri vendor_tell_team_lead: Team lead Lena Lead told: /),
    ]);
    const mayaMail = inbox(maya.email).map((mail) => mail.date!.getTime());
    const lenaMail = inbox(lena.email).map((mail) => mail.date!.getTime());
    expect(mayaMail.length).toBeGreaterThan(0);
    expect(lenaMail.length).toBeGreaterThan(0);
    expect(Math.min(...mayaMail)).toBeLessThan(Math.min(...lenaMail));
  });
});
