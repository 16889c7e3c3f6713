// The one i18n layer: Russian by default, English second, the choice remembered on the device.
import { createI18n } from 'vue-i18n';
// Messages are precompiled at build time (@intlify/unplugin-vue-i18n, web/vite.config.ts): the message compiler stays out of the bundle.
import ru from './ru';
import en from './en';

export type Messages = typeof ru;

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = 'sos.locale';

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'ru';
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'ru',
  messages: { ru, en },
  datetimeFormats: {
    ru: {
      short: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
      long: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
      time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
    },
    en: {
      short: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
      long: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
      time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
    },
  },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
