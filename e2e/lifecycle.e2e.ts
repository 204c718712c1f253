import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshot, sidewaysScroll, staffApi, startLandfall, type RunningLandfall } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

interface Risk { id: string; kind: string; status: string; contactName: string; successorContactId: string | null }
interface People { risks: Risk[]; people: { id: string; name: string; current: boolean; role: string }[] }

describe('turnover on the account page', () => {
  let landfall: RunningLandfall & { dataDir: string };
  let vendor: BrowserContext;
  after(async () => {
    await vendor?.close();
    await landfall?.stop();
  });

  it('the demo account whose champion left shows the open risk; a successor named in the UI takes over and the risk is resolved', async () => {
    landfall = await startLandfall();
    vendor = await browser.newContext({ baseURL: landfall.url, viewport: { width: 1440, height: 900 } });
    const page = await vendor.newPage();
    // As support.ts signIn, but waiting for the nav (the home page is now the dashboard, with no "New account" link).
    const [, email, password] = /Demo login: (\S+) \/ (\S+)/.exec(landfall.output()) ?? ['', 'demo@landfall.example', 'landfall-demo'];
    await page.goto(landfall.url);
    await page.getByLabel('Email').fill(email!);
    await page.getByLabel('Password').fill(password!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Accounts', exact: true }).waitFor();
    const api = staffApi(page);

    // The demo's account whose champion left last month: an open champion-loss risk, no successor yet (src/server/demo/demo-turnover.ts).
    const { items } = await api.get<{ items: { id: string; name: string }[] }>('/accounts?limit=200');
    let found: { account: { id: string; name: string }; risk: Risk; people: People } | undefined;
    for (const account of items) {
      const people = await api.get<People>(`/accounts/${account.id}/people`);
      const risk = people.risks.find((r) => r.kind === 'champion_left' && r.status === 'open' && !r.successorContactId);
      if (risk) {
        found = { account, risk, people };
        break;
      }
    }
    assert.ok(found, 'the demo has an account whose champion left with no successor yet');
    const { account, risk, people } = found;

    await page.goto(`/accounts/${account.id}`);
    await page.getByRole('heading', { name: account.name }).first().waitFor();
    const openRisks = page.getByRole('heading', { name: 'Open risks' });
    await openRisks.scrollIntoViewIfNeeded();
    const card = page.locator('.risk-card', { hasText: risk.contactName });
    await card.waitFor();
    await card.getByRole('list', { name: 'Turnover playbook' }).getByText('Name a successor').waitFor();
    await page.screenshot({ path: screenshot('lifecycle-risk-1440'), fullPage: true });

    // Name a successor through the UI.
    const successor = people.people.find((p) => p.current && p.role !== 'executive_sponsor' && p.name !== risk.contactName)!;
    await card.getByRole('button', { name: 'Name a successor' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Successor').selectOption({ label: successor.name });
    await dialog.getByRole('button', { name: 'Name successor' }).click();
    await card.getByText(`Successor: ${successor.name}`).waitFor();
    assert.equal(await card.getByRole('button', { name: 'Name a successor' }).count(), 0);
    await page.screenshot({ path: screenshot('lifecycle-successor-1440'), fullPage: true });

    // Resolved once the sponsor is re-aligned: it leaves the open risks.
    await card.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('dialog').getByLabel('How was it dealt with?').fill('The sponsor met the new champion');
    await page.getByRole('dialog').getByRole('button', { name: 'Resolve' }).click();
    await card.waitFor({ state: 'detached' });
    const after = await api.get<People>(`/accounts/${account.id}/people`);
    assert.equal(after.risks.find((r) => r.id === risk.id)?.status ?? 'resolved', 'resolved');

    // At 390 px: the People section fits, no sideways scroll; the successor is shown as the champion.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'People' }).first().scrollIntoViewIfNeeded();
    await page.getByText(successor.name).first().waitFor();
    await page.screenshot({ path: screenshot('lifecycle-people-390'), fullPage: true });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-wrap'))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)} (${Math.round(el.getBoundingClientRect().right)}px)`),
    );
    assert.ok((await sidewaysScroll(page)) <= 1, `the account page does not scroll sideways at 390px: ${wide.join(', ')}`);
  });
});
