import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { runDueCadences } from './cadences.service.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

// Two nested 100,000-step loops: ten billion steps, in 77 characters.
const HEAVY = '{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}';
const step = (body: string) => ({ subject: 'Hello', body, sender: { kind: 'onboarding_manager' } });

describe('templates cannot hurt the server', () => {
  it('refuses a template that does too much work, quickly, at preview and at save, while the server keeps answering', async () => {
    const { admin } = await makeWorkspace(env.services, 'Heavy Co');
    const api = await signedInClient(env, admin);
    const started = Date.now();
    const [preview, health] = await Promise.all([
      api.post('/api/v1/cadences/preview', { step: step(HEAVY) }),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => env.app.inject({ method: 'GET', url: '/api/health' })),
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(preview.status).toBe(400);
    expect(preview.body.detail).toMatch(/step\.body: the template does too much work to render/);
    expect(health.statusCode).toBe(200);

    const saved = await api.post('/api/v1/cadences', {
      name: 'Heavy',
      steps: [{ name: 'Hi', trigger: { kind: 'day', day: 0 }, sender: { kind: 'onboarding_manager' }, subject: 'Hi', body: HEAVY }],
    });
    expect(saved.status).toBe(400);
    expect(saved.body.errors[0].path).toEqual(['body', 'steps', 0, 'body']);
  });

  it('fails the one message whose stored template cannot be rendered, once, and sends the others', async () => {
    env.clock.set(new Date('2026-03-02T05:00:00Z'));
    const { admin } = await makeWorkspace(env.services, 'Stored Co');
    const api = await signedInClient(env, admin);
    const account = await makeAccount(admin.ctx, { segment: 'smb', contractSignedOn: '2026-03-02', products: ['Scheduler'] });
    await addContact(admin.ctx, account.id, { name: 'Carla Champion', email: 'carla@stored.test', role: 'champion' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    const cadenceId = (await api.get(`/api/v1/projects/${project.id}/cadence`)).body.cadence.id as string;
    // A template stored before the limits existed (or written to the database by hand): the first step's body.
    const [cadence] = await env.services.database.query<{ steps: { body: string }[] }>('select steps from cadences where id = $1', [cadenceId]);
    const steps = cadence!.steps.map((s, i) => (i === 0 ? { ...s, body: HEAVY } : s));
    await env.services.database.query('update cadences set steps = $2 where id = $1', [cadenceId, JSON.stringify(steps)]);

    for (let hour = 0; hour < 24 * 3; hour++) {
      await runDueCadences(env.services);
      env.clock.advance(3_600_000);
    }
    const rows = await env.services.database.query<{ id: string; state: string; reason: string; step_id: string }>(
      'select id, state, reason, step_id from mail_outbox where project_id = $1 order by send_after',
      [project.id],
    );
    const failed = rows.filter((row) => row.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toMatch(/^The step's template could not be rendered: the template does too much work/);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.filter((row) => row.state === 'scheduled').length).toBeGreaterThan(0);
    const retried = await api.post(`/api/v1/mail/${failed[0]!.id}/retry`, {});
    expect(retried.status).toBe(409);
  });
});
