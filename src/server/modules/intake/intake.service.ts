import { randomBytes } from 'node:crypto';
import { contextFor, inTransaction, systemActor, type Ctx, type Services, type SystemActor } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { emit } from '../../events/bus.ts';
import { keyRing, needsResealing, seal, unseal } from '../../security/sealed.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { createAccount, getAccount, updateAccount } from '../accounts/accounts.service.ts';
import { addContact, contactsOfAccount, updateContact } from '../contacts/contacts.service.ts';
import { memberWithEmail } from '../members/members.service.ts';
import { addProduct, hasCatalogue } from '../products/products.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { WonDeal } from '../../../contract/intake.ts';
import * as repo from './intake.repo.ts';

export type IntakeSource = 'api' | 'webhook' | 'hubspot' | 'salesforce';

const INTAKE_ACTORS: Record<IntakeSource, SystemActor> = {
  api: 'intake',
  webhook: 'intake',
  hubspot: 'hubspot-intake',
  salesforce: 'salesforce-intake',
};

/** The system acting on behalf of the CRM inside one workspace, named after it in the history. */
const intakeCtx = (services: Services, workspaceId: string, source: IntakeSource): Ctx =>
  contextFor(services, systemActor(workspaceId, INTAKE_ACTORS[source]));

/**
 * Takes a won deal: creates or updates the account and its contacts, starts the project from the playbook that
 * fits (day 0 = the signing date) and opens the hand-off for the rep. The deal id is claimed first in the same
 * transaction, so a deal delivered twice, or twenty times at once, makes one project. A deal that cannot be
 * taken is kept with its error, for a person to fix and replay.
 */
export async function receiveDeal(services: Services, workspaceId: string, source: IntakeSource, deal: WonDeal) {
  const ctx = intakeCtx(services, workspaceId, source);
  try {
    return await inTransaction(ctx, async (tx) => {
      const now = tx.services.now();
      let deliveryId = await repo.claimDelivery(tx.db, { workspaceId, source, dealId: deal.dealId, payload: deal, now });
      let retry = false;
      if (!deliveryId) {
        const existing = (await repo.lockDelivery(tx.db, workspaceId, deal.dealId))!;
        if (existing.status === 'processed') {
          return { deliveryId: existing.id, created: false, accountId: existing.accountId!, projectId: existing.projectId };
        }
        deliveryId = existing.id;
        retry = true;
      }
      const { accountId, projectId } = await applyDeal(tx, deal, source);
      await repo.markProcessed(tx.db, workspaceId, deliveryId, { source, payload: deal, accountId, projectId, now, retry });
      await emit(tx, 'deal.won', { dealId: deal.dealId, source, accountId, projectId });
      return { deliveryId, created: true, accountId, projectId };
    });
  } catch (error) {
    if (error instanceof AppError && error.code !== 'rate_limited') {
      await repo.recordFailure(services.database.db, {
        workspaceId,
        source,
        dealId: deal.dealId,
        payload: deal,
        error: error.message,
        now: services.now(),
      });
    }
    throw error;
  }
}

async function applyDeal(tx: Ctx, deal: WonDeal, source: IntakeSource) {
  const repId = (await memberWithEmail(tx, deal.salesRep.email))?.id ?? null;
  const existingId = await repo.findAccountForDeal(tx.db, tx.workspaceId, deal.company);
  // A workspace with a product catalogue adds each new product to an existing account through it (a project or
  // users-only onboarding, as the product says); one without keeps the older way: one project for the deal.
  const catalogue = existingId ? await hasCatalogue(tx) : false;
  let accountId: string;
  let newProducts: string[] = [];
  if (existingId) {
    const account = await getAccount(tx, existingId);
    const owners = account.owners.map((owner) => ({ role: owner.role as 'sales', memberId: owner.memberId }));
    if (repId && !owners.some((owner) => owner.role === 'sales')) owners.push({ role: 'sales', memberId: repId });
    const held = new Set(account.products.map((p) => p.toLowerCase()));
    newProducts = [...new Set(deal.products)].filter((p) => !held.has(p.toLowerCase()));
    await updateAccount(tx, existingId, {
      ...(catalogue ? {} : { products: [...new Set([...account.products, ...deal.products])] }),
      contractValue: account.contractValue + deal.contractValue,
      contractSignedOn: account.contractSignedOn ?? deal.closedOn,
      renewalOn: deal.renewalOn ?? account.renewalOn,
      owners,
    });
    accountId = existingId;
  } else {
    const created = await createAccount(tx, {
      name: deal.company.name,
      domain: deal.company.domain ?? null,
      industry: deal.company.industry,
      segment: deal.company.segment,
      complexity: deal.company.complexity,
      contractValue: deal.contractValue,
      currency: deal.currency,
      contractSignedOn: deal.closedOn,
      renewalOn: deal.renewalOn ?? null,
      products: deal.products,
      timezone: deal.company.timezone,
      laerStage: 'land',
      owners: repId ? [{ role: 'sales', memberId: repId }] : [],
    });
    accountId = created.id;
  }

  const known = new Map((await contactsOfAccount(tx, accountId, 'all')).map((c) => [c.email.toLowerCase(), c]));
  for (const contact of deal.contacts) {
    const existing = known.get(contact.email);
    if (existing) await updateContact(tx, existing.id, { name: contact.name, title: contact.title ?? existing.title, role: contact.role });
    else await addContact(tx, accountId, { ...contact, title: contact.title ?? null });
  }

  if (catalogue && newProducts.length > 0) {
    let projectId: string | null = null;
    for (const product of newProducts) {
      const added = await addProduct(tx, accountId, { product, day0: deal.closedOn }, `${source} deal ${deal.dealId}`);
      projectId ??= added.projectId;
    }
    if (projectId) await repo.insertHandoff(tx.db, { workspaceId: tx.workspaceId, projectId, repMemberId: repId });
    return { accountId, projectId };
  }

  const project = await createProject(tx, {
    accountId,
    day0: deal.closedOn,
    product: deal.products[0] ?? null,
    name: deal.products.length > 0 ? `${deal.company.name}: ${deal.products.join(', ')}` : `${deal.company.name} onboarding`,
  });
  await repo.insertHandoff(tx.db, { workspaceId: tx.workspaceId, projectId: project.id, repMemberId: repId });
  return { accountId, projectId: project.id };
}

const presentDelivery = (row: NonNullable<Awaited<ReturnType<typeof repo.findDelivery>>>) => ({
  id: row.id,
  source: row.source,
  dealId: row.dealId,
  status: row.status as 'processed' | 'failed',
  error: row.error,
  accountId: row.accountId,
  projectId: row.projectId,
  attempts: row.attempts,
  receivedAt: row.receivedAt.toISOString(),
  processedAt: row.processedAt?.toISOString() ?? null,
  payload: row.payload,
});

export async function listDeliveries(ctx: Ctx, status?: 'processed' | 'failed') {
  return (await repo.listDeliveries(ctx.db, ctx.workspaceId, status)).map(presentDelivery);
}

/** Runs a failed delivery again, once what made it fail has been fixed (a playbook that fits, a date…). */
export async function replayDelivery(ctx: Ctx, deliveryId: string) {
  const row = await repo.findDelivery(ctx.db, ctx.workspaceId, deliveryId);
  if (!row) throw notFound('intake delivery');
  const deal = WonDeal.parse(row.payload);
  return receiveDeal(ctx.services, ctx.workspaceId, row.source as IntakeSource, deal);
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

// The webhook secret and the HubSpot client secret are stored sealed (security/sealed.ts); one sealed under an
// older key, or written before sealing, is sealed again with the current key when read.
async function openSettings(services: Services, db: Db, workspaceId: string) {
  const keys = keyRing(services.config);
  const row = await repo.findSettings(db, workspaceId);
  if (!row) return undefined;
  const stale = [row.webhookSecret, row.hubspotClientSecret].some((value) => value && needsResealing(keys, value));
  const opened = { ...row, webhookSecret: unseal(keys, row.webhookSecret), hubspotClientSecret: row.hubspotClientSecret && unseal(keys, row.hubspotClientSecret) };
  if (stale) await saveSettings(services, db, workspaceId, { webhookSecret: opened.webhookSecret, hubspotClientSecret: opened.hubspotClientSecret });
  return opened;
}

function saveSettings(
  services: Services,
  db: Db,
  workspaceId: string,
  values: { webhookSecret?: string; hubspotClientSecret?: string | null; salesforceOrganizationId?: string | null },
) {
  const keys = keyRing(services.config);
  const sealed = {
    ...values,
    ...(values.webhookSecret !== undefined ? { webhookSecret: seal(keys, values.webhookSecret) } : {}),
    ...(values.hubspotClientSecret ? { hubspotClientSecret: seal(keys, values.hubspotClientSecret) } : {}),
  };
  return repo.upsertSettings(db, workspaceId, sealed, services.now());
}

export async function intakeSettings(ctx: Ctx) {
  let found = await openSettings(ctx.services, ctx.db, ctx.workspaceId);
  if (!found) {
    await saveSettings(ctx.services, ctx.db, ctx.workspaceId, { webhookSecret: newSecret() });
    found = (await openSettings(ctx.services, ctx.db, ctx.workspaceId))!;
  }
  const base = `${ctx.services.config.publicUrl}/api/v1/intake`;
  return {
    webhookSecret: found.webhookSecret,
    hubspotClientSecret: found.hubspotClientSecret,
    salesforceOrganizationId: found.salesforceOrganizationId,
    endpoints: { deals: `${base}/deals`, hubspot: `${base}/hubspot/${ctx.workspaceId}`, salesforce: `${base}/salesforce/${ctx.workspaceId}` },
  };
}

export async function updateIntakeSettings(
  ctx: Ctx,
  patch: { hubspotClientSecret?: string | null; salesforceOrganizationId?: string | null; rotateWebhookSecret?: boolean },
) {
  await intakeSettings(ctx);
  const { rotateWebhookSecret, ...values } = patch;
  await saveSettings(ctx.services, ctx.db, ctx.workspaceId, { ...values, ...(rotateWebhookSecret ? { webhookSecret: newSecret() } : {}) });
  return intakeSettings(ctx);
}

/** The secrets that sign a workspace's webhooks; undefined for an unknown workspace. */
export function settingsFor(services: Services, workspaceId: string) {
  return openSettings(services, services.database.db, workspaceId);
}
