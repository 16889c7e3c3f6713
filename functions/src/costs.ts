// Counts the Firestore reads and writes the backend makes, by kind, for `npm run bench`.
import { config } from './config';

const reads = new Map<string, number>();
const writes = new Map<string, number>();

export function countRead(...kinds: string[]): void {
  for (const kind of kinds) reads.set(kind, (reads.get(kind) ?? 0) + 1);
}

export function countWrite(...kinds: string[]): void {
  for (const kind of kinds) writes.set(kind, (writes.get(kind) ?? 0) + 1);
}

/** A query is billed one read per document returned, and one when it returns none. */
export function countQuery(kind: string, size: number): void {
  for (let i = 0; i < Math.max(1, size); i++) countRead(kind);
}

/** Sends the counts made since the last report to the bench's collector, when one is configured. */
async function reportCosts(): Promise<void> {
  if (!config.costCollectorUrl || (reads.size === 0 && writes.size === 0)) return;
  // FUNCTION_TARGET names the function (set by the runtime, and per worker by the emulator): the bench reports escalation apart.
  const delta = { function: process.env.FUNCTION_TARGET ?? 'unknown', reads: Object.fromEntries(reads), writes: Object.fromEntries(writes) };
  reads.clear();
  writes.clear();
  await fetch(config.costCollectorUrl, { method: 'POST', body: JSON.stringify(delta) }).catch(() => undefined);
}

/** Wraps a function handler so its Firestore costs reach the bench (a no-op outside `npm run bench`). */
export function reportingCosts<Args extends unknown[], Result>(handler: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await handler(...args);
    } finally {
      await reportCosts();
    }
  };
}
