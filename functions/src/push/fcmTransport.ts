// Production transport: FCM through the Admin SDK, up to 500 tokens per multicast call.
import { getMessaging, type MulticastMessage } from 'firebase-admin/messaging';
import type { PushMessage, PushOutcome, PushTransport } from './transport';

const MULTICAST_LIMIT = 500;
/**
 * An SOS push is worth delivering only while help can still be on time: the response windows are
 * minutes long and escalation sends a fresh push each round, so a phone that was off for longer gets none.
 */
export const PUSH_TTL_SECONDS = 15 * 60;
/** Web push headers (RFC 8030): wake the phone now (`Urgency: high`), drop the push after the TTL. */
export const WEBPUSH_HEADERS = { Urgency: 'high', TTL: String(PUSH_TTL_SECONDS) } as const;

/** FCM error codes that mean the token will never work again. */
const DEAD_TOKEN_CODES = new Set(['messaging/registration-token-not-registered', 'messaging/invalid-registration-token']);

export function fcmErrorOutcome(code: string | undefined, message: string): PushOutcome {
  const error = code ? `${code}: ${message}` : message;
  return code && DEAD_TOKEN_CODES.has(code) ? { status: 'unregistered', error } : { status: 'failed', error };
}

/** What FCM is asked to deliver: pure, so the urgency and TTL are unit-tested. */
export function multicastMessage(tokens: string[], message: PushMessage): MulticastMessage {
  return {
    tokens,
    notification: { title: message.title, body: message.body },
    data: { ...message.data, link: message.link },
    webpush: {
      headers: { ...WEBPUSH_HEADERS },
      fcmOptions: { link: message.link },
      notification: { tag: message.tag, renotify: true, requireInteraction: true },
    },
    android: { priority: 'high', ttl: PUSH_TTL_SECONDS * 1000, notification: { tag: message.tag } },
  };
}

async function sendChunk(tokens: string[], message: PushMessage): Promise<PushOutcome[]> {
  const response = await getMessaging().sendEachForMulticast(multicastMessage(tokens, message));
  return response.responses.map((r) => (r.success ? { status: 'sent', error: null } : fcmErrorOutcome(r.error?.code, r.error?.message ?? 'unknown error')));
}

export const fcmTransport: PushTransport = {
  name: 'fcm',
  async send(tokens, message) {
    const outcomes: PushOutcome[] = [];
    for (let i = 0; i < tokens.length; i += MULTICAST_LIMIT) {
      outcomes.push(...(await sendChunk(tokens.slice(i, i + MULTICAST_LIMIT), message)));
    }
    return outcomes;
  },
};
