// The request bodies of the providers' APIs, built once: the live transports send them, the emulated one records them.

import { webhookBaseUrl } from '../../params';
import type { ChannelMessage } from './channels';

/** Telegram Bot API `sendMessage` JSON body. */
export function telegramSendMessageBody(message: Extract<ChannelMessage, { channel: 'telegram' }>): Record<string, unknown> {
  const body: Record<string, unknown> = { chat_id: message.chatId, text: message.text };
  if (message.buttons?.length) {
    body.reply_markup = { inline_keyboard: message.buttons.map((button) => [{ text: button.text, callback_data: button.callbackData }]) };
  }
  return body;
}

/** Telegram Bot API `answerCallbackQuery` JSON body. */
export function telegramAnswerCallbackBody(callbackQueryId: string, text: string): Record<string, unknown> {
  return { callback_query_id: callbackQueryId, text };
}

/** Where Twilio reports a message's or call's status: the one webhook, bare. */
export function twilioStatusCallbackUrl(): string {
  return `${webhookBaseUrl()}/twilioWebhook`;
}

/** Twilio Messages API form fields (POST /2010-04-01/Accounts/{sid}/Messages.json). */
export function twilioMessageForm(message: Extract<ChannelMessage, { channel: 'sms' }>, from: string): Record<string, string> {
  return { To: message.to, From: from, Body: message.body, StatusCallback: twilioStatusCallbackUrl() };
}

/** Twilio Calls API form fields (POST /2010-04-01/Accounts/{sid}/Calls.json), the TwiML inline. */
export function twilioCallForm(message: Extract<ChannelMessage, { channel: 'voice' }>, from: string): Record<string, string> {
  return { To: message.to, From: from, Twiml: message.twiml, StatusCallback: twilioStatusCallbackUrl() };
}
