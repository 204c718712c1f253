import { defineJob } from '../../jobs/job.ts';
import { handleBounces } from './turnover.service.ts';

/** As "Mail bounce": contacts whose address the recipient's server refused for good are marked as left. */
export const bouncesJob = defineJob({
  name: 'people.bounces',
  does: 'marks contacts whose email hard-bounced as left (which re-assigns their tasks and raises a risk for a key role)',
  run: async ({ services }) => {
    await handleBounces(services);
  },
});
