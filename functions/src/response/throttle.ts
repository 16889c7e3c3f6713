// Flood control: staff are pushed at most once per window about one resident's requests at one location.
import type { PushThrottle, TimestampLike } from '@sos/model';

/** Identifies one push batch of one request; the throttle doc remembers the last one that pushed. */
export const batchKey = (requestId: string, batch: string): string => `${requestId}/${batch}`;

export type ThrottleDecision = { push: true } | { push: false; pushedFor: string };

/**
 * Push if the window is free, or if the batch holding it is this one (a replay after a crash must finish
 * its pushes); otherwise group this batch with the one pushed recently.
 */
export function decideThrottle(
  current: PushThrottle<TimestampLike> | undefined,
  key: string,
  nowMillis: number,
  windowMs: number,
): ThrottleDecision {
  if (!current) return { push: true };
  const currentKey = batchKey(current.requestId, current.batch);
  if (currentKey === key) return { push: true };
  if (nowMillis - current.lastPushAt.toMillis() >= windowMs) return { push: true };
  return { push: false, pushedFor: currentKey };
}
