import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, RESULTS_DIR, signIn, staffApi, sidewaysScroll, startLandfall, type RunningLandfall } from './support.ts';

// Every page of the staff app, on a phone (390×844) and a desktop (1440×900): nothing scrolls sideways, nothing
// logs an error to the console. The screenshots stay in test-results/pages/ to be looked at. It also measures what
// a first visit costs (bytes of JS and CSS as sent, compressed) and prints it; figures, not assertions on time.

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } } as const;
const PAGES_DIR = path.join(RESULTS_DIR, 'pages');
fs.mkdirSync(PAGES_DIR, { recursive: true });

/** Route patterns of the staff app, read from its router, so a page added later cannot be left out of this sweep. */
function routesInApp(): string[] {
  const source = fs.readFileSync('src/web/app/App.tsx', 'utf8');
  return [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]!).filter((route) => route !== '*' && !route.startsWith('/invite')).map((route) => route.replace(/\/\*$/, ''));
}

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

async function realPaths(page: Page): Promise<Map<string, string>> {
  const api = staffApi(page);
  const accounts = await api.get<{ items?: { id: string }[] } | { id: string }[]>('/accounts');
  const account = (Array.isArray(accounts) ? accounts : (accounts.items ?? []))[0]!;
  const projects = await api.get<{ id: string }[]>('/projects');
  const playbooks = await api.get<{ id: string }[]>('/playbooks');
  const questionnaires = await api.get<{ id: string }[]>('/readiness/questionnaires').catch(() => []);
  const contacts = account ? await api.get<{ id: string }[]>(`/accounts/${account.id}/contacts`) : [];
  const ids: Record<string, string | undefined> = {
    accounts: account?.id,
    projects: projects[0]?.id,
    playbooks: playbooks[0]?.id,
    questionnaires: (questionnaires as { id: string }[])[0]?.id,
    contacts: contacts[0]?.id,
  };
  const paths = new Map<string, string>();
  for (const route of routesInApp()) {
    const filled = route.replace(/(\w+)\/:id/g, (_m, list: string) => `${list}/${ids[list] ?? 'missing'}`);
    paths.set(route, filled.startsWith('/') ? filled : `/${filled}`);
  }
  return paths;
}

describe('every page of the staff app', () => {
  it('fits a phone and a desktop without sideways scrolling, and logs no error', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ baseURL: landfall.url, viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, landfall);
    const paths = await realPaths(page);
    assert.ok(paths.size >= 20, `the router lists the app's pages: ${[...paths.keys()].join(', ')}`);
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      for (const [route, url] of paths) {
        assert.ok(!url.includes('missing'), `the demo has something to show at ${route}`);
        errors.length = 0;
        await page.goto(url);
        await page.locator('main h1, [role="main"] h1, h1').first().waitFor({ timeout: 15_000 });
        await page.waitForLoadState('networkidle');
        const overflow = await sidewaysScroll(page);
        const file = `${name}-${route.replace(/[/:]+/g, '_').replace(/^_|_$/g, '') || 'home'}.png`;
        await page.screenshot({ path: path.join(PAGES_DIR, file), fullPage: false });
        if (overflow > 1) problems.push(`${name} ${url}: scrolls ${overflow}px sideways`);
        for (const error of errors) problems.push(`${name} ${url}: console error: ${error}`);
      }
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('finds an account with Ctrl+K and opens it with the keyboard, on a phone too', async () => {
    for (const viewport of Object.values(VIEWPORTS)) {
      const context = await browser.newContext({ baseURL: landfall.url, viewport });
      const page = await context.newPage();
      await signIn(page, landfall);
      const accounts = await staffApi(page).get<{ items: { id: string; name: string }[] }>('/accounts');
      const account = accounts.items[0]!;
      await page.goto('/projects');
      await page.locator('h1').first().waitFor();
      await page.keyboard.press('Control+K');
      const input = page.getByPlaceholder('Accounts, contacts, projects, tasks, playbooks…');
      await input.fill(account.name);
      await page.getByRole('option', { name: new RegExp(account.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().waitFor();
      await page.screenshot({ path: path.join(PAGES_DIR, `search-${viewport.width}.png`) });
      assert.equal(await sidewaysScroll(page), 0, 'the palette fits the screen');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/accounts/${account.id}`);
      await context.close();
    }
  });

  it('measures the first visit: JS and CSS as sent, for the staff app and the portal', async () => {
    const figures: Record<string, number> = {};
    for (const [name, url] of [
      ['staff', '/projects'],
      ['portal', '/portal'],
    ] as const) {
      // A signed-in browser that has never loaded the app: its cookie only, an empty cache.
      let storageState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
      if (name === 'staff') {
        const signing = await browser.newContext({ baseURL: landfall.url });
        await signIn(await signing.newPage(), landfall);
        storageState = await signing.storageState();
        await signing.close();
      }
      const context = await browser.newContext({ baseURL: landfall.url, viewport: VIEWPORTS.desktop, ...(storageState ? { storageState } : {}) });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on('response', (response) => {
        const pathname = new URL(response.url()).pathname;
        if (/\.(js|css)$/.test(pathname)) sizes.push(response.request().sizes().then((s) => s.responseBodySize));
      });
      const started = Date.now();
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      figures[`${name}_first_load_ms`] = Date.now() - started;
      figures[`${name}_js_css_bytes`] = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      await context.close();
    }
    console.log(JSON.stringify(figures));
    assert.ok(figures.staff_js_css_bytes! > 0 && figures.portal_js_css_bytes! > 0);
  });
});
