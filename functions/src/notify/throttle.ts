// Flood control: each recipient is pushed at most once per window about one resident's requests at one location,
// and at most once per (shorter) window about the messages of one request, the next push saying how many are new.
import type { PushThrottle, TimestampLike } from '@sos/model';

/** Identifies one push batch of one request. */
export const batchKey = (requestId: string, batch: string): string => `${requestId}/${batch}`;

export interface ThrottleDecision {
  /** Recipients to push now. */
  push: string[];
  /** Recipients pushed about this resident within the window, with the batch that pushed them. */
  grouped: { uid: string; pushedFor: string }[];
  /** Message pushes: how many messages each pushed recipient's push announces (itself and those held back). */
  counts?: Record<string, number>;
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

/**
 * How many messages the push of message `messageId` announces to each pushed recipient: the messages held back for
 * them since their last push, and this one, each counted once (a replay finds its own id among the held). A replay of
 * the push holding the slot announces what it announced the first time.
 */
export function announcedCounts(
  current: PushThrottle<TimestampLike> | undefined,
  pushed: readonly string[],
  key: string,
  messageId: string,
): Record<string, number> {
  return Object.fromEntries(
    pushed.map((uid) => {
      const last = current?.recipients?.[uid];
      if (last && batchKey(last.requestId, last.batch) === key) return [uid, last.count ?? 1];
      return [uid, new Set([...(last?.held ?? []), messageId]).size];
    }),
  );
}
