import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../core/portal/files.ts';
import { makeMember, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { lastMailTo, portalClient, projectWithContact, signInAsContact } from '../../test/portal.ts';
import { csrfTokenFor } from '../auth/auth.service.ts';
import { updateTask } from '../projects/tasks.service.ts';
import { startAssessment, sendAssessment } from '../readiness/readiness.service.ts';
import { addMetric, addOutcome } from '../success-plans/success-plans.service.ts';
import { attachFile } from '../projects/deliverables.service.ts';
import { multipartBody } from '../../test/uploads.ts';

let env: TestEnv;
let ws: Awaited<ReturnType<typeof makeWorkspace>>;

beforeAll(async () => {
  env = await startTestEnv();
  ws = await makeWorkspace(env.services);
});
afterAll(() => env.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.alloc(64, 1),
]);

async function upload(session: string, projectId: string, taskId: string, fileName: string, bytes: Buffer, query = '') {
  const body = multipartBody(fileName, bytes);
  const response = await env.app.inject({
    method: 'POST',
    url: `/api/portal/v1/projects/${projectId}/tasks/${taskId}/files${query}`,
    headers: { cookie: `lf_portal=${session}`, 'x-csrf-token': csrfTokenFor(session), 'content-type': body.contentType },
    payload: body.payload,
  });
  return { status: response.statusCode, body: JSON.parse(response.body), headers: response.headers };
}

async function customerOnProject() {
  const { contact, project, account } = await projectWithContact(ws.admin.ctx);
  const { client, session } = await signInAsContact(env, ws.admin.ctx, project.id, contact);
  const view = (await client.get(`/api/portal/v1/projects/${project.id}`)).body;
  return { contact, project, account, client, session, view };
}

type Task = { id: string; side: string; title: string; needsApproval: boolean; deliverable: boolean; milestoneKind: string | null; status: string };

describe('the customer portal', () => {
  it('shows only the customer-visible plan, by stage, with the customer’s own tasks first', async () => {
    const { project, contact, client, view } = await customerOnProject();
    const hidden = project.tasks.filter((t) => !t.customerVisible).map((t) => t.id);
    expect(hidden.length).toBeGreaterThan(0);
    expect(view.tasks.map((t: Task) => t.id)).not.toEqual(expect.arrayContaining([hidden[0]]));
    expect(view.stages.map((s: { name: string }) => s.name)).toEqual(project.stages.map((s) => s.name));
    expect(view.branding.workspaceName).toBe('Northwind');

    const customerTask = view.tasks.find((t: Task) => t.side === 'customer')!;
    await updateTask(ws.admin.ctx, customerTask.id, { assignee: { kind: 'contact', id: contact.id } });
    const again = (await client.get(`/api/portal/v1/projects/${project.id}`)).body;
    expect(again.yourTaskIds).toContain(customerTask.id);
    const byId = new Map(again.tasks.map((t: Task & { projectedFinish: string }) => [t.id, t]));
    const yours = again.yourTaskIds.map((id: string) => byId.get(id));
    expect(yours.every((t: Task & { mine: boolean }) => (t.mine || t.needsApproval) && t.status !== 'done')).toBe(true);
    const dates = yours.map((t: { projectedFinish: string }) => t.projectedFinish);
    expect(dates).toEqual([...dates].sort());
  });

  it('completes a customer task and records it as the contact, but leaves vendor tasks alone', async () => {
    const { project, contact, client, view } = await customerOnProject();
    const mine = view.tasks.find((t: Task) => t.side === 'customer' && !t.needsApproval)!;
    const vendors = view.tasks.find((t: Task) => t.side === 'vendor')!;
    expect((await client.post(`/api/portal/v1/projects/${project.id}/tasks/${mine.id}/status`, { status: 'done' })).status).toBe(204);
    expect((await client.post(`/api/portal/v1/projects/${project.id}/tasks/${vendors.id}/status`, { status: 'done' })).status).toBe(403);
    const stuck = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${mine.id}/status`, { status: 'stuck' });
    expect(stuck.status).toBe(400);
    expect(stuck.body.errors[0].path).toEqual(['body', 'reason']);

    const vendor = await signedInClient(env, ws.admin);
    const history = (await vendor.get(`/api/v1/projects/${project.id}/history`)).body;
    expect(history.some((e: { actorName: string; field: string }) => e.actorName === contact.name && e.field === 'status')).toBe(true);
    const overview = (await vendor.get(`/api/v1/projects/${project.id}/portal`)).body;
    expect(overview.contacts.find((c: { contactId: string }) => c.contactId === contact.id).access.state).toBe('active');
    expect(overview.activity.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(['portal_visit']));
    expect(overview.customerTasks.done).toBe(1);
  });

  it('answers a task’s form: types checked, required answers needed before it is done', async () => {
    const { project, client, view } = await customerOnProject();
    const task = view.tasks.find((t: Task) => t.side === 'customer' && !t.needsApproval)!;
    const vendor = await signedInClient(env, ws.admin);
    const badForm = await vendor.put(`/api/v1/projects/${project.id}/tasks/${task.id}/form`, {
      fields: [{ key: 'tier', label: 'Tier', type: 'choice', options: ['gold'] }],
    });
    expect(badForm.status).toBe(400);
    expect(badForm.body.errors[0].path).toEqual(['body', 'fields', 0, 'options']);
    const defined = await vendor.put(`/api/v1/projects/${project.id}/tasks/${task.id}/form`, {
      fields: [
        { key: 'admin_email', label: 'Admin email', type: 'text', required: true },
        { key: 'seats', label: 'Seats', type: 'number', required: true },
        { key: 'sso', label: 'Single sign-on?', type: 'yes_no' },
        { key: 'go_live', label: 'Preferred go-live', type: 'date' },
        { key: 'region', label: 'Region', type: 'choice', options: ['EU', 'US'] },
        { key: 'org_chart', label: 'Org chart', type: 'file' },
      ],
    });
    expect(defined.status).toBe(200);

    const wrong = await client.put(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/form`, { answers: { seats: 'lots', region: 'APAC' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string[] }) => e.path.at(-1))).toEqual(['seats', 'region']);
    const partial = await client.put(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/form`, { answers: { seats: '25', sso: true } });
    expect(partial.status).toBe(200);
    expect(partial.body.answers).toMatchObject({ seats: 25, sso: true, admin_email: null });
    const early = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/status`, { status: 'done' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/Admin email/);
    await client.put(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/form`, {
      answers: { admin_email: 'it@acme.test', seats: 25, sso: true, go_live: '2026-05-01', region: 'EU' },
    });
    expect((await client.post(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/status`, { status: 'done' })).status).toBe(204);
    const seen = (await client.get(`/api/portal/v1/projects/${project.id}`)).body.tasks.find((t: Task) => t.id === task.id);
    expect(seen.form.answers).toMatchObject({ admin_email: 'it@acme.test', region: 'EU' });
    expect(seen.form.answeredBy).toBe('Carla Champion');
  });

  it('takes uploads within limits, refuses the rest, neutralises names and only ever serves attachments', async () => {
    const { project, session, view } = await customerOnProject();
    const task = view.tasks.find((t: Task) => t.side === 'customer')!;
    const saved = await upload(session, project.id, task.id, '../../etc/<evil>.png', PNG);
    expect(saved.status).toBe(201);
    expect(saved.body.fileName).toBe('evil_.png');

    const tooBig = await upload(session, project.id, task.id, 'big.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_UPLOAD_BYTES)]));
    expect(tooBig.status).toBe(413);
    const mismatch = await upload(session, project.id, task.id, 'contract.pdf', PNG);
    expect(mismatch.status).toBe(415);
    expect(mismatch.body.detail).toMatch(/named \.pdf but its content is \.png/);
    const html = await upload(session, project.id, task.id, 'page.html', Buffer.from('<script>alert(1)</script>'));
    expect(html.status).toBe(415);
    const svg = await upload(session, project.id, task.id, 'logo.svg', Buffer.from('<svg onload="alert(1)"/>'));
    expect(svg.status).toBe(415);
    const binaryAsText = await upload(session, project.id, task.id, 'notes.txt', PNG);
    expect(binaryAsText.status).toBe(415);

    const download = await env.app.inject({
      method: 'GET',
      url: `/api/portal/v1/projects/${project.id}/files/${saved.body.id}`,
      headers: { cookie: `lf_portal=${session}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(PNG)).toBe(true);

    const vendor = await signedInClient(env, ws.admin);
    const history = (await vendor.get(`/api/v1/projects/${project.id}/history`)).body;
    expect(history.some((e: { kind: string }) => e.kind === 'file_uploaded')).toBe(true);
  });

  it('asks for a sign-off only once the team submits the deliverable, signed with the contact’s own name', async () => {
    const { project, client, view } = await customerOnProject();
    const vendor = await signedInClient(env, ws.admin);
    const deliverable = view.tasks.find((t: Task) => t.needsApproval)!;
    expect(deliverable).toMatchObject({ status: 'not_started', signOff: 'not_ready' });
    // Work not started is not the customer's to sign off.
    expect(view.yourTaskIds).not.toContain(deliverable.id);
    const early = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${deliverable.id}/approval`, { decision: 'approved', signedName: 'Carla Champion' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/not ready for your sign-off yet/);

    const submitted = await vendor.post(`/api/v1/projects/${project.id}/tasks/${deliverable.id}/sign-off-requests`, { note: 'Version 2, with your comments in.' });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ state: 'waiting', requests: [{ note: 'Version 2, with your comments in.' }] });
    expect((await vendor.post(`/api/v1/projects/${project.id}/tasks/${deliverable.id}/sign-off-requests`, {})).status).toBe(409);
    const asked = (await client.get(`/api/portal/v1/projects/${project.id}`)).body;
    expect(asked.yourTaskIds).toContain(deliverable.id); // a sign-off waiting is the customer's to do
    expect(asked.tasks.find((t: Task) => t.id === deliverable.id).signOff).toBe('waiting');

    const someoneElse = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${deliverable.id}/approval`, {
      decision: 'approved',
      signedName: 'Someone Else Entirely',
    });
    expect(someoneElse.status).toBe(400);
    expect(JSON.stringify(someoneElse.body)).toContain('type your own name, Carla Champion, to sign');
    const noComment = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${deliverable.id}/approval`, { decision: 'rejected', signedName: 'Carla Champion' });
    expect(noComment.status).toBe(400);

    const rejected = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${deliverable.id}/approval`, {
      decision: 'rejected',
      signedName: 'carla champion',
      comment: 'The diagram misses our SSO.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.signedName).toBe('Carla Champion'); // the name on record, not as typed
    expect((await client.get(`/api/portal/v1/projects/${project.id}`)).body.tasks.find((t: Task) => t.id === deliverable.id).signOff).toBe('rejected');
    env.clock.advance(3600_000);
    expect((await vendor.post(`/api/v1/projects/${project.id}/tasks/${deliverable.id}/sign-off-requests`, { note: 'SSO added.' })).status).toBe(201);

    const approved = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${deliverable.id}/approval`, {
      decision: 'approved',
      signedName: 'Carla Champion',
      comment: 'Looks right',
    });
    expect(approved.status).toBe(200);
    const seen = (await client.get(`/api/portal/v1/projects/${project.id}`)).body.tasks.find((t: Task) => t.id === deliverable.id);
    expect(seen.status).toBe('done');
    expect(seen.approval).toMatchObject({ decision: 'approved', signedName: 'Carla Champion', comment: 'Looks right' });
    expect((await client.get(`/api/portal/v1/projects/${project.id}`)).body.yourTaskIds).not.toContain(deliverable.id);
    const record = (await vendor.get(`/api/v1/projects/${project.id}/tasks/${deliverable.id}/sign-off`)).body;
    expect(record.state).toBe('approved');
    expect(record.decisions.map((d: { decision: string; signerEmail: string }) => [d.decision, d.signerEmail])).toEqual([
      ['rejected', expect.stringContaining('@')],
      ['approved', expect.stringContaining('@')],
    ]);
    const [row] = await env.services.database.query<{ signer_ip: string }>('select signer_ip from task_approvals where task_id = $1 order by created_at desc limit 1', [deliverable.id]);
    expect(row?.signer_ip).toBeTruthy();
  });

  it('comments on a task and tells the vendor person it mentions', async () => {
    const { project, client, view } = await customerOnProject();
    const manager = await makeMember(env.services, ws.workspace.id, 'onboarding_manager', 'Olive Manager');
    const task = view.tasks.find((t: Task) => t.side === 'customer')!;
    await updateTask(ws.admin.ctx, project.tasks.find((t) => t.owner.side === 'vendor')!.id, { assignee: { kind: 'member', id: manager.id } });
    const comment = await client.post(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/comments`, { body: 'Can you check this, @Olive Manager?' });
    expect(comment.status).toBe(201);
    expect(comment.body.mentioned).toEqual(['Olive Manager']);
    expect((await lastMailTo(env, manager.email))!.subject).toBe(`Carla Champion mentioned you on "${task.title}"`);
    const seen = (await client.get(`/api/portal/v1/projects/${project.id}`)).body.tasks.find((t: Task) => t.id === task.id);
    expect(seen.comments[0]).toMatchObject({ authorName: 'Carla Champion', fromCustomer: true });
  });

  it('rates a milestone once it is reached, and the vendor sees the CSAT', async () => {
    const { project, client, view } = await customerOnProject();
    const milestone = view.milestones[0];
    const early = await client.put(`/api/portal/v1/projects/${project.id}/milestones/${milestone.taskId}/rating`, { score: 5 });
    expect(early.status).toBe(409);
    await updateTask(ws.admin.ctx, milestone.taskId, { status: 'done' });
    const outOfRange = await client.put(`/api/portal/v1/projects/${project.id}/milestones/${milestone.taskId}/rating`, { score: 6 });
    expect(outOfRange.status).toBe(400);
    const rated = await client.put(`/api/portal/v1/projects/${project.id}/milestones/${milestone.taskId}/rating`, { score: 4, comment: 'Smooth kickoff' });
    expect(rated.status).toBe(200);
    const vendor = await signedInClient(env, ws.admin);
    const overview = (await vendor.get(`/api/v1/projects/${project.id}/portal`)).body;
    expect(overview.csat).toMatchObject({ average: 4, answers: [{ milestone: milestone.title, contactName: 'Carla Champion', score: 4, comment: 'Smooth kickoff' }] });
  });

  it('invites a colleague from the same company domain only, unless the vendor turned it off', async () => {
    const { project, client, contact } = await customerOnProject();
    const outsider = await client.post(`/api/portal/v1/projects/${project.id}/colleagues`, { name: 'Mallory', email: 'mallory@gmail.test' });
    expect(outsider.status).toBe(400);
    expect(outsider.body.errors[0].path).toEqual(['body', 'email']);
    const colleague = await client.post(`/api/portal/v1/projects/${project.id}/colleagues`, { name: 'Dan Dev', email: 'dan@acme.test' });
    expect(colleague.status).toBe(201);
    expect((await lastMailTo(env, 'dan@acme.test'))!.subject).toMatch(/Carla Champion invited you/);
    expect(contact.email).toMatch(/@acme\.test$/);

    const vendor = await signedInClient(env, ws.admin);
    expect((await vendor.put('/api/v1/portal/settings', { allowColleagueInvites: false })).status).toBe(200);
    const refused = await client.post(`/api/portal/v1/projects/${project.id}/colleagues`, { name: 'Eve', email: 'eve@acme.test' });
    expect(refused.status).toBe(403);
    await vendor.put('/api/v1/portal/settings', { allowColleagueInvites: true });
  });

  it('answers 404 to every portal route called with another project’s ids', async () => {
    const { session, project } = await customerOnProject();
    const other = await projectWithContact(ws.admin.ctx);
    const elsewhere = await makeWorkspace(env.services, 'Elsewhere');
    const foreign = await projectWithContact(elsewhere.admin.ctx);
    const client = portalClient(env, session);
    const bodies: Record<string, unknown> = {
      'POST /api/portal/v1/projects/:projectId/tasks/:taskId/status': { status: 'done' },
      'PUT /api/portal/v1/projects/:projectId/tasks/:taskId/form': { answers: {} },
      'POST /api/portal/v1/projects/:projectId/tasks/:taskId/approval': { decision: 'approved', signedName: 'Carla Champion' },
      'PUT /api/portal/v1/projects/:projectId/tasks/:taskId/value-rating': { score: 5 },
      'POST /api/portal/v1/projects/:projectId/tasks/:taskId/comments': { body: 'hi' },
      'PUT /api/portal/v1/projects/:projectId/milestones/:taskId/rating': { score: 5 },
      'POST /api/portal/v1/projects/:projectId/colleagues': { name: 'X', email: 'x@acme.test' },
      'PATCH /api/portal/v1/projects/:projectId/readiness/:assessmentId/answers': { answers: {} },
      'PUT /api/portal/v1/projects/:projectId/success-plan': { goals: ['Stolen'] },
      'POST /api/portal/v1/projects/:projectId/success-outcomes': { statement: 'Stolen' },
      'POST /api/portal/v1/projects/:projectId/success-metrics/:metricId/actuals': { value: 1, measuredOn: '2026-03-01' },
      'POST /api/portal/v1/projects/:projectId/success-outcomes/:outcomeId/verify': { comment: 'Yes' },
    };
    const routes = env.app.landfallRoutes.filter((r) => r.url.startsWith('/api/portal/v1/') && r.access === 'portal' && r.url.includes(':projectId'));
    expect(routes.length).toBeGreaterThanOrEqual(17);
    // Real ids of the other projects' things: a task, a file, an assessment, an outcome and its metric.
    const idsOf = async (target: Awaited<ReturnType<typeof projectWithContact>>, admin: typeof ws.admin) => {
      const vendor = { side: 'vendor' as const, memberId: admin.id, name: 'Ada Admin' };
      const task = target.project.tasks.find((t) => t.customerVisible)!;
      const file = await attachFile(admin.ctx, target.project.id, task.id, { name: 'a.txt', bytes: Buffer.from('x'), fieldKey: null });
      const assessment = await startAssessment(admin.ctx, target.project.id, {});
      const outcome = (await addOutcome(admin.ctx, vendor, target.project.id, { statement: 'Theirs' })).outcomes[0]!;
      const plan = await addMetric(admin.ctx, vendor, outcome.id, { name: 'Hours', unit: 'h', direction: 'decrease', baseline: 9, target: 3, targetDate: '2026-12-31', owner: null });
      return {
        projectId: target.project.id,
        taskId: task.id,
        fileId: file.id,
        assessmentId: assessment.id,
        outcomeId: outcome.id,
        metricId: plan.outcomes[0]!.metrics[0]!.id,
      };
    };
    for (const theirs of [await idsOf(other, ws.admin), await idsOf(foreign, elsewhere.admin)]) {
      // Their project outright, and their things under the customer's own project.
      for (const ids of [theirs, { ...theirs, projectId: project.id }]) {
        for (const route of routes) {
          if (ids.projectId === project.id && !/:(?!projectId)\w+/.test(route.url)) continue; // nothing of theirs in the URL
          const url = route.url.replace(/:(\w+)/g, (_, name: string) => ids[name as keyof typeof ids]);
          const response = await client.request(route.method, url, bodies[`${route.method} ${route.url}`]);
          expect(response.status, `${route.method} ${url} → ${JSON.stringify(response.body)}`).toBe(404);
        }
      }
    }
    // A task of their own project that the customer is not shown is not found either.
    const hidden = project.tasks.find((t) => !t.customerVisible)!;
    expect((await client.post(`/api/portal/v1/projects/${project.id}/tasks/${hidden.id}/comments`, { body: 'hi' })).status).toBe(404);
  });

  it('lets the customer fill in a readiness assessment sent to them, and confirm an outcome (setting first value)', async () => {
    const { project, contact, client } = await customerOnProject();
    const assessment = await startAssessment(ws.admin.ctx, project.id, {});
    await sendAssessment(ws.admin.ctx, assessment.id, contact.id);
    expect(await lastMailTo(env, contact.email, 'Please fill in the readiness assessment')).toBeDefined();
    const listed = await client.get(`/api/portal/v1/projects/${project.id}/readiness`);
    expect(listed.body.map((a: { id: string }) => a.id)).toEqual([assessment.id]);
    const answers = Object.fromEntries(
      assessment.questions.map((q) => [q.key, q.type === 'yes_no' ? true : q.type === 'scale' ? 5 : q.type === 'multiple_choice' ? [q.choices[0]!.label] : q.type === 'text' ? 'Yes' : q.choices[0]!.label]),
    );
    const saved = await client.patch(`/api/portal/v1/projects/${project.id}/readiness/${assessment.id}/answers`, { answers });
    expect(saved.status).toBe(200);
    const submitted = await client.post(`/api/portal/v1/projects/${project.id}/readiness/${assessment.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.submittedByName).toBe('Carla Champion');

    const vendor = { side: 'vendor' as const, memberId: ws.admin.id, name: 'Ada Admin' };
    const plan = await addOutcome(ws.admin.ctx, vendor, project.id, { statement: 'Close the books in 3 days' });
    const outcomeId = plan.outcomes[0]!.id;
    const staff = await signedInClient(env, ws.admin);
    expect((await staff.post(`/api/v1/success-outcomes/${outcomeId}/verify`, { comment: 'Trust me' })).status).toBe(404);
    const confirmed = await client.post(`/api/portal/v1/projects/${project.id}/success-outcomes/${outcomeId}/verify`, { comment: 'Month-end took 3 days in March' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.outcomes[0].verification).toMatchObject({ byName: 'Carla Champion', comment: 'Month-end took 3 days in March' });
    const firstValue = (await staff.get(`/api/v1/projects/${project.id}`)).body.milestones.find((m: { kind: string }) => m.kind === 'first_value');
    expect(firstValue.actual).toBe(confirmed.body.value.firstValueOn);
  });
});
