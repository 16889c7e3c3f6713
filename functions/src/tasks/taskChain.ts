// A task chain: the steps of one request (escalation rounds, arrival checks, …), each a Cloud Tasks task due at its
// time under a deterministic id. A chain is a configuration: its queue, how its payload parses, its pure decision,
// its transaction, its next step and its effects after the commit. The mechanics, once for every chain, are in
// runStep.ts (enqueue, early dispatch, run) and chainQueue.ts (the task queue function).
import type { SosRequest } from '@sos/model';
import type { TaskQueueConfig } from '../config';
import type { Timestamp, Transaction } from '../firestore';
import type { ChainWords } from '../logs';

/** What every step's payload carries; `Key` names the field that numbers the chain's steps (`round`, `repeat`). */
export type ChainTask<Key extends string = string> = {
  requestId: string;
  /** When the step is due. */
  dueAtMillis: number;
  /** Fresh tasks of the same step after early dispatches (emulator only, see earlyDispatch.ts); part of the task id. */
  attempt: number;
} & { [K in Key]: number };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A step that acts: for the first time, or again (`resume`) when an earlier attempt committed and then crashed or was replayed. */
export type ActDecision = { action: 'act' | 'resume'; last: boolean };

/** A step's pure decision: end the chain (`recordEnd`: the end is still to be written, by the step's transaction), or act. */
export type StepDecision = { action: 'stop'; reason: string; recordEnd?: boolean } | ActDecision;

/** What a step's transaction committed: its decision and, when it acts, what the next step and the effects need. */
export interface Committed<Outcome> {
  decision: StepDecision;
  outcome?: Outcome;
}

export interface TaskChain<Key extends string, Task extends ChainTask<Key>, Outcome> {
  queue: TaskQueueConfig;
  /** The payload field that numbers the steps: part of the task id and of every log line. */
  stepKey: Key;
  words: ChainWords;
  parse(data: unknown): Parsed<Task>;
  /** Pure: the step's decision on the request as it is now (an early task about to start over asks it first). */
  decide(request: SosRequest<Timestamp> | undefined, task: Task): StepDecision;
  /** The step's reads and writes, in one transaction: it decides again and writes only what is not there yet. */
  transaction(tx: Transaction, task: Task): Promise<Committed<Outcome>>;
  /** The step after one that acted and was not the last; null when there is none. */
  next(task: Task, outcome: Outcome): Task | null;
  /** After the commit and the next step's enqueue: effects that are idempotent by their own ids (push batches). */
  effects(task: Task, outcome: Outcome): Promise<void>;
}

/** Deterministic per (request, step, attempt): a replayed enqueue is refused as a duplicate. */
export function taskId<Key extends string>(chain: { queue: { idPrefix: string }; stepKey: Key }, task: ChainTask<Key>): string {
  return `${chain.queue.idPrefix}-${task.requestId}-${task[chain.stepKey]}-${task.attempt}`;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{1,200}$/;

/** The fields every chain task has, the first one at fault named: requestId, the step (from 1), dueAtMillis, attempt. */
export function parseChainTask<Key extends string>(data: unknown, stepKey: Key): Parsed<ChainTask<Key>> {
  if (typeof data !== 'object' || data === null) return { ok: false, problem: 'not an object' };
  const fields = data as Record<string, unknown>;
  const { requestId, dueAtMillis, attempt } = fields;
  const step = fields[stepKey];
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) return { ok: false, problem: 'requestId' };
  if (!Number.isInteger(step) || (step as number) < 1) return { ok: false, problem: stepKey };
  if (typeof dueAtMillis !== 'number' || !Number.isFinite(dueAtMillis)) return { ok: false, problem: 'dueAtMillis' };
  if (!Number.isInteger(attempt) || (attempt as number) < 0) return { ok: false, problem: 'attempt' };
  return { ok: true, value: { requestId, [stepKey]: step, dueAtMillis, attempt } as ChainTask<Key> };
}

export type StartOver = { action: 'start-over' } | { action: 'end'; reason: string } | { action: 'run' };

/**
 * An early task whose retry would come late, given the step's decision on the request as it is now: while the step
 * has something to do it starts over as a fresh task; otherwise the chain ends here, through the step itself when
 * the end is still to be recorded.
 */
export function decideStartOver(decision: StepDecision): StartOver {
  if (decision.action !== 'stop') return { action: 'start-over' };
  return decision.recordEnd ? { action: 'run' } : { action: 'end', reason: decision.reason };
}
