// The one service worker registration of the app (offline shell + push), shared by the boot and by
// push sign-up: FCM's getToken must subscribe through this registration, not a second worker.

export const SERVICE_WORKER_URL = '/sw.js';

/** Registering the same URL again returns the existing registration; `updateViaCache: 'none'` checks for a new build on every visit. */
export function registerAppServiceWorker(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' });
}
