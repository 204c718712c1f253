// The seed's story of issue 16, turnover half: an enterprise account with 25 users; 4 leave, the champion among
// them; a champion-loss risk is raised, the CSM is told by email, a successor is named, and no open task of the
// leavers is left with a ghost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../mail/mail.service.ts';
import { signedInClient, makeAccount, makeMember, makeWorkspace, type TestEnv, type HttpClient } from '../../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { addContact } from '../contacts/contacts.service.ts';
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
  it('raises a champion-loss risk, tells the CSM, names a successor, and re-assigns every open task of the leavers', async () => {
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
    expect(risk.owned).toMatchObject({ metrics: 1, outcomes: 1, trainees: 0 });
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
    expect(handed.tasks.filter((t) => t.assignee?.id === successor.id && t.status !== 'done')).toHaveLength(risk.owned.openTasks);

    const plan = await getSuccessPlan(admin.ctx, project.id);
    expect(plan.outcomes[0]!.metrics[0]!.owner).toMatchObject({ id: successor.id });

    // Resolved by hand once the sponsor is re-aligned.
    const resolved = await api.post(`/api/v1/accounts/${account.id}/risks/${risk.id}/resolve`, { reason: 'Sponsor met the new champion' });
    expect(resolved.body.status).toBe('resolved');
    expect((await api.post(`/api/v1/accounts/${account.id}/risks/${risk.id}/resolve`, { reason: 'Again' })).status).toBe(409);

    // TODO(i16j): the 3 new users who join get their role's journey and learning path — checked in i16j's half of the story.
  });
});
