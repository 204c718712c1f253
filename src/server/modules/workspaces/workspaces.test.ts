import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import { httpClient, makeAccount, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

/** Twenty one-day vendor tasks in a row from day 0, then go-live: a plan that walks through the holidays. */
const dayByDay: PlaybookDefinition = {
  name: 'Day by day',
  touchModel: 'high',
  targetDays: 30,
  selection: { segments: ['enterprise'], complexities: [], products: [] },
  stages: [{ key: 'launch', name: 'Launch' }],
  tasks: [
    ...Array.from({ length: 20 }, (_, i) => ({
      key: `step${i}`,
      title: `Step ${i + 1}`,
      stage: 'launch',
      owner: { side: 'vendor' as const, role: 'implementation_manager' as const },
      durationDays: 1,
      ...(i === 0 ? { startOffsetDays: 0 } : { dependsOn: [{ task: `step${i - 1}` }] }),
    })),
    { key: 'golive', title: 'Go-live', stage: 'launch', owner: { side: 'vendor', role: 'onboarding_manager' }, durationDays: 0, milestoneKind: 'go_live', dependsOn: [{ task: 'step19' }] },
  ],
};

type Task = { projectedStart: string; projectedFinish: string };
const workedOn = (project: { tasks: Task[] }) => new Set(project.tasks.flatMap((task) => [task.projectedStart, task.projectedFinish]));

describe('public holidays', () => {
  it('are chosen at sign-up, and refused for a country that is not one', async () => {
    const visitor = httpClient(env.app);
    const bad = await visitor.post('/api/v1/setup', { workspaceName: 'Acme', name: 'Ann', email: 'ann@acme.test', password: 'a long password 1', holidayCountry: 'ZZ' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toEqual(['body', 'holidayCountry']);
    const created = await visitor.post('/api/v1/setup', {
      workspaceName: 'Acme',
      name: 'Ann',
      email: 'ann@acme.test',
      password: 'a long password 1',
      timezone: 'America/Los_Angeles',
      holidayCountry: 'us',
      holidayRegion: 'CA',
    });
    expect(created.status).toBe(201);
    expect(created.body.workspace).toMatchObject({ holidayCountry: 'US', holidayRegion: 'CA' });
    expect(created.body.workspace.publicHolidays).toEqual(expect.arrayContaining(['2026-12-25', '2027-01-18']));
  });

  it('offers every country with its regions to pick from, to anyone', async () => {
    const countries = await httpClient(env.app).get('/api/v1/holiday-calendars');
    expect(countries.status).toBe(200);
    expect(countries.body.length).toBeGreaterThan(150);
    expect(countries.body.find((country: { code: string }) => country.code === 'GB').regions.map((r: { name: string }) => r.name)).toContain('Scotland');
    const year = await httpClient(env.app).get('/api/v1/holiday-calendars/US/holidays?year=2026');
    expect(year.body).toEqual(expect.arrayContaining([{ date: '2026-12-25', name: 'Christmas Day' }]));
    expect((await httpClient(env.app).get('/api/v1/holiday-calendars/US/holidays?region=BY')).status).toBe(400);
  });

  describe('in a workspace', () => {
    let admin: TestMember;
    let api: HttpClient;
    beforeAll(async () => {
      env.clock.set(new Date('2026-12-14T09:00:00+01:00'));
      ({ admin } = await makeWorkspace(env.services, 'Holiday test'));
      api = await signedInClient(env, admin);
    });

    it('move work off Christmas Day, New Year and MLK Day when the country is set, re-planning the projects', async () => {
      const playbook = await api.post('/api/v1/playbooks', dayByDay);
      const account = await makeAccount(admin.ctx, { contractSignedOn: '2026-12-21' });
      const before = (await api.post('/api/v1/projects', { accountId: account.id, playbookId: playbook.body.id })).body;
      expect(workedOn(before).has('2026-12-25')).toBe(true);

      const changed = await api.patch('/api/v1/workspace', { holidayCountry: 'US' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ holidayCountry: 'US', holidayRegion: null, holidays: [] });
      const after = (await api.get(`/api/v1/projects/${before.id}`)).body;
      const days = workedOn(after);
      for (const holiday of ['2026-12-25', '2027-01-01', '2027-01-18']) expect(days.has(holiday), holiday).toBe(false);
      expect(after.tasks.at(-1).projectedFinish > before.tasks.at(-1).projectedFinish).toBe(true);

      // The workspace's own days off still count, on top of the public ones.
      await api.patch('/api/v1/workspace', { holidays: ['2026-12-24'] });
      expect(workedOn((await api.get(`/api/v1/projects/${before.id}`)).body).has('2026-12-24')).toBe(false);
    });

    it('keep a region only of the country it belongs to, and refuse one of another country', async () => {
      expect((await api.patch('/api/v1/workspace', { holidayCountry: 'DE', holidayRegion: 'BY' })).body).toMatchObject({ holidayCountry: 'DE', holidayRegion: 'BY' });
      expect((await api.patch('/api/v1/workspace', { holidayCountry: 'AT' })).body).toMatchObject({ holidayCountry: 'AT', holidayRegion: null });
      const refused = await api.patch('/api/v1/workspace', { holidayRegion: 'CA' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toEqual(['body', 'holidayRegion']);
      expect((await api.patch('/api/v1/workspace', { holidayCountry: null })).body).toMatchObject({ holidayCountry: null, publicHolidays: [] });
    });
  });
});
