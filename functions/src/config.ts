// Configuration, read once at cold start.
const emulated = process.env.FUNCTIONS_EMULATOR === 'true';

export const PUSH_TRANSPORTS = ['emulated', 'fcm'] as const;
export type PushTransportName = (typeof PUSH_TRANSPORTS)[number];

/** `PUSH_TRANSPORT=emulated|fcm`; by default the emulators never reach FCM and production always does. */
function pushTransportName(): PushTransportName {
  const value = process.env.PUSH_TRANSPORT ?? (emulated ? 'emulated' : 'fcm');
  if (!(PUSH_TRANSPORTS as readonly string[]).includes(value)) {
    throw new Error(`config/push-transport: PUSH_TRANSPORT must be one of ${PUSH_TRANSPORTS.join(', ')}, got "${value}"`);
  }
  return value as PushTransportName;
}

export const config = {
  /** The emulators run with FUNCTIONS_EMULATOR=true. */
  emulated,
  push: {
    transport: pushTransportName(),
    /** Staff are pushed at most once per window about one resident's requests at one location. */
    throttleWindowMs: 60_000,
  },
  escalation: {
    /** The task queue function's name (see escalation/escalateSosRequest.ts). */
    queue: 'escalateSosRequest',
    maxRounds: 10,
    /** A task dispatched at most this early waits in-process (only the emulator dispatches early: it ignores schedule times). */
    maxInlineWaitMs: 2_000,
    /** The queue's retries; an early task also uses them to come back later (see tasks/earlyDispatch.ts). */
    retry: { maxAttempts: 5, minBackoffSeconds: 1, maxBackoffSeconds: 3600, maxDoublings: 16 },
    /** How long the emulator keeps retrying an early task: longer than any acknowledgement period. */
    emulatorMaxRetrySeconds: 7 * 24 * 3600,
    /**
     * On the emulator each concurrent invocation is a new Node process (a wide-open queue spawned hundreds under load
     * and ran the machine out of memory), so at most 10 tasks are in flight there, including early ones backing off;
     * the rest wait in the queue, idle, in order. Declines take milliseconds: a rate of 5/s let a flood's declines delay
     * due rounds, so the rate stays high and the concurrency is the bound.
     */
    maxDispatchesPerSecond: emulated ? 50 : 500,
    maxConcurrentDispatches: emulated ? 10 : 100,
  },
  arrival: {
    /** The task queue function's name (see arrival/checkArrival.ts). */
    queue: 'checkArrival',
    /** `arrival_overdue` at the deadline, then `arrival_overdue-2` … `-5`. */
    maxRepeats: 5,
    repeatMs: 120_000,
    /** Early dispatches (emulator only) are declined like escalation's (see tasks/earlyDispatch.ts). */
    maxInlineWaitMs: 2_000,
    retry: { maxAttempts: 5, minBackoffSeconds: 1, maxBackoffSeconds: 3600, maxDoublings: 16 },
    emulatorMaxRetrySeconds: 7 * 24 * 3600,
    maxDispatchesPerSecond: emulated ? 50 : 500,
    maxConcurrentDispatches: emulated ? 3 : 100,
  },
  /** Set by `npm run bench`: where each invocation reports its Firestore read/write counts. */
  costCollectorUrl: process.env.SOS_COST_COLLECTOR_URL ?? null,
};
