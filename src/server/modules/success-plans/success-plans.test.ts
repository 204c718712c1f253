import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import { contextFor, type Author, type Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { createPlaybook } from '../playbooks/playbooks.service.ts';
import { createProject, getProject } from '../projects/projects.service.ts';
import {
  makeAccount,
  makeMember,
  makeWorkspace,
  signedInClient,
  startTestEnv,
  type HttpClient,
  type TestEnv,
  type TestMember,
} from '../../test/harness.ts';
import { addMetric, addOutcome, getSuccessPlan, readSuccessPlan, recordActual, updateSuccessPlan, verifyOutcome } from './success-plans.service.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;
let managerName: string;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2026-03-02T09:00:00Z'));
  ({ admin } = await makeWorkspace(env.services));
  managerName = 'Olivia Onboard';
  api = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'onboarding_manager', managerName));
});
afterAll(() => env.close());
beforeEach(() => env.clock.set(new Date('2026-03-02T09:00:00Z')));

/** A project of a fresh account, with its champion and sponsor, and the customer's side as the portal will act. */
async function makeProject(playbookId?: string) {
  const account = await makeAccount(admin.ctx);
  const champion = await addContact(admin.ctx, account.id, { name: 'Carla Champion', email: `carla-${account.id}@acme.test`, role: 'champion' });
  const sponsor = await addContact(admin.ctx, account.id, { name: 'Sam Sponsor', email: `sam-${account.id}@acme.test`, role: 'executive_sponsor', title: 'COO' });
  const project = await createProject(admin.ctx, { accountId: account.id, ...(playbookId ? { playbookId } : {}) });
  const customerCtx: Ctx = contextFor(env.services, { kind: 'contact', workspaceId: admin.workspaceId, contactId: champion.id, sessionId: 'portal', preview: false, name: champion.name });
  const customer: Author = { side: 'customer', contactId: champion.id, name: champion.name };
  return { account, champion, sponsor, project, customerCtx, customer };
}

const rows = <Row>(text: string, params: unknown[] = []) => env.services.database.query<Row>(text, params);
const successEvents = (projectId: string) =>
  rows<{ actor_name: string; field: string; from_value: string | null; to_value: string | null; reason: string | null }>(
    `select actor_name, field, from_value, to_value, reason from project_events where project_id = $1 and kind = 'success_plan' order by created_at, id`,
    [projectId],
  );

const metric = { name: 'Days to onboard a new hire', unit: 'days', direction: 'decrease', baseline: 20, target: 5, targetDate: '2026-06-30' };

describe('the mutual success plan', () => {
  it('starts empty, and is co-created: goals, sponsor, cadence, outcomes and metrics, each edit in the history', async () => {
    const { project, sponsor, champion } = await makeProject();
    const empty = await api.get(`/api/v1/projects/${project.id}/success-plan`);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ goals: [], executiveSponsor: null, outcomes: [], value: { verifiedOutcomes: 0, firstValueMilestone: true, valueAchievedMilestone: true } });

    const plan = await api.put(`/api/v1/projects/${project.id}/success-plan`, {
      goals: ['Onboard new hires in a week'],
      executiveSponsorContactId: sponsor.id,
      communicationCadence: [{ who: 'Olivia (onboarding manager)', meetsWhom: 'Sam Sponsor', frequency: 'monthly', channel: 'Video call' }],
    });
    expect(plan.status).toBe(200);
    expect(plan.body.executiveSponsor).toMatchObject({ name: 'Sam Sponsor', title: 'COO' });

    const withOutcome = await api.post(`/api/v1/projects/${project.id}/success-outcomes`, { statement: 'New hires are productive in their first week' });
    expect(withOutcome.status).toBe(201);
    const outcomeId = withOutcome.body.outcomes[0].id;
    const withMetric = await api.post(`/api/v1/success-outcomes/${outcomeId}/metrics`, { ...metric, owner: { kind: 'contact', id: champion.id } });
    expect(withMetric.status).toBe(201);
    const metricId = withMetric.body.outcomes[0].metrics[0].id;
    expect(withMetric.body.outcomes[0].metrics[0]).toMatchObject({ owner: { kind: 'contact', name: 'Carla Champion' }, standing: { status: 'no_data' } });

    const changed = await api.patch(`/api/v1/success-metrics/${metricId}`, { target: 4 });
    expect(changed.body.outcomes[0].metrics[0].target).toBe(4);

    // One frozen test clock: events of one instant come in any order.
    expect((await successEvents(project.id)).map((e) => [e.actor_name, e.field, e.to_value]).sort()).toEqual([
      [managerName, 'goals', 'Onboard new hires in a week'],
      [managerName, 'executive_sponsor', 'Sam Sponsor'],
      [managerName, 'communication_cadence', 'Olivia (onboarding manager) meets Sam Sponsor, monthly, Video call'],
      [managerName, 'outcome', 'New hires are productive in their first week'],
      [managerName, 'metric', 'Days to onboard a new hire: 20 days → 5 days by 2026-06-30'],
      [managerName, 'metric', 'Days to onboard a new hire: 20 days → 4 days by 2026-06-30'],
    ].sort());

    // People the plan names cannot be deleted from under it: the answer says why and what to do.
    const deleteSponsor = await api.delete(`/api/v1/contacts/${sponsor.id}`);
    expect(deleteSponsor.status).toBe(409);
    expect(deleteSponsor.body.detail).toMatch(/^Sam Sponsor cannot be deleted: Sam .*is the executive sponsor of a success plan\. .*the date they left/);
    const deleteOwner = await api.delete(`/api/v1/contacts/${champion.id}`);
    expect(deleteOwner.status).toBe(409);
    expect(deleteOwner.body.detail).toContain('owns 1 success metric');
    expect((await api.get(`/api/v1/contacts/${sponsor.id}`)).status).toBe(200);

    const removed = await api.delete(`/api/v1/success-metrics/${metricId}`);
    expect(removed.body.outcomes[0].metrics).toEqual([]);
    expect((await api.delete(`/api/v1/success-outcomes/${outcomeId}`)).body.outcomes).toEqual([]);
  });

  it('refuses bad input with a 4xx that says where, and writes nothing', async () => {
    const { project } = await makeProject();
    const other = await makeProject();
    const { body } = await api.post(`/api/v1/projects/${project.id}/success-outcomes`, { statement: 'Fewer support tickets' });
    const outcomeId = body.outcomes[0].id;
    const before = await successEvents(project.id);

    const cases: [string, string, unknown, number, string][] = [
      ['PUT', `/api/v1/projects/${project.id}/success-plan`, {}, 400, 'body'],
      ['PUT', `/api/v1/projects/${project.id}/success-plan`, { executiveSponsorContactId: other.sponsor.id }, 400, 'body.executiveSponsorContactId'],
      ['PUT', `/api/v1/projects/${project.id}/success-plan`, { communicationCadence: [{ who: 'Olivia', meetsWhom: '', frequency: 'daily', channel: 'Call' }] }, 400, 'body.communicationCadence.0.meetsWhom'],
      ['POST', `/api/v1/projects/${project.id}/success-outcomes`, { statement: '  ' }, 400, 'body.statement'],
      ['POST', `/api/v1/success-outcomes/${outcomeId}/metrics`, { ...metric, target: 25 }, 400, 'body.target'],
      ['POST', `/api/v1/success-outcomes/${outcomeId}/metrics`, { ...metric, targetDate: '30/06/2026' }, 400, 'body.targetDate'],
      ['POST', `/api/v1/success-outcomes/${outcomeId}/metrics`, { ...metric, owner: { kind: 'contact', id: other.champion.id } }, 400, 'body.owner.id'],
    ];
    for (const [method, url, payload, status, path] of cases) {
      const response = await api.request(method, url, payload);
      expect(response.status, `${method} ${url} ${JSON.stringify(payload)}`).toBe(status);
      expect(response.body.errors.map((e: { path: (string | number)[] }) => e.path.join('.')), JSON.stringify(response.body)).toContain(path);
    }
    expect(count(await rows(`select count(*)::int n from success_metrics where project_id = $1`, [project.id]))).toBe(0);
    expect((await getSuccessPlan(admin.ctx, project.id)).executiveSponsor).toBeNull();
    expect(await successEvents(project.id)).toEqual(before);
    expect((await api.post(`/api/v1/success-outcomes/00000000-0000-4000-8000-000000000000/metrics`, metric)).status).toBe(404);
  });

  it('records actuals over time from either side, refuses a future date, and reads the latest against the target', async () => {
    const { project, customerCtx, customer } = await makeProject();
    const withOutcome = await addOutcome(admin.ctx, { side: 'vendor', memberId: admin.id, name: 'Ada Admin' }, project.id, { statement: 'Faster onboarding' });
    const withMetric = await addMetric(admin.ctx, { side: 'vendor', memberId: admin.id, name: 'Ada Admin' }, withOutcome.outcomes[0]!.id, {
      ...metric,
      direction: 'decrease',
      owner: null,
    });
    const metricId = withMetric.outcomes[0]!.metrics[0]!.id;

    const first = await api.post(`/api/v1/success-metrics/${metricId}/actuals`, { value: 14, measuredOn: '2026-02-27', note: 'First cohort' });
    expect(first.status).toBe(201);
    const future = await api.post(`/api/v1/success-metrics/${metricId}/actuals`, { value: 3, measuredOn: '2026-03-03' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toEqual(['body', 'measuredOn']);

    const plan = await recordActual(customerCtx, customer, metricId, { value: 11, measuredOn: '2026-03-02' });
    const recorded = plan.outcomes[0]!.metrics[0]!;
    expect(recorded.actuals.map((a) => [a.value, a.recordedBy.side, a.recordedBy.name])).toEqual([
      [14, 'vendor', managerName],
      [11, 'customer', 'Carla Champion'],
    ]);
    expect(recorded.standing).toEqual({ latest: { value: 11, measuredOn: '2026-03-02' }, progressPercent: 60, status: 'in_progress' });
    const events = await successEvents(project.id);
    expect(events).toContainEqual(expect.objectContaining({ actor_name: 'Carla Champion', field: 'actual', to_value: 'Days to onboard a new hire: 11 days on 2026-03-02' }));
  });

  it('lets a customer of another account see and change nothing', async () => {
    const { project } = await makeProject();
    const stranger = await makeProject();
    await expect(updateSuccessPlan(stranger.customerCtx, stranger.customer, project.id, { goals: ['Mine now'] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(readSuccessPlan(stranger.customerCtx, stranger.customer, project.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getSuccessPlan(admin.ctx, project.id)).goals).toEqual([]);
  });

  it('lets leaders read the plan but not change it', async () => {
    const { project } = await makeProject();
    const leader = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'leader'));
    expect((await leader.get(`/api/v1/projects/${project.id}/success-plan`)).status).toBe(200);
    expect((await leader.post(`/api/v1/projects/${project.id}/success-outcomes`, { statement: 'Nope' })).status).toBe(403);
  });
});

describe('verification: value proven by the customer', () => {
  it('refuses verification by the vendor, who may only ask for it', async () => {
    const { project } = await makeProject();
    const { body } = await api.post(`/api/v1/projects/${project.id}/success-outcomes`, { statement: 'Fewer support tickets' });
    const outcomeId = body.outcomes[0].id;
    const vendor: Author = { side: 'vendor', memberId: admin.id, name: 'Ada Admin' };
    const refused = await verifyOutcome(admin.ctx, vendor, outcomeId, { comment: 'Looks good to us' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/Only the customer can confirm/) });

    const asked = await api.post(`/api/v1/success-outcomes/${outcomeId}/verification-request`, { note: 'Tickets are down 40% since go-live' });
    expect(asked.status).toBe(200);
    expect(asked.body.outcomes[0]).toMatchObject({ verification: null, verificationRequest: { byName: managerName, note: 'Tickets are down 40% since go-live' } });
    expect((await getProject(admin.ctx, project.id)).milestones.find((m) => m.kind === 'first_value')!.actual).toBeNull();
  });

  it('marks first value done on the day the customer confirms the first outcome, and value achieved when every outcome is confirmed', async () => {
    const { project, customerCtx, customer } = await makeProject();
    const vendor: Author = { side: 'vendor', memberId: admin.id, name: 'Ada Admin' };
    let plan = await addOutcome(admin.ctx, vendor, project.id, { statement: 'New hires productive in a week' });
    plan = await addOutcome(customerCtx, customer, project.id, { statement: 'Fewer support tickets' });
    const [first, second] = plan.outcomes;
    plan = await addMetric(admin.ctx, vendor, first!.id, { ...metric, direction: 'decrease', owner: null });
    await recordActual(admin.ctx, vendor, plan.outcomes[0]!.metrics[0]!.id, { value: 6, measuredOn: '2026-03-01' });
    plan = await addMetric(customerCtx, customer, second!.id, {
      name: 'Tickets a week',
      unit: 'tickets',
      direction: 'decrease',
      baseline: 120,
      target: 60,
      targetDate: '2026-05-31',
      owner: null,
    });

    plan = await verifyOutcome(customerCtx, customer, first!.id, { comment: 'Our March cohort was productive in 6 days', evidence: 'HR onboarding report, March' });
    expect(plan.outcomes[0]!.verification).toMatchObject({
      byName: 'Carla Champion',
      on: '2026-03-02',
      comment: 'Our March cohort was productive in 6 days',
      evidence: 'HR onboarding report, March',
      snapshot: [{ metric: 'Days to onboard a new hire', value: 6, unit: 'days', measuredOn: '2026-03-01' }],
    });
    expect(plan.value).toMatchObject({ verifiedOutcomes: 1, totalOutcomes: 2, firstValueOn: '2026-03-02', valueAchievedOn: null });
    let milestones = (await getProject(admin.ctx, project.id)).milestones;
    expect(milestones.find((m) => m.kind === 'first_value')!.actual).toBe('2026-03-02');
    expect(milestones.find((m) => m.kind === 'value_achieved')!.actual).toBeNull();

    // A confirmed outcome stays as confirmed.
    expect((await api.patch(`/api/v1/success-outcomes/${first!.id}`, { statement: 'Something else' })).status).toBe(409);
    await expect(verifyOutcome(customerCtx, customer, first!.id, { comment: 'Again' })).rejects.toMatchObject({ code: 'conflict' });

    env.clock.set(new Date('2026-03-04T09:00:00Z'));
    plan = await verifyOutcome(customerCtx, customer, second!.id, { comment: 'Down to 58 a week' });
    expect(plan.value).toMatchObject({ verifiedOutcomes: 2, firstValueOn: '2026-03-02', valueAchievedOn: '2026-03-04' });
    milestones = (await getProject(admin.ctx, project.id)).milestones;
    expect(milestones.find((m) => m.kind === 'value_achieved')!.actual).toBe('2026-03-04');

    const history = (await api.get(`/api/v1/projects/${project.id}/history`)).body as { actorName: string; kind: string; field: string | null; toValue: string | null; reason: string | null }[];
    const proofs = history.filter((e) => e.kind === 'success_plan' && ['verification', 'first_value', 'value_achieved'].includes(e.field!));
    expect(proofs.map((e) => [e.actorName, e.field, e.toValue]).sort()).toEqual([
      ['Carla Champion', 'first_value', '2026-03-02'],
      ['Carla Champion', 'value_achieved', '2026-03-04'],
      ['Carla Champion', 'verification', 'Fewer support tickets'],
      ['Carla Champion', 'verification', 'New hires productive in a week'],
    ]);
    // The milestone tasks were completed by the projects module, so the task history says so too.
    expect(history.some((e) => e.kind === 'task' && e.field === 'status' && e.toValue === 'done' && /first outcome/.test(e.reason ?? ''))).toBe(true);
  });

  it('dates first value on the customer’s confirmation even when the task was marked done before the plan had outcomes', async () => {
    const { project, customerCtx, customer } = await makeProject();
    const task = project.milestones.find((m) => m.kind === 'first_value')!;
    expect((await api.patch(`/api/v1/tasks/${task.taskId}`, { status: 'done', actualFinish: '2026-02-27' })).status).toBe(200);
    const plan = await addOutcome(customerCtx, customer, project.id, { statement: 'Fewer support tickets' });
    await verifyOutcome(customerCtx, customer, plan.outcomes[0]!.id, { comment: 'Confirmed' });
    expect((await getProject(admin.ctx, project.id)).milestones.find((m) => m.kind === 'first_value')!.actual).toBe('2026-03-02');
  });

  it('refuses a member marking first value or value achieved done once the plan has outcomes: the customer confirms value', async () => {
    const { project, customerCtx, customer } = await makeProject();
    const firstValue = project.milestones.find((m) => m.kind === 'first_value')!;
    const valueAchieved = project.milestones.find((m) => m.kind === 'value_achieved')!;
    const plan = await addOutcome(admin.ctx, { side: 'vendor', memberId: admin.id, name: 'Ada Admin' }, project.id, { statement: 'Fewer support tickets' });
    const refused = await api.patch(`/api/v1/tasks/${firstValue.taskId}`, { status: 'done' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/customer confirms the first outcome.*Success plan tab/);
    expect(refused.body.errors[0].path).toEqual(['body', 'status']);
    expect((await api.patch(`/api/v1/tasks/${valueAchieved.taskId}`, { status: 'done' })).status).toBe(409);
    expect((await getProject(admin.ctx, project.id)).milestones.find((m) => m.kind === 'first_value')!.actual).toBeNull();
    // Other work on the milestone stays free, and the customer's confirmation completes it.
    expect((await api.patch(`/api/v1/tasks/${firstValue.taskId}`, { status: 'in_progress' })).status).toBe(200);
    await verifyOutcome(customerCtx, customer, plan.outcomes[0]!.id, { comment: 'Confirmed' });
    expect((await getProject(admin.ctx, project.id)).milestones.find((m) => m.kind === 'first_value')!.actual).toBe('2026-03-02');
  });

  it('records the date on the plan when the playbook has no first value milestone', async () => {
    const playbook = await createPlaybook(admin.ctx, minimalPlaybook);
    const { project, customerCtx, customer } = await makeProject(playbook.id);
    const plan = await addOutcome(admin.ctx, { side: 'vendor', memberId: admin.id, name: 'Ada Admin' }, project.id, { statement: 'Live on time' });
    const verified = await verifyOutcome(customerCtx, customer, plan.outcomes[0]!.id, { comment: 'We are live' });
    expect(verified.value).toMatchObject({ firstValueOn: '2026-03-02', firstValueMilestone: false, valueAchievedOn: null });
    const summary = (await api.get(`/api/v1/projects/${project.id}/executive-summary`)).body;
    expect(summary.timeline.milestones).toContainEqual(expect.objectContaining({ kind: 'first_value', date: '2026-03-02', source: 'success_plan' }));
  });
});

describe('the executive summary', () => {
  it('is served as JSON for the page and as a PDF download with the same content', async () => {
    const { project, customerCtx, customer } = await makeProject();
    const plan = await addOutcome(customerCtx, customer, project.id, { statement: 'Fewer support tickets' });
    await addMetric(customerCtx, customer, plan.outcomes[0]!.id, { ...metric, owner: null, direction: 'decrease' });

    const summary = await api.get(`/api/v1/projects/${project.id}/executive-summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      projectId: project.id,
      generatedOn: '2026-03-02',
      outcomes: [{ statement: 'Fewer support tickets', status: 'open', metrics: [{ baseline: '20 days', target: '5 days', latest: null }] }],
      adoption: { contactsCurrent: 2 },
    });
    expect(summary.body.timeline.milestones.map((m: { kind: string }) => m.kind)).toContain('go_live');

    const pdf = await api.get(`/api/v1/projects/${project.id}/executive-summary.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename=".+-executive-summary-2026-03-02\.pdf"$/);
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
  });
});

const count = (result: { n: number }[]) => result[0]!.n;

const minimalPlaybook: PlaybookDefinition = {
  name: 'Go-live only',
  touchModel: 'digital',
  targetDays: 10,
  selection: { segments: [], complexities: [], products: [] },
  stages: [{ key: 'launch', name: 'Launch' }],
  tasks: [
    { key: 'setup', title: 'Set up', stage: 'launch', owner: { side: 'vendor', role: 'onboarding_manager' }, durationDays: 3, startOffsetDays: 0 },
    { key: 'golive', title: 'Go-live', stage: 'launch', owner: { side: 'vendor', role: 'onboarding_manager' }, durationDays: 0, milestoneKind: 'go_live', dependsOn: [{ task: 'setup' }] },
  ],
};
