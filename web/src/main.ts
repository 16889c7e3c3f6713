import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import './styles.css';
import { registerAppServiceWorker } from './sw/register';
import { keepShellCache, sendShellTap } from './shell/shellCache';
import { useProfileStore } from './stores/profile';
import { followPageHeading } from './shell/pageHeading';

const app = createApp(App).use(createPinia()).use(router);
// The profile applies on every screen what the backend stamps on it (new claims) and the language saved on it.
useProfileStore();
keepShellCache();
followPageHeading(router);
/** index.html starts this module from its <head>: the page below, the shell included, may still be parsing. */
function whenPageParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

// Mount once the first route is resolved: until then the first-paint shell of index.html stays on
// screen (SOS and the phone), and a tap made there is sent before the countdown opens. The mount is a task of its
// own, after the modules' evaluation: on a slow phone neither holds a tap on the shell for long.
void whenPageParsed()
  .then(() => router.isReady())
  .then(() => sendShellTap(router))
  .catch((error: unknown) => console.error('first-paint SOS not sent:', error))
  .finally(() => setTimeout(() => app.mount('#app'), 0));

// The app works offline once loaded, and receives pushes (production builds only: dev reloads modules live). The
// worker precaches the whole build (the scanner's wasm included): registered once the page has loaded, so on a slow
// link that download does not compete with the first visit's own requests (the sign-in, the code, the call).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () =>
    registerAppServiceWorker().catch((error: unknown) => {
      console.warn('offline support unavailable:', error);
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
