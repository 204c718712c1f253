import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, startLandfall, type RunningLandfall } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

describe('a vendor team on the demo workspace', () => {
  let landfall: RunningLandfall;
  before(async () => {
    landfall = await startLandfall({ LANDFALL_DEMO: '1' });
  });
  after(() => landfall.stop());

  it('signs in, creates an account, adds a contact and opens the account page', async () => {
    const login = /Demo login: (\S+) \/ (\S+)/.exec(landfall.output());
    assert.ok(login, `the console prints the demo login:\n${landfall.output()}`);
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(landfall.url);
    await page.getByLabel('Email').fill(login[1]!);
    await page.getByLabel('Password').fill(login[2]!);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The home page is the dashboard; the accounts are one click away.
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.screenshot({ path: screenshot('dashboard'), fullPage: false });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('link', { name: 'New account' }).waitFor();
    await page.getByRole('row').nth(30).waitFor();
    await page.screenshot({ path: screenshot('accounts-list'), fullPage: false });

    await page.getByRole('link', { name: 'New account' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Stark Logistics');
    await page.getByLabel('Domain').fill('stark-logistics.example');
    await page.getByLabel('Industry').fill('Logistics');
    await page.getByLabel('Segment').selectOption('enterprise');
    await page.getByLabel('Complexity').selectOption('high');
    await page.getByLabel('Contract value').fill('350000');
    await page.getByLabel('Contract signed').fill('2026-11-02');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Stark Logistics' }).waitFor();
    await page.getByRole('button', { name: 'Add contact' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Pepper Potts');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Title').fill('COO');
    await page.getByLabel('Role').selectOption('champion');
    await page.getByRole('dialog').getByRole('button', { name: 'Add contact' }).click();
    // The server's field error appears next to the field, and nothing typed is lost.
    await page.getByText('must be an email address like name@company.com').waitFor();
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Pepper Potts');
    await page.getByLabel('Email').fill('pepper@stark-logistics.example');
    await page.getByRole('dialog').getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('cell', { name: 'Pepper Potts pepper@stark-logistics.example' }).waitFor();

    // The account page, opened afresh from the list, shows what was saved.
    await page.goto(`${landfall.url}/accounts?q=Stark`);
    await page.getByRole('link', { name: 'Stark Logistics' }).click();
    await page.getByRole('heading', { name: 'Stark Logistics' }).waitFor();
    await page.getByRole('cell', { name: 'Pepper Potts pepper@stark-logistics.example' }).waitFor();
    assert.ok(await page.getByRole('cell', { name: 'Pepper Potts pepper@stark-logistics.example' }).isVisible());
    await page.screenshot({ path: screenshot('account-page'), fullPage: true });
    await page.close();
  });
});

describe('a new installation without demo data', () => {
  let landfall: RunningLandfall;
  before(async () => {
    landfall = await startLandfall({ LANDFALL_DEMO: '0' });
  });
  after(() => landfall.stop());

  it('offers first-admin sign-up, then an empty account list that says what to do', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(landfall.url);
    await page.getByLabel('Workspace name').fill('Wayne Onboarding');
    await page.getByLabel('Your name').fill('Bruce Wayne');
    await page.getByLabel('Email').fill('bruce@wayne.example');
    await page.getByLabel('Password').fill('a very long password');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    // The home page (the dashboard) has nothing to show yet and says what to do first; so does the account list.
    await page.getByRole('link', { name: 'Create your first account' }).waitFor();
    await page.screenshot({ path: screenshot('empty-dashboard') });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('link', { name: 'Create your first account' }).waitFor();
    await page.screenshot({ path: screenshot('empty-accounts') });
    await page.close();
  });
});
