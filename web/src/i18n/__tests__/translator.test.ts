import { afterEach, describe, expect, it, vi } from 'vitest';
import { computed, ref } from 'vue';
import { createTranslator, d, locale, setLocale, t, te, useI18n } from '..';

/** A Storage backed by a Map: Node has no localStorage, and the module only reads and writes one key. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

afterEach(() => {
  locale.value = 'ru';
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('t', () => {
  it('fills named parameters, numbers included, and leaves a missing one empty', () => {
    expect(t('home.greeting', { name: 'Иван' })).toBe('Здравствуйте, Иван');
    expect(t('stats.minutes', { m: 2, s: 5 })).toBe('2 мин 5 с');
    expect(t('home.greeting')).toBe('Здравствуйте, ');
  });

  it('answers in the current language', () => {
    locale.value = 'en';
    expect(t('home.greeting', { name: 'Ivan' })).toBe('Hello, Ivan');
    expect(t('stats.minutes', { m: 2, s: 5 })).toBe('2 min 5 s');
  });

  it('returns the key itself for an unknown key, a group or an inherited property', () => {
    expect(t('sos.nothingHere')).toBe('sos.nothingHere');
    expect(t('locations.kinds')).toBe('locations.kinds');
    expect(t('constructor')).toBe('constructor');
    expect(t('sos.title.deeper')).toBe('sos.title.deeper');
  });

  it('falls back to the fallback language, then to the key', () => {
    const current = ref<'ru' | 'en'>('en');
    const translator = createTranslator({ ru: { a: { b: 'только по-русски {x}' } }, en: { a: {} } }, 'ru', current);
    expect(translator.t('a.b', { x: 1 })).toBe('только по-русски 1');
    expect(translator.te('a.b')).toBe(false);
    expect(translator.te('a.b', 'ru')).toBe(true);
    expect(translator.t('a.c')).toBe('a.c');
  });
});

describe('plural forms', () => {
  const catalogue = {
    ru: { people: { one: '{count} человек', few: '{count} человека', many: '{count} человек', other: '{count} человека' }, only: { other: 'всего {count}' } },
    en: { people: { one: '{count} person', other: '{count} people' } },
  };

  it('picks the form of the language for a numeric count', () => {
    const translator = createTranslator(catalogue, 'ru', ref<'ru' | 'en'>('ru'));
    expect([1, 2, 5, 11, 21, 22, 0].map((count) => translator.t('people', { count }))).toEqual([
      '1 человек',
      '2 человека',
      '5 человек',
      '11 человек',
      '21 человек',
      '22 человека',
      '0 человек',
    ]);
    expect(translator.t('only', { count: 3 })).toBe('всего 3');
  });

  it('in English one and other; falls back to Russian forms; a group without a count is not a message', () => {
    const language = ref<'ru' | 'en'>('en');
    const translator = createTranslator(catalogue, 'ru', language);
    expect(translator.t('people', { count: 1 })).toBe('1 person');
    expect(translator.t('people', { count: 4 })).toBe('4 people');
    expect(translator.t('only', { count: 2 })).toBe('всего 2');
    expect(translator.t('people')).toBe('people');
    expect(translator.t('people', { count: '2' })).toBe('people');
  });
});

describe('te', () => {
  it('is true for a message, false for a group or an unknown key', () => {
    expect(te('locations.kinds.floor')).toBe(true);
    expect(te('locations.kinds.castle')).toBe(false);
    expect(te('locations.kinds')).toBe(false);
    expect(te('toString')).toBe(false);
  });
});

describe('d', () => {
  // Built from local parts, so the expected clock time does not depend on the machine's time zone.
  const moment = new Date(2026, 10, 27, 14, 3, 4);

  it('formats short, long and time in Russian', () => {
    expect(d(moment, 'short')).toBe('27 нояб., 14:03');
    expect(d(moment, 'long')).toMatch(/^27 ноября 2026 г\.(,| в) 14:03:04$/);
    expect(d(moment, 'time')).toBe('14:03:04');
  });

  it('formats short, long and time in English, and takes epoch milliseconds', () => {
    locale.value = 'en';
    expect(d(moment, 'short')).toMatch(/^Nov 27, 02:03\sPM$/);
    expect(d(moment, 'long')).toMatch(/^November 27, 2026(,| at) 02:03:04\sPM$/);
    expect(d(moment.getTime(), 'time')).toMatch(/^02:03:04\sPM$/);
  });
});

describe('locale', () => {
  it('re-renders what read a message or a date when the language changes', () => {
    const { t: translate, d: date, locale: shared } = useI18n();
    const label = computed(() => `${translate('app.language')} ${date(new Date(2026, 0, 1, 9, 0, 0), 'time')}`);
    expect(label.value).toBe('Язык 09:00:00');
    shared.value = 'en';
    expect(locale.value).toBe('en');
    expect(label.value).toMatch(/^Language 09:00:00\sAM$/);
  });

  it('setLocale switches the language and remembers it on the device for the next start', async () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    setLocale('en');
    expect(t('app.signOut')).toBe('Sign out');
    expect(storage.getItem('sos.locale')).toBe('en');
    vi.resetModules();
    const restarted = await import('..');
    expect(restarted.locale.value).toBe('en');
    expect(restarted.t('app.signOut')).toBe('Sign out');
  });

  it('starts in Russian when nothing or something unknown is remembered', async () => {
    vi.stubGlobal('localStorage', memoryStorage({ 'sos.locale': 'de' }));
    const started = await import('..');
    expect(started.locale.value).toBe('ru');
    expect(started.t('app.signOut')).toBe('Выйти');
  });
});
