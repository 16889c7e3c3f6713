// Arrival checks, a task chain (tasks/taskChain.ts): while the request is only acknowledged past its deadline, each
// check marks it overdue, schedules the repeat and pushes the claimer, the on-duty staff and the admins.
import { FieldValue, type Timestamp, refs } from '../firestore';
import type { Location, SosRequest } from '@sos/model';
import { config } from '../config';
import { deliverPushBatch, readDevices } from '../notify/pushBatch';
import { rosterOf } from '../dispatch/dispatchDoc';
import { readDispatchNow } from '../dispatch/rebuildDispatch';
import { enqueueStep, runStep, type Dispatched } from '../tasks/runStep';
import type { TaskChain } from '../tasks/taskChain';
import { decideArrivalCheck, nextArrivalCheck, overdueBatch, overdueEventId, parseArrivalTask, type ArrivalTask } from './arrivalTask';
import { overdueAudience, overduePushMessage } from './overdueNotice';

interface CheckOutcome {
  request: SosRequest<Timestamp>;
  location: Location | undefined;
}

/** The repeat's event has a fixed id and is written in the transaction only if absent. */
export const arrivalChecks: TaskChain<'repeat', ArrivalTask, CheckOutcome> = {
  queue: config.arrival.queue,
  stepKey: 'repeat',
  words: { step: 'arrival check', acted: 'staff late: arrival overdue', stopped: 'arrival checks stopped' },
  parse: parseArrivalTask,
  // Outside the transaction the event is taken as absent: it only tells `act` from `resume`, never a stop.
  decide: (request, task) => decideArrivalCheck(request, task.repeat, false, config.arrival.maxRepeats),

  async transaction(tx, task) {
    const requestRef = refs.sosRequest(task.requestId);
    const eventRef = refs.event(task.requestId, overdueEventId(task.repeat));
    const [requestSnap, eventSnap] = await Promise.all([tx.get(requestRef), tx.get(eventRef)]);
    const request = requestSnap.data();
    const decision = decideArrivalCheck(request, task.repeat, eventSnap.exists, config.arrival.maxRepeats);
    if (decision.action === 'stop' || !request) return { decision };
    const location = (await tx.get(refs.location(request.locationId))).data();
    if (decision.action === 'act') {
      if (!request.arrivalOverdue) tx.update(requestRef, { arrivalOverdue: true });
      tx.set(eventRef, { type: 'arrival_overdue', at: FieldValue.serverTimestamp(), by: null, detail: { repeat: task.repeat } });
    }
    return { decision, outcome: { request, location } };
  },

  next: (task) => nextArrivalCheck(task, config.arrival.repeatMs),

  effects: (task, { request, location }) =>
    deliverPushBatch({
      requestId: task.requestId,
      batch: overdueBatch(task.repeat),
      message: (locale) => overduePushMessage(locale, task.requestId, request, task.repeat, Date.now()),
      recipients: async () => {
        const dispatch = await readDispatchNow(request.locationId);
        return overdueAudience(dispatch ? rosterOf(dispatch, Date.now()) : [], location?.admins, request.ackBy);
      },
      targets: readDevices,
    }),
};

export const enqueueArrivalCheck = (task: ArrivalTask): Promise<void> => enqueueStep(arrivalChecks, task);
export const runArrivalCheck = (task: ArrivalTask, at?: Dispatched): Promise<void> => runStep(arrivalChecks, task, at);
