// The staff response loop's reactions to a status change: push staff and start escalation when a request
// opens; tell the resident when someone has claimed it.
import type { Timestamp } from 'firebase-admin/firestore';
import { findTransition, type SosEventType, type SosRequest, type SosStatus } from '@sos/model';
import { enqueueEscalationRound } from '../escalation/escalationQueue';
import { enqueueArrivalCheck } from '../arrival/arrivalQueue';
import { firstArrivalCheck } from '../arrival/arrivalTask';
import { openAudience } from '../notify/audience';
import { requesterAckMessage, staffPushMessage } from '../notify/messages';
import { deliverPushBatch } from '../notify/pushBatch';
import { readOnDutyRoster } from '../notify/roster';
import { anyHasDevice, firstEscalationRound } from './nobodyOnDuty';

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
  const tier1 = openAudience(await readOnDutyRoster(request.locationId, 1));
  if (request.ackDeadlineAt) {
    await enqueueEscalationRound(firstEscalationRound(requestId, request, await anyHasDevice(tier1)));
  }
  // A grouped visitor request: staff were just pushed about that spot; its escalation still runs.
  if (request.grouped) return;
  await deliverPushBatch({
    requestId,
    batch: 'open',
    throttle: { locationId: request.locationId, residentUid: request.uid },
    message: staffPushMessage(requestId, request, Date.now()),
    recipients: async () => tier1,
  });
}

export async function notifyRequester(requestId: string, request: SosRequest<Timestamp>): Promise<void> {
  // The arrival check is enqueued first, so a crash while pushing still leaves the lateness watched.
  if (request.deadlineAt) await enqueueArrivalCheck(firstArrivalCheck(requestId, request.deadlineAt.toMillis()));
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
