import { defineJob } from '../../jobs/job.ts';
import { runEscalations } from './escalation.service.ts';
import { runVendorLadder } from './vendor-ladder.ts';

/** As the Escalation ladder: reminders of customer tasks due or overdue, the ladder's next steps, silences ended. */
export const escalationJob = defineJob({
  name: 'escalation.review',
  does: 'reminds customers of tasks due soon or overdue, climbs the escalation ladder, ends silences',
  run: ({ services }) => runEscalations(services),
});

/** As the Escalation ladder: the vendor's own ladder (late vendor tasks, quiet projects) reminds the owner, then tells the team lead. */
export const vendorLadderJob = defineJob({
  name: 'escalation.vendor',
  does: 'reminds a project’s owner of late vendor work or a quiet project, then tells the team lead',
  run: ({ services }) => runVendorLadder(services),
});
