import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, readMail, screenshot, sidewaysScroll, signIn, staffApi, startLandfall, urlIn, type RunningLandfall } from './support.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

describe('Mobilization, from the won deal to first value', () => {
  let landfall: RunningLandfall & { dataDir: string };
  let projectId = '';
  let vendor: BrowserContext;
  let customer: BrowserContext;
  after(async () => {
    await vendor?.close();
    await customer?.close();
    await landfall?.stop();
  });

  it('a deal arrives, sales hands over, the customer answers readiness and confirms an outcome, and first value is dated', async () => {
    landfall = await startLandfall();
    vendor = await browser.newContext({ baseURL: landfall.url, viewport: { width: 1280, height: 900 } });
    const staff = await vendor.newPage();
    await signIn(staff, landfall);
    const api = staffApi(staff);

    // The CRM sends the won deal.
    const members = await api.get<{ email: string; role: string }[]>('/members');
    const rep = members.find((m) => m.role === 'sales')!;
    const deal = await api.post<{ projectId: string; accountId: string; created: boolean }>('/intake/deals', {
      dealId: 'crm-deal-4711',
      company: { name: 'Helios Freight', domain: 'helios-freight.test', industry: 'Logistics', segment: 'mid_market', complexity: 'moderate' },
      products: ['Core Platform'],
      contractValue: 84000,
      currency: 'USD',
      closedOn: new Date().toISOString().slice(0, 10),
      contacts: [{ name: 'Hana Ortiz', email: 'hana@helios-freight.test', role: 'champion', title: 'Head of Finance Ops' }],
      salesRep: { email: rep.email },
    });
    assert.equal(deal.created, true);
    projectId = deal.projectId;

    // Sales hands over on the hand-off page.
    await staff.goto(`/projects/${deal.projectId}/handoff`);
    const long = (topic: string) => `${topic}: month-end close takes nine days and the finance team wants it under four, with audit trails.`;
    await staff.getByLabel('Why they bought').fill(long('Why'));
    await staff.getByLabel("The customer's definition of success").fill(long('Success'));
    await staff.getByLabel('Risks').fill(long('Risk: the ERP team is busy until April'));
    if ((await staff.getByLabel('Stakeholder 1 name').count()) === 0) await staff.getByRole('button', { name: 'Add stakeholder' }).click();
    await staff.getByLabel('Stakeholder 1 name').fill('Hana Ortiz');
    await staff.getByLabel('Stakeholder 1 role').fill('Champion, runs finance operations');
    await staff.getByRole('button', { name: 'Add stakeholder' }).click();
    await staff.getByLabel('Stakeholder 2 name').fill('Marc Liu');
    await staff.getByLabel('Stakeholder 2 role').fill('CFO, executive sponsor, signs off the project');
    await staff.getByRole('button', { name: 'Hand over' }).click();
    await staff.getByText('Handed over', { exact: true }).first().waitFor();
    const handoff = await api.get<{ status: string; flags: unknown[] }>(`/projects/${deal.projectId}/handoff`);
    assert.equal(handoff.status, 'complete', JSON.stringify(handoff));

    // The onboarding manager sends the readiness assessment to the champion.
    await staff.goto(`/projects/${deal.projectId}?tab=readiness`);
    await staff.getByRole('button', { name: 'Start the assessment' }).click();
    await staff.getByRole('button', { name: 'Send to the customer…' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Send to the customer' });
    await dialog.getByLabel('Contact').selectOption({ label: 'Hana Ortiz (hana@helios-freight.test)' });
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    // And the plan has an outcome to prove.
    await api.post(`/projects/${deal.projectId}/success-outcomes`, { statement: 'Close the books in four days' });

    // The champion had portal access from the start (with the welcome), so the request came as a plain email;
    // the manager also sends her an invitation from the Portal tab, and she signs in with the emailed link.
    await readMail(landfall, 'hana@helios-freight.test', 'Please fill in the readiness assessment');
    await staff.goto(`/projects/${deal.projectId}`);
    await staff.getByRole('tab', { name: 'Portal' }).click();
    const accessRow = staff.locator('section[aria-labelledby="portal-access"] tr', { hasText: 'hana@helios-freight.test' });
    await accessRow.getByRole('button', { name: /^(Give access|Resend invitation)$/ }).click();
    const invitation = urlIn(await readMail(landfall, 'hana@helios-freight.test', 'invited you to your onboarding portal'), '/portal/invite');
    customer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await customer.newPage();
    await page.goto(invitation);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText('We sent a sign-in link to').waitFor();
    await page.goto(urlIn(await readMail(landfall, 'hana@helios-freight.test', 'Your sign-in link'), '/portal/sign-in'));
    await page.getByRole('button', { name: 'Continue to my portal' }).click();
    await page.waitForURL(`**/portal/projects/${deal.projectId}`);

    // Readiness: every question answered from the portal, then sent.
    const readiness = page.locator('section[aria-labelledby="readiness"]');
    await readiness.getByRole('button', { name: 'Send my answers' }).waitFor();
    for (const question of await readiness.locator('fieldset.portal-question').all()) {
      const options = question.locator('label.portal-option');
      if (await options.count()) await options.first().click();
    }
    for (const text of await readiness.locator('textarea').all()) await text.fill('We have a named admin and a test environment.');
    await readiness.getByRole('button', { name: 'Send my answers' }).click();
    await readiness.getByText('Thank you: your answers were sent').waitFor();

    // The customer confirms the outcome.
    const outcome = page.locator('article[data-outcome="Close the books in four days"]');
    await outcome.getByRole('button', { name: 'Confirm this outcome is achieved' }).click();
    await outcome.getByLabel('What did you see?').fill('March close took three and a half days.');
    await outcome.getByRole('button', { name: 'Confirm', exact: true }).click();
    await outcome.getByText('Confirmed by Hana Ortiz').waitFor();
    await page.screenshot({ path: screenshot('mobilization-portal'), fullPage: true });

    // The vendor sees readiness scored and the first-value date.
    const readinessNow = await api.get<{ latest: { score: { verdict: string | null }; submittedByName: string | null } | null }>(
      `/projects/${deal.projectId}/readiness`,
    );
    assert.equal(readinessNow.latest?.submittedByName, 'Hana Ortiz');
    assert.ok(readinessNow.latest?.score.verdict, 'scored');
    const project = await api.get<{ milestones: { kind: string; actual: string | null }[] }>(`/projects/${deal.projectId}`);
    const firstValue = project.milestones.find((m) => m.kind === 'first_value');
    assert.ok(firstValue?.actual, 'first value is dated');
    await staff.goto(`/projects/${deal.projectId}?tab=success`);
    await staff.getByText('the customer confirmed the first outcome').waitFor();
    await staff.screenshot({ path: screenshot('mobilization-first-value'), fullPage: false });
  });

  it('the executive summary shows the workspace logo and colour, the timeline and the metric charts, on a desktop and on a phone', async () => {
    const staff = await vendor.newPage();
    const api = staffApi(staff);
    await staff.goto('/');
    const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const plan = await api.post<{ outcomes: { id: string; statement: string }[] }>(`/projects/${projectId}/success-outcomes`, { statement: 'Fewer late invoices' });
    const outcomeId = plan.outcomes.find((o) => o.statement === 'Fewer late invoices')!.id;
    const withMetric = await api.post<{ outcomes: { id: string; metrics: { id: string }[] }[] }>(`/success-outcomes/${outcomeId}/metrics`, {
      name: 'Invoices paid late a month',
      unit: 'invoices',
      direction: 'decrease',
      baseline: 120,
      target: 30,
      targetDate: days(60),
    });
    const metricId = withMetric.outcomes.find((o) => o.id === outcomeId)!.metrics[0]!.id;
    for (const [ago, value] of [[-21, 112], [-11, 95], [-2, 81]] as const) await api.post(`/success-metrics/${metricId}/actuals`, { value, measuredOn: days(ago) });

    for (const [width, height, name] of [[1440, 900, 'desktop'], [390, 844, 'phone']] as const) {
      await staff.setViewportSize({ width, height });
      await staff.goto(`/projects/${projectId}/summary`);
      const brand = staff.getByTestId('exec-brand');
      const logo = brand.getByRole('img', { name: 'Northwind Cloud logo' });
      await logo.waitFor();
      assert.ok(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the logo loads');
      assert.equal(await brand.locator('.exec-brand-badge').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(15, 118, 110)');
      await staff.getByTestId('timeline-chart').locator('svg.recharts-surface').first().waitFor();
      assert.ok((await staff.getByTestId('timeline-chart').locator('.recharts-scatter-symbol').count()) >= 3, 'milestones on the timeline');
      await staff.getByTestId('metric-chart').locator('.recharts-line-dots circle').nth(2).waitFor();
      // The charts say what they show in words, for screen readers.
      assert.ok((await staff.getByRole('img', { name: /Invoices paid late a month: baseline 120 invoices, target 30 invoices/ }).count()) > 0, 'metric chart described');
      assert.ok((await staff.getByRole('img', { name: /^Timeline, today .* Go-live: planned/ }).count()) > 0, 'timeline described');
      assert.equal(await sidewaysScroll(staff), 0, `no sideways scroll at ${width}px`);
      await staff.screenshot({ path: screenshot(`executive-summary-${name}`), fullPage: true });
    }
    // The table a click away, for exact figures.
    await staff.getByRole('button', { name: 'Show the timeline as a table' }).click();
    await staff.getByRole('columnheader', { name: 'Planned (baseline)' }).waitFor();
    assert.equal(await sidewaysScroll(staff), 0);
    await staff.close();
  });
});
