import { defineJob } from '../../jobs/job.ts';
import { deliverDueWebhooks } from './webhooks.service.ts';

/**
 * Sends due messages from the webhook outbox. Each is claimed with SKIP LOCKED and a lease and keeps its webhook-id
 * on every attempt, so any number of processes may poll at once and a receiver can drop a repeat.
 */
export const webhooksJob = defineJob({
  name: 'webhooks.deliver',
  does: 'delivers due webhook messages, retrying with backoff over three days',
  run: ({ services }) => deliverDueWebhooks(services),
});
