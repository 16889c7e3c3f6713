import { describe, expect, it } from 'vitest';
import { decideTiming, retryBackoffMs } from '../earlyDispatch';

describe('an early task dispatch', () => {
  const retry = { minBackoffSeconds: 1, maxBackoffSeconds: 3600, maxDoublings: 16 };
  it('runs when due or late, waits in-process up to the window', () => {
    expect(decideTiming(1000, 1000, 0, 2000, retry)).toEqual({ action: 'run' });
    expect(decideTiming(1000, 5000, 0, 2000, retry)).toEqual({ action: 'run' });
    expect(decideTiming(2500, 1000, 0, 2000, retry)).toEqual({ action: 'wait', millis: 1500 });
    expect(decideTiming(3000, 1000, 0, 2000, retry)).toEqual({ action: 'wait', millis: 2000 });
  });
  it('declines while the queue retry still comes before the due time, starts over when it would come late', () => {
    const hour = 3_600_000;
    // Backoffs 1, 2, 4 … 2048 s: tries 0 to 11 come back in time for a task an hour early, try 12 (4096 s) would not.
    for (let retryCount = 0; retryCount <= 11; retryCount++) {
      expect(decideTiming(hour, 0, retryCount, 2000, retry)).toEqual({ action: 'retry-later', millisEarly: hour });
    }
    expect(decideTiming(hour, 0, 12, 2000, retry)).toEqual({ action: 'start-over', millisEarly: hour });
    // 5 s early on its 3rd retry (backoff 8 s): start over, the fresh task comes back after 1 s.
    expect(decideTiming(5000, 0, 3, 2000, retry)).toEqual({ action: 'start-over', millisEarly: 5000 });
    expect(decideTiming(5000, 0, 0, 2000, retry)).toEqual({ action: 'retry-later', millisEarly: 5000 });
  });
  it('computes the queue backoff as Cloud Tasks does: doubling, then linear past maxDoublings, capped', () => {
    expect([0, 1, 2, 3].map((n) => retryBackoffMs(n, retry))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryBackoffMs(20, retry)).toBe(3_600_000);
    const twoDoublings = { minBackoffSeconds: 1, maxBackoffSeconds: 3600, maxDoublings: 2 };
    expect([1, 2, 3, 4].map((n) => retryBackoffMs(n, twoDoublings))).toEqual([2000, 4000, 8000, 12_000]);
  });
});
