// The seed's story of issue 16: an enterprise account with 25 users; 4 leave, the champion among them; a
// champion-loss risk is raised, the CSM is told by email, a successor is named (and onboarded as the new champion),
// and no open task of the leavers is left with a ghost; then 3 join and get their role's journey and learning path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../mail/mail.service.ts';
import { signedInClient, makeAccount, makeMember, makeWorkspace, type TestEnv, type HttpClient } from '../../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { addLesson, createCourse } from '../academy/content.service.ts';
import { listEnrolments } from '../academy/enrolment.service.ts';
import { createPath } from '../academy/paths.service.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { contactJourneys, runDueJourneys } from '../journeys/journeys.service.ts';
import { closeProject } from '../projects/lifecycle.service.ts';
import { listPlaybooks } from '../playbooks/playbooks.service.ts';
import { createProject, getProject } from '../projects/projects.service.ts';
import { updateTask } from '../projects/tasks.service.ts';
import { addMetric, addOutcome, getSuccessPlan } from '../success-plans/success-plans.service.ts';
import type { ContactRole } from '../../../core/people.ts';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
});
afterAll(() => close());

describe('an enterprise account loses 4 of its 25 users, its champion among them', () => {
  it('raises a champion-loss risk, tells the CSM, names a successor (onboarded as champion), re-assigns every open task of the leavers; 3 joiners get journey and path', async () => {
    const { admin } = await makeWorkspace(env.services, 'Turnover story');
    const csm = await makeMember(env.services, admin.workspaceId, 'csm', 'Cora CSM');
    const api: HttpClient = await signedInClient(env, admin);
    const account = await makeAccount(admin.ctx, { name: 'Globex', segment: 'enterprise', owners: [{ role: 'csm', memberId: csm.id }] });
    const roles: ContactRole[] = ['champion', 'executive_sponsor', 'project_lead', 'admin', 'super_user', ...Array<ContactRole>(20).fill('end_user')];
    const people = [];
    for (const [index, role] of roles.entries()) {
      people.push(await addContact(admin.ctx, account.id, { name: `Person ${index + 1}`, email: `p${index + 1}@globex.test`, role, joinedOn: '2025-01-06' }));
    }
    const [champion, , lead, , , ...endUsers] = people;
    // A customer already: its first onboarding project closed last year (this one is the next project).
    const first = await createProject(admin.ctx, { accountId: account.id });
    await closeProject(admin.ctx, first.id, { outcome: 'complete', reason: 'Live and onboarded' });
    const [playbook] = await listPlaybooks(admin.ctx);
    const project = await createProject(admin.ctx, { accountId: account.id, playbookId: playbook!.id });

    // Each of the four leavers has open customer tasks of the project.
    const leavers = [champion!, endUsers[0]!, endUsers[1]!, endUsers[2]!];
    const customerTasks = project.tasks.filter((t) => t.owner.side === 'customer' && t.status !== 'done');
    expect(customerTasks.length).toBeGreaterThanOrEqual(8);
    for (const [index, task] of customerTasks.slice(0, 8).entries()) {
      await updateTask(admin.ctx, task.id, { assignee: { kind: 'contact', id: leavers[index % 4]!.id } });
    }

    // The champion owns a success metric of an outcome.
    const author = { side: 'vendor' as const, memberId: admin.id, name: 'Ada Admin' };
    const outcome = (await addOutcome(admin.ctx, author, project.id, { statement: 'Faster month-end close' })).outcomes[0]!;
    await addMetric(admin.ctx, author, outcome.id, { name: 'Days to close', unit: 'days', direction: 'decrease', baseline: 10, target: 5, targetDate: '2026-09-30', owner: { kind: 'contact', id: champion!.id } });

    // Bad input first: nothing is written.
    const before = await api.patch(`/api/v1/contacts/${champion!.id}`, { leftOn: '2024-12-31' });
    expect(before.status).toBe(400);
    expect(JSON.stringify(before.body)).toContain('before the date they joined');
    const moved = await api.patch(`/api/v1/contacts/${champion!.id}`, { accountId: (await makeAccount(admin.ctx)).id });
    expect(moved.status).toBe(400);
    expect(JSON.stringify(moved.body)).toContain('create a new contact in the other account');
    expect((await api.get(`/api/v1/accounts/${account.id}/people`)).body.risks).toEqual([]);

    // Four leave (by the API, as a member would).
    for (const leaver of leavers) {
      expect((await api.patch(`/api/v1/contacts/${leaver.id}`, { leftOn: '2026-02-27' })).status).toBe(200);
    }

    const tab = (await api.get(`/api/v1/accounts/${account.id}/people`)).body;
    expect(tab.figures).toMatchObject({ currentUsers: 21, leftLast365Days: 4, openRisks: 1 });
    expect(tab.figures.annualTurnoverRate).toBeGreaterThan(0.15);
    expect(tab.risks).toHaveLength(1);
    const risk = tab.risks[0];
    expect(risk).toMatchObject({ kind: 'champion_left', contactId: champion!.id, role: 'champion', leftOn: '2026-02-27', status: 'open', successorContactId: null });
    expect(risk.owned.openTasks).toBeGreaterThanOrEqual(2);
    expect(risk.owned).toMatchObject({ metrics: 1, outcomes: 1 });
    expect([0, null]).toContain(risk.owned.trainees); // the champion guided nobody
    expect(risk.steps.map((s: { title: string }) => s.title)).toEqual(['Name a successor', 'Hand over open tasks and outcomes', 'Re-align the executive sponsor']);
    expect(tab.timeline.some((item: { kind: string }) => item.kind === 'risk_raised')).toBe(true);
    expect(tab.timeline.filter((item: { kind: string }) => item.kind === 'person_left')).toHaveLength(4);

    // No open task of a leaver is left with them: the champion's go to the project lead (no champion is current).
    const afterLeaving = await getProject(admin.ctx, project.id);
    const leaverIds = new Set(leavers.map((l) => l.id));
    const open = afterLeaving.tasks.filter((t) => t.status !== 'done' && t.status !== 'skipped');
    expect(open.filter((t) => t.assignee && leaverIds.has(t.assignee.id))).toEqual([]);
    expect(open.filter((t) => t.assignee?.id === lead!.id).length).toBeGreaterThanOrEqual(8);
    const history = (await api.get(`/api/v1/projects/${project.id}/history`)).body as { field: string | null; reason: string | null; toValue: string | null }[];
    expect(history.some((line) => line.field === 'assignee' && line.reason?.includes('Person 1 left on 2026-02-27'))).toBe(true);
    expect(history.some((line) => line.field === 'turnover' && line.toValue === 'told Cora CSM')).toBe(true);

    // The CSM is told at once, by email.
    await deliverDueMail(env.services);
    const told = smtp.received.find((mail) => JSON.stringify(mail.to).includes(csm.email));
    expect(told?.subject).toBe('Champion left at Globex: Person 1');
    expect(told?.text).toContain(`They owned ${risk.owned.openTasks} open tasks`);

    // Bad successors are refused, nothing written.
    const other = await addContact(admin.ctx, (await makeAccount(admin.ctx)).id, { name: 'Elsewhere', email: 'x@other.test', role: 'end_user' });
    for (const contactId of [champion!.id, endUsers[0]!.id, other.id]) {
      const refused = await api.post(`/api/v1/accounts/${account.id}/risks/${risk.id}/successor`, { contactId });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    }

    // A successor is named: they become the champion and take the champion's tasks from the interim holder.
    const successor = endUsers[5]!;
    const named = await api.post(`/api/v1/accounts/${account.id}/risks/${risk.id}/successor`, { contactId: successor.id });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body).toMatchObject({ successorContactId: successor.id, successorName: successor.name });
    expect(named.body.steps.filter((s: { doneAt: string | null }) => s.doneAt).map((s: { key: string }) => s.key)).toEqual(['name_successor', 'hand_over']);
    expect((await api.get(`/api/v1/contacts/${successor.id}`)).body.role).toBe('champion');
    const handed = await getProject(admin.ctx, project.id);
    // (a task of the closed first project is not open: it stays where it was and is not counted)
    const handedFirst = await getProject(admin.ctx, first.id);
    const successorsOpen = [...handed.tasks, ...handedFirst.tasks].filter((t) => t.assignee?.id === successor.id && t.status !== 'done');
    expect(successorsOpen).toHaveLength(risk.owned.openTasks);

    const plan = await getSuccessPlan(admin.ctx, project.id);
    expect(plan.outcomes[0]!.metrics[0]!.owner).toMatchObject({ id: successor.id });

    // Resolved by hand once the sponsor is re-aligned.
    const resolved = await api.post(`/api/v1/accounts/${account.id}/risks/${risk.id}/resolve`, { reason: 'Sponsor met the new champion' });
    expect(resolved.body.status).toBe('resolved');
    expect((await api.post(`/api/v1/accounts/${account.id}/risks/${risk.id}/resolve`, { reason: 'Again' })).status).toBe(409);

    // The successor is onboarded as the new champion: the role change started the champion journey.
    expect((await contactJourneys(admin.ctx, successor.id)).current).toMatchObject({ journeyName: 'New champion', reason: 'role_changed', role: 'champion' });

    // The role's learning path: an academy rule enrolling end users (now, and everyone who fits later).
    const course = await createCourse(admin.ctx, { title: 'Globex basics', summary: '', product: null, modules: [], estimatedMinutes: null });
    await addLesson(admin.ctx, course.id, { title: 'Start', content: { kind: 'markdown', body: 'Hello' } });
    const path = await createPath(admin.ctx, {
      title: 'End user essentials',
      description: '',
      audience: { roles: [], segments: [], products: [], modules: [], organizationIds: [], stages: [] },
      courses: [{ courseId: course.id, kind: 'core' }],
      electivesRequired: 0,
      minimumScore: null,
      certificate: null,
    });
    const rule = await api.post('/api/v1/academy/rules', { name: 'End users', pathId: path.id, trigger: 'matching', audience: { roles: ['end_user'] } });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);

    // Three join (by the API): each gets the end user's journey and the end users' learning path.
    const mailsBefore = smtp.received.length;
    const joiners: { id: string; email: string }[] = [];
    for (const name of ['Jun', 'Kai', 'Lou']) {
      const joined = await api.post(`/api/v1/accounts/${account.id}/contacts`, { name: `${name} Joiner`, email: `${name.toLowerCase()}@globex.test`, role: 'end_user', joinedOn: '2026-03-02' });
      expect(joined.status, JSON.stringify(joined.body)).toBe(201);
      joiners.push(joined.body);
    }
    for (const joiner of joiners) {
      expect((await contactJourneys(admin.ctx, joiner.id)).current).toMatchObject({ journeyName: 'New user', reason: 'joined', role: 'end_user' });
      const enrolments = (await listEnrolments(admin.ctx, { contactId: joiner.id }, 5, 0)).items;
      expect(enrolments).toEqual([expect.objectContaining({ pathTitle: 'End user essentials', status: 'active', source: expect.objectContaining({ kind: 'rule', ruleName: 'End users' }) })]);
    }

    // A day of the planner and the outbox: the first journey mail of each joiner, and the new champion's welcome, read from SMTP.
    const HOUR = 3600_000;
    for (let hour = 0; hour < 30; hour++) {
      await runDueJourneys(env.services);
      await deliverDueMail(env.services);
      env.clock.set(new Date((Math.floor(env.clock.now().getTime() / HOUR) + 1) * HOUR));
    }
    const received = smtp.received.slice(mailsBefore);
    const to = (address: string) => received.filter((mail) => JSON.stringify(mail.to ?? '').includes(address)).map((mail) => mail.subject);
    for (const [index, name] of ['Jun', 'Kai', 'Lou'].entries()) {
      expect(to(joiners[index]!.email)[0]).toMatch(new RegExp(`^Welcome to .+, ${name}$`));
    }
    expect(to(successor.email!).some((subject) => /^Welcome, Person: you are Globex’s champion for /.test(subject ?? ''))).toBe(true);
    expect((await api.get(`/api/v1/accounts/${account.id}/people`)).body.figures).toMatchObject({ currentUsers: 24 });
  });
});
