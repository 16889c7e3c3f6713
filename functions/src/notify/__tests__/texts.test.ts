import { describe, expect, it } from 'vitest';
import { LOCALES } from '@sos/model';
import { localeOf, SERVER_TEXTS, textsFor } from '../texts';

describe('server texts', () => {
  it('every locale has every text, and no two locales share a sentence (a missed translation would)', () => {
    const keys = Object.keys(SERVER_TEXTS.ru).sort();
    for (const locale of LOCALES) expect(Object.keys(SERVER_TEXTS[locale]).sort()).toEqual(keys);
    const rendered = (locale: (typeof LOCALES)[number]) =>
      Object.values(SERVER_TEXTS[locale]).map((text) => (typeof text === 'function' ? (text as (...args: unknown[]) => string)(2, 'X') : text));
    const ru = rendered('ru');
    expect(rendered('en').filter((text, i) => text === ru[i])).toEqual([]);
  });

  it("gives the order title in the requester's language", () => {
    expect(textsFor('ru').orderTitle).toBe('Вызов персонала');
    expect(textsFor('en').orderTitle).toBe('Staff call');
  });

  it('reads a stored locale, Russian when it is absent or unknown', () => {
    expect(localeOf('en')).toBe('en');
    expect(localeOf('ru')).toBe('ru');
    expect(localeOf(undefined)).toBe('ru');
    expect(localeOf('de')).toBe('ru');
    expect(localeOf(null)).toBe('ru');
  });
});
