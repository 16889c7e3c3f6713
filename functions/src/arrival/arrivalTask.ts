// The arrival check task and its pure decisions: payload parsing, deterministic ids, what a check does.
import type { SosRequest, SosStatus, TimestampLike } from '@sos/model';
import type { Parsed } from '../escalation/escalationTask';

export interface ArrivalTask {
  requestId: string;
  /** 1 at the deadline (`arrival_overdue`), then 2..maxRepeats (`arrival_overdue-<n>`). */
  repeat: number;
  /** When the check is due: the request's deadlineAt, then + repeatMs per repeat. */
  dueAtMillis: number;
  /** Re-enqueues of the same check after an early dispatch; part of the task id. */
  attempt: number;
}

/** Deterministic per (request, repeat, attempt): a replayed enqueue is refused as a duplicate. */
export const arrivalTaskId = (task: ArrivalTask): string => `arr-${task.requestId}-${task.repeat}-${task.attempt}`;

/** The audit event (and push batch) of each repeat: `arrival_overdue`, `arrival_overdue-2`, … */
export const overdueEventId = (repeat: number): string => (repeat === 1 ? 'arrival_overdue' : `arrival_overdue-${repeat}`);
export const overdueBatch = (repeat: number): string => `arr-${repeat}`;

export function parseArrivalTask(data: unknown): Parsed<ArrivalTask> {
  if (typeof data !== 'object' || data === null) return { ok: false, problem: 'not an object' };
  const { requestId, repeat, dueAtMillis, attempt } = data as Record<string, unknown>;
  if (typeof requestId !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(requestId)) return { ok: false, problem: 'requestId' };
  if (!Number.isInteger(repeat) || (repeat as number) < 1) return { ok: false, problem: 'repeat' };
  if (typeof dueAtMillis !== 'number' || !Number.isFinite(dueAtMillis)) return { ok: false, problem: 'dueAtMillis' };
  if (!Number.isInteger(attempt) || (attempt as number) < 0) return { ok: false, problem: 'attempt' };
  return { ok: true, value: { requestId, repeat: repeat as number, dueAtMillis, attempt: attempt as number } };
}

export type ArrivalDecision =
  | { action: 'stop'; reason: SosStatus | 'missing' | 'max-repeats' }
  | { action: 'overdue' | 'resume'; last: boolean };

/**
 * Only a request still `acknowledged` is overdue: `on_site`, `resolved` or `cancelled` end the chain.
 * `resume` means an earlier attempt of this repeat already wrote its event: redo only its idempotent effects.
 */
export function decideArrivalCheck(
  request: Pick<SosRequest<TimestampLike>, 'status'> | undefined,
  repeat: number,
  eventRecorded: boolean,
  maxRepeats: number,
): ArrivalDecision {
  if (!request) return { action: 'stop', reason: 'missing' };
  if (request.status !== 'acknowledged') return { action: 'stop', reason: request.status };
  if (repeat > maxRepeats) return { action: 'stop', reason: 'max-repeats' };
  return { action: eventRecorded ? 'resume' : 'overdue', last: repeat >= maxRepeats };
}

/** The first check is due at the request's deadline. */
export function firstArrivalCheck(requestId: string, deadlineAtMillis: number): ArrivalTask {
  return { requestId, repeat: 1, dueAtMillis: deadlineAtMillis, attempt: 0 };
}

/** The next repeat is due `repeatMs` after this one. */
export function nextArrivalCheck(task: ArrivalTask, repeatMs: number): ArrivalTask {
  return { requestId: task.requestId, repeat: task.repeat + 1, dueAtMillis: task.dueAtMillis + repeatMs, attempt: 0 };
}
