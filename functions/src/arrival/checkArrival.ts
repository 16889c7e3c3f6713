// Thin task queue function: parse the payload, run the check. A throw is retried per retryConfig.
import { onTaskDispatched, type Request } from 'firebase-functions/v2/tasks';
import { config } from '../config';
import { logs } from '../logs';
import { reportingCosts } from '../costs';
import { parseArrivalTask } from './arrivalTask';
import { runArrivalCheck } from './runArrivalCheck';
import { REGION } from '../params';

export const checkArrival = onTaskDispatched(
  {
    region: REGION,
    retryConfig: {
      ...config.arrival.retry,
      // Early dispatches (emulator only) are declined and retried until due: never give up on those there.
      ...(config.emulated ? { maxRetrySeconds: config.arrival.emulatorMaxRetrySeconds } : {}),
    },
    rateLimits: {
      maxDispatchesPerSecond: config.arrival.maxDispatchesPerSecond,
      maxConcurrentDispatches: config.arrival.maxConcurrentDispatches,
    },
  },
  reportingCosts(async (request: Request<unknown>) => {
    const task = parseArrivalTask(request.data);
    if (!task.ok) {
      logs.arrivalTaskInvalid(request.data, task.problem);
      return;
    }
    await runArrivalCheck(task.value, { retryCount: request.retryCount ?? 0 });
  }),
);
