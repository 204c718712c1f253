import { launchBrowser, sidewaysScroll } from './support.ts';
async function main() {
const url = 'http://127.0.0.1:47321';
const browser = await launchBrowser();
const context = await browser.newContext({ baseURL: url, viewport: { width: 390, height: 844 } });
const page = await context.newPage();
const errors: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
await page.goto(url);
await page.getByLabel('Email').fill('demo@landfall.example');
await page.getByLabel('Password').fill('landfall-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
const work = await (await page.request.get('/api/v1/my-work')).json();
console.log('mywork count', work.count, JSON.stringify(work.items.map((i: any) => i.kind).reduce((a: any, k: string) => ((a[k] = (a[k] ?? 0) + 1), a), {})));
const accounts = await (await page.request.get('/api/v1/accounts')).json();
const contacts = await (await page.request.get(`/api/v1/accounts/${accounts.items[0].id}/contacts`)).json();
for (const vp of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
  await page.setViewportSize(vp);
  for (const p of ['/my-work', `/contacts/${contacts[0].id}`, '/cadences']) {
    errors.length = 0;
    await page.goto(p);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    console.log(vp.width, p, 'sideways', await sidewaysScroll(page), 'errors', JSON.stringify(errors));
    await page.screenshot({ path: `/tmp/dw-${vp.width}-${p.split('/')[1]}.png` });
  }
}
await browser.close();
}
void main();
