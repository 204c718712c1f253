import { defineJob } from '../../jobs/job.ts';
import { replanStaleProjects } from './projects.service.ts';

/**
 * As the Nightly re-plan: "today" moves on in every projection, so work not started by today slips. Every minute
 * (a process's first period runs as it starts): a project is re-planned once its workspace's day has turned.
 */
export const replanJob = defineJob({
  name: 'projects.replan',
  does: "re-plans active projects not re-planned since the start of their workspace's today (work not started by today slips)",
  run: ({ services }) => replanStaleProjects(services),
});
