import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, RESULTS_DIR, signIn, sidewaysScroll, startLandfall, type RunningLandfall } from './support.ts';

// Settings → Provisioning (SCIM) on a phone: the base URL, a token made and shown once, the demo's deactivated
// member whose project needs a new owner, and the last sync activity; then the identity provider uses the token.

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

describe('provisioning (SCIM)', () => {
  it('shows an admin on a phone how to connect, makes a token the identity provider can use, and lists the work to re-assign', async () => {
    const context = await browser.newContext({ baseURL: landfall.url, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, landfall);
    await page.goto('/settings/provisioning');
    await page.getByRole('heading', { name: 'Needs a new owner' }).waitFor();
    await page.getByText('onboarding manager was Noor Haddad').first().waitFor();
    await page.getByText('Deactivated Noor Haddad').first().waitFor();
    assert.equal(await sidewaysScroll(page), 0, 'the page fits a phone');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'provisioning-phone.png'), fullPage: true });

    await page.getByRole('button', { name: 'Create SCIM token' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Entra ID');
    await page.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByLabel('SCIM token for Entra ID').inputValue();
    assert.match(token, /^lfscim_/);
    assert.equal(await sidewaysScroll(page), 0, 'the token dialog fits a phone');

    const users = await fetch(`${landfall.url}/scim/v2/Users?filter=${encodeURIComponent('userName eq "mei.tanaka@northwind.example"')}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(users.status, 200);
    assert.equal(((await users.json()) as { totalResults: number }).totalResults, 1);
    await context.close();
  });
});
