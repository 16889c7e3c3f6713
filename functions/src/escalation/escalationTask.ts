// The escalation task and its pure decisions: payload parsing, deterministic ids, what a round does.
import type { SosRequest, SosStatus, TimestampLike } from '@sos/model';

export interface EscalationTask {
  requestId: string;
  /** 1 for the first escalation; escalationLevel becomes `round`. */
  round: number;
  /** When the round is due (the request's ackDeadlineAt, then + ackSeconds per round). */
  dueAtMillis: number;
}

/** Task ids are deterministic per (request, round): a replayed enqueue is refused as a duplicate. */
export const escalationTaskId = (task: EscalationTask): string => `esc-${task.requestId}-${task.round}`;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseEscalationTask(data: unknown): Parsed<EscalationTask> {
  if (typeof data !== 'object' || data === null) return { ok: false, problem: 'not an object' };
  const { requestId, round, dueAtMillis } = data as Record<string, unknown>;
  if (typeof requestId !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(requestId)) return { ok: false, problem: 'requestId' };
  if (!Number.isInteger(round) || (round as number) < 1) return { ok: false, problem: 'round' };
  if (typeof dueAtMillis !== 'number' || !Number.isFinite(dueAtMillis)) return { ok: false, problem: 'dueAtMillis' };
  return { ok: true, value: { requestId, round: round as number, dueAtMillis } };
}

export type EarlyDecision = { action: 'run' } | { action: 'wait'; millis: number } | { action: 'retry-later'; millisEarly: number };

/**
 * Cloud Tasks never dispatches before the schedule time, but the emulator ignores it. A task at most
 * `maxInlineWaitMs` early waits in-process; earlier, it declines the dispatch and the queue's retry backoff
 * (capped at `maxInlineWaitMs`, see escalateSosRequest.ts) brings it back, so one retry lands inside the window.
 */
export function decideTiming(dueAtMillis: number, nowMillis: number, maxInlineWaitMs: number): EarlyDecision {
  const early = dueAtMillis - nowMillis;
  if (early <= 0) return { action: 'run' };
  if (early <= maxInlineWaitMs) return { action: 'wait', millis: early };
  return { action: 'retry-later', millisEarly: early };
}

export type EscalationDecision =
  | { action: 'stop'; reason: SosStatus | 'missing'; recordEnd: boolean }
  | { action: 'escalate' | 'resume'; last: boolean };

/**
 * Escalate while nobody has acknowledged: only an `open` request escalates. `resume` means an earlier
 * attempt of this round already raised the level (then crashed or was replayed): redo only its idempotent
 * effects. A stop after at least one round is worth an audit event.
 */
export function decideEscalationRound(
  request: Pick<SosRequest<TimestampLike>, 'status' | 'escalationLevel'> | undefined,
  round: number,
  maxRounds: number,
): EscalationDecision {
  if (!request) return { action: 'stop', reason: 'missing', recordEnd: false };
  const level = request.escalationLevel ?? 0;
  if (request.status !== 'open') return { action: 'stop', reason: request.status, recordEnd: level > 0 };
  if (round > maxRounds) return { action: 'stop', reason: 'open', recordEnd: false };
  return { action: level >= round ? 'resume' : 'escalate', last: round >= maxRounds };
}

/** The next round is due one acknowledgement period after this one. */
export function nextRound(task: EscalationTask, ackSeconds: number): EscalationTask {
  return { requestId: task.requestId, round: task.round + 1, dueAtMillis: task.dueAtMillis + ackSeconds * 1000 };
}
