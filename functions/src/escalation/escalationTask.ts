// The escalation task and its pure decisions: payload parsing, deterministic ids, what a round does.
import type { SosRequest, SosStatus, TimestampLike } from '@sos/model';

export interface EscalationTask {
  requestId: string;
  /** 1 for the first escalation; escalationLevel becomes `round`. */
  round: number;
  /** When the round is due (the request's ackDeadlineAt, then + ackSeconds per round). */
  dueAtMillis: number;
  /** Fresh tasks of the same round after early dispatches (emulator only, see decideTiming); part of the task id. */
  attempt: number;
}

/** Task ids are deterministic per (request, round, attempt): a replayed enqueue is refused as a duplicate. */
export const escalationTaskId = (task: EscalationTask): string => `esc-${task.requestId}-${task.round}-${task.attempt}`;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseEscalationTask(data: unknown): Parsed<EscalationTask> {
  if (typeof data !== 'object' || data === null) return { ok: false, problem: 'not an object' };
  const { requestId, round, dueAtMillis, attempt } = data as Record<string, unknown>;
  if (typeof requestId !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(requestId)) return { ok: false, problem: 'requestId' };
  if (!Number.isInteger(round) || (round as number) < 1) return { ok: false, problem: 'round' };
  if (typeof dueAtMillis !== 'number' || !Number.isFinite(dueAtMillis)) return { ok: false, problem: 'dueAtMillis' };
  if (!Number.isInteger(attempt) || (attempt as number) < 0) return { ok: false, problem: 'attempt' };
  return { ok: true, value: { requestId, round: round as number, dueAtMillis, attempt: attempt as number } };
}

export type EarlyDecision =
  | { action: 'run' }
  | { action: 'wait'; millis: number }
  | { action: 'retry-later'; millisEarly: number }
  | { action: 'start-over'; millisEarly: number };

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
  return { requestId: task.requestId, round: task.round + 1, dueAtMillis: task.dueAtMillis + ackSeconds * 1000, attempt: 0 };
}
