import { describe, expect, it } from 'vitest';
import { i18n, LOCALES } from '..';
import ru from '../ru';

function leafKeys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

describe('UI messages', () => {
  const keys = leafKeys(ru);

  it.each(LOCALES)('every %s message compiles and renders (no stray @, | or braces)', (locale) => {
    i18n.global.locale.value = locale;
    for (const key of keys) {
      const text = i18n.global.t(key, { name: 'Иван', count: 1, max: 1000, reason: 'x', message: 'x', accounts: 'a', password: 'p' });
      expect(text, key).not.toBe(key);
      expect(text.length, key).toBeGreaterThan(0);
    }
  });

  it('keeps the exact labels of the source document in Russian', () => {
    i18n.global.locale.value = 'ru';
    const t = i18n.global.t;
    expect([t('sos.emergency'), t('countdown.repeat'), t('sos.location'), t('sos.notSelected')]).toEqual([
      'ЭКСТРЕННАЯ ПОМОЩЬ',
      'ПОВТОРИТЬ ЗАПРОС',
      'Ваше месторасположение',
      'Не выбрано',
    ]);
    expect([t('sos.describe'), t('sos.submit'), t('sos.staffPhone'), t('sos.call')]).toEqual([
      'Опишите ситуацию',
      'Оставить заявку',
      'Телефон вызова персонала',
      'Позвонить',
    ]);
  });
});
