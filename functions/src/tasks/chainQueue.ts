// A task chain's queue function: parse the payload, run the step. A throw (or an early dispatch) is retried per retryConfig.
import { onTaskDispatched, type Request, type TaskQueueOptions } from 'firebase-functions/v2/tasks';
import { config } from '../config';
import { reportingCosts } from '../costs';
import { chainLogs } from '../logs';
import { REGION } from '../params';
import { runStep } from './runStep';
import type { ChainTask, TaskChain } from './taskChain';

/** `secrets`: what the chain's effects use (a provider's credentials), bound to the function. */
export function defineChainQueue<Key extends string, Task extends ChainTask<Key>, Outcome>(
  chain: TaskChain<Key, Task, Outcome>,
  options: Pick<TaskQueueOptions, 'secrets'> = {},
) {
  const { queue } = chain;
  return onTaskDispatched(
    {
      ...options,
      region: REGION,
      retryConfig: {
        ...queue.retry,
        // Early dispatches (emulator only) are declined and retried until due: never give up on those there.
        ...(config.emulated ? { maxRetrySeconds: queue.emulatorMaxRetrySeconds } : {}),
      },
      rateLimits: { maxDispatchesPerSecond: queue.maxDispatchesPerSecond, maxConcurrentDispatches: queue.maxConcurrentDispatches },
    },
    reportingCosts(async (request: Request<unknown>) => {
      const task = chain.parse(request.data);
      if (!task.ok) {
        chainLogs.invalid(chain.words, request.data, task.problem);
        return;
      }
      await runStep(chain, task.value, { retryCount: request.retryCount ?? 0 });
    }),
  );
}
