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
    /**
     * A task dispatched at most this early waits in-process; earlier (only the emulator, which ignores schedule
     * times), it declines and the queue retries it with a backoff capped at this, so a retry lands in the window.
     */
    maxInlineWaitMs: 10_000,
    /** On the emulator a waiting task keeps its dispatch slot while backing off: room for every waiting request. */
    maxDispatchesPerSecond: 500,
    maxConcurrentDispatches: emulated ? 1000 : 100,
    /** How long the emulator keeps retrying an early task: longer than any acknowledgement period. */
    emulatorMaxRetrySeconds: 7 * 24 * 3600,
  },
  /** Set by `npm run bench`: where each invocation reports its Firestore read/write counts. */
  costCollectorUrl: process.env.SOS_COST_COLLECTOR_URL ?? null,
};
