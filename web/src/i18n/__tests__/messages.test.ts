import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, locale, t, type MessageTree } from '..';
import ru from '../ru';
import en from '../en';

function leafMessages(messages: MessageTree, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leafMessages(value, `${prefix}${key}.`),
  );
}

const parameters = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('UI messages', () => {
  const ruMessages = new Map(leafMessages(ru));
  const enMessages = new Map(leafMessages(en));

  afterEach(() => {
    locale.value = 'ru';
  });

  it('English has every Russian key and no other', () => {
    expect([...enMessages.keys()].sort()).toEqual([...ruMessages.keys()].sort());
  });

  it.each([
    ['ru', ruMessages],
    ['en', enMessages],
  ] as const)('every %s message is non-empty and its only braces are {name} parameters', (_, messages) => {
    for (const [key, message] of messages) {
      expect(message.trim().length, key).toBeGreaterThan(0);
      expect(message.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
    }
  });

  it('each English message takes the same parameters as its Russian one', () => {
    for (const [key, message] of ruMessages) expect(parameters(enMessages.get(key) ?? ''), key).toEqual(parameters(message));
  });

  it.each(LOCALES)('every %s key renders its own text, parameters filled', (language) => {
    locale.value = language;
    const own = language === 'ru' ? ruMessages : enMessages;
    for (const [key, message] of own) {
      const params = Object.fromEntries(parameters(message).map((name) => [name, `<${name}>`]));
      const text = t(key, params);
      expect(text, key).toBe(message.replace(/\{(\w+)\}/g, '<$1>'));
    }
  });

  it('keeps the exact labels of the source document in Russian', () => {
    locale.value = 'ru';
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
