// One arrival check: if the request is still only acknowledged, mark it overdue, schedule the repeat, push.
import { FieldValue, db, readDoc, refs } from '../firestore';
import { config } from '../config';
import { logs } from '../logs';
import { decideTiming, TaskDispatchedEarly } from '../tasks/earlyDispatch';
import { deliverPushBatch, readDevices } from '../notify/pushBatch';
import { rosterOf } from '../dispatch/dispatchDoc';
import { readDispatchNow } from '../dispatch/rebuildDispatch';
import { enqueueArrivalCheck } from './arrivalQueue';
import { decideArrivalCheck, nextArrivalCheck, overdueBatch, overdueEventId, type ArrivalTask } from './arrivalTask';
import { overdueAudience, overduePushMessage } from './overdueNotice';

const serverTime = () => FieldValue.serverTimestamp();
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/**
 * Idempotent: the repeat's event has a fixed id and is written in a transaction only if absent; the next
 * check's task id and the push batch's ids are deterministic. After the commit: next check first (the
 * chain goes on), pushes last, so a crash anywhere is retried into the same state.
 */
export async function runArrivalCheck(task: ArrivalTask, at: { nowMillis?: number; retryCount?: number } = {}): Promise<void> {
  const { maxRepeats, repeatMs, maxInlineWaitMs, retry } = config.arrival;
  const timing = decideTiming(task.dueAtMillis, at.nowMillis ?? Date.now(), at.retryCount ?? 0, maxInlineWaitMs, retry);
  // Only the emulator dispatches early. Declining costs nothing; starting over first reads the request, so a chain
  // with nothing left to do (on site, resolved, cancelled) ends now instead.
  if (timing.action === 'retry-later') throw new TaskDispatchedEarly(timing.millisEarly);
  if (timing.action === 'start-over') {
    const current = (await readDoc(refs.sosRequest(task.requestId))).data();
    const early = decideArrivalCheck(current, task.repeat, false, maxRepeats);
    if (early.action === 'stop') {
      logs.arrivalCheckStopped(task.requestId, task.repeat, early.reason);
      return;
    }
    logs.arrivalCheckEarly(task.requestId, task.repeat, timing.millisEarly);
    await enqueueArrivalCheck({ ...task, attempt: task.attempt + 1 });
    return;
  }
  if (timing.action === 'wait') await sleep(timing.millis);

  const requestRef = refs.sosRequest(task.requestId);
  const eventRef = refs.event(task.requestId, overdueEventId(task.repeat));
  const outcome = await db.runTransaction(async (tx) => {
    const [requestSnap, eventSnap] = await Promise.all([tx.get(requestRef), tx.get(eventRef)]);
    const request = requestSnap.data();
    const decision = decideArrivalCheck(request, task.repeat, eventSnap.exists, maxRepeats);
    if (decision.action === 'stop' || !request) return { decision, request: undefined, location: undefined };
    const location = (await tx.get(refs.location(request.locationId))).data();
    if (decision.action === 'overdue') {
      if (!request.arrivalOverdue) tx.update(requestRef, { arrivalOverdue: true });
      tx.set(eventRef, {
        type: 'arrival_overdue',
        at: serverTime(),
        by: null,
        detail: { repeat: task.repeat },
      });
    }
    return { decision, request, location };
  });

  const { decision, request, location } = outcome;
  if (decision.action === 'stop' || !request) {
    logs.arrivalCheckStopped(task.requestId, task.repeat, decision.action === 'stop' ? decision.reason : 'missing');
    return;
  }
  if (decision.action === 'overdue') logs.arrivalOverdue(task.requestId, task.repeat);
  else logs.arrivalCheckResumed(task.requestId, task.repeat);

  if (!decision.last) await enqueueArrivalCheck(nextArrivalCheck(task, repeatMs));
  await deliverPushBatch({
    requestId: task.requestId,
    batch: overdueBatch(task.repeat),
    message: (locale) => overduePushMessage(locale, task.requestId, request, task.repeat, Date.now()),
    recipients: async () => {
      const dispatch = await readDispatchNow(request.locationId);
      return overdueAudience(dispatch ? rosterOf(dispatch) : [], location?.admins, request.ackBy);
    },
    targets: readDevices,
  });
}
