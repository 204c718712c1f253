import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { projectWithContact, signInAsContact } from '../../test/portal.ts';
import { csrfTokenFor } from '../auth/auth.service.ts';
import { addComment } from './tasks.service.ts';

let env: TestEnv;
let ws: Awaited<ReturnType<typeof makeWorkspace>>;

beforeAll(async () => {
  env = await startTestEnv();
  ws = await makeWorkspace(env.services);
});
afterAll(() => env.close());

type Task = {
  id: string;
  title: string;
  customerVisible: boolean;
  owner: { side: string };
  form: { key: string; label: string; type: string }[] | null;
  formAnswers: Record<string, unknown> | null;
  formAnsweredBy: string | null;
  formAnsweredAt: string | null;
  files: { id: string; fileName: string; size: number; uploadedBy: string; at: string }[];
};

async function customerTaskOnProject() {
  const { project, contact } = await projectWithContact(ws.admin.ctx);
  const task = project.tasks.find((t) => t.customerVisible && t.owner.side === 'customer')!;
  const staff = await signedInClient(env, ws.admin);
  const portal = await signInAsContact(env, ws.admin.ctx, project.id, contact);
  return { project, contact, task, staff, portal };
}

describe('a task in the staff project, with what the customer did in the portal', () => {
  it("shows the task's form, the customer's answers with who gave them and when, and the task's files", async () => {
    const { project, contact, task, staff, portal } = await customerTaskOnProject();
    const before = (await staff.get(`/api/v1/projects/${project.id}`)).body.tasks.find((t: Task) => t.id === task.id);
    expect(before).toMatchObject({ form: null, formAnswers: null, formAnsweredBy: null, files: [] });

    const fields = [
      { key: 'admin_email', label: 'Admin email', type: 'text', required: true },
      { key: 'plan', label: 'Plan', type: 'choice', required: false, options: ['Basic', 'Pro'] },
    ];
    expect((await staff.put(`/api/v1/projects/${project.id}/tasks/${task.id}/form`, { fields })).status).toBe(200);
    const answered = await portal.client.put(`/api/portal/v1/projects/${project.id}/tasks/${task.id}/form`, {
      answers: { admin_email: 'it@acme.test', plan: 'Pro' },
    });
    expect(answered.status).toBe(200);

    const boundary = '----landfalltest';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.from('kick-off notes'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await env.app.inject({
      method: 'POST',
      url: `/api/portal/v1/projects/${project.id}/tasks/${task.id}/files`,
      headers: { cookie: `lf_portal=${portal.session}`, 'x-csrf-token': csrfTokenFor(portal.session), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(uploaded.statusCode).toBe(201);

    const after = (await staff.get(`/api/v1/projects/${project.id}`)).body.tasks.find((t: Task) => t.id === task.id) as Task;
    expect(after.form!.map((f) => f.label)).toEqual(['Admin email', 'Plan']);
    expect(after.formAnswers).toEqual({ admin_email: 'it@acme.test', plan: 'Pro' });
    expect(after.formAnsweredBy).toBe(contact.name);
    expect(after.formAnsweredAt).toBeTruthy();
    expect(after.files).toEqual([{ id: uploaded.json().id, fileName: 'notes.txt', size: 14, uploadedBy: contact.name, at: expect.any(String) }]);

    // A task change answers with the same task, files included, so the page does not lose them.
    const changed = await staff.patch(`/api/v1/tasks/${task.id}`, { title: 'Send the admin details' });
    expect(changed.status).toBe(200);
    expect(changed.body.task.files.map((f: { fileName: string }) => f.fileName)).toEqual(['notes.txt']);

    expect((await staff.put(`/api/v1/projects/${project.id}/tasks/${task.id}/form`, { fields: null })).status).toBe(200);
    const removed = (await staff.get(`/api/v1/projects/${project.id}`)).body.tasks.find((t: Task) => t.id === task.id) as Task;
    expect(removed.form).toBeNull();
  });
});

describe('internal notes on a task', () => {
  it('keeps a note marked internal from the customer, and shows shared comments to both sides', async () => {
    const { project, task, staff, portal } = await customerTaskOnProject();
    const note = await staff.post(`/api/v1/tasks/${task.id}/comments`, { body: 'Their IT lead is on leave until the 12th', internal: true });
    expect(note.status).toBe(201);
    expect(note.body.internal).toBe(true);
    const shared = await staff.post(`/api/v1/tasks/${task.id}/comments`, { body: 'We sent the SSO guide' });
    expect(shared.body.internal).toBe(false);

    const listed = (await staff.get(`/api/v1/tasks/${task.id}/comments`)).body as { body: string; internal: boolean }[];
    expect(listed.map((c) => [c.body, c.internal])).toEqual([
      ['Their IT lead is on leave until the 12th', true],
      ['We sent the SSO guide', false],
    ]);

    const view = (await portal.client.get(`/api/portal/v1/projects/${project.id}`)).body;
    const seen = view.tasks.find((t: { id: string }) => t.id === task.id).comments.map((c: { body: string }) => c.body);
    expect(seen).toEqual(['We sent the SSO guide']);
  });

  it('refuses an internal note from a customer contact', async () => {
    const { task, contact } = await customerTaskOnProject();
    const contactCtx = { ...ws.admin.ctx, actor: { kind: 'contact' as const, workspaceId: ws.workspace.id, contactId: contact.id, sessionId: 'test', preview: false, name: contact.name } };
    await expect(addComment(contactCtx, task.id, 'psst', { internal: true })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
