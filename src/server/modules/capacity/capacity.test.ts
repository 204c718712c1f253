import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithCrm } from '../../test/intake.ts';
import { makeMember, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let crm: HttpClient;
let maya: TestMember;
let omar: TestMember;
let asOmar: HttpClient;

// A Wednesday in Paris: this week has Wednesday to Friday left.
const TODAY = '2027-01-13';

const deal = (n: number, segment = 'smb') => ({
  dealId: `cap-${n}`,
  company: { name: `Capacity ${n}`, industry: 'Retail', segment, complexity: 'low', timezone: 'Europe/Paris' },
  products: ['Analytics'],
  contractValue: 12000,
  closedOn: TODAY,
  contacts: [{ name: 'Carla Champion', email: `carla@cap${n}.test`, role: 'champion' }],
  salesRep: { email: 'nobody@vendor.test' },
});

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date(`${TODAY}T09:00:00Z`));
  ({ admin, api, crm } = await workspaceWithCrm(env));
  maya = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Maya Chen');
  omar = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Omar Haddad');
  asOmar = await signedInClient(env, omar);
  await api.put('/api/v1/assignment/settings', {
    teamLeadId: null,
    portalRoles: [],
    rules: [{ name: 'SMB → Maya', role: 'onboarding_manager', match: { segments: ['smb'] }, strategy: 'round_robin', memberIds: [maya.id] }],
  });
});
afterAll(() => env.close());

type Report = {
  weeks: string[];
  people: { id: string; name: string; weeks: { week: string; booked: number; coming: number; available: number; state: string }[] }[];
  warnings: { memberId: string; state: string; weekNumber: number; text: string }[];
  coming: { dealId: string; company: string; playbook: { name: string } | null; effortHours: number; suggested: { name: string } | null }[];
  unassigned: number[];
};
const report = async () => (await api.get<Report>('/api/v1/insight/capacity')).body;
const person = (r: Report, id: string) => r.people.find((p) => p.id === id)!;

describe('capacity', () => {
  it('shows every manager with 12 weeks of hours available, from today, and nobody over-booked with no work', async () => {
    const response = await api.get<Report>('/api/v1/insight/capacity');
    expect(response.status).toBe(200);
    expect(response.body.weeks).toHaveLength(12);
    expect(response.body.weeks[0]).toBe('2027-01-11');
    expect(person(response.body, maya.id).weeks[0]).toMatchObject({ booked: 0, available: 24 });
    expect(person(response.body, maya.id).weeks[1]!.available).toBe(40);
    expect(response.body.warnings).toEqual([]);
  });

  it('books the manager’s open tasks by their hours, and warns before and when they are over-booked', async () => {
    const { projectId } = (await crm.post('/api/v1/intake/deals', deal(1))).body;
    const project = (await api.get(`/api/v1/projects/${projectId}`)).body as { tasks: { id: string; status: string; effortHours: number; effortEstimated: boolean; assignee: { id: string } | null; projectedStart: string; projectedFinish: string }[] };
    const mine = project.tasks.filter((t) => t.assignee?.id === maya.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.effortHours > 0 && !t.effortEstimated)).toBe(true);
    const before = person(await report(), maya.id).weeks.reduce((sum, w) => sum + w.booked, 0);
    expect(before).toBeCloseTo(mine.reduce((sum, t) => sum + t.effortHours, 0), 0);

    const big = mine.find((t) => t.projectedStart >= '2027-01-18')!;
    const patched = await api.patch(`/api/v1/tasks/${big.id}`, { effortHours: 120 });
    expect(patched.status).toBe(200);
    const r = await report();
    const warning = r.warnings.find((w) => w.memberId === maya.id);
    expect(warning).toMatchObject({ state: 'over' });
    expect(warning!.text).toMatch(/^Maya Chen is over-booked/);
    // The warning is there where the project is assigned: on the manager.
    const mayaCapacity = (await api.get(`/api/v1/members/${maya.id}/capacity`)).body;
    expect(mayaCapacity.warning.text).toBe(warning!.text);
    // And the suggestions for the project put Omar, who has room, first.
    const suggestions = (await api.get(`/api/v1/projects/${projectId}/assignments/suggestions`)).body;
    expect(suggestions.candidates[0]).toMatchObject({ id: omar.id, warning: null });
    expect(suggestions.candidates.find((c: { id: string }) => c.id === maya.id).warning).toBe(warning!.text);
    expect(suggestions.rule).toMatchObject({ member: { id: maya.id } });
  });

  it('takes a member’s days off and weekly hours out of their hours available; they set their own, an admin anyone’s', async () => {
    const own = await asOmar.post(`/api/v1/members/${omar.id}/time-off`, { startsOn: '2027-01-18', endsOn: '2027-01-22', note: 'Ski week' });
    expect(own.status).toBe(201);
    expect((await asOmar.patch(`/api/v1/members/${omar.id}/capacity`, { weeklyHours: 30 })).status).toBe(200);
    const r = await report();
    expect(person(r, omar.id).weeks[1]!.available).toBe(0);
    expect(person(r, omar.id).weeks[2]!.available).toBe(30);

    const notHis = await asOmar.post(`/api/v1/members/${maya.id}/time-off`, { startsOn: '2027-02-01', endsOn: '2027-02-01' });
    expect(notHis.status).toBe(403);
    const byAdmin = await api.post(`/api/v1/members/${maya.id}/time-off`, { startsOn: '2027-02-01', endsOn: '2027-02-01' });
    expect(byAdmin.status).toBe(201);
    expect((await api.delete(`/api/v1/members/${maya.id}/time-off/${byAdmin.body.id}`)).status).toBe(204);
    expect((await api.delete(`/api/v1/members/${maya.id}/time-off/${byAdmin.body.id}`)).status).toBe(404);
  });

  it('refuses days off that end before they start, and hours out of range, saying where', async () => {
    const backwards = await api.post(`/api/v1/members/${omar.id}/time-off`, { startsOn: '2027-02-05', endsOn: '2027-02-01' });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('endsOn');
    const tooMany = await api.patch(`/api/v1/members/${omar.id}/capacity`, { weeklyHours: 200 });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('weeklyHours');
  });

  it('counts a won deal not yet a project as coming, with its playbook, on whom the rules would give it', async () => {
    await env.services.database.query(
      `insert into intake_deliveries (workspace_id, source, deal_id, payload, status, error) values ($1, 'generic', 'cap-waiting', $2, 'failed', 'the CRM sent no champion')`,
      [admin.workspaceId, JSON.stringify({ ...deal(2), dealId: 'cap-waiting', closedOn: '2027-01-25', company: { ...deal(2).company, name: 'Waiting Co' } })],
    );
    const r = await report();
    expect(r.coming).toEqual([expect.objectContaining({ dealId: 'cap-waiting', company: 'Waiting Co', suggested: { id: maya.id, name: 'Maya Chen' } })]);
    expect(r.coming[0]!.playbook).not.toBeNull();
    expect(r.coming[0]!.effortHours).toBeGreaterThan(0);
    expect(person(r, maya.id).weeks.slice(0, 2).every((w) => w.coming === 0)).toBe(true);
    expect(person(r, maya.id).weeks.reduce((sum, w) => sum + w.coming, 0)).toBeCloseTo(r.coming[0]!.effortHours, 0);
  });
});
