import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, type Author } from '../../context.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { listPlaybooks } from '../playbooks/playbooks.service.ts';
import { createProject } from '../projects/projects.service.ts';
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
import { getCustomerAssessment, listCustomerAssessments, saveAnswers, submitAssessment } from './readiness.service.ts';

let env: TestEnv;
let admin: TestMember;
let admins: HttpClient;
let manager: HttpClient;
let csm: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  admins = await signedInClient(env, admin);
  manager = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Olivia Onboard'));
  csm = await signedInClient(env, await makeMember(env.services, admin.workspaceId, 'csm', 'Casey Csm'));
});
afterAll(() => env.close());

async function newProject() {
  const account = await makeAccount(admin.ctx);
  const [playbook] = await listPlaybooks(admin.ctx);
  const project = await createProject(admin.ctx, { accountId: account.id, playbookId: playbook!.id });
  return { account, project };
}

// Answers to the built-in questionnaire (see core/readiness): everything in place, or nothing.
const ready = {
  sponsor_named: true,
  project_lead_time: 5,
  admins_named: true,
  end_user_count_known: 'Yes, by name',
  success_defined: true,
  process_documented: 4,
  change_plan: true,
  competing_projects: 'No',
  systems_ready: ['Single sign-on (SSO)', 'Access to the data to migrate', 'An IT contact for integrations'],
  data_quality: 4,
  security_review: true,
};
const notReady = {
  sponsor_named: false,
  project_lead_time: 1,
  admins_named: false,
  end_user_count_known: 'Not yet',
  success_defined: false,
  process_documented: 2,
  change_plan: false,
  competing_projects: 'Several',
  systems_ready: [],
  data_quality: 2,
  security_review: false,
};

async function assess(projectId: string, answers: Record<string, unknown>) {
  env.clock.advance(60_000); // each assessment a minute after the last, as people work
  const started = await manager.post(`/api/v1/projects/${projectId}/readiness/assessments`, {});
  expect(started.status).toBe(201);
  await manager.patch(`/api/v1/readiness-assessments/${started.body.id}/answers`, { answers });
  return manager.post(`/api/v1/readiness-assessments/${started.body.id}/submit`);
}

describe('readiness questionnaires', () => {
  it('gives every workspace the built-in questionnaire in three areas', async () => {
    const list = (await csm.get('/api/v1/readiness/questionnaires')).body;
    expect(list).toEqual([expect.objectContaining({ name: 'Onboarding readiness', builtin: true, questionCount: 12, currentVersion: 1 })]);
    const full = (await csm.get(`/api/v1/readiness/questionnaires/${list[0].id}`)).body;
    expect(new Set(full.questions.map((q: { area: string }) => q.area))).toEqual(new Set(['people', 'processes', 'technology']));
  });

  it('refuses a broken questionnaire, naming each problem where it is, and writes nothing', async () => {
    const before = (await csm.get('/api/v1/readiness/questionnaires')).body.length;
    const shape = await csm.post('/api/v1/readiness/questionnaires', {
      name: 'Broken',
      questions: [
        { key: 'Bad Key', area: 'people', type: 'yes_no', weight: 1, text: 'Ok?' },
        { key: 'b', area: 'people', type: 'scale', weight: 11, text: 'How much?' },
        { key: 'c', area: 'people', type: 'single_choice', weight: 1, text: 'Which?', choices: [{ label: 'Only one', score: 1 }] },
      ],
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { path: (string | number)[] }) => e.path.join('.'))).toEqual(
      expect.arrayContaining(['body.questions.0.key', 'body.questions.1.weight', 'body.questions.2.choices']),
    );
    const meaning = await csm.post('/api/v1/readiness/questionnaires', {
      name: 'Broken too',
      questions: [
        { key: 'a', area: 'people', type: 'yes_no', weight: 1, text: 'A?' },
        { key: 'a', area: 'technology', type: 'multiple_choice', weight: 2, text: 'B?', choices: [{ label: 'x', score: 0 }, { label: 'y', score: 0 }] },
      ],
    });
    expect(meaning.status).toBe(400);
    expect(meaning.body.errors).toEqual([
      { path: ['body', 'questions', 1, 'key'], message: '"a" is already the key of question 1' },
      { path: ['body', 'questions', 1, 'choices'], message: 'no answer scores above 0: give at least one choice a score' },
    ]);
    expect((await csm.get('/api/v1/readiness/questionnaires')).body).toHaveLength(before);
  });

  it('keeps an assessment on the questions it was answered with when the questionnaire is edited', async () => {
    const created = await csm.post('/api/v1/readiness/questionnaires', {
      name: 'Data migration readiness',
      questions: [
        { key: 'data_owner', area: 'people', type: 'yes_no', weight: 2, text: 'Is there a data owner?' },
        { key: 'notes', area: 'technology', type: 'text', text: 'Anything else?' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.questions[1].weight).toBe(0);
    const { project } = await newProject();
    const started = await manager.post(`/api/v1/projects/${project.id}/readiness/assessments`, { questionnaireId: created.body.id });
    const edited = await csm.put(`/api/v1/readiness/questionnaires/${created.body.id}`, {
      name: 'Data migration readiness',
      questions: [{ key: 'data_clean', area: 'technology', type: 'scale', weight: 1, text: 'How clean is the data?' }],
    });
    expect(edited.body).toMatchObject({ version: 2, assessmentCount: 1 });
    const answered = await manager.patch(`/api/v1/readiness-assessments/${started.body.id}/answers`, { answers: { data_owner: true } });
    expect(answered.body.questionnaire.version).toBe(1);
    const submitted = await manager.post(`/api/v1/readiness-assessments/${started.body.id}/submit`);
    expect(submitted.body.score).toMatchObject({ overall: 100, verdict: 'ready', areas: { people: 100, technology: null } });
  });
});

describe('assessing a project', () => {
  it('saves answers in parts, each with who and when, refuses a wrong one without writing, then scores per area on submit', async () => {
    const { project } = await newProject();
    const started = (await manager.post(`/api/v1/projects/${project.id}/readiness/assessments`, {})).body;
    expect(started).toMatchObject({ state: 'draft', startedByName: 'Olivia Onboard', questionnaire: { name: 'Onboarding readiness', version: 1 } });
    expect((await manager.post(`/api/v1/projects/${project.id}/readiness/assessments`, {})).status).toBe(409);

    const url = `/api/v1/readiness-assessments/${started.id}`;
    const first = await manager.patch(`${url}/answers`, { answers: { sponsor_named: true, project_lead_time: 4 } });
    expect(first.body.answers.sponsor_named).toMatchObject({ value: true, by: { side: 'vendor', name: 'Olivia Onboard' }, at: env.clock.now().toISOString() });
    expect(first.body.score.overall).toBe(88); // what the answers so far would score

    const wrong = await csm.patch(`${url}/answers`, {
      answers: { admins_named: true, project_lead_time: 7, competing_projects: 'Maybe', systems_ready: ['SSO'], nonsense: 1 },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([
      'body.answers.project_lead_time',
      'body.answers.competing_projects',
      'body.answers.systems_ready',
      'body.answers.nonsense',
    ]);
    expect(wrong.body.errors[0].message).toBe('answer a whole number from 1 to 5');
    const unchanged = (await csm.get(url)).body;
    expect(Object.keys(unchanged.answers).sort()).toEqual(['project_lead_time', 'sponsor_named']);

    const incomplete = await manager.post(`${url}/submit`);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors).toHaveLength(9);
    expect(incomplete.body.errors[0]).toEqual({ path: ['answers', 'admins_named'], message: 'is not answered yet' });

    await csm.patch(`${url}/answers`, { answers: { ...ready, sponsor_named: false, project_lead_time: 4, competing_projects: 'Several', notes: 'Busy quarter' } });
    const submitted = await csm.post(`${url}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      state: 'submitted',
      submittedByName: 'Casey Csm',
      score: { areas: { people: 58, processes: 69, technology: 92 }, overall: 71, verdict: 'ready', thresholds: { ready: 70, atRisk: 50 } },
    });
    // The same answer saved again keeps who gave it first.
    expect(submitted.body.answers.project_lead_time.by.name).toBe('Olivia Onboard');
    expect(submitted.body.answers.sponsor_named.by.name).toBe('Casey Csm');
    expect((await csm.patch(`${url}/answers`, { answers: { sponsor_named: true } })).status).toBe(409);
  });

  it('raises a risk on the project when the customer is not ready, and clears it when a later score is ready', async () => {
    const { project } = await newProject();
    const failed = await assess(project.id, notReady);
    expect(failed.body.score.verdict).toBe('not_ready');
    const flagged = (await csm.get(`/api/v1/projects/${project.id}/readiness`)).body;
    expect(flagged.risk).toMatchObject({ kind: 'readiness', reason: expect.stringMatching(/^Readiness scored \d+\/100 \(not ready\)\. Weakest: /) });
    expect(flagged.latest.score.verdict).toBe('not_ready');

    await assess(project.id, ready);
    const cleared = (await csm.get(`/api/v1/projects/${project.id}/readiness`)).body;
    expect(cleared.risk).toBeNull();
    expect(cleared.latest.score.verdict).toBe('ready');
    expect(cleared.history.map((h: { verdict: string }) => h.verdict)).toEqual(['ready', 'not_ready']);
    const events = (await csm.get(`/api/v1/projects/${project.id}/history`)).body.filter((e: { kind: string }) => e.kind === 'readiness');
    expect(events.map((e: { toValue: string }) => e.toValue)).toEqual(
      expect.arrayContaining(['Risk raised: the customer is not ready', 'Readiness risk cleared', expect.stringMatching(/submitted: \d+\/100, not ready/)]),
    );
  });

  it('lets someone resolve a risk by hand, saying how', async () => {
    const { project } = await newProject();
    await assess(project.id, notReady);
    const { risk } = (await csm.get(`/api/v1/projects/${project.id}/readiness`)).body;
    expect((await csm.post(`/api/v1/project-risks/${risk.id}/resolve`, { reason: ' ' })).status).toBe(400);
    const resolved = await csm.post(`/api/v1/project-risks/${risk.id}/resolve`, { reason: 'Sponsor named on the kickoff call' });
    expect(resolved.body.risk).toBeNull();
    expect((await csm.post(`/api/v1/project-risks/${risk.id}/resolve`, { reason: 'Again' })).status).toBe(409);
  });

  it('refuses thresholds that overlap', async () => {
    const refused = await admins.put('/api/v1/readiness/settings', { readyThreshold: 60, atRiskThreshold: 60, gateOn: false });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toEqual(['body', 'atRiskThreshold']);
    expect((await csm.get('/api/v1/readiness/settings')).body).toEqual({ readyThreshold: 70, atRiskThreshold: 50, gateOn: false });
  });
});

describe('the readiness gate', () => {
  it('holds a project in Mobilization until ready, unless a manager overrides it with a reason', async () => {
    expect((await manager.put('/api/v1/readiness/settings', { readyThreshold: 70, atRiskThreshold: 50, gateOn: true })).status).toBe(403);
    expect((await admins.put('/api/v1/readiness/settings', { readyThreshold: 70, atRiskThreshold: 50, gateOn: true })).body.gateOn).toBe(true);
    try {
      const { project } = await newProject();
      const mobilization = project.tasks.find((task) => task.stage === 'mobilization')!;
      const later = project.tasks.find((task) => task.stage !== 'mobilization')!;
      expect((await csm.patch(`/api/v1/tasks/${mobilization.id}`, { status: 'in_progress' })).status).toBe(200);

      const none = await csm.patch(`/api/v1/tasks/${later.id}`, { status: 'in_progress' });
      expect(none.status).toBe(409);
      expect(none.body.detail).toMatch(/No readiness assessment has been submitted yet/);
      expect(none.body.detail).toMatch(/override the gate with a reason/);

      await assess(project.id, notReady);
      const held = await csm.patch(`/api/v1/tasks/${later.id}`, { status: 'done' });
      expect(held.status).toBe(409);
      expect(held.body.detail).toMatch(/The latest readiness assessment scored \d+ \(not ready\)/);
      expect((await csm.get(`/api/v1/projects/${project.id}`)).body.tasks.find((t: { id: string }) => t.id === later.id).status).toBe('not_started');

      expect((await csm.post(`/api/v1/projects/${project.id}/readiness/override`, { reason: 'Because' })).status).toBe(403);
      expect((await manager.post(`/api/v1/projects/${project.id}/readiness/override`, { reason: '' })).status).toBe(400);
      const overridden = await manager.post(`/api/v1/projects/${project.id}/readiness/override`, { reason: 'Sponsor confirmed by phone; SSO lands next week' });
      expect(overridden.body).toMatchObject({
        gate: { on: true, passes: true },
        override: { reason: 'Sponsor confirmed by phone; SSO lands next week', byName: 'Olivia Onboard' },
      });

      expect((await csm.patch(`/api/v1/tasks/${later.id}`, { status: 'in_progress' })).status).toBe(200);
      const history = (await csm.get(`/api/v1/projects/${project.id}/history`)).body;
      expect(history).toContainEqual(
        expect.objectContaining({ kind: 'readiness', field: 'gate', actorName: 'Olivia Onboard', reason: 'Sponsor confirmed by phone; SSO lands next week' }),
      );
    } finally {
      await admins.put('/api/v1/readiness/settings', { readyThreshold: 70, atRiskThreshold: 50, gateOn: false });
    }
  });

  it('lets the project go once an assessment scores ready', async () => {
    await admins.put('/api/v1/readiness/settings', { readyThreshold: 70, atRiskThreshold: 50, gateOn: true });
    try {
      const { project } = await newProject();
      const later = project.tasks.find((task) => task.stage !== 'mobilization')!;
      expect((await csm.patch(`/api/v1/tasks/${later.id}`, { status: 'in_progress' })).status).toBe(409);
      await assess(project.id, ready);
      expect((await csm.patch(`/api/v1/tasks/${later.id}`, { status: 'in_progress' })).status).toBe(200);
    } finally {
      await admins.put('/api/v1/readiness/settings', { readyThreshold: 70, atRiskThreshold: 50, gateOn: false });
    }
  });

  it('has nothing to override while the gate is off', async () => {
    const { project } = await newProject();
    expect((await manager.post(`/api/v1/projects/${project.id}/readiness/override`, { reason: 'Just in case' })).status).toBe(409);
  });
});

describe('the customer side (for the portal)', () => {
  it('lets the contact it was sent to answer and submit, recorded as them, and shows nothing else', async () => {
    const { account, project } = await newProject();
    const champion = await addContact(admin.ctx, account.id, { name: 'Carla Champion', email: 'carla@customer.test', role: 'champion' });
    const other = await makeAccount(admin.ctx);
    const stranger = await addContact(admin.ctx, other.id, { name: 'Stan Stranger', email: 'stan@other.test', role: 'champion' });
    const started = (await manager.post(`/api/v1/projects/${project.id}/readiness/assessments`, {})).body;
    const carla: Author = { side: 'customer', contactId: champion.id, name: 'Carla Champion' };
    const stan: Author = { side: 'customer', contactId: stranger.id, name: 'Stan Stranger' };
    const portal = (author: Extract<Author, { side: 'customer' }>) =>
      contextFor(env.services, { kind: 'contact', workspaceId: admin.workspaceId, contactId: author.contactId, sessionId: 'portal', preview: false, name: author.name });

    // A draft is the vendor's own until it is sent.
    expect(await listCustomerAssessments(portal(carla), carla)).toEqual([]);
    await expect(getCustomerAssessment(portal(carla), carla, started.id)).rejects.toMatchObject({ code: 'not_found' });

    expect((await manager.post(`/api/v1/readiness-assessments/${started.id}/send`, { contactId: stranger.id })).status).toBe(400);
    const sent = await manager.post(`/api/v1/readiness-assessments/${started.id}/send`, { contactId: champion.id });
    expect(sent.body).toMatchObject({ state: 'sent', sentTo: { name: 'Carla Champion', email: 'carla@customer.test' }, sentByName: 'Olivia Onboard' });

    expect(await listCustomerAssessments(portal(carla), carla)).toEqual([expect.objectContaining({ id: started.id, state: 'sent' })]);
    expect(await listCustomerAssessments(portal(stan), stan)).toEqual([]);
    await expect(saveAnswers(portal(stan), started.id, { sponsor_named: true }, stan)).rejects.toMatchObject({ code: 'not_found' });
    await expect(saveAnswers(portal(carla), started.id, { sponsor_named: true }, stan)).rejects.toMatchObject({ code: 'forbidden' });

    const partial = await saveAnswers(portal(carla), started.id, { sponsor_named: true, project_lead_time: 9 }, carla).catch((error) => error);
    expect(partial).toMatchObject({ code: 'invalid', errors: [{ path: ['body', 'answers', 'project_lead_time'] }] });
    await saveAnswers(portal(carla), started.id, notReady, carla);
    const read = await getCustomerAssessment(portal(carla), carla, started.id);
    expect(read.questions).toHaveLength(12);
    expect(read.answers.sponsor_named).toMatchObject({ value: false, by: { side: 'customer', id: champion.id, name: 'Carla Champion' } });

    const submitted = await submitAssessment(portal(carla), started.id, carla);
    expect(submitted).toMatchObject({ state: 'submitted', submittedByName: 'Carla Champion', score: { verdict: 'not_ready' } });
    const readiness = (await manager.get(`/api/v1/projects/${project.id}/readiness`)).body;
    expect(readiness.risk.raisedByName).toBe('Carla Champion');
    expect(readiness.current).toBeNull();
  });

  it('never writes from a member’s preview of the portal', async () => {
    const { account, project } = await newProject();
    const champion = await addContact(admin.ctx, account.id, { name: 'Pia Preview', email: 'pia@customer.test', role: 'champion' });
    const started = (await manager.post(`/api/v1/projects/${project.id}/readiness/assessments`, {})).body;
    await manager.post(`/api/v1/readiness-assessments/${started.id}/send`, { contactId: champion.id });
    const pia: Author = { side: 'customer', contactId: champion.id, name: 'Pia Preview' };
    const preview = contextFor(env.services, { kind: 'contact', workspaceId: admin.workspaceId, contactId: champion.id, sessionId: 'p', preview: true, name: champion.name });
    expect(await getCustomerAssessment(preview, pia, started.id)).toMatchObject({ state: 'sent' });
    await expect(saveAnswers(preview, started.id, { sponsor_named: true }, pia)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
