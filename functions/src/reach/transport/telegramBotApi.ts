// Live Telegram: the Bot API's `sendMessage` (with the inline «Принять» keyboard) and `answerCallbackQuery`.
// https://core.telegram.org/bots/api#making-requests
import type { ChannelMessage, ChannelSendResult } from './channels';
import { telegramAnswerCallbackBody, telegramSendMessageBody } from './payloads';
import { excerptOf, fieldOf, postToProvider } from './providerHttp';

export const TELEGRAM_API_BASE_URL = 'https://api.telegram.org';

export interface TelegramBotApiOptions {
  /** TELEGRAM_BOT_TOKEN. */
  token: string;
  /** Where the Bot API is (a test points it at its own fake). */
  apiBaseUrl?: string;
}

export interface TelegramBotApi {
  sendMessage(message: Extract<ChannelMessage, { channel: 'telegram' }>): Promise<ChannelSendResult>;
  answerCallbackQuery(callbackQueryId: string, text: string): Promise<ChannelSendResult>;
}

const failed = (error: string): ChannelSendResult => ({ status: 'failed', providerId: null, error, payload: null });

export function telegramBotApi({ token, apiBaseUrl = TELEGRAM_API_BASE_URL }: TelegramBotApiOptions): TelegramBotApi {
  /** Every method is a POST of a JSON body; the answer is `{ok: true, result}` or `{ok: false, error_code, description}`. */
  async function call(method: string, body: Record<string, unknown>): Promise<{ result: unknown } | { error: string }> {
    if (!token) return { error: `telegram ${method}: TELEGRAM_BOT_TOKEN is not set (the function must list REACH_SECRETS)` };
    const response = await postToProvider(`${apiBaseUrl}/bot${token}/${method}`, {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.reached) return { error: `telegram ${method}: ${response.reason}` };
    if (fieldOf(response.body, 'ok') === true) return { result: fieldOf(response.body, 'result') };
    const description = fieldOf(response.body, 'description');
    return { error: `telegram ${method} ${response.status}: ${typeof description === 'string' ? description : excerptOf(response.body)}` };
  }

  return {
    async sendMessage(message) {
      const answer = await call('sendMessage', telegramSendMessageBody(message));
      if ('error' in answer) return failed(answer.error);
      const messageId = fieldOf(answer.result, 'message_id');
      return { status: 'sent', providerId: typeof messageId === 'number' ? String(messageId) : null, error: null, payload: null };
    },
    async answerCallbackQuery(callbackQueryId, text) {
      const answer = await call('answerCallbackQuery', telegramAnswerCallbackBody(callbackQueryId, text));
      if ('error' in answer) return failed(answer.error);
      return { status: 'sent', providerId: null, error: null, payload: null };
    },
  };
}
