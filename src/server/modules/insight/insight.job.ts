import { defineJob } from '../../jobs/job.ts';
import { sendWeeklyDigests } from './digest.service.ts';

/** As the digest: the dashboard's figures by email, once per ISO week, to the members who asked for it. */
export const digestJob = defineJob({
  name: 'insight.weekly_digest',
  does: 'emails the dashboard’s key figures weekly to the members who asked for the digest',
  run: async ({ services }) => {
    await sendWeeklyDigests(services);
  },
});
