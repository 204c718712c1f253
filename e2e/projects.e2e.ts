import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { addBusinessDays, MONDAY_TO_FRIDAY } from '../src/core/calendar.ts';
import { launchBrowser, screenshot, startLandfall, type RunningLandfall } from './support.ts';

interface AccountRow {
  id: string;
  name: string;
  segment: string;
  contractSignedOn: string | null;
  contactCount: number;
}
interface TaskRow {
  id: string;
  title: string;
  owner: { side: string };
  critical: boolean;
  durationDays: number;
  status: string;
  baselineStart: string;
  projectedFinish: string;
  slackDays: number;
}

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

describe('an onboarding manager runs a project', () => {
  let landfall: RunningLandfall;
  before(async () => {
    landfall = await startLandfall({ LANDFALL_DEMO: '1' });
  });
  after(() => landfall.stop());

  it('starts a project from the proposed playbook, records a customer slip, and sees go-live move and the slip owed to the customer', async () => {
    const login = /Demo login: (\S+) \/ (\S+)/.exec(landfall.output());
    assert.ok(login, `the console prints the demo login:\n${landfall.output()}`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(landfall.url);
    await page.getByLabel('Email').fill(login[1]!);
    await page.getByLabel('Password').fill(login[2]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'New account' }).waitFor();

    // An enterprise account signed months ago, with contacts to assign customer tasks to.
    const accounts = (await (await page.request.get(`${landfall.url}/api/v1/accounts?segment=enterprise&sort=contractSignedOn&limit=100`)).json()) as { items: AccountRow[] };
    const account = accounts.items.find((a) => a.contractSignedOn && a.contactCount > 0);
    assert.ok(account, 'the demo has an enterprise account with a contract signed date and contacts');

    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();

    await page.goto(`${landfall.url}/accounts/${account.id}`);
    await page.getByRole('heading', { name: account.name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start onboarding project' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start onboarding project' });
    await dialog.getByText('Best fit').waitFor();
    // The best fit is chosen already, with the reasons it fits.
    const proposed = dialog.locator('.choice.is-chosen');
    assert.match((await proposed.textContent()) ?? '', /fits enterprise/);
    await dialog.getByRole('button', { name: 'Start project' }).click();

    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: `${account.name} onboarding`, level: 1 }).waitFor();
    const goLiveBefore = (await page.getByTestId('projected-go-live').textContent())!.trim();
    assert.equal(await page.getByTestId('slip-summary').textContent(), 'Slip: 0 days waiting on customer · 0 on vendor');

    const project = (await (await page.request.get(`${landfall.url}/api/v1/projects/${projectId}`)).json()) as { tasks: TaskRow[]; today: string };
    const customerTasks = project.tasks.filter((t) => t.owner.side === 'customer');
    // A customer task with slack: finishing it today moves nothing that matters.
    const easy = customerTasks.find((t) => !t.critical && t.durationDays > 0 && t.slackDays > 0);
    // A customer task on the critical path: its slip moves go-live day for day.
    const blocking = customerTasks.find((t) => t.critical && t.durationDays > 0);
    assert.ok(easy && blocking, 'the playbook has customer tasks on and off the critical path');

    // Done on a day chosen in the dialog (today by default).
    await page.getByRole('combobox', { name: `Status of ${easy.title}` }).selectOption('done');
    const done = page.getByRole('dialog', { name: `Mark “${easy.title}” done` });
    assert.equal(await done.getByLabel('Done on').inputValue(), project.today);
    await done.getByRole('button', { name: 'Mark done' }).click();
    await done.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('combobox', { name: `Status of ${easy.title}` }).inputValue(), 'done');

    // The customer's data comes a week late: the task starts 5 business days after its baseline.
    const late = addBusinessDays(blocking.baselineStart, 5, { timeZone: 'UTC', workingWeekdays: MONDAY_TO_FRIDAY, holidays: [] });
    await page.locator(`tr[data-task-id="${blocking.id}"]`).getByRole('button', { name: blocking.title }).click();
    const drawer = page.getByRole('dialog', { name: blocking.title });
    await drawer.getByLabel('Start on (set by hand)').fill(late);
    await drawer.getByLabel('Why (kept in the history)').fill("The customer's data team was away for a week");
    await drawer.getByRole('button', { name: 'Pin start' }).click();

    // Every dependent moves on screen at once: go-live and the slip owed to the customer.
    await page.getByTestId('slip-summary').filter({ hasText: 'Slip: 5 days waiting on customer · 0 on vendor' }).waitFor();
    const goLiveAfter = (await page.getByTestId('projected-go-live').textContent())!.trim();
    assert.notEqual(goLiveAfter, goLiveBefore, 'go-live moved');
    assert.ok(new Date(goLiveAfter) > new Date(goLiveBefore), `go-live moved later: ${goLiveBefore} → ${goLiveAfter}`);
    const goLiveCard = page.locator('.milestone[data-kind="go_live"]');
    assert.match((await goLiveCard.textContent()) ?? '', /\+5 d/);
    await drawer.getByRole('button', { name: 'Close task' }).click();
    await drawer.waitFor({ state: 'detached' });
    // The confirmations fade after a few seconds; the screenshot is of the plan, not of them.
    await page.waitForFunction(() => !document.querySelector('.toast'), undefined, { timeout: 15_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot('project-plan'), fullPage: false });

    // The same, after a reload: the server kept it.
    await page.reload();
    await page.getByTestId('slip-summary').filter({ hasText: 'Slip: 5 days waiting on customer' }).waitFor();
    assert.equal((await page.getByTestId('projected-go-live').textContent())!.trim(), goLiveAfter);

    await page.getByRole('tab', { name: 'Gantt' }).click();
    await page.locator('.gantt-bar').first().waitFor();
    assert.ok((await page.locator('.gantt-bar.is-critical').count()) > 0, 'the critical path is drawn');
    assert.equal(await page.locator('.gantt-link').count(), ((await (await page.request.get(`${landfall.url}/api/v1/projects/${projectId}`)).json()) as { dependencies: unknown[] }).dependencies.length);
    // Tall enough to show the whole plan at once, as on a big screen.
    await page.setViewportSize({ width: 1440, height: 1760 });
    await page.locator(`.gantt-item[aria-label^="${blocking.title}:"]`).hover();
    await page.getByRole('tooltip').waitFor();
    await page.screenshot({ path: screenshot('project-gantt'), fullPage: false });

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('cell', { name: blocking.title }).first().waitFor();
    await page.getByText("The customer's data team was away for a week").first().waitFor();

    assert.deepEqual(errors, []);
    await page.close();
  });
});
