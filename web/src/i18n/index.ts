// The one i18n layer: Russian by default, English second, the choice remembered on the device.
// Hand-written instead of vue-i18n (26.6 KB less gzip on /sos): the messages need only dotted keys,
// `{name}` parameters, plural forms chosen by a `count` parameter, a fallback to Russian and three date formats.
import { ref, type Ref } from 'vue';
import { LOCALES, type Locale } from '@sos/model';
import ru from './ru';
import en from './en';

export type Messages = typeof ru;

export { LOCALES, type Locale };
/** Parameters of a message: `{name}` in the text is replaced by `params.name`. */
export type MessageParams = Readonly<Record<string, string | number>>;
export type DateFormat = 'short' | 'long' | 'time';

const STORAGE_KEY = 'sos.locale';

/** A catalogue of one language: messages grouped by dotted keys. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

const DATE_FORMATS: Record<DateFormat, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  long: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

/** The message at a dotted key (`sos.title`), or undefined when there is none or the key names a group. */
function lookup(messages: MessageTree, key: string): string | undefined {
  let node: string | MessageTree = messages;
  for (const part of key.split('.')) {
    // Own keys only: `constructor` or `toString` are not messages.
    const child: string | MessageTree | undefined = typeof node === 'object' && Object.hasOwn(node, part) ? node[part] : undefined;
    if (child === undefined) return undefined;
    node = child;
  }
  return typeof node === 'string' ? node : undefined;
}

const PARAMETER = /\{(\w+)\}/g;

/**
 * A message with plural forms is a group keyed by the language's plural categories (`one`, `few`, `many`, `other`:
 * Intl.PluralRules), asked for with a numeric `count`: «2 человека», «5 человек». `other` stands in for a missing form.
 */
function lookupPlural(messages: MessageTree, key: string, language: string, count: unknown): string | undefined {
  if (typeof count !== 'number') return undefined;
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return lookup(messages, `${key}.${rules.select(count)}`) ?? lookup(messages, `${key}.other`);
}
const pluralRules = new Map<string, Intl.PluralRules>();

export interface Translator<L extends string> {
  /**
   * The message in the current language, else in the fallback language, else the key itself; `{name}` filled from params
   * (missing: empty); a group of plural forms gives the form for `params.count`.
   */
  t: (key: string, params?: MessageParams) => string;
  /** Whether the current language (or the one given) has a message at this key; no fallback. */
  te: (key: string, inLocale?: L) => boolean;
  /** A date in the current language's style, in one of the app's three formats. */
  d: (value: Date | number, format: DateFormat) => string;
}

/** Every function reads `locale.value`, so a template or watcher that used them follows a language change. */
export function createTranslator<L extends string>(messages: Record<L, MessageTree>, fallbackLocale: L, locale: Ref<L>): Translator<L> {
  const dateFormatters = new Map<string, Intl.DateTimeFormat>();
  return {
    t: (key, params = {}) => {
      const message =
        lookup(messages[locale.value], key) ??
        lookupPlural(messages[locale.value], key, locale.value, params.count) ??
        lookup(messages[fallbackLocale], key) ??
        lookupPlural(messages[fallbackLocale], key, fallbackLocale, params.count);
      if (message === undefined) return key;
      return message.replace(PARAMETER, (_, name: string) => String(params[name] ?? ''));
    },
    te: (key, inLocale = locale.value) => lookup(messages[inLocale], key) !== undefined,
    d: (value, format) => {
      const cacheKey = `${locale.value}:${format}`;
      let formatter = dateFormatters.get(cacheKey);
      if (!formatter) {
        formatter = new Intl.DateTimeFormat(locale.value, DATE_FORMATS[format]);
        dateFormatters.set(cacheKey, formatter);
      }
      return formatter.format(value);
    },
  };
}

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'ru';
}

/** The app's language, one for every component. */
export const locale: Ref<Locale> = ref(initialLocale());
export const { t, te, d } = createTranslator<Locale>({ ru, en }, 'ru', locale);

/** What components use: the same functions and the one shared locale everywhere. */
export function useI18n(): Translator<Locale> & { locale: Ref<Locale> } {
  return { t, te, d, locale };
}

/** Whether this device has a language of its own (chosen here); if not, the profile's applies. */
export function deviceHasLocale(): boolean {
  return globalThis.localStorage?.getItem(STORAGE_KEY) != null;
}

/** Switches the language and remembers it on this device (`<html lang>` follows in shell/pageHeading.ts). */
export function setLocale(next: Locale): void {
  locale.value = next;
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
}
