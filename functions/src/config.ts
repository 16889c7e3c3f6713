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

/** One task queue of a task chain (tasks/taskChain.ts): its function's name, retries, early dispatches and rate limits. */
export interface TaskQueueConfig {
  /** The task queue function's name, exported by index.ts. */
  name: string;
  /** Its task ids are `<idPrefix>-<requestId>-<step>-<attempt>`. */
  idPrefix: string;
  /** A task dispatched at most this early waits in-process (only the emulator dispatches early: it ignores schedule times). */
  maxInlineWaitMs: number;
  /** The queue's retries; an early task also uses them to come back later (see tasks/earlyDispatch.ts). */
  retry: { maxAttempts: number; minBackoffSeconds: number; maxBackoffSeconds: number; maxDoublings: number };
  /** How long the emulator keeps retrying an early task: longer than any wait of a chain. */
  emulatorMaxRetrySeconds: number;
  maxDispatchesPerSecond: number;
  maxConcurrentDispatches: number;
}

/** Every task queue's settings unless its chain overrides them. */
const TASK_QUEUE_DEFAULTS: Omit<TaskQueueConfig, 'name' | 'idPrefix'> = {
  /**
   * On the emulator, every early dispatch is an invocation (a worker, a log line, a decline), and early dispatches
   * were most of a test run's invocations. A first backoff of 5 s and an in-process wait of up to 5 s take a 60 s
   * wait from about 20 tries to 9. The wait must be at least the first backoff: a fresh task less than its first
   * backoff early would otherwise start over again at once (earlyDispatch.ts).
   */
  maxInlineWaitMs: emulated ? 5_000 : 2_000,
  retry: { maxAttempts: 5, minBackoffSeconds: emulated ? 5 : 1, maxBackoffSeconds: 3600, maxDoublings: 16 },
  emulatorMaxRetrySeconds: 7 * 24 * 3600,
  /**
   * On the emulator each concurrent invocation is a new Node process (a wide-open queue spawned hundreds under load
   * and ran the machine out of memory), so the emulator's slots are bounded. But there a task backing off keeps its
   * slot until its retry (firebase-tools' task queue holds RETRY tasks in place): with 10 slots, the waiting rounds of
   * requests earlier test files left open held them all and a due round never ran (escalation tests timed out once
   * alert steps added their suites). 50 slots outnumber the chains waiting at once; running invocations stay few, as a
   * decline takes milliseconds. Declines are cheap, so the rate stays high and the concurrency is the bound.
   */
  maxDispatchesPerSecond: emulated ? 50 : 500,
  maxConcurrentDispatches: emulated ? 50 : 100,
};

export const ALERT_TRANSPORTS = ['emulated', 'live'] as const;
export type AlertTransportName = (typeof ALERT_TRANSPORTS)[number];

/** `ALERT_TRANSPORT=emulated|live` (Telegram, SMS, voice); by default the emulators never reach a provider and production always does. */
function alertTransportName(): AlertTransportName {
  const value = process.env.ALERT_TRANSPORT ?? (emulated ? 'emulated' : 'live');
  if (!(ALERT_TRANSPORTS as readonly string[]).includes(value)) {
    throw new Error(`config/alert-transport: ALERT_TRANSPORT must be one of ${ALERT_TRANSPORTS.join(', ')}, got "${value}"`);
  }
  return value as AlertTransportName;
}

const taskQueue = (name: string, idPrefix: string, overrides: Partial<typeof TASK_QUEUE_DEFAULTS> = {}): TaskQueueConfig => ({
  ...TASK_QUEUE_DEFAULTS,
  ...overrides,
  name,
  idPrefix,
});

export const config = {
  /** The emulators run with FUNCTIONS_EMULATOR=true. */
  emulated,
  push: {
    transport: pushTransportName(),
    /** Staff are pushed at most once per window about one resident's requests at one location. */
    throttleWindowMs: 60_000,
    /** Each recipient is pushed at most once per window about one request's messages; the next push counts the held. */
    messageWindowMs: 30_000,
  },
  reach: {
    transport: alertTransportName(),
    /** Alert steps (reach/steps): one task per step of each audience, `alert-<requestId>-<round*10+index>-<attempt>`. */
    steps: { queue: taskQueue('sendAlertStep', 'alert') },
  },
  escalation: {
    queue: taskQueue('escalateSosRequest', 'esc'),
    maxRounds: 10,
  },
  arrival: {
    /** The same bounds as escalation's (with 3 slots on the emulator, other suites' early checks held them all). */
    queue: taskQueue('checkArrival', 'arr'),
    /** `arrival_overdue` at the deadline, then `arrival_overdue-2` … `-5`. */
    maxRepeats: 5,
    repeatMs: 120_000,
  },
  /** Set by `npm run bench`: where each invocation reports its Firestore read/write counts. */
  costCollectorUrl: process.env.SOS_COST_COLLECTOR_URL ?? null,
};
