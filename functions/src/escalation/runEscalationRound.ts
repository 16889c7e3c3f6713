// One escalation round: if still unacknowledged, raise escalationLevel, schedule the next round, push everyone.
import { FieldValue, type Timestamp, db, readDoc, refs } from '../firestore';
import type { SosEventWrite } from '@sos/model';
import { config } from '../config';
import { logs } from '../logs';
import { escalationAudience } from '../notify/audience';
import { staffPushMessage } from '../notify/messages';
import { deliverPushBatch } from '../notify/pushBatch';
import { rosterOf, targetsOf } from '../dispatch/dispatchDoc';
import { readDispatch } from '../dispatch/rebuildDispatch';
import { enqueueEscalationRound } from './escalationQueue';
import { decideTiming, TaskDispatchedEarly } from '../tasks/earlyDispatch';
import { decideEscalationRound, nextRound, type EscalationTask } from './escalationTask';

const serverTime = () => FieldValue.serverTimestamp();
const endEvent = (detail: string): SosEventWrite<Timestamp, FieldValue> => ({ type: 'escalation_ended', at: serverTime(), by: null, detail });
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/**
 * Idempotent: the level is raised in a transaction only if the request is still open below this round; the
 * next round's task id and the push batch's ids are deterministic. Effects run after the transaction in
 * an order that survives a crash: next round first (the chain goes on), pushes last.
 */
export async function runEscalationRound(task: EscalationTask, at: { nowMillis?: number; retryCount?: number } = {}): Promise<void> {
  const { maxInlineWaitMs, retry } = config.escalation;
  const timing = decideTiming(task.dueAtMillis, at.nowMillis ?? Date.now(), at.retryCount ?? 0, maxInlineWaitMs, retry);
  // Only the emulator dispatches early. Declining costs nothing (no I/O, so it never piles up there); starting over
  // first reads the request, so a chain with nothing left to do ends now, through the normal path below.
  if (timing.action === 'retry-later') throw new TaskDispatchedEarly(timing.millisEarly);
  if (timing.action === 'start-over') {
    const current = (await readDoc(refs.sosRequest(task.requestId))).data();
    if (decideEscalationRound(current, task.round, config.escalation.maxRounds).action !== 'stop') {
      logs.escalationEarly(task.requestId, task.round, timing.millisEarly);
      await enqueueEscalationRound({ ...task, attempt: task.attempt + 1 });
      return;
    }
  } else if (timing.action === 'wait') {
    await sleep(timing.millis);
  }

  const requestRef = refs.sosRequest(task.requestId);
  const endRef = refs.event(task.requestId, 'escalation_ended');
  const outcome = await db.runTransaction(async (tx) => {
    const request = (await tx.get(requestRef)).data();
    const decision = decideEscalationRound(request, task.round, config.escalation.maxRounds);
    if (decision.action === 'stop' || !request) {
      if (decision.action === 'stop' && decision.recordEnd) {
        if (!(await tx.get(endRef)).exists) tx.set(endRef, endEvent(decision.reason));
      }
      return { decision, request: undefined, dispatch: undefined };
    }
    const dispatch = await readDispatch(tx, request.locationId);
    if (decision.action === 'escalate') {
      tx.update(requestRef, task.reason === 'nobody_on_duty' ? { escalationLevel: task.round, nobodyOnDuty: true } : { escalationLevel: task.round });
      const escalated: SosEventWrite<Timestamp, FieldValue> = {
        type: 'escalated',
        at: serverTime(),
        by: null,
        detail: task.reason ? { reason: task.reason, round: task.round } : `round ${task.round}`,
      };
      tx.set(refs.event(task.requestId, `escalated-${task.round}`), escalated);
      if (decision.last) tx.set(endRef, endEvent('max-rounds'));
    }
    return { decision, request, dispatch };
  });

  const { decision, request, dispatch } = outcome;
  if (decision.action === 'stop' || !request) {
    logs.escalationStopped(task.requestId, task.round, decision.action === 'stop' ? decision.reason : 'missing');
    return;
  }
  if (decision.action === 'escalate') logs.escalated(task.requestId, task.round);
  else logs.escalationResumed(task.requestId, task.round);

  if (!decision.last && dispatch) await enqueueEscalationRound(nextRound(task, dispatch.location.ackSeconds));
  await deliverPushBatch({
    requestId: task.requestId,
    batch: `esc-${task.round}`,
    throttle: { locationId: request.locationId, residentUid: request.uid },
    message: (locale) => staffPushMessage(locale, task.requestId, request, Date.now(), task.round),
    recipients: async () => (dispatch ? escalationAudience(rosterOf(dispatch), dispatch.location.admins) : []),
    targets: async (uids) => (dispatch ? targetsOf(dispatch, uids) : []),
  });
}
