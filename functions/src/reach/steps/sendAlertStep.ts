// Thin task queue function: alert steps' chain (parse the payload, run the step; see tasks/chainQueue.ts).
import { defineChainQueue } from '../../tasks/chainQueue';
import { REACH_SECRETS } from '../../params';
import { alertSteps } from './alertStepChain';

export const sendAlertStep = defineChainQueue(alertSteps, { secrets: REACH_SECRETS });
