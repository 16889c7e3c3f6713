import { describe, expect, it } from 'vitest';
import { contactCreate, isContactAddress, isContactCode, isContactKind, telegramContactId, telegramLinkUrl } from '../src';

describe('contact methods', () => {
  it('takes E.164 for sms and voice and a chat id for telegram', () => {
    expect(isContactAddress('sms', '+79120000002')).toBe(true);
    expect(isContactAddress('voice', '+79120000002')).toBe(true);
    expect(isContactAddress('sms', '89120000002')).toBe(false);
    expect(isContactAddress('voice', '+7 912 000-00-02')).toBe(false);
    expect(isContactAddress('telegram', '123456789')).toBe(true);
    expect(isContactAddress('telegram', '-100123')).toBe(true);
    expect(isContactAddress('telegram', '+79120000002')).toBe(false);
  });

  it('knows exactly the three kinds', () => {
    expect(['sms', 'voice', 'telegram', 'push', 'email'].map(isContactKind)).toEqual([true, true, true, false, false]);
  });

  it('builds exactly what the rules accept from the owner: unverified, at server time', () => {
    expect(contactCreate('sms', '+79120000002', 'SERVER_TIME')).toEqual({
      kind: 'sms',
      address: '+79120000002',
      verified: false,
      verifiedAt: null,
      createdAt: 'SERVER_TIME',
    });
  });

  it('takes a code of exactly 6 digits', () => {
    expect(['012345', '12345', '1234567', '12345a', 123456].map(isContactCode)).toEqual([true, false, false, false, false]);
  });

  it('gives one method id per Telegram chat and a t.me deep link', () => {
    expect(telegramContactId('4242')).toBe('telegram-4242');
    expect(telegramLinkUrl('sos_demo_bot', 'abc-_1')).toBe('https://t.me/sos_demo_bot?start=abc-_1');
  });
});
