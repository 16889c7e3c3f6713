// The live transport sends each channel to its provider: Telegram to the Bot API, SMS and voice to Twilio (both fakes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveChannelTransport } from '../liveTransport';
import { telegramBotApi } from '../telegramBotApi';
import { twilioProvider } from '../twilioProvider';
import { startFakeProviderApi, type FakeProviderApi } from './fakeProviderApi';

let telegram: FakeProviderApi;
let twilio: FakeProviderApi;

beforeAll(async () => {
  telegram = await startFakeProviderApi(({ path }) => ({ status: 200, body: { ok: true, result: path.endsWith('/sendMessage') ? { message_id: 7 } : true } }));
  twilio = await startFakeProviderApi(({ path }) => ({ status: 201, body: { sid: path.endsWith('/Calls.json') ? 'CA1' : 'SM1' } }));
});
afterAll(async () => {
  await Promise.all([telegram.close(), twilio.close()]);
});

describe('live channel transport', () => {
  it('routes Telegram messages and button answers to the Bot API, SMS and calls to Twilio', async () => {
    const transport = liveChannelTransport({
      telegram: telegramBotApi({ token: '1:t', apiBaseUrl: telegram.url }),
      smsVoice: twilioProvider({ accountSid: 'AC1', authToken: 'a', from: '+15005550006', apiBaseUrl: twilio.url }),
    });

    expect(transport.name).toBe('live');
    expect(await transport.send({ channel: 'telegram', chatId: '5', text: 'x' })).toMatchObject({ status: 'sent', providerId: '7' });
    expect(await transport.send({ channel: 'sms', to: '+79991234567', body: 'x' })).toMatchObject({ status: 'sent', providerId: 'SM1' });
    expect(await transport.send({ channel: 'voice', to: '+79991234567', twiml: '<Response/>' })).toMatchObject({ status: 'sent', providerId: 'CA1' });
    expect(await transport.answerCallback('cbq', 'ok')).toMatchObject({ status: 'sent', providerId: null });

    expect(telegram.requests.map(({ path }) => path)).toEqual(['/bot1:t/sendMessage', '/bot1:t/answerCallbackQuery']);
    expect(twilio.requests.map(({ path }) => path)).toEqual(['/2010-04-01/Accounts/AC1/Messages.json', '/2010-04-01/Accounts/AC1/Calls.json']);
  });
});
