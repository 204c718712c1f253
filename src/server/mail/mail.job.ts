import { defineJob } from '../jobs/job.ts';
import { deliverDueMail } from './mail.service.ts';

/**
 * Sends what is due in the outbox (to SMTP_URL, or to the portal). Each message is claimed with SKIP LOCKED and
 * a lease, and sent with its own deterministic Message-ID: any number of processes may poll at once.
 */
export const mailJob = defineJob({
  name: 'mail.deliver',
  does: 'delivers due messages from the outbox',
  run: ({ services }) => deliverDueMail(services),
});
