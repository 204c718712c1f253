import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../modules/auth/auth.service.ts';
import { httpClient, startTestEnv, type TestEnv } from '../test/harness.ts';
import { accountGenerator } from './demo.generator.ts';
import { DEMO_LOGIN, seedAccounts, seedDemoWorkspace } from './demo.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env?.close());

const rows = <Row>(text: string, params: unknown[] = []) => env.services.database.query<Row>(text, params);

describe('the demo workspace', () => {
  it('is created once, and the demo admin can sign in to it', async () => {
    await seedDemoWorkspace(env.services);
    await seedDemoWorkspace(env.services);
    expect(await rows(`select name, timezone from workspaces`)).toEqual([{ name: 'Northwind Cloud', timezone: 'America/New_York' }]);

    const { actor } = await signIn(env.services, { ...DEMO_LOGIN, ip: '127.0.0.1', userAgent: 'test', previousToken: undefined });
    expect(actor.role).toBe('admin');
    const roles = await rows<{ role: string }>(`select distinct role from members`);
    expect(roles.map((row) => row.role).sort()).toEqual(
      ['admin', 'csm', 'education', 'implementation_manager', 'leader', 'onboarding_manager', 'sales'].sort(),
    );
  });

  it('has onboarding projects under way, some slipping, with the slip owed to a side', async () => {
    const projects = await rows<{ id: string; health: string }>(`select id, health from projects`);
    expect(projects.length).toBeGreaterThanOrEqual(8);
    expect(new Set(projects.map((p) => p.health)).size).toBeGreaterThanOrEqual(2);
    const done = await rows<{ n: number }>(`select count(*)::int as n from project_tasks where status = 'done'`);
    expect(done[0]!.n).toBeGreaterThan(50);
    const owed = await rows<{ side: string }>(`select distinct side from delay_events where days > 0`);
    expect(owed.map((row) => row.side).sort()).toEqual(['customer', 'vendor']);
  });

  it('shows a book of customers at every segment, stage and complexity, with people who come and go', async () => {
    const accounts = await rows<{ segment: string; complexity: string; laer_stage: string; contract_value: number; industry: string }>(
      `select segment, complexity, laer_stage, contract_value, industry from accounts`,
    );
    expect(accounts.length).toBeGreaterThanOrEqual(36);
    expect(new Set(accounts.map((a) => a.segment))).toEqual(new Set(['enterprise', 'mid_market', 'smb']));
    expect(new Set(accounts.map((a) => a.complexity))).toEqual(new Set(['high', 'moderate', 'low']));
    expect(new Set(accounts.map((a) => a.laer_stage))).toEqual(new Set(['land', 'adopt', 'expand', 'renew']));
    expect(new Set(accounts.map((a) => a.industry)).size).toBeGreaterThanOrEqual(8);
    const bounds = { smb: [5_000, 25_000], mid_market: [30_000, 120_000], enterprise: [150_000, 1_200_000] } as const;
    for (const account of accounts) {
      const [min, max] = bounds[account.segment as keyof typeof bounds];
      expect(account.contract_value).toBeGreaterThanOrEqual(min);
      expect(account.contract_value).toBeLessThanOrEqual(max);
    }

    const [people] = await rows<{ fewest: number; most: number; champions_left: number; in_organizations: number }>(
      `select min(n)::int fewest, max(n)::int most,
        (select count(*)::int from contacts where role = 'champion' and left_on is not null) champions_left,
        (select count(*)::int from contacts where organization_id is not null) in_organizations
       from (select count(*) n from contacts group by account_id) per_account`,
    );
    expect(people!.fewest).toBeGreaterThanOrEqual(2);
    expect(people!.champions_left).toBeGreaterThanOrEqual(1);
    expect(people!.in_organizations).toBeGreaterThanOrEqual(3);
    const kinds = await rows<{ kind: string }>(`select distinct kind from organizations`);
    expect(kinds.map((row) => row.kind).sort()).toEqual(['added_users', 'new_implementation']);
    const [orphans] = await rows<{ n: number }>(`select count(*)::int n from accounts a where not exists
      (select 1 from account_owners o where o.account_id = a.id and o.role = 'onboarding_manager')`);
    expect(orphans!.n).toBe(0);
  });
});

describe('seeding many accounts', () => {
  it('adds a new workspace of generated accounts whose admin can use the API', async () => {
    const seeded = await seedAccounts(env.services, { accounts: 1200, progress: false });
    const [counts] = await rows<{ accounts: number; contacts: number }>(
      `select (select count(*)::int from accounts where workspace_id = $1) accounts,
              (select count(*)::int from contacts where workspace_id = $1) contacts`,
      [seeded.workspaceId],
    );
    expect(counts!.accounts).toBe(1200);
    expect(counts!.contacts / 1200).toBeGreaterThan(2.5);
    expect(counts!.contacts / 1200).toBeLessThan(4);

    const { token } = await signIn(env.services, { email: seeded.email, password: seeded.password, ip: '127.0.0.2', userAgent: 'test', previousToken: undefined });
    const client = httpClient(env.app, { cookie: `lf_session=${token}` });
    const page = await client.get('/api/v1/accounts?limit=5');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(1200);
  });
});

describe('the account generator', () => {
  it('gives the same accounts for the same seed and day', () => {
    const options = { seed: 42, today: '2026-03-02', team: { onboarding_manager: ['om'], sales: ['ae'] } };
    const first = Array.from({ length: 50 }, accountGenerator(options));
    const again = Array.from({ length: 50 }, accountGenerator(options));
    expect(again).toEqual(first);
  });

  it('keeps dates in order: joined before leaving, renewal a whole year after signing and still ahead', () => {
    const today = '2026-03-02';
    const next = accountGenerator({ seed: 9, today, team: {} });
    for (let index = 0; index < 2000; index++) {
      const account = next();
      expect(account.renewalOn > today).toBe(true);
      expect(account.renewalOn.slice(5)).toBe(account.contractSignedOn.slice(5).replace('02-29', '02-28'));
      if (account.contractSignedOn > today) expect(account.laerStage).toBe('land');
      for (const contact of account.contacts) {
        expect(contact.joinedOn <= today).toBe(true);
        if (contact.leftOn) expect(contact.leftOn > contact.joinedOn && contact.leftOn <= today).toBe(true);
        expect(contact.email.endsWith(`@${account.domain}`)).toBe(true);
      }
    }
  });
});
