// The providers' request bodies, as their APIs document them: what the live transports send and the emulated rows record.
import { describe, expect, it } from 'vitest';
import { telegramAnswerCallbackBody, telegramSendMessageBody, twilioCallForm, twilioMessageForm, twilioStatusCallbackUrl } from '../payloads';

describe('provider payloads', () => {
  it('a Telegram sendMessage body has chat_id, text and one inline keyboard row per button', () => {
    expect(
      telegramSendMessageBody({
        channel: 'telegram',
        chatId: '-100123',
        text: 'Нужна помощь',
        buttons: [
          { text: 'Принять', callbackData: 'accept:r1' },
          { text: 'Открыть', callbackData: 'open:r1' },
        ],
      }),
    ).toEqual({
      chat_id: '-100123',
      text: 'Нужна помощь',
      reply_markup: {
        inline_keyboard: [[{ text: 'Принять', callback_data: 'accept:r1' }], [{ text: 'Открыть', callback_data: 'open:r1' }]],
      },
    });
  });

  it('a Telegram message without buttons has no reply_markup', () => {
    expect(telegramSendMessageBody({ channel: 'telegram', chatId: '1', text: 'Код: 123456', buttons: [] })).toEqual({ chat_id: '1', text: 'Код: 123456' });
  });

  it('an answerCallbackQuery body names the callback query and the notice', () => {
    expect(telegramAnswerCallbackBody('cbq-1', 'Принято')).toEqual({ callback_query_id: 'cbq-1', text: 'Принято' });
  });

  it('Twilio Messages and Calls forms carry To, From, the body or inline TwiML, and the absolute status callback URL', () => {
    const statusCallback = twilioStatusCallbackUrl();
    expect(statusCallback).toMatch(/^https?:\/\/[^/]+\/.+\/twilioWebhook$/);
    expect(twilioMessageForm({ channel: 'sms', to: '+79991234567', body: 'Ответьте 1' }, '+15005550006')).toEqual({
      To: '+79991234567',
      From: '+15005550006',
      Body: 'Ответьте 1',
      StatusCallback: statusCallback,
    });
    expect(twilioCallForm({ channel: 'voice', to: '+79991234567', twiml: '<Response/>' }, '+15005550006')).toEqual({
      To: '+79991234567',
      From: '+15005550006',
      Twiml: '<Response/>',
      StatusCallback: statusCallback,
    });
  });
});
