import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import './styles.css';

createApp(App).use(createPinia()).use(router).use(i18n).mount('#app');

// The app shell works offline once loaded (production builds only: dev reloads modules live).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/app-sw.js').catch((error: unknown) => {
    console.warn('offline support unavailable:', error);
  });
}
