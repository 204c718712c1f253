import { defineJob } from '../../jobs/job.ts';
import { deliverSlackMessages } from './slack.service.ts';

/** Posts due Slack messages from its outbox; each claimed with SKIP LOCKED and a lease, so any number of processes may poll. */
export const slackJob = defineJob({
  name: 'slack.deliver',
  does: 'posts due messages to Slack (retries with backoff)',
  run: ({ services }) => deliverSlackMessages(services),
});
