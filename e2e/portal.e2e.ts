import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, readMail, screenshot, signIn, staffApi, startLandfall, sidewaysScroll, urlIn, type RunningLandfall } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** The built files only the staff app loads (now or lazily), from the web build's manifest. */
function staffOnlyAssets(): Set<string> {
  type Chunk = { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[] };
  const manifest = JSON.parse(fs.readFileSync('dist/web/.vite/manifest.json', 'utf8')) as Record<string, Chunk>;
  const reach = (entry: string, found = new Set<string>()): Set<string> => {
    if (found.has(entry)) return found;
    found.add(entry);
    for (const next of [...(manifest[entry]!.imports ?? []), ...(manifest[entry]!.dynamicImports ?? [])]) reach(next, found);
    return found;
  };
  const files = (keys: Set<string>) => new Set([...keys].flatMap((key) => [manifest[key]!.file, ...(manifest[key]!.css ?? [])].map((file) => `/${file}`)));
  const portal = files(reach('portal.html'));
  return new Set([...files(reach('index.html'))].filter((file) => !portal.has(file)));
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(64, 1)]);

describe('a customer works in the portal', () => {
  let landfall: RunningLandfall & { dataDir: string };
  let vendor: BrowserContext;
  let customer: BrowserContext;
  after(async () => {
    await vendor?.close();
    await customer?.close();
    await landfall?.stop();
  });

  it('is invited, signs in by emailed link, completes a task, uploads, approves, rates; the vendor sees it all', async () => {
    landfall = await startLandfall();
    vendor = await browser.newContext({ baseURL: landfall.url, viewport: { width: 1280, height: 900 } });
    const staff = await vendor.newPage();
    await signIn(staff, landfall);
    const api = staffApi(staff);

    // A project with a deliverable to sign off and a reached milestone, and its champion.
    type Task = { id: string; title: string; owner: { side: string }; needsApproval: boolean; customerVisible: boolean; status: string; milestoneKind: string | null };
    const projects = await api.get<{ id: string; accountId: string; status: string }[]>('/projects');
    let chosen: { project: { id: string; name: string; accountId: string; tasks: Task[] }; contact: { id: string; name: string; email: string } } | undefined;
    for (const summary of projects.filter((p) => p.status === 'active')) {
      const project = await api.get<{ id: string; name: string; accountId: string; tasks: Task[] }>(`/projects/${summary.id}`);
      const open = project.tasks.filter((t) => t.customerVisible && t.status !== 'done');
      const reached = project.tasks.some((t) => t.customerVisible && t.milestoneKind && t.status === 'done');
      if (!reached || !open.some((t) => t.needsApproval) || !open.some((t) => t.owner.side === 'customer' && !t.needsApproval)) continue;
      const contacts = await api.get<{ id: string; name: string; email: string; role: string; leftOn: string | null }[]>(`/accounts/${project.accountId}/contacts`);
      const champion = contacts.find((c) => c.role === 'champion' && !c.leftOn) ?? contacts.find((c) => !c.leftOn);
      if (champion) {
        chosen = { project, contact: champion };
        break;
      }
    }
    assert.ok(chosen, 'the demo has a project with a deliverable to approve and a reached milestone');
    const { project, contact } = chosen;
    // The team submits a deliverable: only now is the customer asked to sign it off.
    let submittedDeliverable: Task | undefined;
    for (const task of project.tasks.filter((t) => t.customerVisible && t.status !== 'done' && t.needsApproval)) {
      const { state } = await api.get<{ state: string }>(`/projects/${project.id}/tasks/${task.id}/sign-off`);
      if (state === 'not_ready' || state === 'rejected') submittedDeliverable ??= task;
    }
    assert.ok(submittedDeliverable, 'the project has a deliverable not yet submitted');
    await api.post(`/projects/${project.id}/tasks/${submittedDeliverable.id}/sign-off-requests`, { note: 'Ready for your review.' });

    // The vendor gives the champion access; the invitation arrives by mail.
    await staff.goto(`/projects/${project.id}`);
    await staff.getByRole('tab', { name: 'Portal' }).click();
    const row = staff.locator('section[aria-labelledby="portal-access"] tr', { hasText: contact.email });
    const sentBefore = landfall.mailbox.received.length;
    await row.getByRole('button', { name: /^(Give access|Resend invitation)$/ }).click();
    await staff.getByText(`Invitation link for ${contact.name}`).waitFor();
    const invitation = urlIn(await readMail(landfall, contact.email, `invited you to your onboarding portal: ${project.name}`, sentBefore), '/portal/invite');

    // The customer opens it on their own browser: a fresh sign-in link comes by mail.
    customer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await customer.newPage();
    const assets: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/assets/')) assets.push(pathname);
    });
    await page.goto(invitation);
    const welcome = page.getByRole('heading', { name: `Welcome, ${contact.name.split(' ')[0]}` });
    await welcome.or(page.getByRole('heading', { name: 'This invitation cannot be used' })).waitFor();
    assert.ok(await welcome.isVisible(), `the invitation opens: ${await page.locator('main, body').first().innerText()}`);
    const linksBefore = landfall.mailbox.received.length;
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText('We sent a sign-in link to').waitFor();
    const signInLink = urlIn(await readMail(landfall, contact.email, 'Your sign-in link', linksBefore), '/portal/sign-in');
    await page.goto(signInLink);
    await page.getByRole('button', { name: 'Continue to my portal' }).click();
    await page.waitForURL(`**/portal/projects/${project.id}`);
    assert.ok(!page.url().includes('lfl_'), 'the address no longer carries the token');
    await page.getByRole('heading', { name: 'Your tasks' }).waitFor();
    // The portal is its own entry: the invitation, the sign-in link and the project page load none of the staff app.
    const staffOnly = staffOnlyAssets();
    assert.ok(assets.some((file) => /\/portal-[\w-]+\.js$/.test(file)), `the portal's own bundle loaded: ${assets.join(', ')}`);
    assert.deepEqual(assets.filter((file) => staffOnly.has(file)), [], 'the portal loads no staff-app file');

    // Complete a customer task and upload a file to it.
    const portalView = await (await page.request.get(`${new URL(page.url()).origin}/api/portal/v1/projects/${project.id}`)).json();
    const doable = portalView.tasks.find((t: { side: string; needsApproval: boolean; form: unknown; status: string; mine: boolean }) => t.side === 'customer' && !t.needsApproval && !t.form && t.status !== 'done' && t.mine);
    assert.ok(doable, 'the champion has a task of their own');
    const card = page.locator(`article[data-task="${doable.title}"]`).first();
    if ((await card.locator('.portal-task-head').getAttribute('aria-expanded')) !== 'true') await card.locator('.portal-task-head').click();
    await card.getByLabel('Add a file').setInputFiles({ name: 'org-chart.png', mimeType: 'image/png', buffer: PNG });
    await card.getByRole('link', { name: 'org-chart.png' }).waitFor();
    await page.screenshot({ path: screenshot('portal-desktop'), fullPage: false });
    await card.getByRole('button', { name: 'Mark as done' }).click();
    await page.locator(`article[data-task="${doable.title}"] .portal-check.is-done`).first().waitFor();

    // Approve a deliverable, signed with a name.
    const deliverable = portalView.tasks.find((t: { id: string; signOff: string }) => t.id === submittedDeliverable.id && t.signOff === 'waiting');
    assert.ok(deliverable, 'the submitted deliverable waits for the customer’s sign-off');
    const deliverableCard = page.locator(`article[data-task="${deliverable.title}"]`).first();
    if ((await deliverableCard.locator('.portal-task-head').getAttribute('aria-expanded')) !== 'true') {
      await deliverableCard.locator('.portal-task-head').click();
    }
    await deliverableCard.getByLabel('Type your full name to sign').fill(contact.name);
    await deliverableCard.getByLabel('Comment (optional)', { exact: true }).fill('Reviewed with our team: approved.');
    await deliverableCard.getByRole('button', { name: 'Approve' }).click();
    await deliverableCard.getByText(`Approved by ${contact.name}`).waitFor();

    // Rate a reached milestone.
    const milestone = page.locator('.portal-milestone.is-reached').first();
    await milestone.getByLabel('5 out of 5').check({ force: true });
    await milestone.getByLabel('Comment (optional)', { exact: true }).fill('Great kickoff');
    await milestone.getByRole('button', { name: 'Send rating' }).click();
    await milestone.getByText('Thank you!').waitFor();

    // The same portal on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'Your tasks' }).waitFor();
    await page.screenshot({ path: screenshot('portal-phone'), fullPage: false });
    const overflow = await sidewaysScroll(page);
    assert.ok(overflow <= 1, `the phone layout does not scroll sideways (${overflow}px)`);

    // The vendor sees all of it on the project.
    const overview = await api.get<{
      contacts: { contactId: string; access: { state: string; lastVisitAt: string | null } | null }[];
      activity: { kind: string; actorName: string }[];
      csat: { average: number | null; answers: { score: number; comment: string | null }[] };
      customerTasks: { done: number };
    }>(`/projects/${project.id}/portal`);
    assert.equal(overview.contacts.find((c) => c.contactId === contact.id)?.access?.state, 'active');
    const kinds = overview.activity.filter((a) => a.actorName === contact.name).map((a) => a.kind);
    for (const kind of ['portal_visit', 'file_uploaded', 'approval', 'milestone_rated', 'task']) assert.ok(kinds.includes(kind), `activity has ${kind}: ${kinds}`);
    assert.deepEqual(overview.csat.answers.map((a) => [a.score, a.comment]), [[5, 'Great kickoff']]);
    await staff.goto(`/projects/${project.id}`);
    await staff.getByRole('tab', { name: 'Portal' }).click();
    await staff.locator('section[aria-labelledby="portal-csat"]').getByText('Great kickoff').waitFor();
    const activity = staff.locator('section[aria-labelledby="portal-activity"]');
    await activity.getByText(contact.name).first().waitFor();
    const lines = await activity.locator('li').allInnerTexts();
    assert.ok(lines.some((line) => line.includes('org-chart.png')), `the upload is in the vendor's activity: ${lines.join(' | ')}`);
    assert.ok(lines.some((line) => line.includes(`approved "${deliverable.title}"`)), `the sign-off is in the vendor's activity: ${lines.join(' | ')}`);
    assert.ok(lines.some((line) => line.includes(`completed "${doable.title}"`)), `the completed task is in the vendor's activity: ${lines.join(' | ')}`);
    await staff.screenshot({ path: screenshot('portal-vendor-view'), fullPage: true });
  });
});
