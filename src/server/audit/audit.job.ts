import { defineJob } from '../jobs/job.ts';
import { pruneAudit } from './audit.service.ts';

/** Deletes audit entries older than their workspace's retention: the only way an entry ever goes. */
export const auditRetentionJob = defineJob({
  name: 'audit.retention',
  does: 'deletes audit entries past their workspace retention',
  run: ({ services }) => pruneAudit(services),
});
