import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listPlaybooks } from '../playbooks/playbooks.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { deliverDueWebhooks } from './webhooks.service.ts';

/** A real receiver on a local port: it records each request and answers with the status the test sets. */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
let receiver: http.Server;
let received: Received[] = [];
let answer = 204;
let receiverUrl = '';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answer;
      response.end(answer === 204 ? undefined : 'nope');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/landfall`;
  env = await startTestEnv();
  // Webhook-timestamp is checked against the real clock by the receiver's library: start the test clock now.
  env.clock.set(new Date());
  env.services.config.webhooks = { allowPrivate: true, httpsOnly: false };
  ({ admin } = await makeWorkspace(env.services, 'Hooked'));
  api = await signedInClient(env, admin);
});
afterAll(async () => {
  await env.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received = [];
  answer = 204;
});

async function startProject(member: TestMember) {
  const account = await makeAccount(member.ctx);
  const [playbook] = await listPlaybooks(member.ctx);
  return createProject(member.ctx, { accountId: account.id, playbookId: playbook!.id });
}

const verify = (secret: string, message: Received) =>
  new Webhook(secret).verify(message.body, {
    'webhook-id': String(message.headers['webhook-id']),
    'webhook-timestamp': String(message.headers['webhook-timestamp']),
    'webhook-signature': String(message.headers['webhook-signature']),
  });

describe('outbound webhooks', () => {
  it('refuses loopback, metadata, plain http in production and unknown events with a 400 that says why', async () => {
    env.services.config.webhooks = { allowPrivate: false, httpsOnly: true };
    try {
      const loopback = await api.post('/api/v1/webhook-endpoints', { url: 'https://127.0.0.1/hook', eventTypes: ['project.created'] });
      expect(loopback.status).toBe(400);
      expect(loopback.body.errors[0]).toMatchObject({ path: ['body', 'url'] });
      expect(loopback.body.detail).toMatch(/127\.0\.0\.1, a private, loopback/);
      const metadata = await api.post('/api/v1/webhook-endpoints', { url: 'https://169.254.169.254/latest/meta-data/', eventTypes: ['project.created'] });
      expect(metadata.status).toBe(400);
      expect(metadata.body.detail).toMatch(/169\.254\.169\.254/);
      const plain = await api.post('/api/v1/webhook-endpoints', { url: 'http://93.184.215.14/hook', eventTypes: ['project.created'] });
      expect(plain.status).toBe(400);
      expect(plain.body.detail).toMatch(/https:\/\//);
    } finally {
      env.services.config.webhooks = { allowPrivate: true, httpsOnly: false };
    }
    const unknown = await api.post('/api/v1/webhook-endpoints', { url: receiverUrl, eventTypes: ['project.exploded'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.errors)).toMatch(/eventTypes/);
    expect((await api.get('/api/v1/webhook-endpoints')).body).toEqual([]);
  });

  it('writes a message when a project starts, in its transaction, and delivers it signed so the official library verifies it', async () => {
    const created = await api.post('/api/v1/webhook-endpoints', { url: receiverUrl, description: 'CRM', eventTypes: ['project.created', 'task.completed'] });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    // The secret is shown once: the list never has it.
    expect(JSON.stringify((await api.get('/api/v1/webhook-endpoints')).body)).not.toContain(secret.slice(6));

    const project = await startProject(admin);
    const log = (await api.get('/api/v1/webhook-deliveries')).body;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ eventType: 'project.created', state: 'pending', attempts: 0 });

    await deliverDueWebhooks(env.services);
    expect(received).toHaveLength(1);
    const payload = verify(secret, received[0]!) as { type: string; data: { projectId: string } };
    expect(payload.type).toBe('project.created');
    expect(payload.data.projectId).toBe(project.id);
    expect(received[0]!.headers['webhook-id']).toBe(log[0].messageId);
    expect(() => verify('whsec_' + Buffer.from('another secret of 24 bytes').toString('base64'), received[0]!)).toThrow();

    const after = (await api.get('/api/v1/webhook-deliveries')).body[0];
    expect(after).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 204 });
    expect(after.log).toEqual([expect.objectContaining({ status: 204, trigger: 'delivery job' })]);
    // Delivered once: another pass sends nothing.
    await deliverDueWebhooks(env.services);
    expect(received).toHaveLength(1);
    await api.delete(`/api/v1/webhook-endpoints/${created.body.id}`);
  });

  it('signs with the old and the new secret during a rotation overlap, and with the new one alone after it', async () => {
    const created = (await api.post('/api/v1/webhook-endpoints', { url: receiverUrl, eventTypes: ['project.created'] })).body;
    const rotated = await api.post(`/api/v1/webhook-endpoints/${created.id}/rotate-secret`, { overlapHours: 24 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect(rotated.body.previousSecretUntil).not.toBeNull();
    const test = await api.post(`/api/v1/webhook-endpoints/${created.id}/test`, {});
    expect(test.body).toMatchObject({ eventType: 'webhook.test', state: 'delivered' });
    expect(String(received[0]!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(created.secret, received[0]!)).toMatchObject({ type: 'webhook.test' });
    expect(verify(rotated.body.secret, received[0]!)).toMatchObject({ type: 'webhook.test' });

    const ended = (await api.post(`/api/v1/webhook-endpoints/${created.id}/rotate-secret`, { overlapHours: 0 })).body;
    await api.post(`/api/v1/webhook-endpoints/${created.id}/test`, {});
    expect(verify(ended.secret, received[1]!)).toMatchObject({ type: 'webhook.test' });
    expect(() => verify(rotated.body.secret, received[1]!)).toThrow();
    await api.delete(`/api/v1/webhook-endpoints/${created.id}`);
  });

  it('retries a failing receiver with growing waits, lets a member replay it, and disables the endpoint at once on 410', async () => {
    const endpoint = (await api.post('/api/v1/webhook-endpoints', { url: receiverUrl, eventTypes: ['project.created'] })).body;
    answer = 503;
    await startProject(admin);
    await deliverDueWebhooks(env.services);
    let delivery = (await api.get(`/api/v1/webhook-deliveries?endpointId=${endpoint.id}`)).body[0];
    expect(delivery).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 503 });
    const firstWait = Date.parse(delivery.nextAttemptAt) - env.clock.now().getTime();
    // Not yet due: nothing is sent.
    await deliverDueWebhooks(env.services);
    expect(received).toHaveLength(1);
    env.clock.advance(firstWait + 1000);
    await deliverDueWebhooks(env.services);
    delivery = (await api.get(`/api/v1/webhook-deliveries?endpointId=${endpoint.id}`)).body[0];
    expect(delivery.attempts).toBe(2);
    expect(Date.parse(delivery.nextAttemptAt) - env.clock.now().getTime()).toBeGreaterThan(firstWait);

    answer = 204;
    const replayed = await api.post(`/api/v1/webhook-deliveries/${delivery.id}/replay`, {});
    expect(replayed.body).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(replayed.body.log.map((attempt: { trigger: string }) => attempt.trigger)).toEqual(['delivery job', 'delivery job', 'replay by Ada Admin']);
    expect(new Set(received.map((message) => message.headers['webhook-id'])).size).toBe(1);

    answer = 410;
    await startProject(admin);
    await deliverDueWebhooks(env.services);
    const gone = (await api.get('/api/v1/webhook-endpoints')).body.find((row: { id: string }) => row.id === endpoint.id);
    expect(gone).toMatchObject({ enabled: false });
    expect(gone.disabledReason).toMatch(/410 Gone/);
    // A disabled endpoint gets nothing new until it is turned back on.
    await startProject(admin);
    expect((await api.get(`/api/v1/webhook-deliveries?endpointId=${endpoint.id}`)).body).toHaveLength(2);
    const back = await api.patch(`/api/v1/webhook-endpoints/${endpoint.id}`, { enabled: true });
    expect(back.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    await api.delete(`/api/v1/webhook-endpoints/${endpoint.id}`);
  });

  it('disables an endpoint that has failed for three days without a success', async () => {
    const endpoint = (await api.post('/api/v1/webhook-endpoints', { url: receiverUrl, eventTypes: ['project.created'] })).body;
    answer = 500;
    await startProject(admin);
    // Twelve-hour steps: every pass finds the next retry due; after three days of failures the endpoint stops.
    for (let pass = 0; pass < 8; pass++) {
      await deliverDueWebhooks(env.services);
      env.clock.advance(12 * 3600_000);
    }
    const row = (await api.get('/api/v1/webhook-endpoints')).body.find((e: { id: string }) => e.id === endpoint.id);
    expect(row.enabled).toBe(false);
    expect(row.disabledReason).toMatch(/Every delivery failed since/);
    const attempts = (await api.get(`/api/v1/webhook-deliveries?endpointId=${endpoint.id}`)).body[0].attempts;
    expect(attempts).toBeGreaterThan(5);
    expect(attempts).toBeLessThanOrEqual(12);
    env.clock.set(new Date());
    api = await signedInClient(env, admin);
  });

  it('is for admins of the workspace only, and names the field that is wrong', async () => {
    const csm = await makeMember(env.services, admin.workspaceId, 'csm');
    const csmApi = await signedInClient(env, csm);
    expect((await csmApi.get('/api/v1/webhook-endpoints')).status).toBe(403);
    expect((await csmApi.get('/api/v1/webhook-deliveries')).status).toBe(403);
    const other = await makeWorkspace(env.services, 'Elsewhere');
    const otherApi = await signedInClient(env, other.admin);
    expect((await otherApi.get('/api/v1/webhook-deliveries')).body).toEqual([]);
    const noEvents = await api.post('/api/v1/webhook-endpoints', { url: receiverUrl, eventTypes: [] });
    expect(noEvents.status).toBe(400);
    expect(noEvents.body.errors[0].path).toEqual(['body', 'eventTypes']);
    const unknownKey = await api.post('/api/v1/webhook-endpoints', { url: receiverUrl, eventTypes: ['project.created'], secret: 'mine' });
    expect(unknownKey.status).toBe(400);
  });
});
