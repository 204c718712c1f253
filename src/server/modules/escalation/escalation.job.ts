import { defineJob } from '../../jobs/job.ts';
import { runEscalations } from './escalation.service.ts';

/** As the Escalation ladder: reminders of customer tasks due or overdue, the ladder's next steps, silences ended. */
export const escalationJob = defineJob({
  name: 'escalation.review',
  does: 'reminds customers of tasks due soon or overdue, climbs the escalation ladder, ends silences',
  run: ({ services }) => runEscalations(services),
});
