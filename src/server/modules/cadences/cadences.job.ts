import { defineJob } from '../../jobs/job.ts';
import { runDueCadences } from './cadences.service.ts';

/** As Cadences: writes the steps that have come due into the outbox (one row per step × contact × project). */
export const cadencesJob = defineJob({
  name: 'cadences.plan',
  does: 'writes due cadence steps into the mail outbox',
  run: ({ services }) => runDueCadences(services),
});
