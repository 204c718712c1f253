import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, type Author, type Ctx } from '../../context.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { readPdf, solidPng } from '../../test/pdf.ts';
import { multipartBody } from '../../test/uploads.ts';
import { addMetric, addOutcome, recordActual } from './success-plans.service.ts';

let env: TestEnv;
let admin: TestMember;
let adminApi: HttpClient;
let managerApi: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2026-03-02T09:00:00Z'));
  ({ admin } = await makeWorkspace(env.services, 'Branded'));
  adminApi = await signedInClient(env, admin);
  managerApi = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Onboard'));
});
afterAll(() => env.close());

async function uploadLogo(client: HttpClient, fileName: string, bytes: Buffer) {
  const body = multipartBody(fileName, bytes);
  const response = await env.app.inject({ method: 'PUT', url: '/api/v1/portal/settings/logo', headers: { ...client.headers, 'content-type': body.contentType }, payload: body.payload });
  return { status: response.statusCode, body: JSON.parse(response.body), headers: response.headers };
}

const auditOf = async () =>
  (await env.services.database.query<{ summary: string }>(`select summary from audit_entries where workspace_id = $1 and kind = 'workspace.settings_changed' order by at, id`, [admin.workspaceId])).map(
    (row) => row.summary,
  );

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');

describe('the workspace branding (logo and colour)', () => {
  it('takes a PNG or a JPEG logo from an admin, known by its bytes, and audits each change', async () => {
    const png = await uploadLogo(adminApi, 'logo.png', solidPng(120, 40, [29, 78, 216]));
    expect(png.status).toBe(200);
    expect(png.body.hasLogo).toBe(true);
    // A JPEG named .png is still a JPEG: the name is not trusted either way.
    expect((await uploadLogo(adminApi, 'logo.png', JPEG)).status).toBe(200);
    expect((await adminApi.delete('/api/v1/portal/settings/logo')).body.hasLogo).toBe(false);
    // The clock stands still in tests: the three entries share a time, so their order is not asserted.
    expect((await auditOf()).sort()).toEqual(['Logo removed', 'Logo replaced (JPG, 1 kB)', 'Logo uploaded (PNG, 1 kB)']);
  });

  it('refuses another kind of file, naming the field and saying what to send', async () => {
    for (const [name, bytes, found] of [
      ['logo.svg', SVG, 'not an image we recognise'],
      ['logo.gif', GIF, 'GIF'],
      ['logo.png', Buffer.from('just text'), 'not an image we recognise'],
    ] as const) {
      const refused = await uploadLogo(adminApi, name, bytes);
      expect(refused.status, name).toBe(400);
      expect(refused.body.errors[0].path).toEqual(['body', 'file']);
      expect(refused.body.detail).toContain(`The logo must be a PNG or JPEG image (this file is ${found})`);
    }
  });

  it('refuses a logo over 512 kB', async () => {
    const big = Buffer.concat([solidPng(4, 4, [0, 0, 0]), Buffer.alloc(600 * 1024)]);
    const refused = await uploadLogo(adminApi, 'huge.png', big);
    expect(refused.status).toBe(413);
    expect(refused.body.detail).toBe('The file is larger than 512 kB, the most a logo can be.');
  });

  it('takes a brand colour written #rrggbb, with the text colour that reads on it', async () => {
    const bad = await adminApi.put('/api/v1/portal/settings', { brandColor: 'blue' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: ['body', 'brandColor'], message: 'must be a colour written #rrggbb, like #2563eb' });
    expect((await adminApi.put('/api/v1/portal/settings', { brandColor: '#12345' })).status).toBe(400);
    const pale = await adminApi.put('/api/v1/portal/settings', { brandColor: '#fde047' });
    expect(pale.body).toMatchObject({ brandColor: '#fde047', brandTextColor: '#111827' });
    expect(pale.body.brandContrastRatio).toBeGreaterThan(4.5);
    const dark = await adminApi.put('/api/v1/portal/settings', { brandColor: '#0f766e' });
    expect(dark.body).toMatchObject({ brandTextColor: '#ffffff' });
    expect((await auditOf()).filter((summary) => summary === 'Portal and branding settings changed: brandColor')).toHaveLength(2);
  });

  it('is set by admins only', async () => {
    expect((await uploadLogo(managerApi, 'logo.png', solidPng(10, 10, [0, 0, 0]))).status).toBe(403);
    expect((await managerApi.put('/api/v1/portal/settings', { brandColor: '#000000' })).status).toBe(403);
    expect((await managerApi.delete('/api/v1/portal/settings/logo')).status).toBe(403);
    expect((await managerApi.get('/api/v1/portal/settings')).status).toBe(200);
  });
});

describe('the executive summary, branded', () => {
  let projectId: string;
  const metricNames = ['Days to onboard a new hire', 'Support tickets a week', 'Weekly active users', 'Invoices paid on time', 'Time to first report'];

  beforeAll(async () => {
    const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-01-12' });
    const champion = await addContact(admin.ctx, account.id, { name: 'Carla Champion', email: `carla-${account.id}@acme.test`, role: 'champion' });
    projectId = (await createProject(admin.ctx, { accountId: account.id })).id;
    const customerCtx: Ctx = contextFor(env.services, { kind: 'contact', workspaceId: admin.workspaceId, contactId: champion.id, sessionId: 'portal', preview: false, name: champion.name });
    const customer: Author = { side: 'customer', contactId: champion.id, name: champion.name };
    // Enough outcomes and metrics to run the PDF onto more pages.
    for (let o = 0; o < 3; o++) {
      const plan = await addOutcome(customerCtx, customer, projectId, { statement: `Outcome ${o + 1}: the team works faster` });
      const outcome = plan.outcomes.at(-1)!;
      for (const name of metricNames.slice(0, o === 0 ? 5 : 2)) {
        const withMetric = await addMetric(customerCtx, customer, outcome.id, { name: o === 0 ? name : `${name} (${o + 1})`, unit: 'days', direction: 'decrease', baseline: 20, target: 5, targetDate: '2026-06-30', owner: null });
        const metric = withMetric.outcomes.find((each) => each.id === outcome.id)!.metrics.at(-1)!;
        for (const [on, value] of [['2026-01-20', 18], ['2026-02-10', 14], ['2026-02-27', 11]] as const) {
          await recordActual(customerCtx, customer, metric.id, { value, measuredOn: on });
        }
      }
    }
    await uploadLogo(adminApi, 'logo.png', solidPng(160, 48, [15, 118, 110]));
    await adminApi.put('/api/v1/portal/settings', { brandColor: '#0f766e' });
  });

  it('carries the logo (a versioned link, cached for good) and the colour, and the numbers its charts draw', async () => {
    const summary = (await managerApi.get(`/api/v1/projects/${projectId}/executive-summary`)).body;
    expect(summary.branding).toMatchObject({ workspaceName: 'Branded', brandColor: '#0f766e', brandTextColor: '#ffffff', brandMarkColor: '#0f766e' });
    expect(summary.branding.logoUrl).toMatch(new RegExp(`^/api/portal/v1/branding/${admin.workspaceId}/logo\\?v=\\d+$`));
    const logo = await env.app.inject({ method: 'GET', url: summary.branding.logoUrl });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['cache-control']).toContain('immutable');
    expect(summary.outcomes[0].metrics[0].series).toEqual({
      baseline: 20,
      target: 5,
      actuals: [
        { value: 18, on: '2026-01-20' },
        { value: 14, on: '2026-02-10' },
        { value: 11, on: '2026-02-27' },
      ],
    });
    const goLive = summary.timeline.milestones.find((m: { kind: string }) => m.kind === 'go_live');
    expect(goLive).toMatchObject({ actual: null, reached: false });
    expect(goLive.projected).toBe(goLive.date);
  });

  it('is a PDF with the logo embedded, the charts, and every metric named, over clean pages', async () => {
    const response = await env.app.inject({ method: 'GET', url: `/api/v1/projects/${projectId}/executive-summary.pdf`, headers: managerApi.headers });
    expect(response.statusCode).toBe(200);
    const pdf = readPdf(response.rawPayload);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(pdf.images).toEqual([{ width: 160, height: 48 }]);
    for (const name of metricNames) expect(pdf.text).toContain(name);
    // The charts' words: the timeline's legend and today, the metric charts' lines.
    for (const word of ['Planned', 'Projected', 'Reached', 'Today', 'Baseline', 'Target', '3 measurements (days)']) expect(pdf.text).toContain(word);
  });

  it('is a PDF with the workspace name in place of a logo when there is none', async () => {
    await adminApi.delete('/api/v1/portal/settings/logo');
    const response = await env.app.inject({ method: 'GET', url: `/api/v1/projects/${projectId}/executive-summary.pdf`, headers: managerApi.headers });
    const pdf = readPdf(response.rawPayload);
    expect(pdf.images).toEqual([]);
    expect(pdf.text).toContain('Branded');
  });
});
