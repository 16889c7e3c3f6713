import { describe, expect, it } from 'vitest';
import { alertMessage } from '../alertTexts';

const fire = {
  source: 'form' as const,
  kind: 'fire' as const,
  locationName: 'БЦ «Демо»',
  objectName: 'Кухня, 3 этаж',
  requester: { name: 'Анна', phone: '+79990000000' },
};

describe('alert texts', () => {
  it('say the kind first, then where and who, in the owner’s language', () => {
    expect(alertMessage('sms', '+79000000000', 'ru', 'r1', fire, 'https://x/gather')).toEqual({
      channel: 'sms',
      to: '+79000000000',
      body: 'SOS: Пожар или дым — БЦ «Демо», Кухня, 3 этаж\nВызвал(а): Анна\nОтветьте 1, чтобы принять.',
    });
    const telegram = alertMessage('telegram', '42', 'en', 'r1', fire, 'https://x/gather');
    expect(telegram).toMatchObject({ channel: 'telegram', chatId: '42', buttons: [{ text: 'Accept', callbackData: 'ack:r1' }] });
    expect(telegram.channel === 'telegram' && telegram.text.split('\n')[0]).toBe('SOS: Fire or smoke — БЦ «Демо», Кухня, 3 этаж');
  });

  it('warn of a silent call before anything else, and read a request stored without a kind by its source', () => {
    const silent = { ...fire, source: 'emergency' as const, kind: 'emergency' as const, silent: true, objectName: null };
    const sms = alertMessage('sms', '+79000000000', 'ru', 'r1', silent, 'https://x/gather');
    expect(sms.channel === 'sms' && sms.body.split('\n')[0]).toBe('SOS: Тихий вызов — не звоните заявителю — БЦ «Демо», место не указано (экстренный вызов)');
    const old = alertMessage('sms', '+79000000000', 'en', 'r1', { ...fire, kind: undefined }, 'https://x/gather');
    expect(old.channel === 'sms' && old.body.split('\n')[0]).toBe('SOS: Other — БЦ «Демо», Кухня, 3 этаж');
  });
});
