import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, sidewaysScroll, signIn, startLandfall, type RunningLandfall } from './support.ts';

// Settings → Webhooks and Settings → Audit log on a phone, with the demo's endpoints, deliveries and entries.

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

describe('webhooks and the audit log on a phone', () => {
  it('show the demo endpoints, delivery log and audit entries at 390 px without sideways scrolling', async () => {
    const context = await browser.newContext({ baseURL: landfall.url, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, landfall);
    await page.goto('/settings/webhooks');
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('https://hooks.crm.example.com/landfall').first().waitFor();
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
    await page.getByRole('button', { name: 'Replay' }).first().waitFor();
    assert.equal(await sidewaysScroll(page), 0, 'the webhooks page scrolls sideways');
    await page.screenshot({ path: screenshot('webhooks-phone'), fullPage: true });

    await page.goto('/settings/audit-log');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByText('Failed sign-in as').first().waitFor();
    await page.getByLabel('What').selectOption('member.role_changed');
    await page.getByText(/^Role of .* changed from csm/).first().waitFor();
    assert.match(page.url(), /kind=member.role_changed/);
    assert.equal(await sidewaysScroll(page), 0, 'the audit log scrolls sideways');
    await page.screenshot({ path: screenshot('audit-log-phone'), fullPage: true });
    await context.close();
  });
});
