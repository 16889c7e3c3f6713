// The escalation task and its pure decisions: payload parsing, deterministic ids, what a round does.
import { ESCALATION_REASONS, type EscalationReason, type SosRequest, type SosStatus, type TimestampLike } from '@sos/model';

export interface EscalationTask {
  requestId: string;
  /** 1 for the first escalation; escalationLevel becomes `round`. */
  round: number;
  /** When the round is due (the request's ackDeadlineAt, then + ackSeconds per round). */
  dueAtMillis: number;
  /** Fresh tasks of the same round after early dispatches (emulator only, see decideTiming); part of the task id. */
  attempt: number;
  /** Why round 1 runs early: `nobody_on_duty` when it runs at opening. */
  reason?: EscalationReason;
}

/** Task ids are deterministic per (request, round, attempt): a replayed enqueue is refused as a duplicate. */
export const escalationTaskId = (task: EscalationTask): string => `esc-${task.requestId}-${task.round}-${task.attempt}`;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseEscalationTask(data: unknown): Parsed<EscalationTask> {
  if (typeof data !== 'object' || data === null) return { ok: false, problem: 'not an object' };
  const { requestId, round, dueAtMillis, attempt, reason } = data as Record<string, unknown>;
  if (typeof requestId !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(requestId)) return { ok: false, problem: 'requestId' };
  if (!Number.isInteger(round) || (round as number) < 1) return { ok: false, problem: 'round' };
  if (typeof dueAtMillis !== 'number' || !Number.isFinite(dueAtMillis)) return { ok: false, problem: 'dueAtMillis' };
  if (!Number.isInteger(attempt) || (attempt as number) < 0) return { ok: false, problem: 'attempt' };
  if (reason !== undefined && !(ESCALATION_REASONS as readonly unknown[]).includes(reason)) return { ok: false, problem: 'reason' };
  const task: EscalationTask = { requestId, round: round as number, dueAtMillis, attempt: attempt as number };
  return { ok: true, value: reason === undefined ? task : { ...task, reason: reason as EscalationReason } };
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
