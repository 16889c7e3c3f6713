// Staff push notifications: shows each FCM push and opens the request when tapped. Plain Push API,
// no Firebase SDK here, so the worker needs no configuration and loads nothing from the network.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** FCM delivers `{ notification, data, fcmOptions }`; the link is in data.link (see functions/src/push). */
function readPush(event) {
  try {
    return event.data ? event.data.json() : {};
  } catch {
    return { notification: { body: event.data ? event.data.text() : '' } };
  }
}

self.addEventListener('push', (event) => {
  const payload = readPush(event);
  const notification = payload.notification || {};
  const data = payload.data || {};
  const link = data.link || (payload.fcmOptions && payload.fcmOptions.link) || (data.requestId ? `/staff?request=${encodeURIComponent(data.requestId)}` : '/staff');
  event.waitUntil(
    self.registration.showNotification(notification.title || data.title || 'SOS', {
      body: notification.body || data.body || '',
      tag: data.requestId ? `sos-${data.requestId}` : undefined,
      renotify: Boolean(data.requestId),
      requireInteraction: true,
      icon: '/favicon.svg',
      data: { link },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = new URL((event.notification.data && event.notification.data.link) || '/staff', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) return open.navigate(link).then((client) => (client || open).focus());
      return self.clients.openWindow(link);
    }),
  );
});
