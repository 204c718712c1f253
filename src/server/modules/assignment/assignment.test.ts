import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueCadences } from '../cadences/cadences.service.ts';
import { workspaceWithCrm } from '../../test/intake.ts';
import { httpClient, makeMember, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let crm: HttpClient;
let maya: TestMember;
let omar: TestMember;
let lead: TestMember;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2027-01-15T21:30:00Z'));
  ({ admin, api, crm } = await workspaceWithCrm(env));
  maya = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Maya Chen');
  omar = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Omar Haddad');
  lead = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Lena Lead');
});
afterAll(() => env.close());

let counter = 0;
const deal = (segment: string, products = ['Analytics']) => {
  const n = ++counter;
  return {
    dealId: `deal-${n}`,
    company: { name: `Acme ${n}`, industry: 'Retail', segment, complexity: 'low', timezone: 'America/Denver' },
    products,
    contractValue: 12000,
    closedOn: '2027-01-15',
    contacts: [
      { name: 'Carla Champion', email: `carla@acme${n}.test`, role: 'champion' },
      { name: 'Adam Admin', email: `adam@acme${n}.test`, role: 'admin' },
      { name: 'Eve Exec', email: `eve@acme${n}.test`, role: 'executive_sponsor' },
    ],
    salesRep: { email: 'nobody@vendor.test' },
  };
};

const mailTo = (address: string) =>
  env.services.database.query<{ subject: string; text_body: string }>('select subject, text_body from mail_outbox where to_address = $1 order by created_at', [address]);
const history = async (projectId: string) => (await api.get(`/api/v1/projects/${projectId}/history`)).body as { kind: string; field: string | null; toValue: string | null; reason: string | null }[];

describe('assignment at intake', () => {
  it('refuses rules that name someone who is not a member, saying where', async () => {
    const response = await api.put('/api/v1/assignment/settings', {
      teamLeadId: null,
      portalRoles: ['champion'],
      rules: [{ name: 'x', role: 'onboarding_manager', strategy: 'least_loaded', memberIds: ['00000000-0000-4000-8000-000000000000'] }],
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('rules.0.memberIds.0');
  });

  it('gives an SMB deal to the least loaded manager of the matching rule, with the reason on the project and in its history', async () => {
    const saved = await api.put('/api/v1/assignment/settings', {
      teamLeadId: lead.id,
      portalRoles: ['champion', 'admin'],
      rules: [
        { name: 'SMB deals → least loaded', role: 'onboarding_manager', match: { segments: ['smb'] }, strategy: 'least_loaded', memberIds: [omar.id, maya.id] },
        { name: 'Mid-market in turn', role: 'onboarding_manager', match: { segments: ['mid_market'], regions: ['America'] }, strategy: 'round_robin', memberIds: [maya.id, omar.id] },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.teamLead).toEqual({ id: lead.id, name: 'Lena Lead' });

    const first = (await crm.post('/api/v1/intake/deals', deal('smb'))).body;
    const project = (await api.get(`/api/v1/projects/${first.projectId}`)).body;
    expect(project.onboardingManager).toEqual({ id: omar.id, name: 'Omar Haddad' });
    const vendorTasks = project.tasks.filter((t: { owner: { side: string; role: string } }) => t.owner.side === 'vendor' && t.owner.role === 'onboarding_manager');
    expect(vendorTasks.length).toBeGreaterThan(0);
    expect(vendorTasks.every((t: { assignee: { id: string } | null }) => t.assignee?.id === omar.id)).toBe(true);
    const { assignments } = (await api.get(`/api/v1/projects/${first.projectId}/assignments`)).body;
    expect(assignments).toEqual([
      expect.objectContaining({ role: 'onboarding_manager', member: { id: omar.id, name: 'Omar Haddad' }, rule: 'SMB deals → least loaded', reason: "Assigned by rule 'SMB deals → least loaded': Omar Haddad had 0 open projects" }),
    ]);
    expect(await history(first.projectId)).toContainEqual(expect.objectContaining({ kind: 'assigned', field: 'onboarding_manager', reason: expect.stringContaining('Omar Haddad had 0 open projects') }));

    // The cadence plans its mails after the project was committed with its manager: none is from "Your onboarding team".
    await runDueCadences(env.services);
    const planned = await env.services.database.query<{ text_body: string }>(`select text_body from mail_outbox where project_id = $1 and kind = 'automated'`, [first.projectId]);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.filter((m) => m.text_body.includes('Your onboarding team'))).toEqual([]);

    // Omar now has one open project, so the next SMB deal goes to Maya.
    const second = (await crm.post('/api/v1/intake/deals', deal('smb'))).body;
    const { assignments: next } = (await api.get(`/api/v1/projects/${second.projectId}/assignments`)).body;
    expect(next[0]).toMatchObject({ member: { name: 'Maya Chen' }, reason: "Assigned by rule 'SMB deals → least loaded': Maya Chen had 0 open projects" });
  });

  it('gives a task added by hand an owner by its role, as the plan’s other tasks of that role have', async () => {
    const { projectId } = (await crm.post('/api/v1/intake/deals', deal('smb'))).body;
    const project = (await api.get(`/api/v1/projects/${projectId}`)).body;
    const added = await api.post(`/api/v1/projects/${projectId}/tasks`, { title: 'Extra check-in call', stage: project.stages[0].key, owner: { side: 'vendor', role: 'onboarding_manager' }, durationDays: 1 });
    expect(added.status).toBe(201);
    expect(added.body.task.assignee).toEqual({ kind: 'member', id: project.onboardingManager.id, name: project.onboardingManager.name });
    const forChampion = await api.post(`/api/v1/projects/${projectId}/tasks`, { title: 'Share the org chart', stage: project.stages[0].key, owner: { side: 'customer', role: 'champion' }, durationDays: 1 });
    expect(forChampion.body.task.assignee).toMatchObject({ kind: 'contact', name: 'Carla Champion' });
  });

  it('takes turns round-robin', async () => {
    const names = [];
    for (let i = 0; i < 3; i++) {
      const { projectId } = (await crm.post('/api/v1/intake/deals', deal('mid_market'))).body;
      names.push((await api.get(`/api/v1/projects/${projectId}`)).body.onboardingManager.name);
    }
    expect(names).toEqual(['Maya Chen', 'Omar Haddad', 'Maya Chen']);
  });

  it('gives the champion and the admin the portal with the welcome, and nobody else: they can sign in from its links', async () => {
    const d = deal('smb');
    const { projectId } = (await crm.post('/api/v1/intake/deals', d)).body;
    const { contacts } = (await api.get(`/api/v1/projects/${projectId}/portal`)).body as { contacts: { name: string; access: unknown }[] };
    expect(contacts.filter((c) => c.access).map((c) => c.name).sort()).toEqual(['Adam Admin', 'Carla Champion']);
    // The welcome's portal link asks for a sign-in link, and one arrives.
    env.clock.advance(1000);
    const asked = await httpClient(env.app).post('/api/portal/v1/sign-in/email', { email: d.contacts[0]!.email });
    expect(asked.status).toBe(200);
    expect((await mailTo(d.contacts[0]!.email)).map((m) => m.subject)).toContain(`Your sign-in link for ${(await api.get(`/api/v1/projects/${projectId}`)).body.name}`);
    expect(await mailTo(d.contacts[2]!.email)).toEqual([]);
  });

  it('shows a project nobody could be given as unassigned, lists it under owner=none, and alerts the team lead', async () => {
    const { projectId } = (await crm.post('/api/v1/intake/deals', deal('enterprise'))).body;
    const project = (await api.get(`/api/v1/projects/${projectId}`)).body;
    expect(project.onboardingManager).toBeNull();
    const unassigned = (await api.get('/api/v1/projects?owner=none')).body as { id: string }[];
    expect(unassigned.map((p) => p.id)).toContain(projectId);
    const { assignments } = (await api.get(`/api/v1/projects/${projectId}/assignments`)).body;
    expect(assignments[0]).toMatchObject({ member: null, reason: 'Nobody assigned: no assignment rule matches this project' });
    const alerts = await mailTo(lead.email);
    expect(alerts).toContainEqual(expect.objectContaining({ subject: `Nobody is assigned to ${project.name}` }));
    expect(await mailTo(admin.email)).toEqual([]);
    expect(await history(projectId)).toContainEqual(expect.objectContaining({ kind: 'alert', toValue: 'told Lena Lead' }));

    const assigned = await api.put(`/api/v1/projects/${projectId}/assignments/onboarding_manager`, { memberId: maya.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignments[0]).toMatchObject({ member: { name: 'Maya Chen' }, reason: 'Assigned by Ada Admin' });
    expect(((await api.get('/api/v1/projects?owner=none')).body as { id: string }[]).map((p) => p.id)).not.toContain(projectId);
  });

  it('tells the workspace admins when there is no team lead', async () => {
    await api.put('/api/v1/assignment/settings', { teamLeadId: null, portalRoles: [], rules: [] });
    const d = deal('smb');
    const { projectId } = (await crm.post('/api/v1/intake/deals', d)).body;
    const project = (await api.get(`/api/v1/projects/${projectId}`)).body;
    expect((await mailTo(admin.email)).map((m) => m.subject)).toContain(`Nobody is assigned to ${project.name}`);
    const { contacts } = (await api.get(`/api/v1/projects/${projectId}/portal`)).body as { contacts: { access: unknown }[] };
    expect(contacts.filter((c) => c.access)).toEqual([]);
  });
});
