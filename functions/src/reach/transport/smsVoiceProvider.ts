// SMS and voice calls go out through one provider interface: Twilio today (twilioProvider.ts); another provider is one
// more file implementing it, chosen in index.ts (see the README, "Adding an SMS/voice provider").
import type { ChannelMessage, ChannelSendResult } from './channels';

export type SmsMessage = Extract<ChannelMessage, { channel: 'sms' }>;
export type VoiceMessage = Extract<ChannelMessage, { channel: 'voice' }>;

export interface SmsVoiceProvider {
  readonly name: string;
  /** Sends `message.body` to `message.to`; `providerId` is the provider's message id (the status callbacks carry it). */
  sendSms(message: SmsMessage): Promise<ChannelSendResult>;
  /** Calls `message.to` and plays `message.twiml`; `providerId` is the provider's call id. */
  call(message: VoiceMessage): Promise<ChannelSendResult>;
}
