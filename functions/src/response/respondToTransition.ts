// The staff response loop: the open step (escalation round 1 and the tier-1 push, decided in the create transaction
// and sent after its commit), its resumption after a crash, and telling the resident when someone has claimed it.
import type { FieldValue, Timestamp } from 'firebase-admin/firestore';
import {
  findTransition,
  type Dispatch,
  type PushThrottle,
  type PushThrottleWrite,
  type SosEventType,
  type SosRequest,
  type SosStatus,
  type TimestampLike,
} from '@sos/model';
import { rosterOf, targetsOf } from '../dispatch/dispatchDoc';
import { readDispatchNow } from '../dispatch/rebuildDispatch';
import { enqueueEscalationRound } from '../escalation/escalationQueue';
import { openAudience } from '../notify/audience';
import { requesterAckMessage, staffPushMessage, type RequestContext } from '../notify/messages';
import { deliverPushBatch, planThrottle, readDevices, sendPushPlan, type PushPlan } from '../notify/pushBatch';

export type Response = 'notify-requester' | null;

/** The reactions to a status change, by the audit event of its lifecycle transition. Opening is handled at creation. */
const RESPONSES: Partial<Record<SosEventType, Response>> = {
  acknowledged: 'notify-requester',
};

/** Which reaction a status change calls for (pure): none for a change outside the lifecycle table. */
export function responseTo(before: SosStatus, after: SosStatus): Response {
  const row = findTransition(before, after);
  return (row && RESPONSES[row.event]) ?? null;
}

export type OpenedRequest = RequestContext & Pick<SosRequest<TimestampLike>, 'uid' | 'locationId' | 'ackDeadlineAt'>;

/**
 * The open push, decided inside the create transaction from what it read: on-duty tier-1 staff, minus those pushed
 * about this resident within the throttle window, with their devices. `claim` is merged into the throttle document
 * by the same transaction.
 */
export function planOpenPush(
  requestId: string,
  request: OpenedRequest,
  dispatch: Pick<Dispatch<unknown>, 'recipients'>,
  throttle: PushThrottle<Timestamp> | undefined,
  nowMillis: number,
): { plan: PushPlan; claim: PushThrottleWrite<FieldValue> | null } {
  const recipients = openAudience(rosterOf(dispatch));
  const { decision, claim } = planThrottle(throttle, recipients, requestId, 'open', nowMillis);
  const plan: PushPlan = {
    requestId,
    batch: 'open',
    message: staffPushMessage(requestId, request, nowMillis),
    recipients,
    ...decision,
    targets: targetsOf(dispatch, decision.push),
  };
  return { plan, claim };
}

/**
 * After the create transaction: escalation round 1 is enqueued before the pushes, so a crash while pushing still
 * leaves the request on its way to escalation. Both are idempotent by deterministic ids.
 */
export async function startResponseLoop(requestId: string, request: OpenedRequest, plan: PushPlan): Promise<void> {
  if (request.ackDeadlineAt) await enqueueEscalationRound({ requestId, round: 1, dueAtMillis: request.ackDeadlineAt.toMillis(), attempt: 0 });
  await sendPushPlan(plan, false);
}

/** A replayed create event of a request already open: redo whatever of the open step may not have happened. */
export async function resumeResponseLoop(requestId: string, request: OpenedRequest): Promise<void> {
  if (request.ackDeadlineAt) await enqueueEscalationRound({ requestId, round: 1, dueAtMillis: request.ackDeadlineAt.toMillis(), attempt: 0 });
  const dispatch = readDispatchNow(request.locationId);
  await deliverPushBatch({
    requestId,
    batch: 'open',
    throttle: { locationId: request.locationId, residentUid: request.uid },
    message: staffPushMessage(requestId, request, Date.now()),
    recipients: async () => {
      const current = await dispatch;
      return current ? openAudience(rosterOf(current)) : [];
    },
    targets: async (uids) => {
      const current = await dispatch;
      return current ? targetsOf(current, uids) : [];
    },
  });
}

export async function notifyRequester(requestId: string, request: SosRequest<Timestamp>): Promise<void> {
  await deliverPushBatch({
    requestId,
    batch: 'ack',
    message: requesterAckMessage(requestId, request),
    recipients: async () => [request.uid],
    targets: readDevices,
  });
}

export async function respondToTransition(
  requestId: string,
  before: SosRequest<Timestamp>,
  after: SosRequest<Timestamp>,
): Promise<void> {
  if (responseTo(before.status, after.status) === 'notify-requester') await notifyRequester(requestId, after);
}
