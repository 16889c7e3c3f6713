// Thin task queue function: arrival checks' chain (parse the payload, run the check; see tasks/chainQueue.ts).
import { defineChainQueue } from '../tasks/chainQueue';
import { arrivalChecks } from './arrivalChain';

export const checkArrival = defineChainQueue(arrivalChecks);
