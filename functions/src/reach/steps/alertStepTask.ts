// The alert step task and its pure decisions: payload parsing, step numbers, what a step does, when the next is due.
import { MAX_ALERT_STEPS, planAlertSteps, type AlertChannel, type AlertStep, type SosRequest, type SosStatus, type TimestampLike } from '@sos/model';
import { parseChainTask, taskId, type ActDecision, type ChainTask, type Parsed } from '../../tasks/taskChain';

/**
 * `step` numbers one step of one audience: `round * 10 + index`, where `round` is 0 for the open step's audience
 * and the escalation round otherwise, and `index` (1..8) the step's place in the audience's plan. So the task id
 * `alert-<requestId>-<step>-<attempt>` is deterministic per audience and step. `startAtMillis`: when the audience
 * was first alerted (the request's createdAt, or the round's due time); every step of the audience counts from it.
 */
export interface AlertStepTask extends ChainTask<'step'> {
  startAtMillis: number;
}

const STEPS_PER_ROUND = 10;

export const alertStepNumber = (round: number, index: number): number => round * STEPS_PER_ROUND + index;
export const roundOf = (step: number): number => Math.floor(step / STEPS_PER_ROUND);
export const indexOf = (step: number): number => step % STEPS_PER_ROUND;

/** The batch id of a step (part of its delivery rows' and `notified-<batch>` event's ids): `alert-<round>-<index>`. */
export const alertBatch = (step: number): string => `alert-${roundOf(step)}-${indexOf(step)}`;

export function parseAlertStepTask(data: unknown): Parsed<AlertStepTask> {
  const task = parseChainTask(data, 'step');
  if (!task.ok) return task;
  const index = indexOf(task.value.step);
  if (index < 1 || index > MAX_ALERT_STEPS) return { ok: false, problem: 'step' };
  const { startAtMillis } = data as Record<string, unknown>;
  if (typeof startAtMillis !== 'number' || !Number.isFinite(startAtMillis)) return { ok: false, problem: 'startAtMillis' };
  return { ok: true, value: { ...task.value, startAtMillis } };
}

/** `act`: alert the audience on the step's channel. */
export type AlertStepDecision = { action: 'stop'; reason: SosStatus | 'missing' } | ActDecision;

/**
 * Only an `open` request is alerted: a claim, a cancel or anything else stops every pending step, and the stop
 * writes nothing. `resume` means this step's batch is already recorded (a replay): nothing is sent again.
 */
export function decideAlertStep(request: Pick<SosRequest<TimestampLike>, 'status'> | undefined, batchRecorded: boolean): AlertStepDecision {
  if (!request) return { action: 'stop', reason: 'missing' };
  if (request.status !== 'open') return { action: 'stop', reason: request.status };
  return { action: batchRecorded ? 'resume' : 'act', last: false };
}

/** Whether anyone of the audience can be reached on a channel now: a step nobody can receive is not scheduled (it would only cost a read). */
export type Reachable = (channel: AlertChannel) => boolean;
const anyChannel: Reachable = () => true;

/** The audience's first planned step someone can receive, or null when there is none. */
export function firstAlertStep(
  requestId: string,
  round: number,
  startAtMillis: number,
  steps: readonly AlertStep[],
  reachable = anyChannel,
): AlertStepTask | null {
  const [first] = planAlertSteps(steps, startAtMillis).filter((planned) => reachable(planned.channel));
  return first ? { requestId, step: alertStepNumber(round, first.index), dueAtMillis: first.dueAtMillis, attempt: 0, startAtMillis } : null;
}

/** The step after this one in the audience's plan (as the location's steps are now) that someone can receive, or null after the last. */
export function nextAlertStep(task: AlertStepTask, steps: readonly AlertStep[], reachable = anyChannel): AlertStepTask | null {
  const next = planAlertSteps(steps, task.startAtMillis).find((planned) => planned.index > indexOf(task.step) && reachable(planned.channel));
  if (!next) return null;
  return {
    requestId: task.requestId,
    step: alertStepNumber(roundOf(task.step), next.index),
    dueAtMillis: next.dueAtMillis,
    attempt: 0,
    startAtMillis: task.startAtMillis,
  };
}

/** The channel of this step in the audience's plan (null when the location's steps changed and it is gone). */
export function channelOfStep(task: AlertStepTask, steps: readonly AlertStep[]) {
  return planAlertSteps(steps, task.startAtMillis).find((planned) => planned.index === indexOf(task.step))?.channel ?? null;
}

/**
 * The ids of every alert step task that may still wait for a request that is no longer open: steps 1..MAX_ALERT_STEPS
 * of each audience alerted so far (round 0, then escalation rounds 1..escalationLevel), attempt 0 (later attempts exist
 * only on the emulator). One task per audience waits at a time, but which one is not known without a read: the others'
 * ids name tasks already run or never enqueued, whose deletes change nothing.
 */
export function waitingAlertStepIds(chain: { queue: { idPrefix: string }; stepKey: 'step' }, requestId: string, escalationLevel: number | undefined): string[] {
  const rounds = escalationLevel !== undefined && Number.isInteger(escalationLevel) && escalationLevel > 0 ? escalationLevel : 0;
  return Array.from({ length: rounds + 1 }, (_, round) =>
    Array.from({ length: MAX_ALERT_STEPS }, (_, i) => taskId(chain, { requestId, step: alertStepNumber(round, i + 1), dueAtMillis: 0, attempt: 0 })),
  ).flat();
}
