import { defineJob } from '../../jobs/job.ts';
import { failStaleImports } from './imports.service.ts';

/** A CSV import whose process died mid-run says so (failed, with the reason) instead of "running" for ever. */
export const staleImportsJob = defineJob({
  name: 'imports.stale',
  does: 'marks CSV imports that stopped mid-run (no batch written for 10 minutes) as failed, saying why',
  run: async ({ services }) => {
    await failStaleImports(services);
  },
});
