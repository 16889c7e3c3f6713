// Thin task queue function: escalation rounds' chain (parse the payload, run the round; see tasks/chainQueue.ts).
import { defineChainQueue } from '../tasks/chainQueue';
import { escalationRounds } from './escalationChain';

export const escalateSosRequest = defineChainQueue(escalationRounds);
