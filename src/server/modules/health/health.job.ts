import { defineJob } from '../../jobs/job.ts';
import { rescoreEveryWorkspace } from './health.service.ts';

/** Re-scores every workspace's accounts: facts that change without an event (days to renewal, portal silence). */
export const healthJob = defineJob({
  name: 'health.rescore',
  does: 're-scores every active account’s health, renewal risk and LAER stage (set-based, per workspace)',
  run: ({ services }) => rescoreEveryWorkspace(services),
});
