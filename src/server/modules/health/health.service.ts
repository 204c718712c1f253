import { laerStageOf, LAER_SIGNAL_RULES } from '../../../core/health/laer.ts';
import { renewalRisk } from '../../../core/health/renewal-risk.ts';
import {
  DEFAULT_HEALTH_MODEL,
  HEALTH_MEASURES,
  MEASURE_INFO,
  scoreHealth,
  type HealthFacts,
  type HealthModel as CoreModel,
} from '../../../core/health/score.ts';
import { todayInTimeZone } from '../../../core/calendar.ts';
import type { LaerStage } from '../../../core/people.ts';
import type { AccountHealth, HealthModel, HealthModelPatch, LaerSummary } from '../../../contract/health.ts';
import { contextFor, inTransaction, systemActor, type Ctx, type Services } from '../../context.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import { workspaceTimezone } from '../workspaces/workspaces.service.ts';
import * as repo from './health.repo.ts';

const CHUNK = 2000;

export async function modelOf(ctx: Ctx): Promise<CoreModel & { isDefault: boolean }> {
  const row = await repo.findModel(ctx.db, ctx.workspaceId);
  if (!row) return { ...DEFAULT_HEALTH_MODEL, isDefault: true };
  return { kind: row.kind as CoreModel['kind'], measures: row.measures as CoreModel['measures'], isDefault: false };
}

const catalogue = () => HEALTH_MEASURES.map((key) => ({ key, ...MEASURE_INFO[key] }));

export async function getHealthModel(ctx: Ctx): Promise<HealthModel> {
  const model = await modelOf(ctx);
  return { ...model, catalogue: catalogue() };
}

/** Saves the model and re-scores every account of the workspace with it, in the same transaction. */
export async function updateHealthModel(ctx: Ctx, patch: HealthModelPatch): Promise<HealthModel> {
  return inTransaction(ctx, async (tx) => {
    const current = await modelOf(tx);
    const next = { kind: patch.kind ?? current.kind, measures: patch.measures ?? current.measures };
    await repo.saveModel(tx.db, tx.workspaceId, next, tx.services.now());
    await rescoreAccounts(tx);
    return getHealthModel(tx);
  });
}

function factsOf(row: repo.AccountFactsRow): HealthFacts {
  return {
    onboarding_on_time: row.days_late,
    vendor_slip: row.vendor_slip,
    csat: row.csat,
    outcomes_verified: row.outcomes_verified,
    trained_users: row.trained_users,
    champion_present: row.champion_present,
    portal_engagement: row.portal_days,
    usage: row.usage,
  };
}

/**
 * Re-scores the workspace's accounts (all, or the listed ones) set-based: one statement reads every fact, core
 * scores each account, and the results go back in chunks. Returns how many were scored and how many changed.
 */
async function rescoreAccounts(ctx: Ctx, accountIds?: string[]) {
  const now = ctx.services.now();
  const today = todayInTimeZone(now, await workspaceTimezone(ctx));
  const model = await modelOf(ctx);
  const facts = await repo.accountFacts(ctx.db, ctx.workspaceId, today, now, accountIds);
  let changed = 0;
  const scored = facts.map((row): repo.ScoredRow => {
    const health = scoreHealth(model, factsOf(row));
    const risk = renewalRisk({ health: health.score, daysToRenewal: row.days_to_renewal, keyContactsLeft: row.key_contacts_left });
    const laer = laerStageOf({ live: row.live, expanded: row.expanded, daysToRenewal: row.days_to_renewal });
    // The stage follows the signals when they change; a stage set by hand stays until then (everyone starts in land).
    const laerTo = laer !== (row.laer_signal ?? 'land') ? laer : row.laer_stage;
    const isChange = !row.has_health || row.current_score !== health.score || row.current_band !== health.band;
    if (isChange) changed++;
    return {
      account_id: row.account_id,
      score: health.score,
      band: health.band,
      contributions: health.contributions,
      renewal_risk: risk.level,
      renewal_risk_points: risk.points,
      renewal_risk_reasons: risk.reasons,
      key_contacts_left: row.key_contacts_left,
      changed: isChange,
      laer_from: row.laer_stage,
      laer_to: laerTo,
      laer_signal: laer,
    };
  });
  for (let i = 0; i < scored.length; i += CHUNK) await repo.writeScores(ctx.db, ctx.workspaceId, now, scored.slice(i, i + CHUNK));
  return { accounts: scored.length, changed };
}

/** Every active account of the workspace, re-scored at once (the nightly job, a model change, the benchmark). */
export function rescoreAllAccounts(ctx: Ctx) {
  return inTransaction(ctx, (tx) => rescoreAccounts(tx));
}

/** One account re-scored, inside the caller's transaction (the reactions to a change). */
export async function rescoreAccount(ctx: Ctx, accountId: string) {
  await rescoreAccounts(ctx, [accountId]);
}

/** Several accounts re-scored in one pass, inside the caller's transaction (a batch of contact events: an import). */
export async function rescoreSomeAccounts(ctx: Ctx, accountIds: readonly string[]) {
  const unique = [...new Set(accountIds)];
  if (unique.length > 0) await rescoreAccounts(ctx, unique);
}

/** The account of a project, re-scored: what a project's events call. */
export async function rescoreAccountOfProject(ctx: Ctx, projectId: string) {
  const accountId = await repo.accountOfProject(ctx.db, ctx.workspaceId, projectId);
  if (accountId) await rescoreAccount(ctx, accountId);
}

export async function accountHealth(ctx: Ctx, accountId: string): Promise<AccountHealth> {
  const account = await getAccount(ctx, accountId);
  let row = await repo.findAccountHealth(ctx.db, ctx.workspaceId, accountId);
  if (!row && !account.archivedAt) {
    await inTransaction(ctx, (tx) => rescoreAccount(tx, accountId));
    row = await repo.findAccountHealth(ctx.db, ctx.workspaceId, accountId);
  }
  const model = await modelOf(ctx);
  const trend = await repo.healthHistory(ctx.db, ctx.workspaceId, accountId, 60);
  const laer = await repo.laerHistory(ctx.db, ctx.workspaceId, accountId);
  const usage = await repo.usageFigures(ctx.db, ctx.workspaceId, accountId, 12);
  const contributions = ((row?.contributions ?? []) as ReturnType<typeof scoreHealth>['contributions']).map((c) => ({
    ...c,
    label: MEASURE_INFO[c.key].label,
    unit: MEASURE_INFO[c.key].unit,
  }));
  return {
    accountId,
    modelKind: model.kind,
    score: row?.score ?? null,
    band: (row?.band ?? null) as AccountHealth['band'],
    contributions,
    scoredAt: row ? row.scoredAt.toISOString() : null,
    trend: trend.map((t) => ({ score: t.score, band: t.band as AccountHealth['band'], at: t.scoredAt.toISOString() })),
    renewalRisk: {
      level: (row?.renewalRisk ?? 'low') as AccountHealth['renewalRisk']['level'],
      points: row?.renewalRiskPoints ?? 0,
      reasons: (row?.renewalRiskReasons as string[] | undefined) ?? ['Not scored yet'],
      renewalOn: account.renewalOn,
      keyContactsLeft: row?.keyContactsLeft ?? 0,
    },
    laer: {
      stage: account.laerStage,
      rules: LAER_SIGNAL_RULES.map((r) => ({ stage: r.stage, rule: r.rule })),
      history: laer.map((l) => ({ from: l.fromStage as LaerStage | null, to: l.toStage as LaerStage, at: l.changedAt.toISOString() })),
    },
    usage,
  };
}

export async function laerSummary(ctx: Ctx): Promise<LaerSummary> {
  const rows = await repo.timeInStageBySegment(ctx.db, ctx.workspaceId, ctx.services.now());
  return { rows: rows.map((r) => ({ segment: r.segment, stage: r.stage as LaerStage, accounts: r.accounts, averageDays: Math.round(r.average_days * 10) / 10 })) };
}

/** The nightly pass: every workspace's accounts, each workspace in its own transaction. */
export async function rescoreEveryWorkspace(services: Services) {
  let accounts = 0;
  for (const workspaceId of await repo.workspacesWithAccounts(services.database.db)) {
    accounts += (await rescoreAllAccounts(contextFor(services, systemActor(workspaceId, 'health')))).accounts;
  }
  return accounts;
}
