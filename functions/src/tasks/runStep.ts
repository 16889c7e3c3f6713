// The mechanics of every task chain, once: enqueue a step under its deterministic id, and run one (early dispatch,
// the step's transaction, the next step, the effects after the commit).
import { db, readDoc, refs } from '../firestore';
import { chainLogs, type StepFields } from '../logs';
import { decideTiming, TaskDispatchedEarly } from './earlyDispatch';
import { decideStartOver, taskId, type ChainTask, type TaskChain } from './taskChain';
import { enqueueOnce } from './taskQueue';

/** The cost kind of a start-over's read of the request: only the emulator dispatches early, so only it makes this read. */
export const START_OVER_READ = 'start-over';

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

const stepFields = <Key extends string>(stepKey: Key, task: ChainTask<Key>): StepFields => ({ requestId: task.requestId, [stepKey]: task[stepKey] });

/** Enqueues a step, due at its time; a replay of whatever enqueued it finds the task there and changes nothing. */
export async function enqueueStep<Key extends string, Task extends ChainTask<Key>, Outcome>(chain: TaskChain<Key, Task, Outcome>, task: Task): Promise<void> {
  const id = taskId(chain, task);
  const dueAt = new Date(task.dueAtMillis);
  if (await enqueueOnce(chain.queue.name, task, id, dueAt)) chainLogs.enqueued(chain.words, stepFields(chain.stepKey, task), dueAt.toISOString(), id);
  else chainLogs.alreadyEnqueued(chain.words, stepFields(chain.stepKey, task), id);
}

/** How a step was dispatched: the queue's retry count; `nowMillis` stands in for the clock in tests. */
export interface Dispatched {
  nowMillis?: number;
  retryCount?: number;
}

/**
 * Runs one step. Idempotent: the transaction writes only what is not there yet, and the next step's task id and
 * the effects' ids are deterministic. After the commit the next step is enqueued first (the chain goes on), the
 * effects run last, so a crash anywhere is retried into the same state.
 */
export async function runStep<Key extends string, Task extends ChainTask<Key>, Outcome>(
  chain: TaskChain<Key, Task, Outcome>,
  task: Task,
  at: Dispatched = {},
): Promise<void> {
  const step = stepFields(chain.stepKey, task);
  const timing = decideTiming(task.dueAtMillis, at.nowMillis ?? Date.now(), at.retryCount ?? 0, chain.queue.maxInlineWaitMs, chain.queue.retry);
  // Only the emulator dispatches early. Declining costs nothing (no I/O, so it never piles up there); starting over
  // first reads the request, so a chain with nothing left to do ends now (counted apart: production never makes it).
  if (timing.action === 'retry-later') throw new TaskDispatchedEarly(timing.millisEarly);
  if (timing.action === 'wait') await sleep(timing.millis);
  if (timing.action === 'start-over') {
    const startOver = decideStartOver(chain.decide((await readDoc(refs.sosRequest(task.requestId), START_OVER_READ)).data(), task));
    if (startOver.action === 'start-over') {
      chainLogs.startedOver(chain.words, step, timing.millisEarly);
      await enqueueStep(chain, { ...task, attempt: task.attempt + 1 });
      return;
    }
    if (startOver.action === 'end') {
      chainLogs.stopped(chain.words, step, startOver.reason);
      return;
    }
  }

  const { decision, outcome } = await db.runTransaction((tx) => chain.transaction(tx, task));
  if (decision.action === 'stop' || outcome === undefined) {
    chainLogs.stopped(chain.words, step, decision.action === 'stop' ? decision.reason : 'missing');
    return;
  }
  if (decision.action === 'act') chainLogs.acted(chain.words, step);
  else chainLogs.resumed(chain.words, step);

  const next = decision.last ? null : chain.next(task, outcome);
  if (next) await enqueueStep(chain, next);
  await chain.effects(task, outcome);
}
