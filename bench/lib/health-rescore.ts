// Run by bench/ (the reports bench and bench/health.ts): times a full health re-score of one workspace's accounts.
import { performance } from 'node:perf_hooks';
import { contextFor, systemActor, type Services } from '../../src/server/context.ts';
import { rescoreAllAccounts } from '../../src/server/modules/health/health.service.ts';

/**
 * Re-scores every active account of the workspace twice (the first writes a score for each, the second finds most
 * unchanged) and returns both times in seconds: `health_rescore_s` is the first, the slower.
 */
export async function timeHealthRescore(services: Services, workspaceId: string) {
  const ctx = contextFor(services, systemActor(workspaceId, 'health'));
  let started = performance.now();
  const first = await rescoreAllAccounts(ctx);
  const firstS = (performance.now() - started) / 1000;
  started = performance.now();
  const again = await rescoreAllAccounts(ctx);
  const againS = (performance.now() - started) / 1000;
  return { accounts: first.accounts, health_rescore_s: Math.round(firstS * 100) / 100, health_rescore_again_s: Math.round(againS * 100) / 100, changed_again: again.changed };
}
