// CRM write-back: a project's stage, projected go-live, health and value achieved go back to the deal it came from
// (HubSpot deal, Salesforce opportunity), and its account's health, value achieved and next renewal to the company
// or account the deal belongs to, through their REST APIs. Changes ask for a write-back (a domain event reaction);
// asks within a minute coalesce into one per project; failures are retried with backoff and logged. The base URL
// an admin gives passes the SSRF guard webhooks use, when saved and before each write-back.
import {
  CRM_DEBOUNCE_MS,
  hubspotCompanyProperties,
  hubspotDealProperties,
  salesforceAccountFields,
  salesforceOpportunityFields,
} from '../../../core/integrations/crm.ts';
import { MAX_ATTEMPTS, retryDelayMs } from '../../../core/integrations/slack.ts';
import type { CrmSyncInput } from '../../../contract/integrations.ts';
import type { Ctx, Services } from '../../context.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { keyRing, seal, unseal } from '../../security/sealed.ts';
import { checkOutboundTarget } from '../../security/ssrf.ts';
import * as repo from './crm-sync.repo.ts';

const LEASE_MS = 60_000;
const HUBSPOT_API = 'https://api.hubapi.com';
const SALESFORCE_VERSION = 'v60.0';

export async function crmSyncSettings(ctx: Ctx) {
  const row = await repo.findSettings(ctx.db, ctx.workspaceId);
  return {
    configured: Boolean(row),
    provider: (row?.provider ?? null) as 'hubspot' | 'salesforce' | null,
    baseUrl: row?.baseUrl ?? null,
    apiVersion: row?.apiVersion ?? null,
    enabled: row ? row.enabled === 1 : false,
    pending: await repo.pendingCount(ctx.db, ctx.workspaceId),
  };
}

export async function saveCrmSync(ctx: Ctx, input: CrmSyncInput) {
  if (input.provider === 'salesforce' && !input.baseUrl) {
    throw invalid('baseUrl: give your Salesforce instance URL, like https://yourorg.my.salesforce.com', { path: ['body', 'baseUrl'] });
  }
  if (input.baseUrl) await checkOutboundTarget(input.baseUrl, ctx.services.config.webhooks, { what: 'CRM URL', path: ['body', 'baseUrl'] });
  await repo.saveSettings(ctx.db, {
    workspaceId: ctx.workspaceId,
    provider: input.provider,
    enabled: input.enabled ? 1 : 0,
    accessToken: seal(keyRing(ctx.services.config), input.accessToken),
    baseUrl: (input.baseUrl ?? HUBSPOT_API).replace(/\/+$/, ''),
    apiVersion: input.provider === 'salesforce' ? (input.apiVersion ?? SALESFORCE_VERSION) : null,
    updatedAt: ctx.services.now(),
  });
  return crmSyncSettings(ctx);
}

export async function removeCrmSync(ctx: Ctx) {
  if (!(await repo.findSettings(ctx.db, ctx.workspaceId))) throw notFound('CRM sync');
  await repo.deleteSettings(ctx.db, ctx.workspaceId);
}

/** The reaction to a change of a project: a write-back within a minute (coalesced with others). */
export async function requestCrmSync(ctx: Ctx, projectId: string, reason: string) {
  await repo.requestSync(ctx.db, ctx.workspaceId, projectId, reason, new Date(ctx.services.now().getTime() + CRM_DEBOUNCE_MS));
}

/** "Sync now" from the project or Settings: due at once. */
export async function syncProjectNow(ctx: Ctx, projectId: string) {
  const standing = await repo.projectStanding(ctx.db, ctx.workspaceId, projectId);
  if (!standing) throw notFound('project');
  if (!standing.dealId) throw invalid('projectId: this project did not come from a CRM deal, so there is nothing to write back to', { path: ['params', 'id'] });
  if (!(await repo.findSettings(ctx.db, ctx.workspaceId))) throw invalid('Set up CRM sync first (Settings → CRM sync).', { path: ['params', 'id'] });
  await repo.requestSync(ctx.db, ctx.workspaceId, projectId, `Sync now (${ctx.actor.name})`, ctx.services.now());
  return crmSyncSettings(ctx);
}

export async function crmSyncLog(ctx: Ctx) {
  return (await repo.listLog(ctx.db, ctx.workspaceId)).map(({ entry, projectName }) => ({
    id: entry.id,
    projectId: entry.projectId,
    projectName,
    provider: entry.provider as 'hubspot' | 'salesforce',
    object: entry.object,
    objectId: entry.objectId,
    fields: entry.fields,
    outcome: entry.outcome as 'ok' | 'retrying' | 'failed',
    error: entry.error,
    attempt: entry.attempt,
    reasons: entry.reasons,
    at: entry.at.toISOString(),
  }));
}

interface WriteBack {
  object: string;
  objectId: string;
  url: string;
  body: Record<string, unknown>;
  fields: Record<string, unknown>;
}

type Standing = NonNullable<Awaited<ReturnType<typeof repo.projectStanding>>>;

/** The deal (opportunity), then the company (account) when the deal came with its id. */
function writeBacksFor(settings: repo.CrmSettingsRow, dealId: string, standing: Standing): WriteBack[] {
  const patch = (object: string, objectId: string, path: string, fields: Record<string, unknown>, body: Record<string, unknown> = fields): WriteBack => ({
    object,
    objectId,
    url: `${settings.baseUrl}${path}/${encodeURIComponent(objectId)}`,
    body,
    fields,
  });
  const { companyId } = standing;
  if (settings.provider === 'hubspot') {
    const deal = hubspotDealProperties(standing.facts);
    const writes = [patch('deal', dealId, '/crm/v3/objects/deals', deal, { properties: deal })];
    if (companyId) {
      const company = hubspotCompanyProperties(standing.account);
      writes.push(patch('company', companyId, '/crm/v3/objects/companies', company, { properties: company }));
    }
    return writes;
  }
  const sobjects = `/services/data/${settings.apiVersion ?? SALESFORCE_VERSION}/sobjects`;
  const writes = [patch('opportunity', dealId, `${sobjects}/Opportunity`, salesforceOpportunityFields(standing.facts))];
  if (companyId) writes.push(patch('account', companyId, `${sobjects}/Account`, salesforceAccountFields(standing.account)));
  return writes;
}

/** What the CRM answered, in words; whether trying again may help (rate limits, its own errors, no answer). */
async function send(writeBack: WriteBack, token: string, policy: Services['config']['webhooks']): Promise<{ ok: true } | { ok: false; error: string; retry: boolean }> {
  try {
    await checkOutboundTarget(writeBack.url, policy, { what: 'CRM URL', path: ['baseUrl'] }); // DNS may have changed since it was saved
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, error: `Not sent: ${error.message}`, retry: true };
  }
  let response: Response;
  try {
    response = await fetch(writeBack.url, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(writeBack.body),
      redirect: 'error', // a redirect could lead past the guard
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return { ok: false, error: `The CRM could not be reached: ${(error as Error).message}`, retry: true };
  }
  if (response.ok) return { ok: true };
  const text = (await response.text()).slice(0, 500);
  const retry = response.status === 429 || response.status >= 500;
  const why: Record<number, string> = {
    401: 'The CRM refused the token (401): set a current one in Settings → CRM sync.',
    403: `The token may not write this record (403): give it write access to ${writeBack.object === 'company' ? 'companies' : `${writeBack.object}s`}.`,
    404: `The CRM has no ${writeBack.object} with this id (404): it may have been deleted or merged.`,
  };
  return { ok: false, error: why[response.status] ?? `The CRM answered ${response.status}: ${text}`, retry };
}

/** Writes back what is due (the crm.sync job). */
export async function deliverCrmSync(services: Services, batch = 20): Promise<number> {
  const db = services.database.db;
  const due = await repo.claimDue(db, services.now(), batch, LEASE_MS);
  for (const row of due) {
    const settings = await repo.findSettings(db, row.workspaceId);
    const standing = await repo.projectStanding(db, row.workspaceId, row.projectId);
    if (!settings || settings.enabled !== 1 || !standing?.dealId) {
      await repo.drop(db, row);
      continue;
    }
    const token = unseal(keyRing(services.config), settings.accessToken);
    const attempt = row.attempts + 1;
    const log = (entry: Pick<repo.CrmLogInsert, 'object' | 'objectId' | 'fields' | 'outcome' | 'error'>) =>
      repo.insertLog(db, { workspaceId: row.workspaceId, projectId: row.projectId, provider: settings.provider, attempt, reasons: row.reasons, at: services.now(), ...entry });
    let retryError: string | null = null;
    for (const writeBack of writeBacksFor(settings, standing.dealId, standing)) {
      const outcome = await send(writeBack, token, services.config.webhooks);
      const retrying = !outcome.ok && outcome.retry && attempt < MAX_ATTEMPTS;
      if (retrying) retryError ??= outcome.error;
      await log({
        object: writeBack.object,
        objectId: writeBack.objectId,
        fields: writeBack.fields,
        outcome: outcome.ok ? 'ok' : retrying ? 'retrying' : 'failed',
        error: outcome.ok ? null : outcome.error,
      });
    }
    if (!standing.companyId) {
      const [object, source] = settings.provider === 'hubspot' ? ['company', 'an associated company'] : ['account', 'its AccountId'];
      await log({ object, objectId: '', fields: {}, outcome: 'skipped', error: `The ${object} was not written: the won deal came without ${source}, so Landfall does not know which ${object} it is.` });
    }
    if (retryError) await repo.retryLater(db, row, new Date(services.now().getTime() + retryDelayMs(attempt)), retryError);
    else await repo.finish(db, row);
  }
  return due.length;
}
