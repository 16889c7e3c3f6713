// The staff response loop's reactions to a status change: push staff and start escalation when a request
// opens; tell the resident when someone has claimed it.
import type { Timestamp } from 'firebase-admin/firestore';
import { findTransition, type SosEventType, type SosRequest, type SosStatus } from '@sos/model';
import { enqueueEscalationRound } from '../escalation/escalationQueue';
import { openAudience } from '../notify/audience';
import { requesterAckMessage, staffPushMessage } from '../notify/messages';
import { deliverPushBatch } from '../notify/pushBatch';
import { readOnDutyRoster } from '../notify/roster';

export type Response = 'start-response-loop' | 'notify-requester' | null;

/** The reactions, by the audit event of the lifecycle transition that calls for them. */
const RESPONSES: Partial<Record<SosEventType, Response>> = {
  validated: 'start-response-loop',
  acknowledged: 'notify-requester',
};

/** Which reaction a status change calls for (pure): none for a change outside the lifecycle table. */
export function responseTo(before: SosStatus, after: SosStatus): Response {
  const row = findTransition(before, after);
  return (row && RESPONSES[row.event]) ?? null;
}

/**
 * The first escalation round is enqueued before the pushes, so a crash while pushing still leaves the
 * request on its way to escalation. Each step is idempotent by deterministic ids.
 */
export async function startResponseLoop(requestId: string, request: SosRequest<Timestamp>): Promise<void> {
  if (request.ackDeadlineAt) {
    await enqueueEscalationRound({ requestId, round: 1, dueAtMillis: request.ackDeadlineAt.toMillis(), attempt: 0 });
  }
  await deliverPushBatch({
    requestId,
    batch: 'open',
    throttle: { locationId: request.locationId, residentUid: request.uid },
    message: staffPushMessage(requestId, request, Date.now()),
    recipients: async () => openAudience(await readOnDutyRoster(request.locationId, 1)),
  });
}

export async function notifyRequester(requestId: string, request: SosRequest<Timestamp>): Promise<void> {
  await deliverPushBatch({
    requestId,
    batch: 'ack',
    message: requesterAckMessage(requestId, request),
    recipients: async () => [request.uid],
  });
}

export async function respondToTransition(
  requestId: string,
  before: SosRequest<Timestamp>,
  after: SosRequest<Timestamp>,
): Promise<void> {
  const response = responseTo(before.status, after.status);
  if (response === 'start-response-loop') await startResponseLoop(requestId, after);
  else if (response === 'notify-requester') await notifyRequester(requestId, after);
}
