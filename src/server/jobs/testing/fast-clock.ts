// A clock that runs `speed` times faster than the machine's: fake time `fakeStart` at real instant `realStart`.
// Processes given the same three numbers share one fake timeline (they read the same machine clock).
import { realSleep, type Sleep } from '../runner.ts';

export interface FastClock {
  now: () => Date;
  /** Waits `ms` of fake time. */
  sleep: Sleep;
}

export function fastClock({ fakeStart, realStart, speed }: { fakeStart: number; realStart: number; speed: number }): FastClock {
  return {
    now: () => new Date(fakeStart + (Date.now() - realStart) * speed),
    sleep: (ms, signal) => realSleep(ms / speed, signal),
  };
}
