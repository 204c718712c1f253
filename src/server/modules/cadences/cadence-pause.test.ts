import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cadence, CadenceStats } from '../../../contract/cadences.ts';
import { makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../../test/harness.ts';

let env: TestEnv;
let api: HttpClient;
let cadence: Cadence;

beforeAll(async () => {
  env = await startTestEnv();
  const { admin } = await makeWorkspace(env.services);
  api = await signedInClient(env, admin);
  cadence = ((await api.get('/api/v1/cadences')).body as Cadence[])[0]!;
});
afterAll(() => env.close());

describe('a cadence on its timeline', () => {
  it('pauses and resumes', async () => {
    const paused = await api.post(`/api/v1/cadences/${cadence.id}/pause`, { paused: true });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(paused.body.pausedAt).toBe(env.clock.now().toISOString());
    const resumed = await api.post(`/api/v1/cadences/${cadence.id}/pause`, { paused: false });
    expect(resumed.body.pausedAt).toBeNull();
  });

  it("counts each step's messages, and says opens and clicks are not recorded", async () => {
    const stats = (await api.get(`/api/v1/cadences/${cadence.id}/stats`)).body as CadenceStats;
    expect(stats.steps.map((s) => s.stepId)).toEqual(cadence.steps.map((s) => s.id));
    expect(stats.steps[0]).toEqual({ stepId: cadence.steps[0]!.id, sent: 0, scheduled: 0, bounced: 0, failed: 0, opened: null, clicked: null });
  });

  it("saves a step's day, audience, sender and name", async () => {
    const steps = cadence.steps.map((step, index) =>
      index === 0 ? { ...step, name: 'Renamed', trigger: { kind: 'day', day: 2 }, audience: ['champion'], sender: { kind: 'onboarding_manager' } } : step,
    );
    const saved = await api.put(`/api/v1/cadences/${cadence.id}`, { name: cadence.name, description: cadence.description, touchModels: cadence.touchModels, products: cadence.products, steps });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.steps[0]).toMatchObject({ name: 'Renamed', trigger: { kind: 'day', day: 2 }, audience: ['champion'], sender: { kind: 'onboarding_manager' } });
  });
});
