import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addBusinessDays, MONDAY_TO_FRIDAY } from '../src/core/calendar.ts';
import { launchBrowser, screenshot, signIn, startLandfall, type RunningLandfall } from './support.ts';

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
  baselineFinish: string;
  projectedFinish: string;
  slackDays: number;
  milestoneKind: string | null;
}

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

// The workspace's clock (LANDFALL_NOW) starts on Monday 2 March 2026, 10:00 in New York (the demo's timezone);
// later the same data is opened again with the clock moved on, as a customer task comes in late.
const DAY0 = '2026-03-02';
const at = (date: string) => `${date}T15:00:00Z`;
const calendar = { timeZone: 'America/New_York', workingWeekdays: MONDAY_TO_FRIDAY, holidays: [] };

async function markDone(page: Page, title: string, expectedDay: string) {
  await page.getByRole('combobox', { name: `Status of ${title}` }).selectOption('done');
  const done = page.getByRole('dialog', { name: `Mark “${title}” done` });
  assert.equal(await done.getByLabel('Done on').inputValue(), expectedDay, 'done today by default');
  await done.getByRole('button', { name: 'Mark done' }).click();
  await done.waitFor({ state: 'detached' });
}

describe('an onboarding manager runs a project', () => {
  let landfall: RunningLandfall & { dataDir: string };
  after(() => landfall?.stop());

  it('starts a project from the proposed playbook; a customer task done 5 days late moves go-live, owed to the customer', async () => {
    landfall = await startLandfall({ LANDFALL_DEMO: '1', LANDFALL_NOW: at(DAY0) }, { keepData: true });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await signIn(page, landfall);

    // An SMB account whose contract was just signed, with contacts to assign customer tasks to.
    const accounts = (await (await page.request.get(`${landfall.url}/api/v1/accounts?segment=smb&sort=-contractSignedOn&limit=100`)).json()) as { items: AccountRow[] };
    const account = accounts.items.find((a) => a.contractSignedOn && a.contractSignedOn <= DAY0 && a.contactCount > 0);
    assert.ok(account, 'the demo has an SMB account with a contract signed date and contacts');

    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();

    await page.goto(`${landfall.url}/accounts/${account.id}`);
    await page.getByRole('heading', { name: account.name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start onboarding project' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start onboarding project' });
    await dialog.getByText('Best fit').waitFor();
    // The best fit is chosen already, with the reasons it fits.
    const proposed = dialog.locator('.choice.is-chosen');
    assert.match((await proposed.textContent()) ?? '', /fits smb/i);
    await dialog.getByRole('button', { name: 'Start project' }).click();

    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: `${account.name} onboarding`, level: 1 }).waitFor();
    assert.equal(await page.getByTestId('slip-summary').textContent(), 'Slip: 0 days waiting on customer · 0 on vendor');

    const project = (await (await page.request.get(`${landfall.url}/api/v1/projects/${projectId}`)).json()) as {
      tasks: TaskRow[];
      dependencies: { predecessorId: string; successorId: string }[];
      today: string;
    };
    assert.equal(project.today, DAY0);
    // The first thing the customer must do on the way to go-live: its slip moves go-live day for day. (The SMB
    // plan is time-boxed to day 60, so its go-live chain has slack against the project's end, not against go-live.)
    const goLive = project.tasks.find((t) => t.milestoneKind === 'go_live')!;
    const towardsGoLive = new Set<string>();
    for (const queue = [goLive.id]; queue.length > 0; ) {
      const id = queue.pop()!;
      for (const d of project.dependencies) {
        if (d.successorId === id && !towardsGoLive.has(d.predecessorId)) {
          towardsGoLive.add(d.predecessorId);
          queue.push(d.predecessorId);
        }
      }
    }
    const blocking = project.tasks
      .filter((t) => t.owner.side === 'customer' && towardsGoLive.has(t.id) && t.durationDays > 0)
      .sort((a, b) => a.baselineStart.localeCompare(b.baselineStart))[0];
    assert.ok(blocking, 'the playbook has a customer task on the way to go-live');
    // What it waits for (the vendor's welcome) is done on time, on day 0 — by the cadence itself when it sent the
    // welcome, or by hand here.
    const before = project.dependencies.filter((d) => d.successorId === blocking.id).map((d) => project.tasks.find((t) => t.id === d.predecessorId)!);
    assert.ok(before.length > 0 && before.every((t) => t.baselineFinish === DAY0), 'its predecessors are due on day 0');
    for (const task of before) {
      const fresh = (await (await page.request.get(`${landfall.url}/api/v1/projects/${projectId}`)).json()) as { tasks: TaskRow[] };
      if (fresh.tasks.find((t) => t.id === task.id)?.status !== 'done') await markDone(page, task.title, DAY0);
    }
    const goLiveBefore = (await page.getByTestId('projected-go-live').textContent())!.trim();
    await page.close();
    await landfall.stop();

    // Five business days after the customer's task was due, Landfall opens again: the customer finishes it today.
    const lateDay = addBusinessDays(blocking.baselineFinish, 5, calendar);
    landfall = await startLandfall({ LANDFALL_DEMO: '1', LANDFALL_NOW: at(lateDay) }, { dataDir: landfall.dataDir });
    const later = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    later.on('pageerror', (error) => errors.push(String(error)));
    await signIn(later, landfall);
    await later.goto(`${landfall.url}/projects/${projectId}`);
    await later.getByRole('heading', { name: `${account.name} onboarding`, level: 1 }).waitFor();
    await markDone(later, blocking.title, lateDay);

    // Every dependent moves on screen at once: go-live, and the slip owed to the customer.
    await later.getByTestId('slip-summary').filter({ hasText: 'Slip: 5 days waiting on customer · 0 on vendor' }).waitFor();
    const goLiveAfter = (await later.getByTestId('projected-go-live').textContent())!.trim();
    assert.ok(new Date(goLiveAfter) > new Date(goLiveBefore), `go-live moved later: ${goLiveBefore} → ${goLiveAfter}`);
    const goLiveCard = later.locator('.milestone[data-kind="go_live"]');
    assert.match((await goLiveCard.textContent()) ?? '', /\+5 d/);
    // The confirmations fade after a few seconds; the screenshot is of the plan, not of them.
    await later.waitForFunction(() => !document.querySelector('.toast'), undefined, { timeout: 15_000 });
    await later.evaluate(() => window.scrollTo(0, 0));
    await later.screenshot({ path: screenshot('project-plan'), fullPage: false });

    // The same, after a reload: the server kept it.
    await later.reload();
    await later.getByTestId('slip-summary').filter({ hasText: 'Slip: 5 days waiting on customer' }).waitFor();
    assert.equal((await later.getByTestId('projected-go-live').textContent())!.trim(), goLiveAfter);

    await later.getByRole('tab', { name: 'Gantt' }).click();
    await later.locator('.gantt-bar').first().waitFor();
    assert.ok((await later.locator('.gantt-bar.is-critical').count()) > 0, 'the critical path is drawn');
    const saved = (await (await later.request.get(`${landfall.url}/api/v1/projects/${projectId}`)).json()) as { dependencies: unknown[] };
    assert.equal(await later.locator('.gantt-link').count(), saved.dependencies.length);
    // Tall enough to show the whole plan at once, as on a big screen.
    await later.setViewportSize({ width: 1440, height: 1500 });
    await later.locator(`.gantt-item[aria-label^="${blocking.title}:"]`).hover();
    await later.getByRole('tooltip').waitFor();
    await later.screenshot({ path: screenshot('project-gantt'), fullPage: false });

    await later.getByRole('tab', { name: 'History' }).click();
    await later.getByRole('cell', { name: blocking.title }).first().waitFor();

    assert.deepEqual(errors, []);
    await later.close();
  });
});
