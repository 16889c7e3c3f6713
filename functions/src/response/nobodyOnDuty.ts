// Nobody on duty: when no tier-1 staff member on duty has a device, escalation round 1 runs at opening.
import type { SosRequest, TimestampLike } from '@sos/model';
import type { EscalationTask } from '../escalation/escalationTask';

/**
 * Round 1 is due at the acknowledgement deadline, or at once (the request's creation time) when nobody can
 * be pushed; then round 2 falls due at the acknowledgement deadline. Same task id either way, so a replay
 * of the opening, even with a changed roster, never schedules round 1 twice.
 */
export function firstEscalationRound(
  requestId: string,
  request: Pick<SosRequest<TimestampLike>, 'createdAt' | 'ackDeadlineAt'>,
  someoneReachable: boolean,
): EscalationTask {
  if (someoneReachable || !request.ackDeadlineAt) {
    return { requestId, round: 1, dueAtMillis: (request.ackDeadlineAt ?? request.createdAt).toMillis(), attempt: 0 };
  }
  return { requestId, round: 1, dueAtMillis: request.createdAt.toMillis(), attempt: 0, reason: 'nobody_on_duty' };
}
