import { describe, expect, it } from 'vitest';
import { isTelegramSecret, routeOf } from '../telegramUpdate';

const message = (text: string, chatId: number = 4242) => ({
  update_id: 1,
  message: { message_id: 7, from: { id: chatId, language_code: 'en' }, chat: { id: chatId, type: 'private' }, text },
});

describe('Telegram update routing', () => {
  it('reads /start with its code, the chat id as a string and the language', () => {
    expect(routeOf(message('/start abc_DEF-123'))).toEqual({ kind: 'start', chatId: '4242', code: 'abc_DEF-123', languageCode: 'en' });
    expect(routeOf(message('/start@sos_demo_bot xyz', -100123))).toMatchObject({ kind: 'start', chatId: '-100123', code: 'xyz' });
    expect(routeOf(message('/start'))).toMatchObject({ kind: 'start', code: null });
  });

  it('leaves other messages, button presses and junk to be ignored', () => {
    expect(routeOf(message('hello'))).toEqual({ kind: 'other', what: 'message' });
    expect(routeOf(message('/start a b'))).toEqual({ kind: 'other', what: 'message' });
    expect(routeOf({ update_id: 2, callback_query: { id: 'q', data: 'x' } })).toEqual({ kind: 'other', what: 'callback_query' });
    expect(routeOf('nonsense')).toEqual({ kind: 'other', what: 'not-json' });
    expect(routeOf({ update_id: 3, message: { chat: { id: 'x' }, text: '/start abc' } })).toEqual({ kind: 'other', what: 'message' });
  });
});

describe('the webhook secret', () => {
  it('passes only the exact secret', () => {
    expect(isTelegramSecret('demo-secret', 'demo-secret')).toBe(true);
    expect(isTelegramSecret('demo-secreT', 'demo-secret')).toBe(false);
    expect(isTelegramSecret('demo', 'demo-secret')).toBe(false);
    expect(isTelegramSecret(undefined, 'demo-secret')).toBe(false);
    expect(isTelegramSecret('', '')).toBe(false);
  });
});
