// The scheduling engine: projected dates, critical path, health and delay attribution.
export { schedule } from './schedule.ts';
export { buildNetwork, findDependencyCycle, ScheduleError, type ScheduleErrorCode, type TaskNetwork } from './network.ts';
export {
  attributeDelays,
  attributeSlip,
  delayBySide,
  reportedSlip,
  type AttributionInput,
  type DelayEvent,
  type MilestoneSlip,
  type SlipCause,
  type SlipInput,
} from './attribution.ts';
export type * from './types.ts';
export { currentStage, projectFinished, type ProgressTask } from './progress.ts';
export { dependencyChain, linkRefusal, type Link } from './links.ts';
