// Thin task queue function: parse the payload, run the round. A throw (or an early dispatch) is retried per retryConfig.
import { onTaskDispatched, type Request } from 'firebase-functions/v2/tasks';
import { config } from '../config';
import { logs } from '../logs';
import { parseEscalationTask } from './escalationTask';
import { runEscalationRound } from './runEscalationRound';
import { reportingCosts } from '../costs';
import { REGION } from '../params';

export const escalateSosRequest = onTaskDispatched(
  {
    region: REGION,
    retryConfig: {
      ...config.escalation.retry,
      // Early dispatches (emulator only) are declined and retried until due: never give up on those there.
      ...(config.emulated ? { maxRetrySeconds: config.escalation.emulatorMaxRetrySeconds } : {}),
    },
    rateLimits: {
      maxDispatchesPerSecond: config.escalation.maxDispatchesPerSecond,
      maxConcurrentDispatches: config.escalation.maxConcurrentDispatches,
    },
  },
  reportingCosts(async (request: Request<unknown>) => {
    const task = parseEscalationTask(request.data);
    if (!task.ok) {
      logs.escalationTaskInvalid(request.data, task.problem);
      return;
    }
    await runEscalationRound(task.value, { retryCount: request.retryCount ?? 0 });
  }),
);
