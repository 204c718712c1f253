import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshot, sidewaysScroll, signIn, staffApi, startLandfall, type RunningLandfall } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const ROWS = 1000;
/** The spreadsheet row of the bad one (the header is row 1, as the import numbers rows). */
const BAD_ROW = 501;
const BAD_EMAIL = 'grace.at.example.com';

/** A CSV of `ROWS` contacts of one account, as a CRM would export it; the contact on spreadsheet row BAD_ROW has no valid email. */
function contactsCsv(accountName: string) {
  const quoted = `"${accountName.replace(/"/g, '""')}"`;
  const lines = ['Account name,Name,Email,Role,Title'];
  for (let i = 1; i <= ROWS; i++) {
    const row = i + 1;
    const email = row === BAD_ROW ? BAD_EMAIL : `imported.person.${i}@csv-import.example`;
    lines.push([quoted, `Imported Person ${i}`, email, i % 50 === 0 ? 'super_user' : 'end_user', 'Analyst'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('CSV import of contacts (issue 18)', () => {
  let landfall: RunningLandfall & { dataDir: string };
  let vendor: BrowserContext;
  let dir: string;
  after(async () => {
    await vendor?.close();
    await landfall?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('1,000 contacts with one bad row: the dry run names the bad row and why, the progress bar fills, the report says 999 created and 1 skipped', async () => {
    landfall = await startLandfall();
    vendor = await browser.newContext({ baseURL: landfall.url, viewport: { width: 1440, height: 900 } });
    vendor.setDefaultTimeout(60_000); // the machine may be busy: generous waits, no timing asserted
    const page = await vendor.newPage();
    await signIn(page, landfall);

    // One of the demo's accounts, by its name as the list shows it.
    const { items } = await staffApi(page).get<{ items: { id: string; name: string }[] }>('/accounts?limit=200');
    const account = items.find((a) => !/[,"]/.test(a.name)) ?? items[0];
    assert.ok(account, 'the demo has accounts');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-csv-'));
    const file = path.join(dir, 'crm-contacts.csv');
    fs.writeFileSync(file, contactsCsv(account.name));

    // From the accounts list to the import page.
    await page.goto('/accounts');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { name: 'Import CSV', level: 1 }).waitFor();
    await page.getByLabel('What the file holds').selectOption('contacts');
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload and dry run' }).click();

    // The dry run: 1,000 rows, 999 to create, the bad row listed with its line number and the reason.
    await page.getByRole('heading', { name: 'Dry run of crm-contacts.csv' }).waitFor();
    const counts = page.locator('.import-counts').first();
    assert.equal(await counts.locator('div', { hasText: 'Rows' }).locator('dd').textContent(), '1,000');
    assert.equal(await counts.locator('div', { hasText: 'Would create' }).locator('dd').textContent(), '999');
    assert.equal(await counts.locator('div', { hasText: 'Would skip' }).locator('dd').textContent(), '1');
    const badRows = page.getByRole('table', { name: /Rows that will be skipped/ });
    const bodyRows = badRows.locator('tbody tr');
    assert.equal(await bodyRows.count(), 1, 'exactly one bad row listed');
    const cells = await bodyRows.first().locator('td').allTextContents();
    assert.equal(cells[0], String(BAD_ROW), 'the bad row is named by its line in the spreadsheet');
    assert.equal(cells[1], 'Email');
    assert.match(cells[2]!, new RegExp(`"${BAD_EMAIL.replace(/\./g, '\\.')}" is not an email address`));
    await page.screenshot({ path: screenshot('csv-import-dry-run-1440'), fullPage: true });

    // Confirm, run: the progress bar shows, fills, and the report counts what happened.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('999 contacts will be created').waitFor();
    await page.getByRole('button', { name: 'Import 999 rows' }).click();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    await page.getByRole('heading', { name: 'Import report' }).waitFor({ timeout: 180_000 });
    assert.equal(await progress.getAttribute('value'), String(ROWS), 'the progress bar is full');
    assert.equal(await progress.getAttribute('max'), String(ROWS));
    await page.getByText('1,000 of 1,000 rows').waitFor();
    const report = page.locator('.import-counts');
    assert.equal(await report.locator('div', { hasText: 'Created' }).locator('dd').textContent(), '999');
    assert.equal(await report.locator('div', { hasText: 'Skipped' }).locator('dd').textContent(), '1');
    assert.equal(await report.locator('div', { hasText: 'Updated' }).locator('dd').textContent(), '0');
    const reported = await page.getByRole('table', { name: /^Rows skipped/ }).locator('tbody tr').first().locator('td').allTextContents();
    assert.equal(reported[0], String(BAD_ROW), 'the report lists the skipped row');
    await page.screenshot({ path: screenshot('csv-import-report-1440'), fullPage: true });

    // The people are in the account.
    const people = await staffApi(page).get<{ people: { name: string }[] }>(`/accounts/${account.id}/people`);
    assert.ok(people.people.some((p) => p.name === 'Imported Person 1000'), 'the imported contacts belong to the account');
    assert.ok(!people.people.some((p) => p.name === `Imported Person ${BAD_ROW - 1}`), 'the bad row was not imported');

    // At 390 px the report fits: no sideways scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Import report' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('csv-import-report-390'), fullPage: true });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-wrap'))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)} (${Math.round(el.getBoundingClientRect().right)}px)`),
    );
    assert.ok((await sidewaysScroll(page)) <= 1, `the import report does not scroll sideways at 390px: ${wide.join(', ')}`);
  });
});
