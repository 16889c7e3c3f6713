// No storms (pure): at most 5 SMS and 3 calls per person per 10 minutes; the alerts beyond are held and told as one
// line ("3 more calls for help at <location>") in the next alert that person gets on that channel.
import type { AlertChannelLimit, ContactAlertChannel } from '@sos/model';

export const RATE_WINDOW_MS = 10 * 60_000;
/** Per person and window; Telegram is free and silent enough to have none. */
export const RATE_LIMITS: Record<ContactAlertChannel, number | null> = { telegram: null, sms: 5, voice: 3 };

export type ChannelLimit = AlertChannelLimit;

export type RateDecision =
  | { action: 'send'; /** The alerts held before this one, to be told with it. */ held: { count: number; locationName: string } | null; next: ChannelLimit }
  | { action: 'hold'; next: ChannelLimit };

export function decideRateLimit(current: ChannelLimit | undefined, channel: ContactAlertChannel, nowMillis: number, locationName: string): RateDecision {
  const limit = RATE_LIMITS[channel];
  const sentAt = (current?.sentAt ?? []).filter((at) => at > nowMillis - RATE_WINDOW_MS);
  const held = current?.held ?? 0;
  if (limit === null || sentAt.length < limit) {
    return {
      action: 'send',
      held: held > 0 ? { count: held, locationName: current?.heldLocationName ?? locationName } : null,
      next: { sentAt: limit === null ? [] : [...sentAt, nowMillis], held: 0, heldLocationName: null },
    };
  }
  return { action: 'hold', next: { sentAt, held: held + 1, heldLocationName: locationName } };
}
