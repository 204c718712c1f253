import { defineJob } from '../../jobs/job.ts';
import { evaluateAll } from './maturity.service.ts';

/** As the maturity model: every account holding a product with stages is evaluated again (usage and paths may have moved). */
export const maturityJob = defineJob({
  name: 'products.maturity',
  does: "re-evaluates every account's and user's maturity stage in each product",
  run: async ({ services }) => {
    await evaluateAll(services);
  },
});
