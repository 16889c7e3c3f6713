// Production transport: FCM through the Admin SDK, up to 500 tokens per multicast call.
import { getMessaging } from 'firebase-admin/messaging';
import type { PushMessage, PushOutcome, PushTransport } from './transport';

const MULTICAST_LIMIT = 500;

/** FCM error codes that mean the token will never work again. */
const DEAD_TOKEN_CODES = new Set([
  'messaging/registration-token-not-registered',
  'messaging/invalid-registration-token',
]);

export function fcmErrorOutcome(code: string | undefined, message: string): PushOutcome {
  const error = code ? `${code}: ${message}` : message;
  return code && DEAD_TOKEN_CODES.has(code) ? { status: 'unregistered', error } : { status: 'failed', error };
}

async function sendChunk(tokens: string[], message: PushMessage): Promise<PushOutcome[]> {
  const response = await getMessaging().sendEachForMulticast({
    tokens,
    notification: { title: message.title, body: message.body },
    data: { ...message.data, link: message.link },
    webpush: { fcmOptions: { link: message.link }, notification: { tag: message.tag, renotify: true, requireInteraction: true } },
    android: { priority: 'high', notification: { tag: message.tag } },
  });
  return response.responses.map((r) =>
    r.success ? { status: 'sent', error: null } : fcmErrorOutcome(r.error?.code, r.error?.message ?? 'unknown error'),
  );
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
