import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../context.ts';
import { deliverDueMail } from '../../mail/mail.service.ts';
import { makeAccount, makeMember, makeWorkspace, signedInClient, type TestEnv } from '../../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { addContact, updateContact } from '../contacts/contacts.service.ts';
import { createPlaybook } from '../playbooks/playbooks.service.ts';
import { createProject, getProject, listProjects, projectHistory } from '../projects/projects.service.ts';
import { updateTask } from '../projects/tasks.service.ts';
import { runEscalations } from './escalation.service.ts';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
});
afterAll(() => close());

const PARIS = 'Europe/Paris';
/** Sets the test clock to a wall-clock time in Paris (the workspace's timezone). */
const at = (date: string, time = '07:00') => env.clock.set(DateTime.fromISO(`${date}T${time}`, { zone: PARIS }).toJSDate());
const mailTo = (address: string, from = 0) => smtp.received.slice(from).filter((mail) => JSON.stringify(mail.to).includes(address));

/** The morning run of a business day, as `landfall worker` does it: plan at 07:00, deliver after 09:00. */
async function morning(date: string) {
  at(date, '07:00');
  await runEscalations(env.services);
  at(date, '10:00');
  await deliverDueMail(env.services);
}

/**
 * A customer whose two tasks are due on Wednesday 4 March 2026 (day 0 is Monday 2 March): both assigned to
 * Ann, with a champion, an executive sponsor, a contact who left, and an onboarding manager on the vendor side.
 */
async function silentCustomer(name: string) {
  at('2026-03-02', '09:00');
  const { admin, workspace } = await makeWorkspace(env.services, name);
  const manager = await makeMember(env.services, workspace.id, 'onboarding_manager', 'Morgan Manager');
  const account = await makeAccount(admin.ctx, {
    name: `${name} Inc`,
    contractSignedOn: '2026-03-02',
    timezone: PARIS,
    owners: [{ role: 'onboarding_manager', memberId: manager.id }],
  });
  const slug = name.toLowerCase().replace(/\W+/g, '');
  const ann = await addContact(admin.ctx, account.id, { name: 'Ann Admin', email: `ann@${slug}.test`, role: 'admin' });
  const carla = await addContact(admin.ctx, account.id, { name: 'Carla Champion', email: `carla@${slug}.test`, role: 'champion' });
  const sam = await addContact(admin.ctx, account.id, { name: 'Sam Sponsor', email: `sam@${slug}.test`, role: 'executive_sponsor' });
  const playbook = await createPlaybook(admin.ctx, {
    name: `${name} playbook`,
    touchModel: 'medium',
    targetDays: 30,
    selection: { segments: [], complexities: [], products: [] },
    stages: [{ key: 'mobilization', name: 'Mobilization' }],
    tasks: [
      { key: 'logo', title: 'Upload your logo', stage: 'mobilization', owner: { side: 'customer', role: 'admin' }, durationDays: 3, startOffsetDays: 0 },
      { key: 'sso', title: 'Connect single sign-on', stage: 'mobilization', owner: { side: 'customer', role: 'admin' }, durationDays: 3, startOffsetDays: 0 },
      { key: 'training', title: 'Train the admins', stage: 'mobilization', owner: { side: 'vendor', role: 'onboarding_manager' }, durationDays: 2, dependsOn: [{ task: 'sso' }] },
    ],
  });
  const project = await createProject(admin.ctx, { accountId: account.id, playbookId: playbook.id });
  const task = (key: string) => project.tasks.find((candidate) => candidate.key === key)!;
  return { admin, workspace, manager, account, ann, carla, sam, project, logo: task('logo'), sso: task('sso') };
}

const escalationLines = async (ctx: Parameters<typeof projectHistory>[0], projectId: string) =>
  (await projectHistory(ctx, projectId))
    .filter((event) => event.kind === 'escalation')
    .reverse()
    .map((event) => `${DateTime.fromJSDate(new Date(event.createdAt), { zone: PARIS }).toISODate()} ${event.toValue}`);

describe('reminders', () => {
  it('reminds the assignee the day before, in one email for both tasks, over SMTP, with a link to the customer portal, once', async () => {
    const { admin, project, ann } = await silentCustomer('Digest Co');
    const before = smtp.received.length;
    await morning('2026-03-02'); // due Wednesday: nothing yet on Monday
    expect(mailTo(ann.email, before)).toHaveLength(0);

    await morning('2026-03-03');
    await morning('2026-03-03'); // the job runs all day long: still one email
    const mails = mailTo(ann.email, before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Reminder: 2 onboarding tasks need you');
    expect(mail.text).toContain('“Upload your logo”: due on the next business day (Wed 4 Mar)');
    expect(mail.text).toContain('“Connect single sign-on”');
    expect(mail.text).toContain('Open the customer portal: http://landfall.test/portal\n');
    expect(mail.html).toContain('<a href="http://landfall.test/portal">');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Morgan Manager' });
    expect(mail.headerLines.some((line) => line.key === 'list-unsubscribe')).toBe(true);
    expect(await escalationLines(admin.ctx, project.id)).toEqual([
      '2026-03-03 Reminder sent to Ann Admin: “Connect single sign-on” due tomorrow; “Upload your logo” due tomorrow',
    ]);

    // Due today: already reminded. Overdue on Thursday: one more reminder.
    await morning('2026-03-04');
    expect(mailTo(ann.email, before)).toHaveLength(1);
    await morning('2026-03-05');
    const overdue = mailTo(ann.email, before);
    expect(overdue).toHaveLength(2);
    expect(overdue[1]!.text).toContain('1 business day overdue (due Wed 4 Mar)');
    const [row] = await env.services.database.query<{ kind: string; state: string; priority: string }>(
      `select kind, state, priority from mail_outbox where dedupe_key like 'reminders:${ann.id}:2026-03-05'`,
    );
    expect(row).toEqual({ kind: 'automated', state: 'sent', priority: 'high' });
  });

  it('sends once when two runs happen at the same moment (two processes)', async () => {
    const { ann } = await silentCustomer('Twice Co');
    at('2026-03-03', '07:00');
    const results = await Promise.all([runEscalations(env.services), runEscalations(env.services)]);
    expect(results.reduce((sum, result) => sum + result.emails, 0)).toBeGreaterThanOrEqual(1);
    at('2026-03-03', '10:00');
    const before = smtp.received.length;
    await Promise.all([deliverDueMail(env.services), deliverDueMail(env.services)]);
    expect(mailTo(ann.email, before)).toHaveLength(1);
    const rows = await env.services.database.query<{ count: number }>(`select count(*)::int as count from mail_outbox where to_address = $1`, [ann.email]);
    expect(rows[0]!.count).toBe(1);
    const actions = await env.services.database.query<{ count: number }>(
      `select count(*)::int as count from escalation_actions a join projects p on p.id = a.project_id join accounts c on c.id = p.account_id where c.name = 'Twice Co Inc'`,
    );
    expect(actions[0]!.count).toBe(2);
  });

  it('honours an unsubscribe: the reminder is not sent, and the history says why', async () => {
    const { admin, project, ann } = await silentCustomer('Quiet Co');
    const token = `unsub_${'q'.repeat(20)}`;
    await env.services.database.query(
      `insert into contact_mail_preferences (workspace_id, contact_id, unsubscribe_token, unsubscribed_at) values ($1, $2, $3, now())`,
      [admin.workspaceId, ann.id, token],
    );
    const before = smtp.received.length;
    await morning('2026-03-03');
    expect(mailTo(ann.email, before)).toHaveLength(0);
    const [event] = (await projectHistory(admin.ctx, project.id)).filter((candidate) => candidate.field === 'reminder');
    expect(event?.reason).toBe(`Not sent to ${ann.email}: The contact unsubscribed from automated email.`);
  });
});

describe('the escalation ladder', () => {
  it('climbs at 5, 10, 15 and 21 business days overdue, once each, flags the project stalled, and clears it when the customer catches up', async () => {
    const { admin, project, ann, carla, sam, manager, logo, sso } = await silentCustomer('Silent Co');
    const before = smtp.received.length;
    for (let day = DateTime.fromISO('2026-03-03'); day <= DateTime.fromISO('2026-04-06'); day = day.plus({ days: 1 })) {
      await morning(day.toISODate()!);
    }
    expect(await escalationLines(admin.ctx, project.id)).toEqual([
      '2026-03-03 Reminder sent to Ann Admin: “Connect single sign-on” due tomorrow; “Upload your logo” due tomorrow',
      '2026-03-05 Reminder sent to Ann Admin: “Connect single sign-on” 1 business day overdue; “Upload your logo” 1 business day overdue',
      '2026-03-11 Reminder sent to Ann Admin (escalation ladder): “Connect single sign-on” 5 business days overdue; “Upload your logo” 5 business days overdue',
      '2026-03-18 Champion Carla Champion told: 2 tasks, the oldest 10 business days overdue',
      '2026-03-25 Executive sponsor Sam Sponsor told: 2 tasks, the oldest 15 business days overdue',
      '2026-04-02 Flagged stalled, waiting on customer: 2 tasks, the oldest 21 business days overdue',
      '2026-04-02 Onboarding manager Morgan Manager told: 2 tasks, the oldest 21 business days overdue',
    ]);
    expect(mailTo(ann.email, before).map((mail) => mail.subject)).toEqual([
      'Reminder: 2 onboarding tasks need you',
      'Reminder: 2 onboarding tasks need you',
      'Reminder: 2 onboarding tasks need you',
    ]);
    const [champion] = mailTo(carla.email, before);
    expect(champion?.subject).toBe('Silent Co Inc: 2 onboarding tasks overdue, the oldest by 10 business days');
    expect(champion?.text).toContain('As champion for Silent Co Inc, you should know that Silent Co Inc onboarding is waiting on your team');
    expect(champion?.text).toContain('“Upload your logo” (Ann Admin): 10 business days overdue (due Wed 4 Mar)');
    expect(mailTo(sam.email, before)).toHaveLength(1);
    const [managerMail] = mailTo(manager.email, before);
    expect(managerMail?.subject).toBe('Silent Co Inc onboarding: stalled, waiting on Silent Co Inc');
    expect(managerMail?.text).toContain(`Open the project: http://landfall.test/projects/${project.id}`);
    expect(managerMail?.text).toContain('Day 10: Tell the champion (2026-03-18)');

    const stalled = await getProject(admin.ctx, project.id);
    expect(stalled.stalledSince).toBe('2026-04-02');
    expect((await listProjects(admin.ctx, { status: 'active' })).find((row) => row.id === project.id)?.stalledSince).toBe('2026-04-02');
    const api = await signedInClient(env, admin);
    const state = (await api.get(`/api/v1/projects/${project.id}/escalation`)).body;
    expect(state).toMatchObject({ stalledSince: '2026-04-02', episode: { startedOn: '2026-03-05', overdueDays: 23 } });
    expect(state.episode.steps.map((step: { action: string; firedOn: string | null }) => `${step.action} ${step.firedOn}`)).toEqual([
      'remind_assignee 2026-03-11',
      'tell_champion 2026-03-18',
      'tell_executive_sponsor 2026-03-25',
      'flag_stalled 2026-04-02',
      'tell_onboarding_manager 2026-04-02',
    ]);

    // The customer catches up: Ann finishes both tasks in the portal (a contact actor, as the portal will call it).
    at('2026-04-07', '11:00');
    const annInPortal = contextFor(env.services, { kind: 'contact', workspaceId: admin.workspaceId, contactId: ann.id, sessionId: 'portal', preview: false, name: ann.name });
    await updateTask(annInPortal, logo.id, { status: 'done' } as never);
    expect((await getProject(admin.ctx, project.id)).stalledSince).toBe('2026-04-02'); // one task is still overdue
    await updateTask(annInPortal, sso.id, { status: 'done' } as never);
    expect((await getProject(admin.ctx, project.id)).stalledSince).toBeNull();
    const history = await projectHistory(admin.ctx, project.id);
    expect(history.find((event) => event.field === 'stalled' && event.fromValue)).toMatchObject({
      kind: 'escalation',
      field: 'stalled',
      fromValue: '2026-04-02',
      toValue: 'No longer stalled: the customer completed “Upload your logo” and “Connect single sign-on”',
      actorName: 'Escalation ladder',
    });
    // Nothing more is sent for this silence.
    const after = smtp.received.length;
    await morning('2026-04-08');
    expect(smtp.received.length).toBe(after);
    expect((await api.get(`/api/v1/projects/${project.id}/escalation`)).body).toMatchObject({ episode: null, lastEpisode: { endedOn: '2026-04-07' } });
  });

  it('asks the champion to see to a task whose assignee left, and ends the silence of a paused project', async () => {
    const { admin, project, ann, carla } = await silentCustomer('Leaver Co');
    at('2026-03-02', '12:00');
    await updateContact(admin.ctx, ann.id, { leftOn: '2026-03-02' } as never);
    const before = smtp.received.length;
    await morning('2026-03-05');
    expect(mailTo(ann.email, before)).toHaveLength(0);
    const [mail] = mailTo(carla.email, before);
    // Ann's open tasks went to the champion the moment she left (people: never a ghost), so Carla is reminded as their assignee.
    expect(mail?.text).toContain('These tasks in Leaver Co Inc onboarding are waiting on you');
    expect(mail?.text).toContain('Upload your logo');
    await env.services.database.query(`update projects set status = 'paused' where id = $1`, [project.id]);
    at('2026-03-06', '07:00');
    await runEscalations(env.services);
    const api = await signedInClient(env, admin);
    expect((await api.get(`/api/v1/projects/${project.id}/escalation`)).body.lastEpisode).toMatchObject({ endedOn: '2026-03-06', endReason: 'the project is paused' });
  });
});

describe('ladder settings', () => {
  it('keeps the default ladder until changed; saves steps in firing order; refuses a repeated step or a bad day with the field named', async () => {
    const { admin, workspace } = await makeWorkspace(env.services, 'Settings Co');
    const api = await signedInClient(env, admin);
    const initial = await api.get('/api/v1/escalation/settings');
    expect(initial.body.enabled).toBe(true);
    expect(initial.body.steps.map((step: { overdueDays: number; action: string }) => `${step.overdueDays} ${step.action}`)).toEqual([
      '5 remind_assignee',
      '10 tell_champion',
      '15 tell_executive_sponsor',
      '21 flag_stalled',
      '21 tell_onboarding_manager',
    ]);

    const repeated = await api.put('/api/v1/escalation/settings', {
      enabled: true,
      steps: [
        { overdueDays: 3, action: 'remind_assignee' },
        { overdueDays: 3, action: 'remind_assignee' },
      ],
    });
    expect(repeated.status).toBe(400);
    expect(repeated.headers['content-type']).toMatch(/problem\+json/);
    expect(repeated.body.errors).toEqual([{ path: ['body', 'steps', 1, 'action'], message: 'steps.1.action: repeats step 1 (the same action on day 3)' }]);

    const zero = await api.put('/api/v1/escalation/settings', { enabled: true, steps: [{ overdueDays: 0, action: 'tell_champion' }] });
    expect(zero.status).toBe(400);
    expect(zero.body.errors[0].path).toEqual(['body', 'steps', 0, 'overdueDays']);
    const unknown = await api.put('/api/v1/escalation/settings', { enabled: true, steps: [{ overdueDays: 4, action: 'call_ceo' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toEqual(['body', 'steps', 0, 'action']);
    expect((await api.get('/api/v1/escalation/settings')).body.steps).toHaveLength(5);

    const saved = await api.put('/api/v1/escalation/settings', {
      enabled: false,
      steps: [
        { overdueDays: 12, action: 'flag_stalled' },
        { overdueDays: 3, action: 'remind_assignee', enabled: false },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      enabled: false,
      steps: [
        { overdueDays: 3, action: 'remind_assignee', enabled: false },
        { overdueDays: 12, action: 'flag_stalled', enabled: true },
      ],
    });

    const csm = await makeMember(env.services, workspace.id, 'csm');
    const asCsm = await signedInClient(env, csm);
    expect((await asCsm.get('/api/v1/escalation/settings')).status).toBe(200);
    expect((await asCsm.put('/api/v1/escalation/settings', { enabled: true, steps: [] })).status).toBe(403);
  });

  it('sends nothing while the workspace has reminders and escalation turned off', async () => {
    const { admin, ann } = await silentCustomer('Off Co');
    const api = await signedInClient(env, admin);
    await api.put('/api/v1/escalation/settings', { enabled: false, steps: [] });
    const before = smtp.received.length;
    await morning('2026-03-03');
    await morning('2026-03-12');
    expect(mailTo(ann.email, before)).toHaveLength(0);
  });
});

