// The live transport: Telegram through the Bot API, SMS and voice through the SMS/voice provider.
import type { ChannelTransport } from './channels';
import type { SmsVoiceProvider } from './smsVoiceProvider';
import type { TelegramBotApi } from './telegramBotApi';

export function liveChannelTransport({ telegram, smsVoice }: { telegram: TelegramBotApi; smsVoice: SmsVoiceProvider }): ChannelTransport {
  return {
    name: 'live',
    send: (message) => {
      switch (message.channel) {
        case 'telegram':
          return telegram.sendMessage(message);
        case 'sms':
          return smsVoice.sendSms(message);
        case 'voice':
          return smsVoice.call(message);
      }
    },
    answerCallback: (callbackQueryId, text) => telegram.answerCallbackQuery(callbackQueryId, text),
  };
}
