import { defineJob } from '../../jobs/job.ts';
import { recordStalls, runDueJourneys } from './journeys.service.ts';

/** As Onboarding journeys: writes the due steps of user onboarding journeys into the outbox. */
export const journeysJob = defineJob({
  name: 'journeys.plan',
  does: 'writes due user onboarding journey steps into the mail outbox',
  run: ({ services }) => runDueJourneys(services),
});

/** Learning paths with no progress for a journey's stall days: records the stall, so its check-in goes. */
export const journeyStallsJob = defineJob({
  name: 'journeys.stalls',
  does: 'finds stalled learning paths of people on a journey, for the stall check-in',
  run: ({ services }) => recordStalls(services),
});
