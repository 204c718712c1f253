import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/api-tokens/api-tokens.service.ts';
import { makeWorkspace, startTestEnv, type TestEnv } from '../test/harness.ts';
import { projectWithContact } from '../test/portal.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe('a file download', () => {
  it('keeps its own sandboxing Content-Security-Policy, and the other security headers', async () => {
    const { admin } = await makeWorkspace(env.services, 'Files Co');
    const { token } = await createApiToken(admin.ctx, { name: 'Uploader', role: 'admin' });
    const { project } = await projectWithContact(admin.ctx);
    const task = project.tasks[0]!;
    const boundary = '----landfall-download-test';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await env.app.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/tasks/${task.id}/files`,
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);

    const download = await env.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/files/${uploaded.json().id}`, headers: { authorization: `Bearer ${token}` } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    // Every other response still gets the app's policy.
    expect((await env.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});
