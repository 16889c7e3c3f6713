// Escalation rounds, a task chain (tasks/taskChain.ts): while nobody acknowledges, each round raises escalationLevel,
// schedules the next round and pushes every on-duty staff member and the admins.
import { FieldValue, type Timestamp, refs } from '../firestore';
import type { SosEventWrite, SosRequest } from '@sos/model';
import { config } from '../config';
import { escalationAudience } from '../notify/audience';
import { staffPushMessage } from '../notify/messages';
import { deliverPushBatch } from '../notify/pushBatch';
import { rosterOf, targetsOf } from '../dispatch/dispatchDoc';
import { readDispatch } from '../dispatch/rebuildDispatch';
import { enqueueStep, runStep, type Dispatched } from '../tasks/runStep';
import { startAlertSteps } from '../reach/steps/alertStepChain';
import type { TaskChain } from '../tasks/taskChain';
import { decideEscalationRound, nextRound, parseEscalationTask, type EscalationTask } from './escalationTask';

const serverTime = () => FieldValue.serverTimestamp();
const endEvent = (detail: string): SosEventWrite<Timestamp, FieldValue> => ({ type: 'escalation_ended', at: serverTime(), by: null, detail });

interface RoundOutcome {
  request: SosRequest<Timestamp>;
  dispatch: Awaited<ReturnType<typeof readDispatch>>;
}

/**
 * The level is raised in the transaction only if the request is still open below this round; the last round, or a
 * stop after at least one round, records `escalation_ended` once.
 */
export const escalationRounds: TaskChain<'round', EscalationTask, RoundOutcome> = {
  queue: config.escalation.queue,
  stepKey: 'round',
  words: { step: 'escalation round', acted: 'sos request escalated', stopped: 'escalation stopped' },
  parse: parseEscalationTask,
  decide: (request, task) => decideEscalationRound(request, task.round, config.escalation.maxRounds),

  async transaction(tx, task) {
    const requestRef = refs.sosRequest(task.requestId);
    const endRef = refs.event(task.requestId, 'escalation_ended');
    const request = (await tx.get(requestRef)).data();
    const decision = decideEscalationRound(request, task.round, config.escalation.maxRounds);
    if (decision.action === 'stop' || !request) {
      if (decision.action === 'stop' && decision.recordEnd && !(await tx.get(endRef)).exists) tx.set(endRef, endEvent(decision.reason));
      return { decision };
    }
    const dispatch = await readDispatch(tx, request.locationId);
    if (decision.action === 'act') {
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
    return { decision, outcome: { request, dispatch } };
  },

  next: (task, { dispatch }) => (dispatch ? nextRound(task, dispatch.location.ackSeconds) : null),

  effects: async (task, { request, dispatch }) => {
    // The round's audience gets the location's alert steps, counted from the round's due time.
    await startAlertSteps(task.requestId, task.round, task.dueAtMillis, dispatch);
    await deliverPushBatch({
      requestId: task.requestId,
      batch: `esc-${task.round}`,
      throttle: { locationId: request.locationId, residentUid: request.uid },
      message: (locale) => staffPushMessage(locale, task.requestId, request, Date.now(), task.round),
      // Who is on duty when the round pushes: the timetable, overrides and manual starts at that instant.
      recipients: async () => (dispatch ? escalationAudience(rosterOf(dispatch, Date.now()), dispatch.location.admins) : []),
      targets: async (uids) => (dispatch ? targetsOf(dispatch, uids) : []),
    });
  },
};

export const enqueueEscalationRound = (task: EscalationTask): Promise<void> => enqueueStep(escalationRounds, task);
export const runEscalationRound = (task: EscalationTask, at?: Dispatched): Promise<void> => runStep(escalationRounds, task, at);
