import { launchBrowser } from './support.ts';
async function main() {
  const url = 'http://127.0.0.1:47321';
  const browser = await launchBrowser();
  const signing = await browser.newContext({ baseURL: url });
  const page0 = await signing.newPage();
  await page0.goto(url);
  await page0.getByLabel('Email').fill('demo@landfall.example');
  await page0.getByLabel('Password').fill('landfall-demo');
  await page0.getByRole('button', { name: 'Sign in' }).click();
  await page0.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  const storageState = await signing.storageState();
  const projects = await (await page0.request.get('/api/v1/projects')).json();
  await signing.close();
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, storageState });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${Date.now()} ${r.url().replace(url, '')}`));
    const started = Date.now();
    await page.goto(`/projects/${projects[i].id}`);
    await page.locator('.plan-table, table').first().waitFor({ timeout: 30000 });
    const useful = Date.now() - started;
    console.log('project cold useful ms', useful);
    if (i === 0) console.log(requests.map((r) => `${Number(r.split(' ')[0]) - started} ${r.split(' ')[1]}`).join('\n'));
    await context.close();
  }
  await browser.close();
}
void main();
