// The escalation task and its pure decisions: payload parsing, what a round does, when the next one is due.
import { ESCALATION_REASONS, type EscalationReason, type SosRequest, type SosStatus, type TimestampLike } from '@sos/model';
import { parseChainTask, type ActDecision, type ChainTask, type Parsed } from '../tasks/taskChain';

/**
 * `round`: 1 for the first escalation; escalationLevel becomes `round`. Due at the request's ackDeadlineAt, then
 * + ackSeconds per round.
 */
export interface EscalationTask extends ChainTask<'round'> {
  /** Why round 1 runs early: `nobody_on_duty` when it runs at opening. */
  reason?: EscalationReason;
}

export function parseEscalationTask(data: unknown): Parsed<EscalationTask> {
  const task = parseChainTask(data, 'round');
  if (!task.ok) return task;
  const { reason } = data as Record<string, unknown>;
  if (reason === undefined) return task;
  if (!(ESCALATION_REASONS as readonly unknown[]).includes(reason)) return { ok: false, problem: 'reason' };
  return { ok: true, value: { ...task.value, reason: reason as EscalationReason } };
}

/** `act`: raise the level to the round. */
export type EscalationDecision = { action: 'stop'; reason: SosStatus | 'missing'; recordEnd: boolean } | ActDecision;

/**
 * Escalate while nobody has acknowledged: only an `open` request escalates (`act`). `resume` means an earlier
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
  return { action: level >= round ? 'resume' : 'act', last: round >= maxRounds };
}

/** The next round is due one acknowledgement period after this one. */
export function nextRound(task: EscalationTask, ackSeconds: number): EscalationTask {
  return { requestId: task.requestId, round: task.round + 1, dueAtMillis: task.dueAtMillis + ackSeconds * 1000, attempt: 0 };
}
