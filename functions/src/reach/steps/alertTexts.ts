// What Telegram, SMS and voice alerts say, in each locale (Russian is the default); `en` is typed by `ru`.
import type { Locale, Requester, SosRequest, TimestampLike } from '@sos/model';
import { titleHead } from '../../notify/messages';
import { textsFor } from '../../notify/texts';
import { gatherTwiml } from '../transport/twiml';
import type { ChannelMessage, ContactChannel } from '../transport';

const ru = {
  help: (head: string, place: string) => `SOS: ${head} — ${place}`,
  noPlace: 'место не указано (экстренный вызов)',
  from: (name: string) => `Вызвал(а): ${name}`,
  visitor: 'Посетитель',
  accept: 'Принять',
  smsAccept: 'Ответьте 1, чтобы принять.',
  voiceAccept: 'Нажмите 1, чтобы принять вызов.',
  moreCalls: (count: number, locationName: string) => `Ещё вызовов о помощи: ${count} — ${locationName}`,
  accepted: 'Вызов ваш. Идите на место.',
  takenBy: (name: string) => `Уже принял(а): ${name}`,
  closed: 'Этот вызов уже закрыт.',
  notYours: 'Этот номер не может принять вызов.',
  notYourChat: 'Из этого чата нельзя принять вызов: привяжите Telegram в приложении.',
  nothingToAccept: 'Нет вызова, который можно принять с этого номера.',
  stopped: 'SMS-оповещения на этот номер отключены.',
};

export type AlertTexts = typeof ru;

const en: AlertTexts = {
  help: (head, place) => `SOS: ${head} — ${place}`,
  noPlace: 'no place given (emergency call)',
  from: (name) => `Called by: ${name}`,
  visitor: 'Visitor',
  accept: 'Accept',
  smsAccept: 'Reply 1 to accept.',
  voiceAccept: 'Press 1 to accept the call.',
  moreCalls: (count, locationName) => `${count} more calls for help at ${locationName}`,
  accepted: 'The call is yours. Go to the place.',
  takenBy: (name) => `Already taken by ${name}`,
  closed: 'This call is already closed.',
  notYours: 'This number cannot accept the call.',
  notYourChat: 'This chat cannot accept the call: link Telegram in the app.',
  nothingToAccept: 'There is no call to accept from this number.',
  stopped: 'SMS alerts to this number are off.',
};

export const ALERT_TEXTS: Record<Locale, AlertTexts> = { ru, en };

/** What help is needed (the kind, as a staff push's title says it) and where: the location, then the spot. */
export interface AlertContext extends Pick<SosRequest<TimestampLike>, 'source' | 'kind' | 'silent'> {
  locationName?: string;
  objectName?: string | null;
  requester?: Requester;
}

/** The Telegram callback data of «Принять»: it alone names the request and the action. */
export const acceptCallbackData = (requestId: string): string => `ack:${requestId}`;

/** The request a «Принять» press names, or null for any other button. */
export function parseAcceptCallback(data: unknown): string | null {
  if (typeof data !== 'string' || !data.startsWith('ack:')) return null;
  const requestId = data.slice(4);
  return /^[A-Za-z0-9_-]{1,200}$/.test(requestId) ? requestId : null;
}

/** The lines every alert starts with: where help is needed and who called, then `more` (grouped alerts), if any. */
function alertLines(locale: Locale, request: AlertContext, more: string | null): string[] {
  const texts = ALERT_TEXTS[locale];
  const place = [request.locationName, request.objectName ?? texts.noPlace].filter(Boolean).join(', ');
  const name = request.requester?.visitor ? texts.visitor : request.requester?.name;
  return [texts.help(titleHead(textsFor(locale), request), place), ...(name ? [texts.from(name)] : []), ...(more ? [more] : [])];
}

/**
 * One alert to one contact method in its owner's language: Telegram with «Принять», an SMS asking for "1", a call
 * that says where and gathers one digit (posted to `gatherAction`).
 */
export function alertMessage(
  channel: ContactChannel,
  address: string,
  locale: Locale,
  requestId: string,
  request: AlertContext,
  gatherAction: string,
  more: string | null = null,
): ChannelMessage {
  const texts = ALERT_TEXTS[locale];
  const lines = alertLines(locale, request, more);
  switch (channel) {
    case 'telegram':
      return { channel, chatId: address, text: lines.join('\n'), buttons: [{ text: texts.accept, callbackData: acceptCallbackData(requestId) }] };
    case 'sms':
      return { channel, to: address, body: [...lines, texts.smsAccept].join('\n') };
    case 'voice':
      return { channel, to: address, twiml: gatherTwiml([...lines, texts.voiceAccept].join('. '), locale, gatherAction) };
  }
}
