import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, handoffs, intakeDeliveries, intakeSettings } from '../../db/schema.ts';

export async function findSettings(db: Db, workspaceId: string) {
  const [row] = await db.select().from(intakeSettings).where(eq(intakeSettings.workspaceId, workspaceId));
  return row;
}

export async function upsertSettings(
  db: Db,
  workspaceId: string,
  values: { webhookSecret?: string; hubspotClientSecret?: string | null; salesforceOrganizationId?: string | null },
  now: Date,
) {
  const [row] = await db
    .insert(intakeSettings)
    .values({ workspaceId, webhookSecret: values.webhookSecret ?? '', ...values, updatedAt: now })
    .onConflictDoUpdate({ target: intakeSettings.workspaceId, set: { ...values, updatedAt: now } })
    .returning();
  return row!;
}

/** Takes the deal id for this delivery; undefined when the deal was received before (the row is then locked by its owner). */
export async function claimDelivery(db: Db, values: { workspaceId: string; source: string; dealId: string; payload: unknown; now: Date }) {
  const [row] = await db
    .insert(intakeDeliveries)
    .values({ ...values, status: 'processing', receivedAt: values.now })
    .onConflictDoNothing({ target: [intakeDeliveries.workspaceId, intakeDeliveries.dealId] })
    .returning({ id: intakeDeliveries.id });
  return row?.id;
}

export async function lockDelivery(db: Db, workspaceId: string, dealId: string) {
  const [row] = await db
    .select()
    .from(intakeDeliveries)
    .where(and(eq(intakeDeliveries.workspaceId, workspaceId), eq(intakeDeliveries.dealId, dealId)))
    .for('update');
  return row;
}

export async function findDelivery(db: Db, workspaceId: string, deliveryId: string) {
  const [row] = await db
    .select()
    .from(intakeDeliveries)
    .where(and(eq(intakeDeliveries.workspaceId, workspaceId), eq(intakeDeliveries.id, deliveryId)));
  return row;
}

export async function markProcessed(
  db: Db,
  workspaceId: string,
  deliveryId: string,
  values: { source: string; payload: unknown; accountId: string; projectId: string | null; now: Date; retry: boolean },
) {
  await db
    .update(intakeDeliveries)
    .set({
      source: values.source,
      payload: values.payload,
      status: 'processed',
      error: null,
      accountId: values.accountId,
      projectId: values.projectId,
      processedAt: values.now,
      attempts: values.retry ? sql`${intakeDeliveries.attempts} + 1` : sql`${intakeDeliveries.attempts}`,
    })
    .where(and(eq(intakeDeliveries.workspaceId, workspaceId), eq(intakeDeliveries.id, deliveryId)));
}

/** Keeps a failed delivery with its error, for a person to fix and replay. */
export async function recordFailure(
  db: Db,
  values: { workspaceId: string; source: string; dealId: string; payload: unknown; error: string; now: Date },
) {
  await db
    .insert(intakeDeliveries)
    .values({ ...values, status: 'failed', receivedAt: values.now })
    .onConflictDoUpdate({
      target: [intakeDeliveries.workspaceId, intakeDeliveries.dealId],
      set: { source: values.source, payload: values.payload, status: 'failed', error: values.error, attempts: sql`${intakeDeliveries.attempts} + 1` },
      setWhere: sql`${intakeDeliveries.status} <> 'processed'`,
    });
}

export function listDeliveries(db: Db, workspaceId: string, status: 'processed' | 'failed' | undefined) {
  return db
    .select()
    .from(intakeDeliveries)
    .where(and(eq(intakeDeliveries.workspaceId, workspaceId), status ? eq(intakeDeliveries.status, status) : undefined))
    .orderBy(desc(intakeDeliveries.receivedAt))
    .limit(200);
}

export async function findAccountForDeal(db: Db, workspaceId: string, company: { name: string; domain?: string | null | undefined }) {
  const byDomain = company.domain
    ? await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.domain, company.domain)))
        .limit(1)
    : [];
  if (byDomain[0]) return byDomain[0].id;
  const [byName] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), sql`lower(${accounts.name}) = ${company.name.toLowerCase()}`, isNull(accounts.archivedAt)))
    .limit(1);
  return byName?.id;
}

export async function insertHandoff(db: Db, values: { workspaceId: string; projectId: string; repMemberId: string | null }) {
  await db.insert(handoffs).values(values).onConflictDoNothing();
}
