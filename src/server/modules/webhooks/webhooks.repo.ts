import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema.ts';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type NewDelivery = typeof webhookDeliveries.$inferInsert;

const live = (workspaceId: string) => and(eq(webhookEndpoints.workspaceId, workspaceId), isNull(webhookEndpoints.deletedAt));

export function listEndpoints(db: Db, workspaceId: string) {
  return db.select().from(webhookEndpoints).where(live(workspaceId)).orderBy(asc(webhookEndpoints.createdAt));
}

export async function findEndpoint(db: Db, workspaceId: string, id: string): Promise<EndpointRow | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(and(live(workspaceId), eq(webhookEndpoints.id, id)));
  return row;
}

/** The enabled endpoints that take an event type. */
export function subscribersOf(db: Db, workspaceId: string, eventType: string) {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(live(workspaceId), eq(webhookEndpoints.enabled, true), sql`${eventType} = any(${webhookEndpoints.eventTypes})`));
}

export async function insertEndpoint(db: Db, values: typeof webhookEndpoints.$inferInsert) {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  return row!;
}

export async function updateEndpoint(db: Db, workspaceId: string, id: string, values: Partial<typeof webhookEndpoints.$inferInsert>) {
  const [row] = await db.update(webhookEndpoints).set(values).where(and(live(workspaceId), eq(webhookEndpoints.id, id))).returning();
  return row;
}

export async function insertDeliveries(db: Db, rows: NewDelivery[]) {
  if (rows.length === 0) return [];
  return db.insert(webhookDeliveries).values(rows).returning({ id: webhookDeliveries.id });
}

/**
 * Claims due deliveries for one sending process (pending ones whose time has come, and ones whose sender died
 * before its lease ran out), with SKIP LOCKED so processes claim side by side. Ones whose endpoint is disabled
 * or deleted wait (a re-enabled endpoint gets them).
 */
export async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const at = now.toISOString();
  const result = await db.execute(sql`
    update webhook_deliveries d
       set state = 'sending', claimed_until = ${until}::timestamptz, updated_at = ${at}::timestamptz
     where (d.workspace_id, d.id) in (
       select q.workspace_id, q.id from webhook_deliveries q
         join webhook_endpoints e on e.workspace_id = q.workspace_id and e.id = q.endpoint_id
        where ((q.state = 'pending' and q.next_attempt_at <= ${at}::timestamptz)
            or (q.state = 'sending' and q.claimed_until < ${at}::timestamptz))
          and e.enabled and e.deleted_at is null
        order by q.next_attempt_at
        limit ${limit}
        for update of q skip locked)
    returning d.id`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
  if (ids.length === 0) return [];
  return db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids)).orderBy(asc(webhookDeliveries.nextAttemptAt));
}

export async function findDelivery(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)));
  return row;
}

export async function updateDelivery(db: Db, workspaceId: string, id: string, values: Partial<NewDelivery>) {
  await db.update(webhookDeliveries).set(values).where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)));
}

export async function insertAttempt(db: Db, values: typeof webhookAttempts.$inferInsert) {
  await db.insert(webhookAttempts).values(values);
}

export function listDeliveries(db: Db, workspaceId: string, filter: { endpointId?: string | undefined; state?: string | undefined; limit: number }) {
  return db
    .select({ delivery: webhookDeliveries, endpointUrl: webhookEndpoints.url })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.workspaceId, webhookDeliveries.workspaceId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
    .where(
      and(
        eq(webhookDeliveries.workspaceId, workspaceId),
        filter.endpointId ? eq(webhookDeliveries.endpointId, filter.endpointId) : undefined,
        filter.state ? eq(webhookDeliveries.state, filter.state) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(filter.limit);
}

export function attemptsOf(db: Db, workspaceId: string, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.workspaceId, workspaceId), inArray(webhookAttempts.deliveryId, deliveryIds)))
    .orderBy(asc(webhookAttempts.at));
}
