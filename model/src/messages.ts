import { MAX_CONTACT_PHONE_LENGTH, MAX_MESSAGE_LENGTH } from './contract';

export type MessageError = 'empty' | 'too-long';

/** A writer sends at most this many messages a minute on one request. */
export const MESSAGES_PER_MINUTE = 10;

/** Whether one more message now would pass `MESSAGES_PER_MINUTE`, given when this writer's messages on the request were sent. */
export function overMessageRate(sentAtMillis: readonly number[], nowMillis: number): boolean {
  return sentAtMillis.filter((at) => nowMillis - at < 60_000).length >= MESSAGES_PER_MINUTE;
}

/** What the message box checks before sending (the rules check the same). */
export function validateMessageText(text: string): MessageError | null {
  if (text.trim().length === 0) return 'empty';
  if (text.length > MAX_MESSAGE_LENGTH) return 'too-long';
  return null;
}

/** A visitor's optional call-back phone: digits, +, spaces, brackets, hyphens; the rules use the same pattern. */
export function validContactPhone(phone: string): boolean {
  return phone.length <= MAX_CONTACT_PHONE_LENGTH && /^[+]?[0-9 ()-]{3,20}$/.test(phone);
}
