import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from '../src/phone';
import { isE164Phone } from '../src/people';

describe('typed phones become E.164', () => {
  it.each([
    ['8 912 345-67-89', '+79123456789'],
    ['+7 (912) 345-67-89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['8 (912) 345 67 89', '+79123456789'],
    ['912 345-67-89', '+79123456789'],
    ['  +79123456789  ', '+79123456789'],
    ['+7 342 258-00-78', '+73422580078'],
    ['8 (342) 258-00-78', '+73422580078'],
    ['8 800 555-35-35', '+78005553535'],
  ])('Russian: «%s» → %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+1 (213) 373-4253', '+12133734253'],
    ['+49 30 901820', '+4930901820'],
    ['+380 44 123 4567', '+380441234567'],
    ['+7 701 234 5678', '+77012345678'],
  ])('international: «%s» → %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each([
    ['', 'empty'],
    ['позвоните', 'words'],
    ['abc', 'letters'],
    ['12', 'too short'],
    ['112', 'an emergency number is no personal phone'],
    ['+7 912 345', 'a number cut short'],
    ['8 912 345-67-89 0', 'a digit too many'],
    ['+79123456789000', 'longer than any plan'],
    ['+0123456789', 'no country starts with 0'],
    ['+1234567890123456', 'longer than E.164'],
    ['+7 000 000-00-00', 'no such Russian number'],
    ['+7 912 345-67-89 доб. 12', 'an extension cannot be called or texted'],
    ['8 912 345-67-89x', 'a letter at the end'],
    ['++79123456789', 'two pluses'],
  ])('refuses «%s» (%s)', (typed) => {
    expect(normalizePhone(typed)).toBeNull();
  });

  it('gives only what the rules call E.164', () => {
    for (const typed of ['8 912 345-67-89', '+44 20 7946 0958', '+1 213 373 4253']) expect(isE164Phone(normalizePhone(typed) ?? '')).toBe(true);
  });

  it('is idempotent: E.164 stays as it is', () => {
    expect(normalizePhone(normalizePhone('8 912 345-67-89') ?? '')).toBe('+79123456789');
  });
});

describe('phones as people read them', () => {
  it('groups a Russian number as the source document prints the staff phone', () => {
    expect(formatPhone('+73422580078')).toBe('+7 342 258 00 78');
    expect(formatPhone('8 912 345-67-89')).toBe('+7 912 345 67 89');
  });
  it('groups an international number by its country', () => {
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhone('+12133734253')).toBe('+1 213 373 4253');
  });
  it('leaves what is not a phone as it was typed', () => {
    expect(formatPhone('позвоните')).toBe('позвоните');
    expect(formatPhone('+7 912 345')).toBe('+7 912 345');
    expect(formatPhone('')).toBe('');
  });
});
