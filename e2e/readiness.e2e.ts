import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, signIn, startLandfall, type RunningLandfall } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

describe('readiness', () => {
  let landfall: RunningLandfall & { dataDir: string };
  after(() => landfall?.stop());

  it('shows a not-ready customer’s risk and scores, and scores a new assessment answered from the keyboard', async () => {
    landfall = await startLandfall();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, landfall);

    const projects = (await (await page.request.get(`${landfall.url}/api/v1/projects`)).json()) as { id: string }[];
    const readiness = await Promise.all(
      projects.map(async (p) => ({ id: p.id, body: (await (await page.request.get(`${landfall.url}/api/v1/projects/${p.id}/readiness`)).json()) as { risk: unknown; latest: unknown; current: unknown } })),
    );
    const notReady = readiness.find((r) => r.body.risk)!;
    const fresh = readiness.find((r) => !r.body.latest && !r.body.current)!;
    assert.ok(notReady && fresh, 'the demo has a not-ready project and one never assessed');

    await page.goto(`${landfall.url}/projects/${notReady.id}?tab=readiness`);
    await page.getByText('Readiness risk', { exact: true }).waitFor();
    assert.equal(await page.getByRole('meter', { name: 'Overall score' }).count(), 1);
    await page.screenshot({ path: screenshot('readiness-not-ready'), fullPage: true });

    await page.goto(`${landfall.url}/projects/${fresh.id}?tab=readiness`);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.getByRole('group', { name: /named executive sponsor/ }).waitFor();
    // Every scored question, answered from the keyboard: focus the first option, Space chooses it.
    const groups = page.locator('fieldset.readiness-question');
    for (let i = 0; i < (await groups.count()); i++) {
      const first = groups.nth(i).locator('input').first();
      if ((await first.count()) === 0) continue;
      await first.focus();
      await page.keyboard.press('Space');
    }
    await page.screenshot({ path: screenshot('readiness-form'), fullPage: true });
    await page.getByRole('button', { name: 'Submit and score' }).click();
    await page.getByText(/Assessment submitted: \d+\/100/).waitFor();
    await page.getByText('No assessment under way').waitFor();
    await page.screenshot({ path: screenshot('readiness-submitted'), fullPage: true });
    await page.close();
  });

  it('lets an admin write a questionnaire, with each mistake shown next to its field, and turn the gate on', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, landfall);
    await page.goto(`${landfall.url}/settings/readiness`);
    await page.getByRole('link', { name: 'Onboarding readiness' }).waitFor();
    await page.getByRole('link', { name: 'New questionnaire' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Data migration readiness');
    await page.getByLabel('Question 1', { exact: true }).fill('Which systems hold the data?');
    await page.getByLabel('Type', { exact: true }).selectOption('multiple_choice');
    await page.getByLabel('Choice 2', { exact: true }).fill('Yes');
    await page.getByRole('button', { name: 'Create questionnaire' }).click();
    await page.getByText('"Yes" is listed twice').waitFor();
    await page.screenshot({ path: screenshot('readiness-questionnaire-error'), fullPage: true });
    await page.getByLabel('Choice 2', { exact: true }).fill('A spreadsheet');
    await page.getByRole('button', { name: 'Create questionnaire' }).click();
    await page.getByText('Questionnaire created').waitFor();

    await page.goto(`${landfall.url}/settings/readiness`);
    await page.getByLabel(/Readiness gate/).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Readiness settings saved').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Data migration readiness' }).count(), 1);
    await page.screenshot({ path: screenshot('readiness-settings'), fullPage: true });
    await page.close();
  });
});
