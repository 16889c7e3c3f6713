// The channel seam: Telegram, SMS and voice calls go out through one transport, live (Telegram Bot API, Twilio) or
// emulated (records exactly what the provider's API would have received). Callers never know which.

/** The channels a contact method can be alerted on (push is the app's own, see ../../push). */
export type ContactChannel = 'telegram' | 'sms' | 'voice';

/** One message to one address. */
export type ChannelMessage =
  | {
      channel: 'telegram';
      /** The Telegram chat id, as a string. */
      chatId: string;
      text: string;
      /** Inline buttons under the text, one row each: what they say and the `callback_data` a press sends back. */
      buttons?: { text: string; callbackData: string }[];
    }
  | {
      channel: 'sms';
      /** E.164. */
      to: string;
      body: string;
    }
  | {
      channel: 'voice';
      /** E.164. */
      to: string;
      /** The call's TwiML, inline (see twiml.ts). */
      twiml: string;
    };

/** What became of one message. */
export interface ChannelSendResult {
  status: 'sent' | 'emulated' | 'failed';
  /** The provider's id: Telegram `message_id`, Twilio `MessageSid`/`CallSid`; null when nothing was sent. */
  providerId: string | null;
  error: string | null;
  /** Emulated only: exactly the body the provider's API would have received (see payloads.ts); null when live. */
  payload: Record<string, unknown> | null;
}

export interface ChannelTransport {
  readonly name: 'emulated' | 'live';
  /** Never throws for a provider's refusal: that is a `failed` result. */
  send(message: ChannelMessage): Promise<ChannelSendResult>;
  /** Telegram `answerCallbackQuery`: the short notice a button press shows its presser. */
  answerCallback(callbackQueryId: string, text: string): Promise<ChannelSendResult>;
}
