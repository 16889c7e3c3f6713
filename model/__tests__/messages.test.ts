import { describe, expect, it } from 'vitest';
import { messageRateWrite, overMessageRate, validContactPhone, validateMessageText } from '../src/messages';

describe('message text', () => {
  it('needs 1 to 500 characters that are not all blank', () => {
    expect(validateMessageText('Иду')).toBeNull();
    expect(validateMessageText('x'.repeat(500))).toBeNull();
    expect(validateMessageText('x'.repeat(501))).toBe('too-long');
    expect(validateMessageText('')).toBe('empty');
    expect(validateMessageText('  \n ')).toBe('empty');
  });
});

describe('contact phone', () => {
  it('accepts the usual ways of writing a phone, up to 20 characters', () => {
    expect(validContactPhone('+7 912 345-67-89')).toBe(true);
    expect(validContactPhone('8 (912) 345 67 89')).toBe(true);
    expect(validContactPhone('+7 912 345-67-89 000')).toBe(true);
    expect(validContactPhone('+7 912 345-67-89 0000')).toBe(false);
    expect(validContactPhone('call me')).toBe(false);
    expect(validContactPhone('12')).toBe(false);
  });
});

describe('message rate', () => {
  const now = 100_000;
  it('a writer may send 10 messages a minute on a request; the 11th within the minute is refused', () => {
    expect(overMessageRate([], now)).toBe(false);
    expect(
      overMessageRate(
        Array.from({ length: 9 }, (_v, i) => now - i * 1000),
        now,
      ),
    ).toBe(false);
    expect(
      overMessageRate(
        Array.from({ length: 10 }, (_v, i) => now - i * 1000),
        now,
      ),
    ).toBe(true);
  });
  it('messages older than a minute no longer count', () => {
    expect(overMessageRate([...Array.from({ length: 9 }, () => now - 1000), now - 60_000], now)).toBe(false);
  });
});

describe('the rate document a message bumps', () => {
  it('the first message starts a window at server time, counted as one', () => {
    expect(messageRateWrite(null, 'm1', 'NOW', 'PLUS_ONE')).toEqual({ op: 'set', data: { windowStart: 'NOW', count: 1, lastMessageId: 'm1' } });
  });
  it('the next ones count on in the window, however old it is', () => {
    expect(messageRateWrite({ count: 1 }, 'm2', 'NOW', 'PLUS_ONE')).toEqual({ op: 'update', data: { count: 'PLUS_ONE', lastMessageId: 'm2' } });
    expect(messageRateWrite({ count: 9 }, 'm10', 'NOW', 'PLUS_ONE')).toEqual({ op: 'update', data: { count: 'PLUS_ONE', lastMessageId: 'm10' } });
  });
  it('the 11th starts a new window (the rules allow it once the full one is a minute old)', () => {
    expect(messageRateWrite({ count: 10 }, 'm11', 'NOW', 'PLUS_ONE')).toEqual({ op: 'set', data: { windowStart: 'NOW', count: 1, lastMessageId: 'm11' } });
  });
});
