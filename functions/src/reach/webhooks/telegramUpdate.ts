// What a Telegram update asks for, read from its JSON alone (pure): the webhook routes on this.
import { timingSafeEqual } from 'node:crypto';
import { parseAcceptCallback } from '../steps/alertTexts';

/** One kind of update the bot acts on, or `other` (answered 200 and ignored). */
export type TelegramRoute =
  | {
      kind: 'start';
      /** The chat to answer in and, when linked, to alert: Telegram's chat id as a string. */
      chatId: string;
      /** The deep link's parameter (`/start <code>`); null for a bare `/start`. */
      code: string | null;
      /** The sender's Telegram language (`from.language_code`), if given. */
      languageCode: string | null;
    }
  | {
      /** «Принять» under an alert: the callback data names the request (steps/alertTexts.ts). */
      kind: 'accept';
      callbackQueryId: string;
      /** Who pressed: the private chat the alert went to (the method's address). */
      chatId: string;
      requestId: string;
      languageCode: string | null;
    }
  | { kind: 'other'; what: string };

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A chat id as Telegram sends it (an integer), as the string a contact's `address` holds. */
function chatIdOf(chat: Record<string, unknown> | null): string | null {
  const id = chat?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : null;
}

/** `/start`, `/start <code>`, and in groups `/start@bot_name <code>`. */
const START = /^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/;

export function routeOf(update: unknown): TelegramRoute {
  const body = record(update);
  const message = record(body?.message);
  if (message) {
    const chatId = chatIdOf(record(message.chat));
    const text = typeof message.text === 'string' ? message.text.trim() : '';
    const start = START.exec(text);
    if (chatId && start) {
      const languageCode = record(message.from)?.language_code;
      return { kind: 'start', chatId, code: start[1] ?? null, languageCode: typeof languageCode === 'string' ? languageCode : null };
    }
    return { kind: 'other', what: 'message' };
  }
  const callback = record(body?.callback_query);
  if (callback) {
    const requestId = parseAcceptCallback(callback.data);
    const from = record(callback.from);
    const chatId = chatIdOf(record(record(callback.message)?.chat)) ?? chatIdOf(from);
    if (requestId && chatId && typeof callback.id === 'string') {
      const languageCode = from?.language_code;
      return { kind: 'accept', callbackQueryId: callback.id, chatId, requestId, languageCode: typeof languageCode === 'string' ? languageCode : null };
    }
    return { kind: 'other', what: 'callback_query' };
  }
  const what = body ? (Object.keys(body).find((key) => key !== 'update_id') ?? 'empty') : 'not-json';
  return { kind: 'other', what };
}

/** The `X-Telegram-Bot-Api-Secret-Token` check, in constant time; a missing header or an unset secret never passes. */
export function isTelegramSecret(header: unknown, secret: string): boolean {
  if (typeof header !== 'string' || header === '' || secret === '') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
