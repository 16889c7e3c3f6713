// Flood control: each recipient is pushed at most once per window about one resident's requests at one location.
import type { PushThrottle, TimestampLike } from '@sos/model';

/** Identifies one push batch of one request. */
export const batchKey = (requestId: string, batch: string): string => `${requestId}/${batch}`;

export interface ThrottleDecision {
  /** Recipients to push now. */
  push: string[];
  /** Recipients pushed about this resident within the window, with the batch that pushed them. */
  grouped: { uid: string; pushedFor: string }[];
}

/**
 * A recipient is pushed if they have not been pushed about this resident within the window, or if the push
 * that holds their slot is this very batch (a replay after a crash must finish its pushes).
 */
export function decideThrottle(
  current: PushThrottle<TimestampLike> | undefined,
  recipients: readonly string[],
  key: string,
  nowMillis: number,
  windowMs: number,
): ThrottleDecision {
  const decision: ThrottleDecision = { push: [], grouped: [] };
  for (const uid of recipients) {
    const last = current?.recipients?.[uid];
    const lastKey = last && batchKey(last.requestId, last.batch);
    if (!last || lastKey === key || nowMillis - last.lastPushAt.toMillis() >= windowMs) decision.push.push(uid);
    else decision.grouped.push({ uid, pushedFor: lastKey! });
  }
  return decision;
}
