import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, readMail, screenshot, signIn, staffApi, startLandfall, sidewaysScroll, urlIn, type RunningLandfall } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/**
 * A minimal real SCORM 1.2 package: a manifest and one SCO that finds the runtime (window.API) on its parent, as
 * every SCO does, and on "Finish lesson" sets completion and a score, commits and finishes.
 */
function scorm12Package(title: string): Buffer {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="e2e-academy" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org1"><organization identifier="org1"><title>${title}</title>
    <item identifier="item1" identifierref="res1"><title>${title}</title></item></organization></organizations>
  <resources><resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;
  const sco = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>Reports show what your team did this week.</p><button id="finish">Finish lesson</button><p id="done"></p>
<script>
function find(w) { for (var i = 0; i < 10 && w; i++) { if (w.API) return w.API; if (w.parent === w) break; w = w.parent; } return null; }
var api = find(window);
document.getElementById('done').textContent = api && api.LMSInitialize('') === 'true' ? 'Started' : 'No SCORM runtime';
document.getElementById('finish').onclick = function () {
  api.LMSSetValue('cmi.core.score.raw', '85');
  api.LMSSetValue('cmi.core.lesson_status', 'completed');
  api.LMSSetValue('cmi.core.session_time', '0000:04:00');
  var committed = api.LMSCommit('');
  var finished = api.LMSFinish('');
  document.getElementById('done').textContent = 'Committed ' + committed + ', finished ' + finished;
};
</script></body></html>`;
  return Buffer.from(zipSync({ 'imsmanifest.xml': strToU8(manifest), 'index.html': strToU8(sco) }));
}

const noSidewaysScroll = async (page: Page, what: string) => {
  const overflow = await sidewaysScroll(page);
  assert.ok(overflow <= 1, `${what} does not scroll sideways at 390px (${overflow}px)`);
};

describe('the academy', () => {
  let landfall: RunningLandfall & { dataDir: string };
  let vendor: BrowserContext;
  let customer: BrowserContext;
  after(async () => {
    await vendor?.close();
    await customer?.close();
    await landfall?.stop();
  });

  it('the education team builds a path, a rule enrols a new end user, who completes it on a phone and is certified', async () => {
    landfall = await startLandfall();
    vendor = await browser.newContext({ baseURL: landfall.url, viewport: { width: 1280, height: 900 } });
    const staff = await vendor.newPage();
    await signIn(staff, landfall);
    const api = staffApi(staff);
    const stamp = Date.now().toString(36);

    // Course 1, written in the editor: a reading and a quiz (single and multiple choice).
    await staff.getByRole('link', { name: 'Academy', exact: true }).click();
    await staff.getByRole('heading', { name: 'Courses' }).waitFor();
    await staff.getByRole('button', { name: 'New course' }).first().click();
    await staff.getByLabel('Course title').fill(`Getting started ${stamp}`);
    await staff.getByRole('button', { name: 'Create course' }).click();
    await staff.getByRole('heading', { name: 'Lessons' }).waitFor();
    const addLesson = async (title: string, fill: () => Promise<void>) => {
      await staff.getByRole('button', { name: 'Add lesson' }).first().click();
      const form = staff.getByRole('form', { name: 'New lesson' });
      await form.getByLabel('Lesson title').fill(title);
      await fill();
      await form.getByRole('button', { name: 'Add lesson' }).click();
      await staff.locator('.academy-lesson-title', { hasText: title }).waitFor();
    };
    await addLesson('Welcome', async () => {
      await staff.getByLabel('Text', { exact: true }).fill('# Welcome\n\nLandfall keeps **your onboarding** in one place.\n\n- Projects\n- Reports');
    });
    await addLesson('Check what you know', async () => {
      const form = staff.getByRole('form', { name: 'New lesson' });
      await form.getByLabel('Kind').selectOption('quiz');
      await form.getByLabel('Pass mark (%)').fill('50');
      await form.getByLabel('Question 1 text').fill('Where do reports live?');
      await form.getByLabel('Question 1 option 1').fill('The Reports tab');
      await form.getByLabel('Question 1 option 2').fill('Settings');
      await form.getByRole('button', { name: 'Add question' }).click();
      await form.getByLabel('Question 2 text').fill('Which formats can a report be exported to?');
      await form.locator('fieldset', { hasText: 'Question 2' }).getByLabel('Answers').selectOption('multiple');
      await form.getByLabel('Question 2 option 1').fill('CSV');
      await form.getByLabel('Question 2 option 2').fill('MP3');
      await form.locator('fieldset', { hasText: 'Question 2' }).getByRole('button', { name: 'Add option' }).click();
      await form.getByLabel('Question 2 option 3').fill('PDF');
      const q2 = form.locator('fieldset', { hasText: 'Question 2' });
      await q2.getByLabel('Option 1 is correct').check();
      await q2.getByLabel('Option 3 is correct').check();
    });
    await staff.getByRole('button', { name: 'Preview' }).nth(1).click();
    await staff.getByRole('dialog').getByText('Where do reports live?').waitFor();
    await staff.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    const courseOneId = staff.url().split('/').at(-1)!;

    // Course 2, imported from a SCORM 1.2 zip (the upload shows its progress).
    await staff.goto('/academy/courses');
    await staff.getByLabel('Import a SCORM package').setInputFiles({ name: 'reports.zip', mimeType: 'application/zip', buffer: scorm12Package(`Reports in five minutes ${stamp}`) });
    await staff.waitForURL(/\/academy\/courses\/[0-9a-f-]{36}$/);
    await staff.locator('.academy-lesson-title', { hasText: `Reports in five minutes ${stamp}` }).waitFor();
    const courseTwoId = staff.url().split('/').at(-1)!;

    // Course 3: a short reading.
    await staff.goto('/academy/courses');
    await staff.getByRole('button', { name: 'New course' }).first().click();
    await staff.getByLabel('Course title').fill(`Shortcuts ${stamp}`);
    await staff.getByRole('button', { name: 'Create course' }).click();
    await staff.getByRole('heading', { name: 'Lessons' }).waitFor();
    await addLesson('Keyboard shortcuts', async () => {
      await staff.getByLabel('Text', { exact: true }).fill('Press **?** anywhere to see every shortcut.');
    });
    await staff.screenshot({ path: screenshot('academy-course-editor'), fullPage: true });

    // The path: three core courses in order, for end users, with a certificate.
    await staff.goto('/academy/paths');
    await staff.getByRole('link', { name: 'New learning path' }).first().click();
    const pathTitle = `End user essentials ${stamp}`;
    await staff.getByLabel('Path title').fill(pathTitle);
    for (const title of [`Getting started ${stamp}`, `Reports in five minutes ${stamp}`, `Shortcuts ${stamp}`]) {
      await staff.getByLabel('Course to add').selectOption({ label: title });
      await staff.getByRole('button', { name: 'Add course' }).click();
    }
    await staff.getByRole('group', { name: 'Roles' }).getByLabel('End user').check();
    await staff.getByLabel('Certificate title').fill('Certified end user');
    await staff.getByRole('button', { name: 'Create learning path' }).click();
    await staff.getByRole('button', { name: 'Publish a new version' }).waitFor();
    await staff.screenshot({ path: screenshot('academy-path-editor'), fullPage: true });

    // An account with a project open in the portal; the rule enrols its end users.
    type Contact = { id: string; name: string; email: string; role: string; leftOn: string | null };
    const projects = await api.get<{ id: string; accountId: string; status: string; name: string }[]>('/projects');
    const project = projects.find((p) => p.status === 'active');
    assert.ok(project, 'the demo has an active project');
    const account = await api.get<{ id: string; name: string; segment: string }>(`/accounts/${project.accountId}`);
    const existing = await api.get<Contact[]>(`/accounts/${account.id}/contacts`);
    await staff.goto('/academy/rules');
    await staff.getByRole('button', { name: 'New rule' }).first().click();
    const ruleForm = staff.getByRole('form', { name: 'Enrolment rule' });
    await ruleForm.getByLabel('Rule name').fill(`End users learn the essentials ${stamp}`);
    await ruleForm.getByLabel('Learning path').selectOption({ label: pathTitle });
    await ruleForm.getByLabel('When').selectOption('matching');
    await ruleForm.getByRole('group', { name: 'Roles' }).getByLabel('End user').check();
    await ruleForm.getByRole('group', { name: 'Segments' }).locator('input').nth(['enterprise', 'mid_market', 'smb'].indexOf(account.segment)).check();
    await ruleForm.getByRole('button', { name: 'Save rule' }).click();
    await staff.getByText(/Rule saved: \d+ contacts? newly enrolled/).waitFor();

    // A new end user joins the account: the rule enrols them.
    const domain = existing[0]?.email.split('@')[1] ?? 'example.com';
    const learner = await api.post<Contact>(`/accounts/${account.id}/contacts`, { name: 'Lena Learner', email: `lena.learner.${stamp}@${domain}`, role: 'end_user' });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const page = await api.get<{ items: { pathTitle: string; source: { kind: string } }[] }>(`/academy/enrolments?contactId=${learner.id}`);
      if (page.items.some((e) => e.pathTitle === pathTitle && e.source.kind === 'rule')) break;
      assert.ok(Date.now() < deadline, `the rule enrolled ${learner.name} within a minute: ${JSON.stringify(page.items)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    // They get portal access from the project; the invitation and the sign-in link come by mail.
    await staff.goto(`/projects/${project.id}`);
    await staff.getByRole('tab', { name: 'Portal' }).click();
    const row = staff.locator('section[aria-labelledby="portal-access"] tr', { hasText: learner.email });
    const sentBefore = landfall.mailbox.received.length;
    await row.getByRole('button', { name: /^(Give access|Resend invitation)$/ }).click();
    await staff.getByText(`Invitation link for ${learner.name}`).waitFor();
    const invitation = urlIn(await readMail(landfall, learner.email, 'invited you to your onboarding portal', sentBefore), '/portal/invite');

    customer = await browser.newContext({ baseURL: landfall.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await customer.newPage();
    await phone.goto(invitation);
    const linksBefore = landfall.mailbox.received.length;
    await phone.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await phone.getByText('We sent a sign-in link to').waitFor();
    await phone.goto(urlIn(await readMail(landfall, learner.email, 'Your sign-in link', linksBefore), '/portal/sign-in'));
    await phone.getByRole('button', { name: 'Continue to my portal' }).click();
    await phone.waitForURL('**/portal/**');

    // Your learning: the path assigned to them, nothing done yet.
    await phone.getByRole('link', { name: 'Your learning', exact: true }).click();
    await phone.getByRole('heading', { name: 'Your learning' }).waitFor();
    const pathCard = phone.getByRole('region', { name: pathTitle });
    await pathCard.waitFor();
    await phone.screenshot({ path: screenshot('academy-portal-learning'), fullPage: true });
    await noSidewaysScroll(phone, 'Your learning');

    // Course 1: read, then the quiz (one wrong answer first: a score and the attempts left).
    await pathCard.getByRole('link', { name: /^(Start|Resume): Welcome/ }).click();
    await phone.getByRole('heading', { name: `Getting started ${stamp}` }).waitFor();
    await phone.getByRole('button', { name: 'Mark as done and continue' }).click();
    const quiz = phone.getByRole('form', { name: 'Quiz' });
    await quiz.getByLabel('Settings').check();
    await quiz.getByLabel('CSV').check();
    await quiz.getByRole('button', { name: 'Submit answers' }).click();
    await phone.getByText(/Not passed: 0%/).waitFor();
    await quiz.getByLabel('The Reports tab').check();
    await quiz.getByLabel('PDF').check();
    await quiz.getByRole('button', { name: 'Try again' }).click();
    await phone.getByText(/Passed: 100%/).waitFor();
    await phone.screenshot({ path: screenshot('academy-portal-quiz'), fullPage: true });
    await noSidewaysScroll(phone, 'the quiz');

    // Course 2: the SCORM lesson plays in an iframe through scorm-again, and its commit is recorded.
    await phone.getByRole('link', { name: 'Your learning', exact: true }).click();
    await pathCard.getByRole('link', { name: /^Resume: / }).click();
    await phone.waitForURL(`**/portal/learning/courses/${courseTwoId}?lesson=*`);
    const sco = phone.frameLocator('iframe.learning-scorm');
    await sco.getByText('Started').waitFor();
    await sco.getByRole('button', { name: 'Finish lesson' }).click();
    const commits: string[] = [];
    phone.on('response', (response) => {
      if (response.url().includes('/scorm/commit')) void response.text().then((text) => commits.push(`${response.status()} ${text}`));
    });
    phone.on('console', (message) => commits.push(`console: ${message.text()}`));
    await sco.getByText(/^Committed/).waitFor();
    assert.equal(await sco.locator('#done').innerText(), 'Committed true, finished true', `the SCO's commit and finish succeed: ${commits.join(' | ')}`);
    const recorded = phone.getByRole('status').filter({ hasText: /^(Done|Passed) · score \d+%$/ });
    await recorded.waitFor().catch(async () => {
      await phone.screenshot({ path: screenshot('academy-portal-scorm-failed'), fullPage: true });
      assert.fail(`the SCORM completion is recorded: ${commits.join(' | ')} / page says: ${await phone.locator('main').innerText()}`);
    });
    await phone.screenshot({ path: screenshot('academy-portal-scorm'), fullPage: true });
    await noSidewaysScroll(phone, 'the SCORM player');

    // Course 3, then the certificate.
    await phone.getByRole('link', { name: 'Your learning', exact: true }).click();
    await pathCard.getByRole('link', { name: /^(Start|Resume): Keyboard shortcuts/ }).click();
    await phone.getByRole('button', { name: /^Mark as done/ }).click();
    await phone.getByText('You completed this course.').waitFor();
    await phone.getByRole('link', { name: 'Your learning', exact: true }).click();
    await pathCard.getByText('Completed').waitFor();
    await phone.getByRole('link', { name: 'Certified end user' }).click();
    await phone.getByText('awarded to').waitFor();
    await phone.getByText('Lena Learner').last().waitFor();
    await phone.screenshot({ path: screenshot('academy-portal-certificate'), fullPage: true });
    await noSidewaysScroll(phone, 'the certificate');

    // The staff view shows the completion.
    // (The demo's own rule enrols end users in its path too: read this path's enrolment.)
    const done = await api.get<{ items: { contactId: string; pathTitle: string; status: string; progress: { percent: number } }[] }>(`/academy/enrolments?contactId=${learner.id}`);
    assert.equal(done.items.find((e) => e.contactId === learner.id && e.pathTitle === pathTitle)?.status, 'completed');
    await staff.goto('/academy/enrolments');
    await staff.getByLabel('Account').selectOption(account.id);
    await staff.getByLabel('Path').selectOption({ label: pathTitle });
    const staffRow = staff.locator('tr', { hasText: 'Lena Learner' });
    await staffRow.getByText('Completed').waitFor();
    await staffRow.getByText('3/3').waitFor();
    await staff.screenshot({ path: screenshot('academy-staff-enrolments'), fullPage: true });
    const certificates = await api.get<{ contactId: string; title: string }[]>(`/academy/certificates?accountId=${account.id}`);
    assert.ok(certificates.some((c) => c.contactId === learner.id && c.title === 'Certified end user'), 'the certificate is on the account');

    // The staff pages are usable on a phone too.
    await staff.setViewportSize({ width: 390, height: 844 });
    for (const address of ['/academy/courses', `/academy/courses/${courseOneId}`, '/academy/paths', '/academy/rules', '/academy/enrolments', '/academy/reports', '/academy/webinars', '/academy/releases']) {
      await staff.goto(address);
      await staff.getByRole('navigation', { name: 'Academy' }).waitFor();
      await staff.locator('.state-block[role="status"]').first().waitFor({ state: 'detached' });
      await noSidewaysScroll(staff, address);
    }
    await staff.goto('/academy/enrolments');
    await staff.locator('tr', { hasText: 'Lena Learner' }).first().waitFor();
    await staff.screenshot({ path: screenshot('academy-staff-phone'), fullPage: true });
  });
});
