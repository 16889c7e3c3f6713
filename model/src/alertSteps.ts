// Alert steps (PRODUCT.md "Contract additions → Reach"): per location, which channel alerts an audience and how
// many seconds after it was first alerted. Validated here once: the rules mirror it, the web editor and functions use it.

/** The channels a step can use: the app's own push, and the contact methods. */
export const ALERT_CHANNELS = ['push', 'telegram', 'sms', 'voice'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** The channels a person's contact methods are (push goes to devices instead). */
export type ContactAlertChannel = Exclude<AlertChannel, 'push'>;

/** `locations/{id}.alertSteps[]`: exactly these keys. */
export interface AlertStep {
  channel: AlertChannel;
  /** Seconds after the audience was first alerted (the request's createdAt, or the round's due time). */
  afterSeconds: number;
}

export const MAX_ALERT_STEPS = 8;
export const MAX_AFTER_SECONDS = 3600;

/** Push and Telegram at once, SMS after a minute, a voice call after two. */
export const DEFAULT_ALERT_STEPS: readonly AlertStep[] = [
  { channel: 'push', afterSeconds: 0 },
  { channel: 'telegram', afterSeconds: 0 },
  { channel: 'sms', afterSeconds: 60 },
  { channel: 'voice', afterSeconds: 120 },
];

export type AlertStepsProblem = 'not-a-list' | 'too-many' | 'not-a-step' | 'unknown-key' | 'unknown-channel' | 'after-seconds';

/** The first problem of a candidate `alertSteps`, with the index of the step at fault (null for the list itself). */
export type AlertStepsCheck = { ok: true; steps: AlertStep[] } | { ok: false; problem: AlertStepsProblem; index: number | null };

const STEP_KEYS = ['channel', 'afterSeconds'];

/** Up to 8 steps, each exactly `{channel, afterSeconds}`, a known channel, whole seconds 0..3600; any order, repeats allowed. */
export function validateAlertSteps(value: unknown): AlertStepsCheck {
  if (!Array.isArray(value)) return { ok: false, problem: 'not-a-list', index: null };
  if (value.length > MAX_ALERT_STEPS) return { ok: false, problem: 'too-many', index: null };
  const steps: AlertStep[] = [];
  for (const [index, step] of (value as unknown[]).entries()) {
    if (typeof step !== 'object' || step === null || Array.isArray(step)) return { ok: false, problem: 'not-a-step', index };
    const keys = Object.keys(step);
    if (keys.length !== STEP_KEYS.length || !keys.every((key) => STEP_KEYS.includes(key))) return { ok: false, problem: 'unknown-key', index };
    const { channel, afterSeconds } = step as Record<string, unknown>;
    if (!isAlertChannel(channel)) return { ok: false, problem: 'unknown-channel', index };
    if (typeof afterSeconds !== 'number' || !Number.isInteger(afterSeconds) || afterSeconds < 0 || afterSeconds > MAX_AFTER_SECONDS) {
      return { ok: false, problem: 'after-seconds', index };
    }
    steps.push({ channel, afterSeconds });
  }
  return { ok: true, steps };
}

export const isAlertChannel = (value: unknown): value is AlertChannel => (ALERT_CHANNELS as readonly unknown[]).includes(value);

/** A location's steps as the backend runs them: its own when valid, else the default (a location never edited has none). */
export function alertStepsOf(location: { alertSteps?: unknown }): AlertStep[] {
  if (location.alertSteps === undefined) return [...DEFAULT_ALERT_STEPS];
  const check = validateAlertSteps(location.alertSteps);
  return check.ok ? check.steps : [...DEFAULT_ALERT_STEPS];
}

/** One step of an audience's plan: its number (1-based, in time order), its channel and when it is due. */
export interface PlannedAlertStep {
  index: number;
  channel: AlertChannel;
  dueAtMillis: number;
}

/**
 * The steps an audience gets, in time order (steps due together keep the admin's order), counted from the moment the
 * audience was first alerted. A push at 0 is the audience's own push batch (the open push, an escalation round's
 * push), sent when it is alerted: the plan leaves it out, and the numbers of the others stay the positions in time order.
 */
export function planAlertSteps(steps: readonly AlertStep[], firstAlertedAtMillis: number): PlannedAlertStep[] {
  return steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.afterSeconds - b.step.afterSeconds || a.order - b.order)
    .map(({ step }, position) => ({ index: position + 1, channel: step.channel, dueAtMillis: firstAlertedAtMillis + step.afterSeconds * 1000 }))
    .filter((planned) => !(planned.channel === 'push' && planned.dueAtMillis === firstAlertedAtMillis));
}

/** `alertLimits/{uid}.<channel>` (functions only): when the person's last alerts on a channel went out, and how many were held since. */
export interface AlertChannelLimit {
  /** Millis of the sends within the window. */
  sentAt: number[];
  held: number;
  /** The location of the last held alert, for the line that tells them. */
  heldLocationName: string | null;
}

/** `alertLimits/{uid}`: the rate limits of one person's SMS and calls (functions only, nobody reads it). */
export type AlertLimits = Partial<Record<ContactAlertChannel, AlertChannelLimit>>;
