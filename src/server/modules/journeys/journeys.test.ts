// User onboarding journeys (issue 16): a new user in an account that is already a customer gets their role's
// journey (welcome from the CSM, learning path, their guide), read back from the local SMTP server; a role change
// starts the new role's journey; check-ins when the path is done or stalls; the frequency cap and the unsubscribe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../context.ts';
import { emit } from '../../events/bus.ts';
import { saveMailSettings, unsubscribe } from '../../mail/mail.admin.ts';
import { deliverDueMail, unsubscribeUrlFor } from '../../mail/mail.service.ts';
import { makeAccount, makeMember, makeWorkspace, signedInClient, type TestEnv } from '../../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { addLesson, createCourse } from '../academy/content.service.ts';
import { enrolByHand, listEnrolments } from '../academy/enrolment.service.ts';
import { createPath } from '../academy/paths.service.ts';
import { addContact, updateContact } from '../contacts/contacts.service.ts';
import { closeProject } from '../projects/lifecycle.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { contactJourneys, createJourney, recordStalls, runDueJourneys } from './journeys.service.ts';
import { accountOnboarding } from './onboarding.service.ts';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
});
afterAll(() => close());

const HOUR = 3600_000;
/** Monday 2 March 2026, 08:00 in Paris. */
const START = new Date('2026-03-02T07:00:00Z');

/** A customer: its onboarding project is closed; a CSM, a champion and a super-user. */
async function customer(name: string, products: string[] = []) {
  env.clock.set(START);
  const { workspace, admin } = await makeWorkspace(env.services, name);
  const csm = await makeMember(env.services, workspace.id, 'csm', 'Hannah Csm');
  const account = await makeAccount(admin.ctx, { name: 'Acme', timezone: 'Europe/Paris', products, owners: [{ role: 'csm', memberId: csm.id }] });
  const champion = await addContact(admin.ctx, account.id, { name: 'Cleo Champion', email: `cleo@${name}.test`, role: 'champion' });
  const superUser = await addContact(admin.ctx, account.id, { name: 'Sue Super', email: `sue@${name}.test`, role: 'super_user' });
  const project = await createProject(admin.ctx, { accountId: account.id });
  await closeProject(admin.ctx, project.id, { outcome: 'complete', reason: 'Live and onboarded' });
  return { workspace, admin, csm, account, champion, superUser, project };
}

/** Runs the jobs on every `every`-th hour for `hours` hours of the test clock (the planner wakes at each step's time). */
async function runHours(hours: number, every = 1) {
  for (let h = 0; h < hours; h += every) {
    await runDueJourneys(env.services);
    await recordStalls(env.services);
    await deliverDueMail(env.services);
    env.clock.set(new Date((Math.floor(env.clock.now().getTime() / HOUR) + every) * HOUR));
  }
}

const receivedBy = (from: number, address: string) => smtp.received.slice(from).filter((mail) => JSON.stringify(mail.to ?? '').includes(address));

const outboxOf = (contactId: string) =>
  env.services.database.query<{ step_id: string; state: string; reason: string | null }>(
    "select step_id, state, reason from mail_outbox where contact_id = $1 and dedupe_key like 'journey:%' order by created_at, step_id",
    [contactId],
  );

describe('a new user in an account that is already a customer', () => {
  it('gets the journey of their role: a welcome from the CSM, their learning path, an introduction to their guide', async () => {
    const before = smtp.received.length;
    const { admin, account, superUser } = await customer('joiners');
    const user = await addContact(admin.ctx, account.id, { name: 'Uma User', email: 'uma@joiners.test', role: 'end_user' });

    const journey = await contactJourneys(admin.ctx, user.id);
    expect(journey.current).toMatchObject({ journeyName: 'New user', reason: 'joined', role: 'end_user' });
    // Portal access on the account's project, as assignment gives the champion at a project's start (no invitation of its own).
    expect(await env.services.database.query('select 1 from portal_access where contact_id = $1 and revoked_at is null', [user.id])).toHaveLength(1);
    await runHours(24);

    let onboarding = await accountOnboarding(admin.ctx, account.id);
    const uma = () => onboarding.people.find((person) => person.contactId === user.id)!;
    expect(uma()).toMatchObject({ state: 'onboarding', guide: { contactId: superUser.id, name: 'Sue Super' } });
    expect(uma().journey).toMatchObject({ stepsDone: 1, nextStep: { name: 'Day 1: your portal and learning path' } });
    expect(uma().journey?.waitingFor).toEqual(['Check-in: learning path completed', 'Check-in: learning path stalled']);
    expect(onboarding.superUsers).toEqual([
      expect.objectContaining({ contactId: superUser.id, certified: false, trainees: [{ contactId: user.id, name: 'Uma User' }] }),
    ]);
    await runHours(24 * 3, 2);

    const mails = receivedBy(before, 'uma@joiners.test');
    expect(mails.map((mail) => mail.subject)).toEqual(['Welcome to our product, Uma', 'Your first steps with our product', 'Meet Sue Super, your guide at Acme']);
    expect(mails[0]!.from?.text).toContain('Hannah Csm');
    expect(mails[2]!.text).toContain(`sue@joiners.test`);
    expect(mails[0]!.text).toContain('/api/v1/unsubscribe/');
    // No learning path to wait for: the journey ran to its end, and they count as onboarded two days after joining.
    onboarding = await accountOnboarding(admin.ctx, account.id);
    expect(uma()).toMatchObject({ state: 'onboarded', daysToOnboarded: 2 });
    expect(onboarding.coverage).toMatchObject({ superUsers: 1, flagged: false });
  });

  it('starts no journey while the account is still in its first onboarding (the project cadence welcomes them)', async () => {
    env.clock.set(START);
    const { admin } = await makeWorkspace(env.services, 'first-onboarding');
    const account = await makeAccount(admin.ctx);
    await createProject(admin.ctx, { accountId: account.id });
    const user = await addContact(admin.ctx, account.id, { name: 'Nia New', email: 'nia@first.test', role: 'end_user' });
    expect((await contactJourneys(admin.ctx, user.id)).current).toBeNull();
    const onboarding = await accountOnboarding(admin.ctx, account.id);
    expect(onboarding.coverage).toMatchObject({ superUsers: 0, flagged: true });
  });

  it('starts the new role’s journey when a role changes: the successor who becomes champion', async () => {
    const before = smtp.received.length;
    const { admin, account, champion } = await customer('successor');
    const successor = await addContact(admin.ctx, account.id, { name: 'Sid Successor', email: 'sid@successor.test', role: 'end_user' });
    await runHours(3);
    await updateContact(admin.ctx, champion.id, { leftOn: '2026-03-02' });
    await updateContact(admin.ctx, successor.id, { role: 'champion' });

    const journeys = await contactJourneys(admin.ctx, successor.id);
    expect(journeys.current).toMatchObject({ journeyName: 'New champion', reason: 'role_changed', role: 'champion' });
    expect(journeys.history[1]).toMatchObject({ journeyName: 'New user', endedReason: expect.stringContaining('champion') });
    await runHours(24 * 2);
    const subjects = receivedBy(before, 'sid@successor.test').map((mail) => mail.subject);
    expect(subjects[0]).toBe('Welcome to our product, Sid');
    expect(subjects).toContain('Welcome, Sid: you are Acme’s champion for our product');
  });

  it('checks in when the learning path is completed, and the person counts as onboarded', async () => {
    const before = smtp.received.length;
    const { admin, account } = await customer('completers');
    const user = await addContact(admin.ctx, account.id, { name: 'Paz Path', email: 'paz@completers.test', role: 'admin' });
    await runHours(2);
    await inTransaction(admin.ctx, (tx) => emit(tx, 'path.completed', { enrolmentId: '00000000-0000-4000-8000-000000000001', contactId: user.id, accountId: account.id, pathId: '00000000-0000-4000-8000-000000000002', certificateId: null }));
    await runHours(24 * 5, 3);
    const subjects = receivedBy(before, 'paz@completers.test').map((mail) => mail.subject);
    expect(subjects).toContain('Well done, Paz: how is our product going?');
    const journey = (await contactJourneys(admin.ctx, user.id)).history[0]!;
    expect(journey.completedAt).not.toBeNull();
    expect((await accountOnboarding(admin.ctx, account.id)).people.find((p) => p.contactId === user.id)?.state).toBe('onboarded');
  });

  it('checks in when the learning path has not moved for the journey’s stall days', async () => {
    const before = smtp.received.length;
    const { admin, account } = await customer('stallers');
    const course = await createCourse(admin.ctx, { title: 'Basics', summary: '', product: null, modules: [], estimatedMinutes: null });
    await addLesson(admin.ctx, course.id, { title: 'Start', content: { kind: 'markdown', body: 'Hello' } });
    const path = await createPath(admin.ctx, {
      title: 'Essentials',
      description: '',
      audience: { roles: [], segments: [], products: [], modules: [], organizationIds: [], stages: [] },
      courses: [{ courseId: course.id, kind: 'core' }],
      electivesRequired: 0,
      minimumScore: null,
      certificate: null,
    });
    const user = await addContact(admin.ctx, account.id, { name: 'Sam Slow', email: 'sam@stallers.test', role: 'end_user' });
    await enrolByHand(admin.ctx, { pathId: path.id, contactIds: [user.id] });
    expect((await listEnrolments(admin.ctx, { contactId: user.id }, 5, 0)).items).toHaveLength(1);
    await runHours(24 * 16, 6);
    const subjects = receivedBy(before, 'sam@stallers.test').map((mail) => mail.subject);
    expect(subjects).toContain('Your first steps with our product');
    expect(subjects.filter((subject) => subject === 'Can I help, Sam?')).toHaveLength(1);
    const mail = receivedBy(before, 'sam@stallers.test').find((m) => m.subject === 'Your first steps with our product')!;
    expect(mail.text).toContain('Essentials');
  });

  it('respects the frequency cap: two low-priority steps on one day, one goes', async () => {
    const { admin, account } = await customer('capped', ['Core Platform']);
    await saveMailSettings(admin.ctx, { perDay: 1, perWeek: 3 });
    const sender = { kind: 'onboarding_manager' as const };
    const step = (id: string) => ({ id, name: id, trigger: { kind: 'day' as const, day: 0 }, delayDays: 0, dayKind: 'business' as const, sendAt: '10:00', channel: 'email' as const, audience: [], sender, priority: 'low' as const, subject: `Step ${id}`, body: 'Hello' });
    await createJourney(admin.ctx, { name: 'Core admins', description: null, roles: ['admin'], products: ['Core Platform'], stallDays: 10, steps: [step('one'), step('two')], paused: false, archived: false });
    const user = await addContact(admin.ctx, account.id, { name: 'Cap Admin', email: 'cap@capped.test', role: 'admin' });
    expect((await contactJourneys(admin.ctx, user.id)).current?.journeyName).toBe('Core admins');
    await runHours(6);
    const rows = await outboxOf(user.id);
    expect(rows.map((row) => row.state).sort()).toEqual(['sent', 'suppressed']);
    expect(rows.find((row) => row.state === 'suppressed')?.reason).toContain('frequency cap');
  });

  it('respects the unsubscribe: nothing is sent, each step is kept as suppressed with the reason', async () => {
    const before = smtp.received.length;
    const { admin, account, workspace } = await customer('unsubscribers');
    const user = await addContact(admin.ctx, account.id, { name: 'Una Sub', email: 'una@unsubscribers.test', role: 'end_user' });
    const url = await unsubscribeUrlFor(env.services.database.db, env.services, workspace.id, user.id);
    await unsubscribe(env.services, url.split('/').at(-1)!);
    await runHours(24 * 3);
    expect(receivedBy(before, 'una@unsubscribers.test')).toEqual([]);
    const rows = await outboxOf(user.id);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => row.state === 'suppressed' && row.reason?.includes('unsubscribed'))).toBe(true);
  });

  it('gives a guide’s trainees another super-user when the guide leaves, and flags an account left with none', async () => {
    const { admin, account, superUser } = await customer('guides');
    const second = await addContact(admin.ctx, account.id, { name: 'Ria Reserve', email: 'ria@guides.test', role: 'super_user' });
    const a = await addContact(admin.ctx, account.id, { name: 'Ann A', email: 'ann@guides.test', role: 'end_user' });
    const b = await addContact(admin.ctx, account.id, { name: 'Ben B', email: 'ben@guides.test', role: 'end_user' });
    let view = await accountOnboarding(admin.ctx, account.id);
    const guideOf = (id: string) => view.people.find((p) => p.contactId === id)?.guide?.contactId;
    // Ria joined as a super-user and was introduced to Sue (Sue: one trainee); then the fewest trainees first, by name.
    expect([guideOf(second.id), guideOf(a.id), guideOf(b.id)]).toEqual([superUser.id, second.id, second.id]);
    await updateContact(admin.ctx, second.id, { leftOn: '2026-03-02' });
    view = await accountOnboarding(admin.ctx, account.id);
    expect([guideOf(a.id), guideOf(b.id)]).toEqual([superUser.id, superUser.id]);
    await updateContact(admin.ctx, superUser.id, { leftOn: '2026-03-02' });
    view = await accountOnboarding(admin.ctx, account.id);
    expect([guideOf(a.id), guideOf(b.id)]).toEqual([undefined, undefined]);
    expect(view.coverage.flagged).toBe(true);
  });
});

describe('the journeys API', () => {
  it('lists the built-in journeys per role, edits one (pause, steps), refuses a broken template and unknown keys', async () => {
    const { admin } = await makeWorkspace(env.services, 'journey-api');
    const api = await signedInClient(env, admin);
    const list = (await api.get('/api/v1/journeys')).body as { id: string; name: string; roles: string[]; steps: { id: string }[] }[];
    expect(list.map((journey) => journey.name).sort()).toEqual(['New admin', 'New champion', 'New executive sponsor', 'New super-user', 'New user']);
    const champion = list.find((journey) => journey.name === 'New champion')!;
    const paused = await api.patch(`/api/v1/journeys/${champion.id}`, { paused: true });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ paused: true, name: 'New champion', steps: champion.steps });
    const broken = await api.patch(`/api/v1/journeys/${champion.id}`, { steps: [{ name: 'x', trigger: { kind: 'day', day: 0 }, sender: { kind: 'onboarding_manager' }, subject: 'Hi {{ contact.nope }}', body: 'x' }] });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toContain('steps.0.subject');
    expect((await api.patch(`/api/v1/journeys/${champion.id}`, { colour: 'red' })).status).toBe(400);
    expect((await api.patch(`/api/v1/journeys/${champion.id}`, {})).status).toBe(400);
    const badEvent = await api.post('/api/v1/journeys', { name: 'x', steps: [{ name: 'x', trigger: { kind: 'event', event: 'milestone_reached' }, sender: { kind: 'onboarding_manager' }, subject: 'x', body: 'x' }] });
    expect(badEvent.status).toBe(400);
    expect((await api.get(`/api/v1/journeys/${champion.id}`)).body.steps).toEqual(champion.steps);
  });
});
