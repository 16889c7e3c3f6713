// What the service worker does with an FCM push: pure, so links are unit-tested without a worker.

/** Every cache this app makes starts with this; the worker deletes the ones of older builds. */
export const CACHE_PREFIX = 'sos-';

/** FCM delivers `{ notification, data, fcmOptions }`; data carries requestId, kind and link (functions/src/push). */
export interface PushPayload {
  notification?: { title?: string; body?: string };
  data?: Partial<Record<'requestId' | 'kind' | 'link' | 'title' | 'body' | 'lang' | 'claimLabel', string>>;
  fcmOptions?: { link?: string };
}

/** The staff screen claims the request itself and shows the outcome ("already claimed by …"). */
export const claimLink = (requestId: string): string => `/staff?request=${encodeURIComponent(requestId)}&claim=1`;

/** Where a tap on the notification goes: the pushed link, else the request on the staff screen. */
export function notificationLink(payload: PushPayload): string {
  const data = payload.data ?? {};
  const link = data.link ?? payload.fcmOptions?.link;
  if (link?.startsWith('/')) return link;
  return data.requestId ? `/staff?request=${encodeURIComponent(data.requestId)}` : '/';
}
