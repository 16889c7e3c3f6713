import { describe, expect, it } from 'vitest';
import { validContactPhone, validateMessageText } from '../src/messages';

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
