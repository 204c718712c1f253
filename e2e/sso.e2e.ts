import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startOidcProvider, type TestOidcProvider } from '../src/server/test/oidc-idp.ts';
import { launchBrowser, screenshot, sidewaysScroll, startLandfall, type RunningLandfall } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

describe('single sign-on through an OpenID provider', () => {
  let landfall: RunningLandfall;
  let idp: TestOidcProvider | undefined;
  // The browser uses the address Landfall believes it has (its PUBLIC_URL default), so the redirect URI matches.
  let base: string;
  before(async () => {
    landfall = await startLandfall({ LANDFALL_DEMO: '0' });
    base = landfall.url.replace('127.0.0.1', 'localhost');
  });
  after(async () => {
    await idp?.close();
    await landfall.stop();
  });

  it('an admin connects the provider on a phone-sized screen, and a new colleague signs in through it', async () => {
    const admin = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: base });
    const page = await admin.newPage();
    const setup = await page.request.post('/api/v1/setup', {
      data: { workspaceName: 'Acme Onboarding', name: 'Ada Admin', email: 'ada@acme.test', password: 'a long admin password' },
    });
    assert.equal(setup.status(), 201, await setup.text());
    const workspaceId = ((await setup.json()) as { workspace: { id: string } }).workspace.id;
    idp = await startOidcProvider([`${base}/api/v1/sso/${workspaceId}/oidc/callback`]);
    idp.users.set('olivia@acme.test', { name: 'Olivia Okta', groups: ['landfall-admins'] });

    await page.goto('/settings/sso');
    await page.getByRole('heading', { name: 'Single sign-on', level: 1 }).waitFor();
    await page.getByLabel('Provider name').fill('Acme ID');
    await page.getByLabel('Issuer URL').fill(idp.issuer);
    await page.getByLabel('Client ID').fill(idp.clientId);
    await page.getByLabel('Client secret').fill(idp.clientSecret);
    await page.getByLabel('Email domains').fill('acme.test');
    await page.getByRole('button', { name: 'Add mapping' }).click();
    await page.getByLabel('Group', { exact: true }).fill('landfall-admins');
    await page.getByLabel('Role', { exact: true }).selectOption('onboarding_manager');
    await page.getByLabel('Single sign-on is on').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Single sign-on saved').waitFor();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('status').filter({ hasText: `${idp.issuer} answered` }).waitFor();
    assert.equal(await sidewaysScroll(page), 0, 'the single sign-on settings fit 390 px');
    await page.screenshot({ path: screenshot('sso-settings-390'), fullPage: true });
    await admin.close();

    // A colleague who has never been here: the sign-in page offers the provider for their email's domain.
    const colleague = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: base });
    const tab = await colleague.newPage();
    await tab.goto('/');
    await tab.getByLabel('Email').fill('olivia@acme.test');
    const button = tab.getByRole('link', { name: 'Sign in with Acme ID' });
    await button.waitFor();
    assert.equal(await sidewaysScroll(tab), 0, 'the sign-in page fits 390 px');
    await tab.screenshot({ path: screenshot('sso-sign-in-390') });
    await button.click();
    // At the provider's own page, then back.
    await tab.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    await tab.getByLabel('Email').fill('olivia@acme.test');
    await tab.getByRole('button', { name: 'Continue' }).click();
    await tab.getByRole('heading', { name: /Dashboard|Welcome/, level: 1 }).first().waitFor();
    const session = (await (await tab.request.get('/api/v1/session')).json()) as { member: { email: string; name: string; role: string } };
    assert.deepEqual(session.member.email, 'olivia@acme.test');
    assert.equal(session.member.name, 'Olivia Okta');
    assert.equal(session.member.role, 'onboarding_manager');
    await tab.screenshot({ path: screenshot('sso-signed-in') });
    await colleague.close();
  });
});
