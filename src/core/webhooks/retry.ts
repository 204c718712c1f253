// When a failed webhook delivery is tried again: exponential backoff (×4 from 30 s) capped at 12 hours, so the
// attempts spread over about three days and then stop (the receiver had three days to come back).

const FIRST_RETRY_MS = 30_000;
const FACTOR = 4;
const CAP_MS = 12 * 3600_000;
/** Attempts in all, the first included: 30 s, 2 min, 8 min, 32 min, 2.1 h, 8.5 h, then 12 h five times (~71 h). */
export const MAX_WEBHOOK_ATTEMPTS = 12;
/** An endpoint that has failed without a single success for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 3 * 24 * 3600_000;

/** How long after failed attempt number `attempt` (1 = the first) to try again; null when it should give up. */
export function retryDelayMs(attempt: number): number | null {
  if (attempt >= MAX_WEBHOOK_ATTEMPTS) return null;
  return Math.min(FIRST_RETRY_MS * FACTOR ** (attempt - 1), CAP_MS);
}

/** What a receiver's answer means: delivered, try again later, or stop at once (410 Gone: the endpoint is no more). */
export function outcomeOf(status: number | null): 'delivered' | 'retry' | 'gone' {
  if (status !== null && status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  return 'retry';
}
