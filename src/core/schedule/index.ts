// The scheduling engine: projected dates, critical path, health and delay attribution.
export { schedule } from './schedule.ts';
export { buildNetwork, findDependencyCycle, ScheduleError, type ScheduleErrorCode, type TaskNetwork } from './network.ts';
export { attributeDelays, delayBySide, type AttributionInput, type DelayEvent } from './attribution.ts';
export type * from './types.ts';
