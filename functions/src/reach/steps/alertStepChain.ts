// Alert steps, a task chain (tasks/taskChain.ts), the third beside escalation rounds and arrival checks: for each
// audience (the open step's, each escalation round's), while the request is open, each step alerts the audience on
// its channel at its time after the audience was first alerted, then schedules the audience's next step.
import { refs } from '../../firestore';
import { alertStepsOf, type AlertChannel, type AlertStep, type Dispatch, type SosRequest, type TimestampLike } from '@sos/model';
import type { FieldValue, Timestamp } from '../../firestore';
import { config } from '../../config';
import { readDispatch } from '../../dispatch/rebuildDispatch';
import { enqueueStep, runStep, type Dispatched } from '../../tasks/runStep';
import type { TaskChain } from '../../tasks/taskChain';
import { deleteTasks } from '../../tasks/taskQueue';
import { reachLogs } from '../../logs';
import {
  alertBatch,
  channelOfStep,
  decideAlertStep,
  firstAlertStep,
  nextAlertStep,
  parseAlertStepTask,
  roundOf,
  waitingAlertStepIds,
  type AlertStepTask,
  type Reachable,
} from './alertStepTask';
import { audienceOf, contactTargets, sendAlertBatch } from './sendAlertBatch';
import { targetsOf } from '../../dispatch/dispatchDoc';

interface StepOutcome {
  request: SosRequest<Timestamp>;
  dispatch: Dispatch<TimestampLike | FieldValue> | null;
  steps: AlertStep[];
  channel: AlertChannel | null;
}

/**
 * The transaction only reads: the request (a request no longer open stops the chain, reading nothing more and
 * writing nothing), the step's `notified-<batch>` event (present: a replay, nothing is sent again) and the location's
 * dispatch document (the audience, their verified contact methods, the location's steps).
 */
export const alertSteps: TaskChain<'step', AlertStepTask, StepOutcome> = {
  queue: config.reach.steps.queue,
  stepKey: 'step',
  words: { step: 'alert step', acted: 'alert step sent', stopped: 'alert steps stopped' },
  parse: parseAlertStepTask,
  decide: (request) => decideAlertStep(request, false),

  async transaction(tx, task) {
    const request = (await tx.get(refs.sosRequest(task.requestId))).data();
    const opened = decideAlertStep(request, false);
    if (opened.action === 'stop' || !request) return { decision: opened };
    const [recorded, dispatch] = await Promise.all([
      tx.get(refs.event(task.requestId, `notified-${alertBatch(task.step)}`)),
      readDispatch(tx, request.locationId),
    ]);
    const steps = dispatch ? alertStepsOf(dispatch.location) : [];
    return { decision: decideAlertStep(request, recorded.exists), outcome: { request, dispatch, steps, channel: channelOfStep(task, steps) } };
  },

  next: (task, { steps, dispatch }) => (dispatch ? nextAlertStep(task, steps, reachableOn(dispatch, roundOf(task.step), Date.now())) : null),

  effects: async (task, { request, dispatch, channel }) => {
    if (!dispatch || !channel) return;
    const batch = alertBatch(task.step);
    await sendAlertBatch({ requestId: task.requestId, batch, round: roundOf(task.step), channel, request, dispatch, atMillis: Date.now() });
  },
};

/** The channels someone of the round's audience (on duty at the instant) has: a device for push, a verified method for the others. */
export function reachableOn(dispatch: Pick<Dispatch<unknown>, 'recipients' | 'location' | 'duty'>, round: number, atMillis: number): Reachable {
  const audience = audienceOf(dispatch, round, atMillis);
  return (channel) => (channel === 'push' ? targetsOf(dispatch, audience).length > 0 : contactTargets(dispatch, audience, channel).length > 0);
}

/** Starts an audience's steps: its first step someone can receive, due `afterSeconds` after `startAtMillis` (fixed task id). */
export async function startAlertSteps(
  requestId: string,
  round: number,
  startAtMillis: number,
  dispatch: Pick<Dispatch<unknown>, 'recipients' | 'location' | 'duty'> | null | undefined,
): Promise<void> {
  const first = dispatch ? firstAlertStep(requestId, round, startAtMillis, alertStepsOf(dispatch.location), reachableOn(dispatch, round, Date.now())) : null;
  if (first) await enqueueStep(alertSteps, first);
}

export const runAlertStep = (task: AlertStepTask, at?: Dispatched): Promise<void> => runStep(alertSteps, task, at);

/**
 * A request is no longer open: deletes the alert step tasks that may still wait (one per audience alerted so far), so
 * none of them fires to read the request and stop. No Firestore read or write; a delete that fails leaves that step
 * to stop itself when due (one read), which costs less than retrying the whole update trigger for it.
 */
export async function stopAlertSteps(requestId: string, request: Pick<SosRequest<TimestampLike>, 'escalationLevel'>): Promise<void> {
  const ids = waitingAlertStepIds(alertSteps, requestId, request.escalationLevel);
  const { sent, failed } = await deleteTasks(alertSteps.queue.name, ids);
  reachLogs.alertStepTasksDeleted(requestId, ids.length, sent, failed);
}
