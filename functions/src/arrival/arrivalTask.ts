// The arrival check task and its pure decisions: payload parsing, event ids, what a check does, when the next is due.
import type { SosRequest, SosStatus, TimestampLike } from '@sos/model';
import { parseChainTask, type ActDecision, type ChainTask, type Parsed } from '../tasks/taskChain';

/** `repeat`: 1 at the deadline (`arrival_overdue`), then 2..maxRepeats (`arrival_overdue-<n>`), each `repeatMs` later. */
export type ArrivalTask = ChainTask<'repeat'>;

/** The audit event (and push batch) of each repeat: `arrival_overdue`, `arrival_overdue-2`, … */
export const overdueEventId = (repeat: number): string => (repeat === 1 ? 'arrival_overdue' : `arrival_overdue-${repeat}`);
export const overdueBatch = (repeat: number): string => `arr-${repeat}`;

export const parseArrivalTask = (data: unknown): Parsed<ArrivalTask> => parseChainTask(data, 'repeat');

/** `act`: the request is overdue. */
export type ArrivalDecision = { action: 'stop'; reason: SosStatus | 'missing' | 'max-repeats' } | ActDecision;

/**
 * Only a request still `acknowledged` is overdue (`act`): `on_site`, `resolved` or `cancelled` end the chain.
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
  return { action: eventRecorded ? 'resume' : 'act', last: repeat >= maxRepeats };
}

/** The first check is due at the request's deadline. */
export function firstArrivalCheck(requestId: string, deadlineAtMillis: number): ArrivalTask {
  return { requestId, repeat: 1, dueAtMillis: deadlineAtMillis, attempt: 0 };
}

/** The next repeat is due `repeatMs` after this one. */
export function nextArrivalCheck(task: ArrivalTask, repeatMs: number): ArrivalTask {
  return { requestId: task.requestId, repeat: task.repeat + 1, dueAtMillis: task.dueAtMillis + repeatMs, attempt: 0 };
}
