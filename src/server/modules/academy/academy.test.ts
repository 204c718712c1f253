import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addContact, updateContact } from '../contacts/contacts.service.ts';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../../test/harness.ts';
import { projectWithContact, signInAsContact } from '../../test/portal.ts';
import type { Ctx } from '../../context.ts';
import { emit } from '../../events/bus.ts';
import { multipartBody } from '../../test/uploads.ts';
import { scormPackage, zipClaimingSize, zipOf } from './testing/scorm-fixtures.ts';

let env: TestEnv;
let api: HttpClient;
let adminCtx: Ctx;

beforeAll(async () => {
  env = await startTestEnv();
  const { admin } = await makeWorkspace(env.services);
  adminCtx = admin.ctx;
  api = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'education', 'Edna Education'));
});
afterAll(() => env.close());

async function upload(url: string, fileName: string, bytes: Uint8Array, client: HttpClient = api) {
  const body = multipartBody(fileName, bytes, 'application/zip');
  const response = await env.app.inject({ method: 'POST', url, headers: { ...client.headers, 'content-type': body.contentType }, payload: body.payload });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

const quiz = {
  kind: 'quiz',
  passMark: 50,
  maxAttempts: 2,
  questions: [
    { prompt: 'Where do reports live?', choice: 'single', options: [{ text: 'Reports tab', correct: true }, { text: 'Settings', correct: false }] },
    { prompt: 'Which can be exported?', choice: 'multiple', options: [{ text: 'CSV', correct: true }, { text: 'PDF', correct: true }, { text: 'MP3', correct: false }] },
  ],
};

/** A 3-course path for end users: reading + quiz, a SCORM course, an elective. */
async function buildPath(certificate = true) {
  const basics = (await api.post('/api/v1/academy/courses', { title: 'Basics', summary: 'Start here' })).body;
  await api.post(`/api/v1/academy/courses/${basics.id}/lessons`, { title: 'Welcome', content: { kind: 'markdown', body: '# Welcome' } });
  await api.post(`/api/v1/academy/courses/${basics.id}/lessons`, { title: 'Check', content: quiz });
  const scorm = await upload('/api/v1/academy/courses/scorm', 'reports.zip', scormPackage('1.2'));
  expect(scorm.status).toBe(201);
  const elective = (await api.post('/api/v1/academy/courses', { title: 'Shortcuts' })).body;
  await api.post(`/api/v1/academy/courses/${elective.id}/lessons`, { title: 'Video', content: { kind: 'video', url: 'https://videos.example.com/1', transcript: 'Hello' } });
  const path = await api.post('/api/v1/academy/paths', {
    title: 'End user essentials',
    audience: { roles: ['end_user'] },
    courses: [{ courseId: basics.id, kind: 'core' }, { courseId: scorm.body.id, kind: 'core' }, { courseId: elective.id, kind: 'elective' }],
    electivesRequired: 0,
    certificate: certificate ? { title: 'Certified end user', validForMonths: 12 } : null,
  });
  expect(path.status).toBe(201);
  return { basics, scormCourse: scorm.body, elective, path: path.body };
}

describe('content', () => {
  it('refuses a quiz with no correct answer and a path with an empty core, saying where', async () => {
    const course = (await api.post('/api/v1/academy/courses', { title: 'Bad quiz' })).body;
    const noAnswer = await api.post(`/api/v1/academy/courses/${course.id}/lessons`, { title: 'Q', content: { kind: 'quiz', questions: [{ prompt: 'p', choice: 'single', options: [{ text: 'a', correct: false }, { text: 'b', correct: false }] }] } });
    expect(noAnswer.status).toBe(400);
    expect(JSON.stringify(noAnswer.body)).toMatch(/no correct answer/);
    const emptyCore = await api.post('/api/v1/academy/paths', { title: 'P', courses: [{ courseId: course.id, kind: 'elective' }] });
    expect(emptyCore.status).toBe(400);
    expect(JSON.stringify(emptyCore.body)).toMatch(/core is empty/);
    expect((await api.get(`/api/v1/academy/courses/${course.id}`)).body.lessons).toHaveLength(0);
  });

  it('imports SCORM 1.2 and 2004 packages, reading version and launch file', async () => {
    const v12 = await upload('/api/v1/academy/courses/scorm', 'a.zip', scormPackage('1.2'));
    expect(v12.body.lessons[0].content).toMatchObject({ kind: 'scorm', version: '1.2', launchHref: 'sco/index.html', fileCount: 3 });
    const v2004 = await upload('/api/v1/academy/courses/scorm', 'b.zip', scormPackage('2004'));
    expect(v2004.body).toMatchObject({ title: 'Dashboards in five minutes', source: 'scorm' });
    expect(v2004.body.lessons[0].content.version).toBe('2004');

    // The course editor previews it as a learner sees it, served to staff with the SCORM sandbox, nothing recorded.
    const lesson = v12.body.lessons[0];
    const preview = await api.get(`/api/v1/academy/courses/${v12.body.id}/lessons/${lesson.id}/scorm-preview`);
    expect(preview.body).toEqual({ version: '1.2', launchUrl: `/api/v1/academy/lessons/${lesson.id}/scorm-preview/sco/index.html` });
    const launch = await env.app.inject({ method: 'GET', url: preview.body.launchUrl, headers: api.headers });
    expect(launch.statusCode).toBe(200);
    expect(launch.headers['content-security-policy']).toContain('sandbox');
    expect((await api.get(`/api/v1/academy/courses/${v2004.body.id}/lessons/${lesson.id}/scorm-preview`)).status).toBe(404); // not that course's lesson
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/academy/lessons/${lesson.id}/scorm-preview/../../imsmanifest.xml`, headers: api.headers })).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('refuses a zip that is not one, has no manifest, climbs out of itself or claims too much, writing nothing', async () => {
    const before = (await api.get('/api/v1/academy/courses')).body.length;
    const cases: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode('just text, not a zip'), /not a zip/],
      [zipOf({ 'index.html': '<p>hi</p>' }), /no imsmanifest\.xml/],
      [zipOf({ 'imsmanifest.xml': '<manifest/>', '../../evil.html': 'x' }), /climbs out/],
      [zipOf({ 'imsmanifest.xml': '<manifest/>', '/etc/evil': 'x' }), /absolute path/],
      [zipClaimingSize(2 ** 31), /unzips to more than/],
    ];
    for (const [bytes, message] of cases) {
      const response = await upload('/api/v1/academy/courses/scorm', 'bad.zip', bytes);
      expect(response.status, String(message)).toBe(400);
      expect(response.body.detail).toMatch(message);
    }
    expect((await api.get('/api/v1/academy/courses')).body.length).toBe(before);
  });
});

describe('learning by rules, in the portal', () => {
  it('enrols end users by rule, a new end user at once; they learn, pass, and are certified; staff see it', async () => {
    const { path, basics, scormCourse } = await buildPath();
    const { account, project } = await projectWithContact(adminCtx);
    const existing = await addContact(adminCtx, account.id, { name: 'Erin End', email: `erin-${account.id}@acme.test`, role: 'end_user' });
    const rule = await api.post('/api/v1/academy/rules', { name: 'End users', pathId: path.id, trigger: 'matching', audience: { roles: ['end_user'] } });
    expect(rule.status).toBe(201);
    expect(rule.body.newlyEnrolled).toBeGreaterThanOrEqual(1);
    const page = (await api.get(`/api/v1/academy/enrolments?contactId=${existing.id}`)).body;
    expect(page.items[0]).toMatchObject({ pathTitle: 'End user essentials', status: 'active', source: { kind: 'rule', ruleName: 'End users' } });

    const newcomer = await addContact(adminCtx, account.id, { name: 'Nora New', email: `nora-${account.id}@acme.test`, role: 'end_user' });
    const { client } = await signInAsContact(env, adminCtx, project.id, newcomer);
    const learning = (await client.get('/api/portal/v1/academy')).body;
    expect(learning.paths).toHaveLength(1);
    expect(learning.paths[0]).toMatchObject({ title: 'End user essentials', status: 'active', progress: { percent: 0 } });
    expect(learning.paths[0].resume.courseId).toBe(basics.id);

    const course = (await client.get(`/api/portal/v1/academy/courses/${basics.id}`)).body;
    expect(course.lessons[1].content.questions[0].options[0].correct).toBeUndefined();
    expect((await client.post(`/api/portal/v1/academy/lessons/${course.lessons[0].id}/progress`, { status: 'completed' })).status).toBe(200);
    const failed = (await client.post(`/api/portal/v1/academy/lessons/${course.lessons[1].id}/quiz-attempts`, { answers: [[1], [0]] })).body;
    expect(failed).toMatchObject({ score: 0, passed: false, attemptsLeft: 1 });
    const passed = (await client.post(`/api/portal/v1/academy/lessons/${course.lessons[1].id}/quiz-attempts`, { answers: [[0], [0, 1]] })).body;
    expect(passed).toMatchObject({ score: 100, passed: true, attemptsLeft: 0 });

    const scormLessonId = scormCourse.lessons[0].id;
    const launch = (await client.get(`/api/portal/v1/academy/lessons/${scormLessonId}/scorm`)).body;
    expect(launch).toMatchObject({ version: '1.2', launchUrl: `/portal/academy/scorm/${scormLessonId}/sco/index.html` });
    const page1 = await client.get(launch.launchUrl);
    expect(page1.status).toBe(200);
    expect(String(page1.headers['content-type'])).toMatch(/text\/html/);
    expect(page1.headers['content-security-policy']).toMatch(/sandbox allow-scripts allow-same-origin/);
    expect(page1.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(page1.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect((await client.get(`/portal/academy/scorm/${scormLessonId}/..%2F..%2Fimsmanifest.xml`)).status).toBe(404);

    const half = await client.post(`/api/portal/v1/academy/lessons/${scormLessonId}/scorm/commit`, { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'page-2', 'cmi.suspend_data': 'abc', 'cmi.core.session_time': '0000:02:00' });
    expect(half.body).toMatchObject({ result: true, errorCode: 0, status: 'in_progress' });
    const resumed = (await client.get(`/api/portal/v1/academy/lessons/${scormLessonId}/scorm`)).body;
    expect(resumed.cmi).toMatchObject({ 'cmi.core.entry': 'resume', 'cmi.core.lesson_location': 'page-2', 'cmi.suspend_data': 'abc' });
    const done = await client.post(`/api/portal/v1/academy/lessons/${scormLessonId}/scorm/commit`, { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90', 'cmi.core.session_time': '0000:03:00' });
    expect(done.body).toMatchObject({ status: 'passed', score: 90 });

    const after = (await client.get('/api/portal/v1/academy')).body;
    expect(after.paths[0]).toMatchObject({ status: 'completed', progress: { percent: 100 } });
    expect(after.certificates).toEqual([expect.objectContaining({ title: 'Certified end user', status: 'valid', issuedOn: '2026-03-02', expiresOn: '2027-03-02' })]);

    const staffView = (await api.get(`/api/v1/academy/enrolments?accountId=${account.id}&status=completed`)).body;
    expect(staffView.items.map((e: { contactName: string }) => e.contactName)).toEqual(['Nora New']);
    const figures = (await api.get(`/api/v1/accounts/${account.id}/academy`)).body;
    expect(figures).toMatchObject({ trainedUsers: 1, activeLearners: 1 });
    expect(figures.certifiedSuperUsers[0].contactName).toBe('Nora New');

    const statements = (await api.get(`/api/v1/academy/xapi/statements?contactId=${newcomer.id}`)).body;
    const verbs = statements.map((s: { verb: { id: string } }) => s.verb.id.split('/').pop());
    expect(verbs).toEqual(expect.arrayContaining(['completed', 'attempted', 'failed', 'passed', 'launched', 'progressed']));
    const scormPass = statements.find((s: { verb: { id: string }; object: { id: string } }) => s.verb.id.endsWith('/passed') && s.object.id.endsWith(scormLessonId));
    expect(scormPass).toMatchObject({ actor: { mbox: `mailto:${newcomer.email}` }, result: { score: { scaled: 0.9 }, success: true, duration: 'PT3M0S' } });

    const rates = (await api.get('/api/v1/academy/reports/rates')).body;
    expect(rates.paths.find((p: { pathId: string }) => p.pathId === path.id)).toMatchObject({ completed: 1 });
  });

  it('keeps a running enrolment on its version when the path changes, and withdraws a contact who leaves', async () => {
    const { path, basics } = await buildPath(false);
    const account = await makeAccount(adminCtx);
    const erin = await addContact(adminCtx, account.id, { name: 'Erin', email: `erin2-${account.id}@acme.test`, role: 'end_user' });
    await api.post('/api/v1/academy/enrolments', { pathId: path.id, contactIds: [erin.id] });
    const v2 = await api.put(`/api/v1/academy/paths/${path.id}`, { title: 'End user essentials v2', courses: [{ courseId: basics.id, kind: 'core' }] });
    expect(v2.body.version).toBe(2);
    const [enrolment] = (await api.get(`/api/v1/academy/enrolments?contactId=${erin.id}&pathId=${path.id}`)).body.items;
    expect(enrolment).toMatchObject({ pathVersion: 1, source: { kind: 'manual', byName: 'Edna Education' } });
    await updateContact(adminCtx, erin.id, { leftOn: '2026-03-02' });
    const withdrawn = (await api.get(`/api/v1/academy/enrolments?contactId=${erin.id}`)).body.items;
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const e of withdrawn) expect(e).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Left the customer' });
  });

  it('enrols a contact whose role changes into a rule’s audience, and never shows one account’s learning to another', async () => {
    const { path, basics } = await buildPath(false);
    await api.post('/api/v1/academy/rules', { name: 'Admins', pathId: path.id, trigger: 'role_changed', audience: { roles: ['admin'] } });
    const { contact, project } = await projectWithContact(adminCtx);
    const other = await projectWithContact(adminCtx);
    const { client: otherClient } = await signInAsContact(env, adminCtx, other.project.id, other.contact);
    await updateContact(adminCtx, contact.id, { role: 'admin' });
    const { client } = await signInAsContact(env, adminCtx, project.id, contact);
    expect((await client.get('/api/portal/v1/academy')).body.paths.map((p: { pathId: string }) => p.pathId)).toContain(path.id);
    expect((await otherClient.get(`/api/portal/v1/academy/courses/${basics.id}`)).status).toBe(404);
    const lesson = (await api.get(`/api/v1/academy/courses/${basics.id}`)).body.lessons[0];
    expect((await otherClient.post(`/api/portal/v1/academy/lessons/${lesson.id}/progress`, { status: 'completed' })).status).toBe(404);
  });

  it('withdraws, when a rule is narrowed or deleted, the enrolments it made that no longer match and have no progress; those with progress stay', async () => {
    const { path, basics } = await buildPath(false);
    const account = await makeAccount(adminCtx);
    const [ann, ben, cat] = await Promise.all(['Ann', 'Ben', 'Cat'].map((name) => addContact(adminCtx, account.id, { name, email: `${name.toLowerCase()}-${account.id}@acme.test`, role: 'end_user' })));
    const rule = (await api.post('/api/v1/academy/rules', { name: 'Narrowed', pathId: path.id, trigger: 'matching', audience: { roles: ['end_user'] } })).body;
    const lesson = (await api.get(`/api/v1/academy/courses/${basics.id}`)).body.lessons[0];
    await env.services.database.query("insert into academy_lesson_progress (workspace_id, contact_id, lesson_id, status) values ($1, $2, $3, 'in_progress')", [adminCtx.workspaceId, ann!.id, lesson.id]);
    await updateContact(adminCtx, cat!.id, { role: 'admin' });
    const narrowed = await api.patch(`/api/v1/academy/rules/${rule.id}`, { audience: { roles: ['admin'] } });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toMatchObject({ withdrawn: expect.any(Number), keptWithProgress: 1 });
    expect(narrowed.body.withdrawn).toBeGreaterThanOrEqual(1);
    const status = async (contactId: string) => (await api.get(`/api/v1/academy/enrolments?contactId=${contactId}&pathId=${path.id}`)).body.items[0];
    expect(await status(ann!.id)).toMatchObject({ status: 'active' });
    expect(await status(ben!.id)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'The rule "Narrowed" no longer enrols them' });
    expect(await status(cat!.id)).toMatchObject({ status: 'active' });
    expect((await api.delete(`/api/v1/academy/rules/${rule.id}`)).status).toBe(204);
    expect(await status(cat!.id)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'The rule "Narrowed" was deleted' });
    expect(await status(ann!.id)).toMatchObject({ status: 'active' });
  });

  it('deletes a contact added by mistake with the enrolments the rules gave them; refuses one who has started learning, saying so', async () => {
    const { path, basics } = await buildPath(false);
    const account = await makeAccount(adminCtx);
    const [eve, fay] = await Promise.all(['Eve', 'Fay'].map((name) => addContact(adminCtx, account.id, { name: `${name} Mistake`, email: `${name.toLowerCase()}-${account.id}@acme.test`, role: 'end_user' })));
    await api.post('/api/v1/academy/rules', { name: 'Everyone new', pathId: path.id, trigger: 'matching', audience: { roles: ['end_user'] } });
    await api.post('/api/v1/academy/rules/reevaluate', {});
    const enrolments = async (contactId: string) => (await env.services.database.query<{ n: number }>('select count(*)::int as n from academy_enrolments where workspace_id = $1 and contact_id = $2', [adminCtx.workspaceId, contactId]))[0]!.n;
    expect(await enrolments(eve!.id)).toBeGreaterThanOrEqual(1);
    const fayBefore = await enrolments(fay!.id);
    const lesson = (await api.get(`/api/v1/academy/courses/${basics.id}`)).body.lessons[0];
    await env.services.database.query("insert into academy_lesson_progress (workspace_id, contact_id, lesson_id, status) values ($1, $2, $3, 'in_progress')", [adminCtx.workspaceId, fay!.id, lesson.id]);
    expect((await api.delete(`/api/v1/contacts/${eve!.id}`)).status).toBe(204);
    expect(await enrolments(eve!.id)).toBe(0);
    const refused = await api.delete(`/api/v1/contacts/${fay!.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('has learning history in the academy');
    expect(await enrolments(fay!.id)).toBe(fayBefore);
  });

  it('re-evaluates the rules for an account when it takes on a product (reevaluateAccount on account.product_added)', async () => {
    const { path } = await buildPath(false);
    const account = await makeAccount(adminCtx);
    const dan = await addContact(adminCtx, account.id, { name: 'Dan', email: `dan-${account.id}@acme.test`, role: 'champion' });
    await api.post('/api/v1/academy/rules', { name: 'Forecasting users', pathId: path.id, trigger: 'matching', audience: { products: ['Forecasting'] } });
    const enrolled = async () => (await api.get(`/api/v1/academy/enrolments?contactId=${dan.id}&pathId=${path.id}`)).body.items.length;
    expect(await enrolled()).toBe(0);
    await env.services.database.query("update accounts set products = array_append(products, 'Forecasting') where workspace_id = $1 and id = $2", [adminCtx.workspaceId, account.id]);
    await emit(adminCtx, 'account.product_added', { accountId: account.id, product: 'Forecasting', mode: 'users_only', projectId: null, organizationId: null });
    expect(await enrolled()).toBe(1);
  });

  it('lists who is stuck and nudges them once a day by email', async () => {
    const { path } = await buildPath(false);
    const account = await makeAccount(adminCtx);
    const sam = await addContact(adminCtx, account.id, { name: 'Sam Stuck', email: `sam-${account.id}@acme.test`, role: 'end_user' });
    const today = env.clock.now();
    env.clock.set(new Date(today.getTime() - 20 * 86_400_000));
    await api.post('/api/v1/academy/enrolments', { accountId: account.id, pathId: path.id });
    env.clock.set(today);
    const stuck = (await api.get('/api/v1/academy/stuck?days=14')).body.filter((s: { contactId: string }) => s.contactId === sam.id);
    expect(stuck).toHaveLength(1);
    expect((await api.post(`/api/v1/academy/enrolments/${stuck[0].enrolmentId}/nudge`)).body).toEqual({ queued: true, reason: null });
    expect((await api.post(`/api/v1/academy/enrolments/${stuck[0].enrolmentId}/nudge`)).body.queued).toBe(false);
    const [mail] = await env.services.database.query<{ subject: string }>('select subject from mail_outbox where to_address = $1', [sam.email]);
    expect(mail?.subject).toMatch(/Pick up "End user essentials"/);
  });
});

describe('webinars and releases', () => {
  it('invites with a real ICS file and a link that registers; sends the recording only to those who missed it', async () => {
    const ical = (await import('node-ical')).default;
    const account = await makeAccount(adminCtx);
    const ann = await addContact(adminCtx, account.id, { name: 'Ann Attends', email: `ann-${account.id}@acme.test`, role: 'end_user' });
    const mo = await addContact(adminCtx, account.id, { name: 'Mo Misses', email: `mo-${account.id}@acme.test`, role: 'end_user' });
    const webinar = (await api.post('/api/v1/academy/webinars', { title: 'Reports deep dive', startsAt: '2026-03-10T15:00:00Z', durationMinutes: 45, joinUrl: 'https://meet.example.com/reports', capacity: 2 })).body;
    expect((await api.post(`/api/v1/academy/webinars/${webinar.id}/invitations`, { contactIds: [ann.id, mo.id] })).body).toEqual({ queued: 2, skipped: 0 });
    const [row] = await env.services.database.query<{ attachments: { content: string }[]; credentials: { value: string }[] }>(
      'select attachments, credentials from mail_outbox where to_address = $1 and subject like $2',
      [ann.email, "You're invited%"],
    );
    const events = Object.values(ical.sync.parseICS(row!.attachments[0]!.content)).filter((e) => e?.type === 'VEVENT') as { summary: string; start: Date; end: Date }[];
    expect(events[0]).toMatchObject({ summary: 'Reports deep dive' });
    expect(events[0]!.start.toISOString()).toBe('2026-03-10T15:00:00.000Z');
    expect(events[0]!.end.toISOString()).toBe('2026-03-10T15:45:00.000Z');
    const token = decodeURIComponent(/token=([^\s]+)/.exec(row!.credentials[0]!.value)![1]!);
    const anonymous = (await import('../../test/harness.ts')).httpClient(env.app);
    expect((await anonymous.post('/api/v1/academy/webinar-registrations', { token })).body).toMatchObject({ registered: true, webinarTitle: 'Reports deep dive' });
    expect((await anonymous.post('/api/v1/academy/webinar-registrations', { token: `${token.slice(0, -4)}AAAA` })).status).toBe(400);
    await (await import('./webinars.service.ts')).registerContact(adminCtx, webinar.id, mo.id, 'staff');
    await api.post(`/api/v1/academy/webinars/${webinar.id}/attendance`, { attendedContactIds: [ann.id] });
    const withRecording = (await api.post(`/api/v1/academy/webinars/${webinar.id}/recording`, { recordingUrl: 'https://video.example.com/reports' })).body;
    expect(withRecording).toMatchObject({ recordingUrl: 'https://video.example.com/reports', registered: 2, attended: 1 });
    const recordings = await env.services.database.query<{ to_address: string }>("select to_address from mail_outbox where subject like 'The recording of Reports deep dive'");
    expect(recordings.map((r) => r.to_address)).toEqual([mo.email]);
  });

  it('publishes a release to exactly the contacts who use its modules, enrolling them in the delta course', async () => {
    const users = await makeAccount(adminCtx, { products: ['Payroll'] });
    const others = await makeAccount(adminCtx, { products: ['CRM'] });
    const timesheets = await addContact(adminCtx, users.id, { name: 'Tim Sheets', email: `tim-${users.id}@acme.test`, role: 'end_user', modules: ['timesheets'] });
    await addContact(adminCtx, users.id, { name: 'Exa Penses', email: `exa-${users.id}@acme.test`, role: 'end_user', modules: ['expenses'] });
    await addContact(adminCtx, others.id, { name: 'Cora Crm', email: `cora-${others.id}@acme.test`, role: 'end_user', modules: ['timesheets'] });
    const delta = (await api.post('/api/v1/academy/courses', { title: 'Timesheets 2.0' })).body;
    await api.post(`/api/v1/academy/courses/${delta.id}/lessons`, { title: 'What changed', content: { kind: 'markdown', body: 'New approvals' } });
    const release = (await api.post('/api/v1/academy/releases', { product: 'Payroll', name: 'Payroll 2026.3', modules: ['timesheets'], notes: 'Approvals in one click', courseId: delta.id })).body;
    const published = (await api.post(`/api/v1/academy/releases/${release.id}/publish`)).body;
    expect(published).toMatchObject({ audienceCount: 1 });
    const news = await env.services.database.query<{ to_address: string }>("select to_address from mail_outbox where subject like 'What''s new in Payroll%'");
    expect(news.map((n) => n.to_address)).toEqual([timesheets.email]);
    const enrolled = (await api.get(`/api/v1/academy/enrolments?contactId=${timesheets.id}`)).body.items;
    expect(enrolled.map((e: { pathTitle: string }) => e.pathTitle)).toContain("What's new: Payroll 2026.3");
    expect((await api.post(`/api/v1/academy/releases/${release.id}/publish`)).status).toBe(409);
  });
});
