import { defineJob } from '../../jobs/job.ts';
import { replanStaleProjects } from './projects.service.ts';

/** As the Nightly re-plan: "today" moves on in every projection, so work not started by today slips. */
export const replanJob = defineJob({
  name: 'projects.replan',
  does: 're-plans active projects not re-planned for 6 hours (work not started by today slips)',
  run: ({ services }) => replanStaleProjects(services),
});
