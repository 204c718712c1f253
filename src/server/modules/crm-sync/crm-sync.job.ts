import { defineJob } from '../../jobs/job.ts';
import { deliverCrmSync } from './crm-sync.service.ts';

/** Writes projects back to the CRM once their coalescing minute is over; each row claimed with SKIP LOCKED and a lease. */
export const crmSyncJob = defineJob({
  name: 'crm.sync',
  does: 'writes project stage, go-live, health and value back to HubSpot or Salesforce',
  run: ({ services }) => deliverCrmSync(services),
});
