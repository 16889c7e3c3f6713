// Emulator transport: sends nothing and returns, as `payload`, exactly the body the provider's API would have received.
import { telegramAnswerCallbackBody, telegramSendMessageBody, twilioCallForm, twilioMessageForm } from './payloads';
import type { ChannelMessage, ChannelSendResult, ChannelTransport } from './channels';

/** The sender number the emulated Twilio rows show (live: the TWILIO_FROM secret). */
export const EMULATED_TWILIO_FROM = '+15005550006';

function payloadOf(message: ChannelMessage): Record<string, unknown> {
  switch (message.channel) {
    case 'telegram':
      return telegramSendMessageBody(message);
    case 'sms':
      return twilioMessageForm(message, EMULATED_TWILIO_FROM);
    case 'voice':
      return twilioCallForm(message, EMULATED_TWILIO_FROM);
  }
}

let sequence = 0;
const emulatedId = (channel: string) => `emulated-${channel}-${Date.now()}-${++sequence}`;

export const emulatedChannelTransport: ChannelTransport = {
  name: 'emulated',
  send: async (message): Promise<ChannelSendResult> => ({
    status: 'emulated',
    providerId: emulatedId(message.channel),
    error: null,
    payload: payloadOf(message),
  }),
  answerCallback: async (callbackQueryId, text): Promise<ChannelSendResult> => ({
    status: 'emulated',
    providerId: null,
    error: null,
    payload: telegramAnswerCallbackBody(callbackQueryId, text),
  }),
};
