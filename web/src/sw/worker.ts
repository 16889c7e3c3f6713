// The app's one service worker, at scope `/`: the offline shell (every built file precached, so /scan,
// /q/… and the zxing wasm open in a basement too) and the web-push handler (FCM's getToken subscribes
// through this worker's registration, see web/src/push/device.ts). Built by web/build/serviceWorkerPlugin.ts.
/// <reference lib="webworker" />
import { CACHE_PREFIX, claimLink, notificationLink, type PushPayload } from './notifications';

declare const self: ServiceWorkerGlobalScope;
/** Injected at build time: every file of this build, and a version derived from their names and the shell. */
declare const __PRECACHE_FILES__: string[];
declare const __PRECACHE_VERSION__: string;

const PRECACHE = `${CACHE_PREFIX}precache-${__PRECACHE_VERSION__}`;
const SHELL = '/index.html';
const STAFF_KINDS = new Set(['open', 'escalation']);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(PRECACHE)
      // `no-store`: a stale HTTP-cached index.html would name chunks of an older build.
      .then((cache) => cache.addAll(__PRECACHE_FILES__.map((path) => new Request(path, { cache: 'no-store' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // Caches of earlier builds (and the old `sos-shell-v1`) would otherwise grow with every release.
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== PRECACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function navigate(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(SHELL, { cacheName: PRECACHE, ignoreVary: true })) ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  // ignoreVary: a server's `Vary: Origin` would otherwise miss every module script (sent with an Origin).
  event.respondWith(caches.match(request, { cacheName: PRECACHE, ignoreSearch: true, ignoreVary: true }).then((cached) => cached ?? fetch(request)));
});

function readPush(event: PushEvent): PushPayload {
  try {
    return (event.data?.json() ?? {}) as PushPayload;
  } catch {
    return { notification: { body: event.data?.text() ?? '' } };
  }
}

self.addEventListener('push', (event) => {
  const payload = readPush(event);
  const notification = payload.notification ?? {};
  const data = payload.data ?? {};
  const forStaff = STAFF_KINDS.has(data.kind ?? '') && Boolean(data.requestId);
  const options: NotificationOptions & { renotify?: boolean; actions?: { action: string; title: string }[] } = {
    body: notification.body ?? data.body ?? '',
    tag: data.requestId ? `sos-${data.requestId}` : undefined,
    renotify: Boolean(data.requestId),
    requireInteraction: true,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    lang: data.lang,
    data: { link: notificationLink(payload), claim: forStaff ? claimLink(data.requestId ?? '') : null },
    actions: forStaff ? [{ action: 'claim', title: data.claimLabel ?? 'Принять' }] : [],
  };
  event.waitUntil(self.registration.showNotification(notification.title ?? data.title ?? 'SOS', options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const stored = (event.notification.data ?? {}) as { link?: string; claim?: string | null };
  const path = event.action === 'claim' && stored.claim ? stored.claim : (stored.link ?? '/');
  const link = new URL(path, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (!open) return void (await self.clients.openWindow(link));
      const moved = await open.navigate(link);
      await (moved ?? open).focus();
    }),
  );
});
