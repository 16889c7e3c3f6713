// The channel transport chosen by configuration (config.reach.transport), in one place.
import { config } from '../../config';
import { TELEGRAM_BOT_TOKEN, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM } from '../../params';
import type { ChannelTransport } from './channels';
import { emulatedChannelTransport } from './emulatedTransport';
import { liveChannelTransport } from './liveTransport';
import { telegramBotApi } from './telegramBotApi';
import { twilioProvider } from './twilioProvider';

/**
 * Live credentials are the secrets' values, read when a message is sent: only a function that lists REACH_SECRETS has
 * them (without, every live send is `failed` with a reason naming the missing secret).
 */
function liveTransport(): ChannelTransport {
  return liveChannelTransport({
    telegram: telegramBotApi({ token: TELEGRAM_BOT_TOKEN.value() }),
    smsVoice: twilioProvider({ accountSid: TWILIO_ACCOUNT_SID.value(), authToken: TWILIO_AUTH_TOKEN.value(), from: TWILIO_FROM.value() }),
  });
}

export function channelTransport(): ChannelTransport {
  switch (config.reach.transport) {
    case 'emulated':
      return emulatedChannelTransport;
    case 'live':
      return liveTransport();
  }
}
export type { ChannelMessage, ChannelSendResult, ChannelTransport, ContactChannel } from './channels';
export type { SmsVoiceProvider } from './smsVoiceProvider';
