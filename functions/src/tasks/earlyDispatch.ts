// Tasks dispatched before their time (only the emulator does that: it ignores schedule times), shared by every task
// queue: decide whether to run, wait in-process, decline until the queue's backoff brings the task back, or start over.
import { HttpsError } from 'firebase-functions/v2/https';

export type EarlyDecision =
  { action: 'run' } | { action: 'wait'; millis: number } | { action: 'retry-later'; millisEarly: number } | { action: 'start-over'; millisEarly: number };

export interface RetryConfig {
  minBackoffSeconds: number;
  maxBackoffSeconds: number;
  maxDoublings: number;
}

/** The queue's wait before the retry that follows try number `retryCount` (0 for the first): Cloud Tasks' rule, which the emulator follows. */
export function retryBackoffMs(retryCount: number, retry: RetryConfig): number {
  const doublings = Math.min(retryCount, retry.maxDoublings);
  const multiplier = 2 ** doublings + Math.max(0, retryCount - retry.maxDoublings) * 2 ** retry.maxDoublings;
  return Math.min(retry.maxBackoffSeconds, multiplier * retry.minBackoffSeconds) * 1000;
}

/**
 * Cloud Tasks never dispatches before the schedule time, but the emulator ignores it. A task at most
 * `maxInlineWaitMs` early waits in-process. Earlier, it declines (the queue retries it after a backoff that doubles)
 * while the retry still comes before the due time; when the next retry would come late, it starts over as a fresh
 * task, whose backoff starts short again. So an early task is tried about log²(time to wait) times, never in a loop.
 */
export function decideTiming(dueAtMillis: number, nowMillis: number, retryCount: number, maxInlineWaitMs: number, retry: RetryConfig): EarlyDecision {
  const early = dueAtMillis - nowMillis;
  if (early <= 0) return { action: 'run' };
  if (early <= maxInlineWaitMs) return { action: 'wait', millis: early };
  if (retryBackoffMs(retryCount, retry) < early) return { action: 'retry-later', millisEarly: early };
  return { action: 'start-over', millisEarly: early };
}

/** "Not yet": an HttpsError, so the task queue function answers 503 (retried with backoff) without logging an error. */
export class TaskDispatchedEarly extends HttpsError {
  constructor(readonly millisEarly: number) {
    super('unavailable', `task dispatched ${millisEarly} ms early; retry later`);
  }
}
