import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WEBHOOK_ATTEMPTS, outcomeOf, retryDelayMs } from './retry.ts';

describe('webhook retries', () => {
  it('spread over about three days, then stop', () => {
    let total = 0;
    for (let attempt = 1; attempt < MAX_WEBHOOK_ATTEMPTS; attempt++) total += retryDelayMs(attempt)!;
    expect(total / 3600_000).toBeGreaterThan(60);
    expect(total / 3600_000).toBeLessThan(80);
    expect(retryDelayMs(MAX_WEBHOOK_ATTEMPTS)).toBeNull();
  });

  it('never wait less than the time before, nor more than twelve hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_WEBHOOK_ATTEMPTS - 2 }), (attempt) => {
        const now = retryDelayMs(attempt)!;
        const next = retryDelayMs(attempt + 1)!;
        return next >= now && next <= 12 * 3600_000 && now >= 30_000;
      }),
    );
  });

  it('treat 2xx as delivered, 410 as gone and everything else as worth another try', () => {
    expect(outcomeOf(204)).toBe('delivered');
    expect(outcomeOf(410)).toBe('gone');
    fc.assert(fc.property(fc.integer({ min: 300, max: 599 }).filter((s) => s !== 410), (status) => outcomeOf(status) === 'retry'));
    expect(outcomeOf(null)).toBe('retry');
  });
});
