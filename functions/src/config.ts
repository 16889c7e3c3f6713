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
    /** A task dispatched at most this early waits in-process; earlier, it re-enqueues itself (the emulator ignores schedule times). */
    maxInlineWaitMs: 250,
    /** Cap the queue's dispatch rate and concurrency, which also bounds the emulator's re-enqueue loop of early tasks. */
    maxDispatchesPerSecond: emulated ? 10 : 500,
    maxConcurrentDispatches: emulated ? 3 : 100,
  },
  arrival: {
    /** The task queue function's name (see arrival/checkArrival.ts). */
    queue: 'checkArrival',
    /** `arrival_overdue` at the deadline, then `arrival_overdue-2` … `-5`. */
    maxRepeats: 5,
    repeatMs: 120_000,
    maxInlineWaitMs: 250,
    /** On the emulator (which dispatches early), an early check pauses this long before re-enqueueing, so it is looked at about once a second, not in a tight loop. */
    earlyPauseMs: 1000,
    maxDispatchesPerSecond: emulated ? 5 : 500,
    maxConcurrentDispatches: emulated ? 3 : 100,
  },
  /** Set by `npm run bench`: where each invocation reports its Firestore read/write counts. */
  costCollectorUrl: process.env.SOS_COST_COLLECTOR_URL ?? null,
};
