import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, sidewaysScroll, signIn, startLandfall, type RunningLandfall } from './support.ts';

// A leader's capacity tab on a desktop and a phone: the over-booked warning is on top, each person's 12 weeks can be
// read as a chart or a table, and nothing scrolls sideways.

let browser: Browser;
let landfall: RunningLandfall;
before(async () => {
  browser = await launchBrowser();
  landfall = await startLandfall();
});
after(async () => {
  await landfall?.stop();
  await browser?.close();
});

describe('capacity', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`shows who is over-booked, and their weeks, on a ${name}`, { timeout: 240_000 }, async () => {
      const context = await browser.newContext({ viewport, baseURL: landfall.url });
      const page = await context.newPage();
      try {
        await signIn(page, landfall);
        await page.getByRole('link', { name: 'Capacity', exact: true }).click();
        await page.getByRole('heading', { name: 'Capacity', level: 1 }).waitFor();
        const banner = page.getByRole('alert').filter({ hasText: 'over-booked in week 3' });
        await banner.waitFor();
        assert.match((await banner.textContent()) ?? '', /Jordan Lee is over-booked in week 3 \(from .+\): [\d.]+ h of work for 32 h available/);
        // The person warned is the one charted; the table view lists their 12 weeks with week 3 over-booked.
        await page.getByRole('heading', { name: 'Jordan Lee: demand and supply' }).waitFor();
        await page.getByRole('button', { name: 'Table' }).first().click();
        const rows = page.locator('table').first().locator('tbody tr');
        assert.equal(await rows.count(), 12);
        assert.match((await rows.nth(2).textContent()) ?? '', /Over-booked/);
        assert.equal(await sidewaysScroll(page), 0, 'the page scrolls sideways');
        await page.screenshot({ path: screenshot(`capacity-${name}`), fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
