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
import { alertBatch, channelOfStep, decideAlertStep, firstAlertStep, nextAlertStep, parseAlertStepTask, roundOf, type AlertStepTask } from './alertStepTask';
import { sendAlertBatch } from './sendAlertBatch';

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

  next: (task, { steps }) => nextAlertStep(task, steps),

  effects: async (task, { request, dispatch, channel }) => {
    if (!dispatch || !channel) return;
    await sendAlertBatch({ requestId: task.requestId, batch: alertBatch(task.step), round: roundOf(task.step), channel, request, dispatch });
  },
};

/** Starts an audience's steps: its first planned step, due `afterSeconds` after `startAtMillis` (fixed task id). */
export async function startAlertSteps(requestId: string, round: number, startAtMillis: number, location: { alertSteps?: unknown } | undefined): Promise<void> {
  const first = location ? firstAlertStep(requestId, round, startAtMillis, alertStepsOf(location)) : null;
  if (first) await enqueueStep(alertSteps, first);
}

export const runAlertStep = (task: AlertStepTask, at?: Dispatched): Promise<void> => runStep(alertSteps, task, at);
