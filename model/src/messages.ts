import { MAX_CONTACT_PHONE_LENGTH, MAX_MESSAGE_LENGTH, type MessageRate } from './contract';

export type MessageError = 'empty' | 'too-long';

/** A writer sends at most this many messages a minute on one request (firestore.rules count them per window). */
export const MESSAGES_PER_MINUTE = 10;
/** The window the rules count a writer's messages in. */
export const MESSAGE_RATE_WINDOW_MS = 60_000;

/** Whether one more message now would pass `MESSAGES_PER_MINUTE`, given when this writer's messages on the request were sent. */
export function overMessageRate(sentAtMillis: readonly number[], nowMillis: number): boolean {
  return sentAtMillis.filter((at) => nowMillis - at < MESSAGE_RATE_WINDOW_MS).length >= MESSAGES_PER_MINUTE;
}

/** What a message's batch writes to its writer's rate document: `set` starts a window, `update` counts one more in it. */
export type MessageRateWrite<Fv> = { op: 'set'; data: MessageRate<Fv> } | { op: 'update'; data: Pick<MessageRate<Fv>, 'lastMessageId'> & { count: Fv } };

/**
 * The rate document's write for message `messageId`, from the document as the writer last knew it (`now` is the SDK's
 * serverTimestamp(), `plusOne` its increment(1)). A new window only for the first message or once the window is full:
 * counting on in an old window is always allowed, so the writer's clock never decides.
 */
export function messageRateWrite<Fv>(rate: Pick<MessageRate<unknown>, 'count'> | null, messageId: string, now: Fv, plusOne: Fv): MessageRateWrite<Fv> {
  if (rate === null || rate.count >= MESSAGES_PER_MINUTE) return { op: 'set', data: { windowStart: now, count: 1, lastMessageId: messageId } };
  return { op: 'update', data: { count: plusOne, lastMessageId: messageId } };
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
