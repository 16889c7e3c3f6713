// The staff response loop: the open step (escalation round 1 and the tier-1 push, decided in the create transaction
// and sent after its commit), its resumption after a crash, and telling the resident when someone has claimed it.
import type { FieldValue, Timestamp } from '../firestore';
import type { Dispatch, PushThrottle, PushThrottleWrite, SosRequest, TimestampLike, TransitionEffect } from '@sos/model';
import { rosterOf, targetsOf } from '../dispatch/dispatchDoc';
import { enqueueEscalationRound } from '../escalation/escalationChain';
import { enqueueArrivalCheck } from '../arrival/arrivalChain';
import { firstArrivalCheck } from '../arrival/arrivalTask';
import { openAudience } from '../notify/audience';
import { requesterAckMessage, staffPushMessage, type RequestContext } from '../notify/messages';
import { deliverPushBatch, planThrottle, readDevices, sendPushPlan, type PushPlan } from '../notify/pushBatch';
import { stopAlertSteps } from '../reach/steps/alertStepChain';
import { firstEscalationRound } from './nobodyOnDuty';
import { injectFault } from '../faults';
import { answerGroup, handOverGroup } from '../sos/visitorGroup';

export type OpenedRequest = RequestContext & Pick<SosRequest<TimestampLike>, 'uid' | 'locationId' | 'createdAt' | 'ackDeadlineAt' | 'grouped'>;

/** The open step as the create transaction decided it: the push (none for a grouped visitor request) and whether anyone can be pushed. */
export interface OpenStep {
  plan: PushPlan | null;
  /** Some tier-1 staff member on duty at opening (shifts, overrides, manual starts) has a device; if not, escalation round 1 runs at once. */
  someoneReachable: boolean;
}

type OpenDispatch = Pick<Dispatch<unknown>, 'recipients' | 'location' | 'duty'>;

/** Who the open push goes to (tier 1 on duty at the instant), and whether any of them has a device to push. */
function openRecipients(dispatch: OpenDispatch | null, atMillis: number): { recipients: string[]; someoneReachable: boolean } {
  const recipients = dispatch ? openAudience(rosterOf(dispatch, atMillis)) : [];
  return { recipients, someoneReachable: dispatch !== null && targetsOf(dispatch, recipients).length > 0 };
}

/**
 * The open push, decided inside the create transaction from what it read: tier-1 staff on duty at `nowMillis`, minus those pushed
 * about this resident within the throttle window, with their devices. `claim` is merged into the throttle document
 * by the same transaction. A grouped visitor request pushes nobody (staff were just pushed about that spot).
 */
export function planOpenPush(
  requestId: string,
  request: OpenedRequest,
  dispatch: OpenDispatch,
  throttle: PushThrottle<Timestamp> | undefined,
  nowMillis: number,
): OpenStep & { claim: PushThrottleWrite<FieldValue> | null } {
  const { recipients, someoneReachable } = openRecipients(dispatch, nowMillis);
  if (request.grouped) return { plan: null, someoneReachable, claim: null };
  const { decision, claim } = planThrottle(throttle, recipients, requestId, 'open', nowMillis);
  const plan: PushPlan = {
    requestId,
    batch: 'open',
    message: (locale) => staffPushMessage(locale, requestId, request, nowMillis),
    recipients,
    ...decision,
    targets: targetsOf(dispatch, decision.push),
  };
  return { plan, someoneReachable, claim };
}

/**
 * After the create transaction: escalation round 1 is enqueued before the pushes, so a crash while pushing still
 * leaves the request on its way to escalation. Both are idempotent by deterministic ids.
 */
export async function startResponseLoop(requestId: string, request: OpenedRequest, step: OpenStep, { fromTrigger = false } = {}): Promise<void> {
  // SOS_FAULTS (demo- projects only) can fail the trigger's enqueue: the sweeper then starts the chain.
  if (fromTrigger) injectFault('escalation-enqueue', requestId, request.uid);
  if (request.ackDeadlineAt) await enqueueEscalationRound(firstEscalationRound(requestId, request, step.someoneReachable));
  if (step.plan) await sendPushPlan(step.plan, false);
}

/** A request already open (a replayed create event, the sweeper): redo whatever of the open step may not have happened. */
export async function resumeResponseLoop(requestId: string, request: OpenedRequest, dispatch: Dispatch<TimestampLike | FieldValue> | null): Promise<void> {
  const { recipients, someoneReachable } = openRecipients(dispatch, Date.now());
  // Same task id as the first try: a changed roster cannot schedule round 1 twice.
  if (request.ackDeadlineAt) await enqueueEscalationRound(firstEscalationRound(requestId, request, someoneReachable));
  if (request.grouped) return;
  await deliverPushBatch({
    requestId,
    batch: 'open',
    throttle: { locationId: request.locationId, residentUid: request.uid },
    message: (locale) => staffPushMessage(locale, requestId, request, Date.now()),
    recipients: async () => recipients,
    targets: async (uids) => (dispatch ? targetsOf(dispatch, uids) : []),
  });
}

/** Starts the arrival watch of a claimed request: its first check at the arrival deadline (fixed task id). */
async function watchArrival(requestId: string, request: SosRequest<Timestamp>): Promise<void> {
  // A grouped request's arrival is its leader's: one watch, one overdue alarm for the group.
  if (request.deadlineAt && !request.groupOf) await enqueueArrivalCheck(firstArrivalCheck(requestId, request.deadlineAt.toMillis()));
}

/**
 * Pushes the requester that someone has claimed their request (a fixed batch id: once per request). Not on a silent
 * call: a notification would sound on the phone of someone who must not be heard; their screen shows the claim.
 */
async function notifyRequester(requestId: string, request: SosRequest<Timestamp>): Promise<void> {
  if (request.silent === true) return;
  await deliverPushBatch({
    requestId,
    batch: 'ack',
    message: (locale) => requesterAckMessage(locale, requestId, request),
    recipients: async () => [request.uid],
    targets: readDevices,
  });
}

const EFFECTS: Record<TransitionEffect, (requestId: string, request: SosRequest<Timestamp>) => Promise<void>> = {
  'watch-arrival': watchArrival,
  'notify-requester': notifyRequester,
  'stop-alert-steps': stopAlertSteps,
  'answer-group': answerGroup,
  'hand-over-group': handOverGroup,
};

/**
 * Does what a committed status change calls for (its lifecycle row's `effects`), one after the other in the row's
 * order, on the request as it now is. Each effect is idempotent, so a replayed update changes nothing.
 */
export async function runTransitionEffects(requestId: string, effects: readonly TransitionEffect[], request: SosRequest<Timestamp>): Promise<void> {
  for (const effect of effects) await EFFECTS[effect](requestId, request);
}
