import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { createProject } from '../projects/projects.service.ts';
import { deliverCrmSync } from './crm-sync.service.ts';
import { startFakeCrm, type FakeCrm } from './testing/fake-crm.ts';

const HUBSPOT_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const SALESFORCE_TOKEN = '00Dxx0000001gPF!AQ4AQFakeSessionToken';

let hubspot: FakeCrm;
let salesforce: FakeCrm;
let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  hubspot = await startFakeCrm('hubspot', { token: HUBSPOT_TOKEN, records: ['9001', '9002', '9003'], companies: ['31337'] });
  salesforce = await startFakeCrm('salesforce', { token: SALESFORCE_TOKEN, records: ['006xx000004TmiQAAS'], companies: ['001xx000003DGb2AAG'] });
  env = await startTestEnv();
  env.services.config.webhooks = { allowPrivate: true, httpsOnly: false }; // the fake CRMs listen on 127.0.0.1
  env.clock.set(new Date('2026-03-02T10:00:00Z'));
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(async () => {
  await env.close();
  await hubspot.close();
  await salesforce.close();
});

let n = 0;
async function wonDeal(dealId: string, companyId?: string) {
  n++;
  const response = await api.post('/api/v1/intake/deals', {
    dealId,
    renewalOn: '2027-03-01',
    company: { id: companyId, name: `Initech ${n}`, domain: `initech${n}.test`, industry: 'Software', segment: 'mid_market', complexity: 'moderate' },
    products: ['Core Platform'],
    contractValue: 50000,
    closedOn: '2026-03-02',
    contacts: [{ name: 'Carla Champion', email: `carla@initech${n}.test`, role: 'champion' }],
    salesRep: { email: admin.email },
  });
  expect(response.status).toBe(201);
  return response.body.projectId as string;
}
const openTasks = (projectId: string) =>
  env.services.database.query<{ id: string }>("select id from project_tasks where project_id = $1 and status <> 'done' and milestone_kind is null order by position", [projectId]);
type LogEntry = { object: string; outcome: string; objectId: string; error: string | null; reasons: string[]; fields: Record<string, unknown> };
/** The newest entries first; the deal and the company of one write-back share a time, so pick by object. */
const log = async (object: 'deal' | 'company' | 'opportunity' | 'account' = 'deal') =>
  ((await api.get('/api/v1/crm-sync/log')).body as LogEntry[]).filter((entry) => entry.object === object);

describe('CRM write-back', () => {
  it('writes a project back to its HubSpot deal and company once per burst of changes, with the stage, go-live, health and value', async () => {
    const saved = await api.put('/api/v1/crm-sync', { provider: 'hubspot', accessToken: HUBSPOT_TOKEN, baseUrl: hubspot.url });
    expect(saved.body).toMatchObject({ configured: true, provider: 'hubspot', enabled: true, pending: 0 });
    const [stored] = await env.services.database.query<{ access_token: string }>('select access_token from crm_sync_settings where workspace_id = $1', [admin.workspaceId]);
    expect(stored!.access_token).toMatch(/^sealed:v1:/);

    const projectId = await wonDeal('9001', '31337');
    const [first, second] = await openTasks(projectId);
    await api.patch(`/api/v1/tasks/${first!.id}`, { status: 'done' });
    await api.patch(`/api/v1/tasks/${second!.id}`, { status: 'done' });
    expect((await api.get('/api/v1/crm-sync')).body.pending).toBe(1);
    expect(await deliverCrmSync(env.services)).toBe(0); // within the minute, changes coalesce
    env.clock.advance(61_000);
    await deliverCrmSync(env.services);
    expect(hubspot.writes.map((w) => w.path)).toEqual(['/crm/v3/objects/deals/9001', '/crm/v3/objects/companies/31337']);
    const write = hubspot.writes[0]!;
    expect(write.path).toBe('/crm/v3/objects/deals/9001');
    expect(write.body.properties).toMatchObject({ landfall_health: expect.any(String), landfall_status: 'active', landfall_projected_go_live: expect.stringMatching(/^2026-\d\d-\d\d$/) });
    expect(Object.keys(write.body.properties as object).sort()).toEqual(['landfall_health', 'landfall_onboarding_stage', 'landfall_projected_go_live', 'landfall_status', 'landfall_value_achieved']);
    expect(hubspot.writes[1]!.body.properties).toEqual({ landfall_account_health: expect.any(String), landfall_account_health_score: expect.any(String), landfall_value_achieved: '', landfall_next_renewal: '2027-03-01' });
    const [entry] = await log();
    expect(entry).toMatchObject({ outcome: 'ok', objectId: '9001' });
    expect((await log('company'))[0]).toMatchObject({ outcome: 'ok', objectId: '31337', fields: { landfall_next_renewal: '2027-03-01' } });
    expect(entry!.reasons).toEqual(expect.arrayContaining(['A task was done', 'The plan changed']));
    expect((await api.get('/api/v1/crm-sync')).body.pending).toBe(0);
  });

  it('retries when HubSpot is busy, and gives up at once on a deal that does not exist', async () => {
    const projectId = await wonDeal('9002');
    hubspot.failNext(503);
    await api.patch(`/api/v1/tasks/${(await openTasks(projectId))[0]!.id}`, { status: 'done' });
    env.clock.advance(61_000);
    await deliverCrmSync(env.services);
    expect((await log())[0]).toMatchObject({ outcome: 'retrying', error: expect.stringContaining('503') });
    env.clock.advance(61_000);
    await deliverCrmSync(env.services);
    expect((await log())[0]).toMatchObject({ outcome: 'ok', objectId: '9002' });
    // the deal came without an associated company: the company is skipped, and the log says why
    expect((await log('company'))[0]).toMatchObject({ outcome: 'skipped', objectId: '', error: expect.stringContaining('without an associated company') });
    expect(hubspot.writes.filter((w) => w.path.includes('/companies/'))).toHaveLength(1);

    const orphan = await wonDeal('deleted-deal');
    await api.patch(`/api/v1/tasks/${(await openTasks(orphan))[0]!.id}`, { status: 'done' });
    env.clock.advance(61_000);
    await deliverCrmSync(env.services);
    expect((await log())[0]).toMatchObject({ outcome: 'failed', error: expect.stringContaining('no deal with this id') });
    expect((await api.get('/api/v1/crm-sync')).body.pending).toBe(0);
  });

  it('writes to the Salesforce opportunity and account through their REST endpoints, and "sync now" needs a project from the CRM', async () => {
    expect((await api.put('/api/v1/crm-sync', { provider: 'salesforce', accessToken: SALESFORCE_TOKEN })).status).toBe(400);
    await api.put('/api/v1/crm-sync', { provider: 'salesforce', accessToken: SALESFORCE_TOKEN, baseUrl: salesforce.url, apiVersion: 'v61.0' });
    const projectId = await wonDeal('006xx000004TmiQAAS', '001xx000003DGb2AAG');
    expect((await api.post(`/api/v1/crm-sync/projects/${projectId}`)).status).toBe(202);
    await deliverCrmSync(env.services);
    expect(salesforce.writes).toEqual([
      expect.objectContaining({ path: '/services/data/v61.0/sobjects/Opportunity/006xx000004TmiQAAS', body: expect.objectContaining({ Landfall_Status__c: 'active', Landfall_Health__c: expect.any(String) }) }),
      expect.objectContaining({
        path: '/services/data/v61.0/sobjects/Account/001xx000003DGb2AAG',
        body: { Landfall_Account_Health__c: expect.toBeOneOf([null, 'green', 'amber', 'red']), Landfall_Health_Score__c: expect.toBeOneOf([null, expect.any(Number)]), Landfall_Value_Achieved__c: null, Landfall_Next_Renewal__c: '2027-03-01' },
      }),
    ]);
    expect((await log('account'))[0]).toMatchObject({ outcome: 'ok', objectId: '001xx000003DGb2AAG' });
    const byHand = await createProject(admin.ctx, { accountId: (await makeAccount(admin.ctx)).id });
    const refused = await api.post(`/api/v1/crm-sync/projects/${byHand.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toContain('did not come from a CRM deal');

    await api.put('/api/v1/crm-sync', { provider: 'salesforce', accessToken: 'expired-token-000', baseUrl: salesforce.url });
    await api.post(`/api/v1/crm-sync/projects/${projectId}`);
    await deliverCrmSync(env.services);
    expect((await log('opportunity'))[0]).toMatchObject({ outcome: 'failed', error: expect.stringContaining('refused the token') });
  });

  it('refuses a CRM URL at a private, loopback or metadata address with a 400 that says why, and checks it again before writing', async () => {
    await api.put('/api/v1/crm-sync', { provider: 'hubspot', accessToken: HUBSPOT_TOKEN, baseUrl: hubspot.url });
    const projectId = await wonDeal('9003', '31337');
    env.services.config.webhooks = { allowPrivate: false, httpsOnly: false };
    try {
      for (const [baseUrl, address] of [['http://169.254.169.254/latest', '169.254.169.254'], [hubspot.url, '127.0.0.1']] as const) {
        const refused = await api.put('/api/v1/crm-sync', { provider: 'hubspot', accessToken: HUBSPOT_TOKEN, baseUrl });
        expect(refused.status).toBe(400);
        expect(refused.body.errors[0]).toMatchObject({ path: ['body', 'baseUrl'] });
        expect(refused.body.detail).toContain(`The CRM URL leads to ${address}, a private, loopback, link-local or metadata address`);
      }
      const writes = hubspot.writes.length;
      await api.post(`/api/v1/crm-sync/projects/${projectId}`);
      await deliverCrmSync(env.services);
      expect(hubspot.writes).toHaveLength(writes);
      expect((await log())[0]).toMatchObject({ outcome: 'retrying', error: expect.stringContaining('Not sent: The CRM URL leads to 127.0.0.1') });
    } finally {
      env.services.config.webhooks = { allowPrivate: true, httpsOnly: false };
    }
  });
});
