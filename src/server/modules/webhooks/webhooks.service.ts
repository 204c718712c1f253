// Outbound webhooks (Standard Webhooks 1.0): endpoints with their own secrets, a message written to the webhook
// outbox in the transaction of the change (the reaction to a domain event), and the delivery job that sends it,
// retrying with backoff over about three days. An endpoint is disabled at once on 410 Gone, or after three days
// of failures without a success; a member can turn it back on, replay a delivery, or send a test event.
import { randomBytes, randomUUID } from 'node:crypto';
import { DISABLE_AFTER_FAILING_MS, outcomeOf, retryDelayMs } from '../../../core/webhooks/retry.ts';
import type { WebhookEndpointInput, WebhookEndpointPatch, WebhookEventType } from '../../../contract/webhooks.ts';
import { recordAudit } from '../../audit/audit.ts';
import { inTransaction, type Ctx, type Services } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { keyRing, seal, unseal } from '../../security/sealed.ts';
import * as repo from './webhooks.repo.ts';
import { sendWebhook } from './send.ts';
import { checkOutboundTarget } from '../../security/ssrf.ts';

const LEASE_MS = 60_000;
const BATCH = 20;
export const TEST_EVENT = 'webhook.test';

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;
const newMessageId = () => `msg_${randomUUID().replaceAll('-', '')}`;

function presentEndpoint(row: repo.EndpointRow, now: Date) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as WebhookEventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    previousSecretUntil: row.previousSecretSealed && row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log keeps of an endpoint (never its secret). */
const auditView = (row: repo.EndpointRow) => ({ url: row.url, description: row.description, eventTypes: row.eventTypes, enabled: row.enabled });

async function endpointOrFail(ctx: Ctx, id: string) {
  const row = await repo.findEndpoint(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound('webhook endpoint');
  return row;
}

export async function listEndpoints(ctx: Ctx) {
  const now = ctx.services.now();
  return (await repo.listEndpoints(ctx.db, ctx.workspaceId)).map((row) => presentEndpoint(row, now));
}

/** Adds an endpoint after the SSRF guard; its signing secret is in this answer only. */
export async function createEndpoint(ctx: Ctx, input: WebhookEndpointInput) {
  await checkOutboundTarget(input.url, ctx.services.config.webhooks);
  const secret = newSecret();
  const now = ctx.services.now();
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertEndpoint(tx.db, {
      workspaceId: tx.workspaceId,
      url: input.url,
      description: input.description ?? '',
      eventTypes: [...new Set(input.eventTypes)],
      secretSealed: seal(keyRing(tx.services.config), secret),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { kind: 'webhook_endpoint.created', summary: `Webhook endpoint added: ${row.url}`, subject: { type: 'webhook_endpoint', id: row.id }, after: auditView(row) });
    return { ...presentEndpoint(row, now), secret };
  });
}

export async function updateEndpoint(ctx: Ctx, id: string, patch: WebhookEndpointPatch) {
  if (patch.url !== undefined) await checkOutboundTarget(patch.url, ctx.services.config.webhooks);
  return inTransaction(ctx, async (tx) => {
    const current = await endpointOrFail(tx, id);
    const now = tx.services.now();
    const row = await repo.updateEndpoint(tx.db, tx.workspaceId, id, {
      ...patch,
      ...(patch.eventTypes ? { eventTypes: [...new Set(patch.eventTypes)] } : {}),
      // Turned back on: its past failures are forgiven; paused by hand: it says so.
      ...(patch.enabled === true && !current.enabled ? { disabledReason: null, failingSince: null } : {}),
      ...(patch.enabled === false && current.enabled ? { disabledReason: `Paused by ${tx.actor.name}` } : {}),
      updatedAt: now,
    });
    await recordAudit(tx, { kind: 'webhook_endpoint.changed', summary: `Webhook endpoint changed: ${row!.url}`, subject: { type: 'webhook_endpoint', id }, before: auditView(current), after: auditView(row!) });
    return presentEndpoint(row!, now);
  });
}

/** Removes an endpoint: nothing more is sent to it; its delivery log stays. */
export async function deleteEndpoint(ctx: Ctx, id: string) {
  await inTransaction(ctx, async (tx) => {
    const current = await endpointOrFail(tx, id);
    await repo.updateEndpoint(tx.db, tx.workspaceId, id, { deletedAt: tx.services.now(), enabled: false });
    await recordAudit(tx, { kind: 'webhook_endpoint.deleted', summary: `Webhook endpoint deleted: ${current.url}`, subject: { type: 'webhook_endpoint', id }, before: auditView(current) });
  });
}

/**
 * A new signing secret, shown once. Until the overlap ends every delivery carries two signatures (new and old), so
 * the receiver can switch its secret at any moment within it.
 */
export async function rotateSecret(ctx: Ctx, id: string, input: { overlapHours: number }) {
  const secret = newSecret();
  return inTransaction(ctx, async (tx) => {
    const current = await endpointOrFail(tx, id);
    const now = tx.services.now();
    const row = await repo.updateEndpoint(tx.db, tx.workspaceId, id, {
      secretSealed: seal(keyRing(tx.services.config), secret),
      previousSecretSealed: input.overlapHours > 0 ? current.secretSealed : null,
      previousSecretUntil: input.overlapHours > 0 ? new Date(now.getTime() + input.overlapHours * 3600_000) : null,
      updatedAt: now,
    });
    await recordAudit(tx, {
      kind: 'webhook_endpoint.secret_rotated',
      summary: `Webhook secret rotated for ${current.url} (the old one signs too for ${input.overlapHours} h)`,
      subject: { type: 'webhook_endpoint', id },
      after: { overlapHours: input.overlapHours },
    });
    return { ...presentEndpoint(row!, now), secret };
  });
}

/** The body every receiver gets: the spec's envelope (type, timestamp, data). */
const envelope = (type: string, at: Date, data: Record<string, unknown>) => ({ type, timestamp: at.toISOString(), data });

/**
 * The reaction to a domain event: one message per endpoint that takes it, written to the webhook outbox in the
 * caller's transaction (so it exists exactly when the change does). Sending is the job's.
 */
export const enqueueEvent = (ctx: Ctx, type: WebhookEventType, data: object) => enqueueEvents(ctx, type, [data]);

/** The set-based form (a CSV import's batch): the subscribers read once, every delivery written in one statement. */
export async function enqueueEvents(ctx: Ctx, type: WebhookEventType, data: readonly object[]) {
  if (data.length === 0) return;
  const endpoints = await repo.subscribersOf(ctx.db, ctx.workspaceId, type);
  if (endpoints.length === 0) return;
  const now = ctx.services.now();
  await repo.insertDeliveries(
    ctx.db,
    data.flatMap((one) => {
      const payload = envelope(type, now, { workspaceId: ctx.workspaceId, ...one });
      return endpoints.map((endpoint) => ({
        workspaceId: ctx.workspaceId,
        endpointId: endpoint.id,
        messageId: newMessageId(),
        eventType: type,
        payload,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      }));
    }),
  );
}

/** "Send test event": a webhook.test message to one endpoint, sent now; the answer says how it went. */
export async function sendTestEvent(ctx: Ctx, endpointId: string) {
  const endpoint = await endpointOrFail(ctx, endpointId);
  const now = ctx.services.now();
  const [created] = await repo.insertDeliveries(ctx.db, [
    {
      workspaceId: ctx.workspaceId,
      endpointId: endpoint.id,
      messageId: newMessageId(),
      eventType: TEST_EVENT,
      payload: envelope(TEST_EVENT, now, { workspaceId: ctx.workspaceId, message: `A test event sent by ${ctx.actor.name} from Landfall.` }),
      state: 'sending',
      claimedUntil: new Date(now.getTime() + LEASE_MS),
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  await deliverOne(ctx.services, (await repo.findDelivery(ctx.db, ctx.workspaceId, created!.id))!, `test by ${ctx.actor.name}`);
  return getDelivery(ctx, created!.id);
}

/** Sends a delivery again now, with the same webhook-id (the receiver may drop it as a duplicate), whatever its state. */
export async function replayDelivery(ctx: Ctx, deliveryId: string) {
  const delivery = await repo.findDelivery(ctx.db, ctx.workspaceId, deliveryId);
  if (!delivery) throw notFound('webhook delivery');
  await endpointOrFail(ctx, delivery.endpointId);
  const now = ctx.services.now();
  await repo.updateDelivery(ctx.db, ctx.workspaceId, deliveryId, { state: 'sending', claimedUntil: new Date(now.getTime() + LEASE_MS), updatedAt: now });
  await deliverOne(ctx.services, delivery, `replay by ${ctx.actor.name}`);
  return getDelivery(ctx, deliveryId);
}

export async function listDeliveries(ctx: Ctx, query: { endpointId?: string | undefined; state?: string | undefined; limit: number }) {
  const rows = await repo.listDeliveries(ctx.db, ctx.workspaceId, query);
  const attempts = await repo.attemptsOf(ctx.db, ctx.workspaceId, rows.map((row) => row.delivery.id));
  return rows.map(({ delivery, endpointUrl }) => presentDelivery(delivery, endpointUrl, attempts.filter((attempt) => attempt.deliveryId === delivery.id)));
}

export async function getDelivery(ctx: Ctx, deliveryId: string) {
  const delivery = await repo.findDelivery(ctx.db, ctx.workspaceId, deliveryId);
  if (!delivery) throw notFound('webhook delivery');
  const [found] = (await listDeliveries(ctx, { endpointId: delivery.endpointId, limit: 200 })).filter((row) => row.id === deliveryId);
  return found!;
}

function presentDelivery(row: repo.DeliveryRow, endpointUrl: string, attempts: Awaited<ReturnType<typeof repo.attemptsOf>>) {
  return {
    id: row.id,
    endpointId: row.endpointId,
    endpointUrl,
    messageId: row.messageId,
    eventType: row.eventType,
    state: row.state as 'pending' | 'sending' | 'delivered' | 'failed',
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload,
    log: attempts.map((attempt) => ({ at: attempt.at.toISOString(), status: attempt.status, error: attempt.error, durationMs: attempt.durationMs, trigger: attempt.trigger })),
  };
}

/** The delivery job's pass: claims what is due (any number of processes side by side) and sends each. */
export async function deliverDueWebhooks(services: Services) {
  const due = await repo.claimDue(services.database.db, services.now(), BATCH, LEASE_MS);
  for (const delivery of due) await deliverOne(services, delivery, 'delivery job');
  return { sent: due.length };
}

/** One attempt, outside any transaction (never hold the database while waiting on a receiver), then its outcome. */
async function deliverOne(services: Services, delivery: repo.DeliveryRow, trigger: string) {
  const db = services.database.db;
  const endpoint = await repo.findEndpoint(db, delivery.workspaceId, delivery.endpointId);
  const now = services.now();
  if (!endpoint) {
    await repo.updateDelivery(db, delivery.workspaceId, delivery.id, { state: 'failed', claimedUntil: null, lastError: 'The endpoint was deleted.', updatedAt: now });
    return;
  }
  const keys = keyRing(services.config);
  const secrets = [unseal(keys, endpoint.secretSealed)];
  if (endpoint.previousSecretSealed && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now) secrets.push(unseal(keys, endpoint.previousSecretSealed));
  const result = await sendWebhook(endpoint.url, { messageId: delivery.messageId, timestamp: now, body: JSON.stringify(delivery.payload), secrets }, services.config.webhooks);
  const after = services.now();
  const attempts = delivery.attempts + 1;
  const outcome = outcomeOf(result.status);
  const retryIn = retryDelayMs(attempts);
  await db.transaction(async (tx) => {
    await repo.insertAttempt(tx, { workspaceId: delivery.workspaceId, deliveryId: delivery.id, at: now, status: result.status, error: result.error, durationMs: result.durationMs, trigger });
    await repo.updateDelivery(tx, delivery.workspaceId, delivery.id, {
      state: outcome === 'delivered' ? 'delivered' : outcome === 'retry' && retryIn !== null ? 'pending' : 'failed',
      attempts,
      claimedUntil: null,
      lastStatus: result.status,
      lastError: result.error,
      deliveredAt: outcome === 'delivered' ? after : null,
      nextAttemptAt: outcome === 'retry' && retryIn !== null ? new Date(after.getTime() + retryIn) : delivery.nextAttemptAt,
      updatedAt: after,
    });
    if (outcome === 'delivered') {
      if (endpoint.failingSince) await repo.updateEndpoint(tx, endpoint.workspaceId, endpoint.id, { failingSince: null });
      return;
    }
    const failingSince = endpoint.failingSince ?? now;
    const disabledReason =
      outcome === 'gone'
        ? `The receiver answered 410 Gone on ${after.toISOString().slice(0, 10)}: it asked for no more deliveries.`
        : after.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS || retryIn === null
          ? `Every delivery failed since ${failingSince.toISOString().slice(0, 10)} (last: ${result.error ?? 'no answer'}).`
          : null;
    await repo.updateEndpoint(tx, endpoint.workspaceId, endpoint.id, {
      failingSince,
      ...(disabledReason && endpoint.enabled ? { enabled: false, disabledReason } : {}),
    });
  });
}
